package org.safesteps.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A campaign as its author writes it.
 *
 * @param name what staff call it
 * @param target who receives it
 * @param message what it says, per locale
 * @param deepLink where tapping it leads, optional
 * @param schedule when it goes out
 * @param urgent an urgent safety alert, which ignores quiet hours; only an admin may set it
 */
record CampaignDraft(
		@NotBlank(message = "is required") @Size(max = 120, message = "must be at most 120 characters") String name,
		@NotNull(message = "is required") @Valid Target target,
		@NotNull(message = "is required") @Valid MessageTexts message, @Valid DeepLink deepLink,
		@NotNull(message = "is required") @Valid Schedule schedule, Boolean urgent) {

	boolean isUrgent() {
		return Boolean.TRUE.equals(this.urgent);
	}

	/** Devices must match every list given; an empty or missing list matches all. */
	record Target(
			@NotNull(message = "is required") @Size(min = 1, max = 20,
					message = "must name 1 to 20 countries") List<@NotNull(message = "must not be null") @Pattern(
							regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as TH") String> countries,
			@Size(max = 200, message = "must name at most 200 regions") List<@NotNull(
					message = "must not be null") @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}",
							message = "must be an ISO 3166-2 code such as TH-10") String> regions,
			@Size(max = 20, message = "must name at most 20 locales") List<@NotNull(
					message = "must not be null") @Size(max = 35, message = "must be at most 35 characters") String> locales,
			@Size(max = 5, message = "must name at most 5 audiences") List<@NotNull(
					message = "must not be null") @Pattern(regexp = Targets.AUDIENCES,
							message = "must be child, parent, teacher, practitioner or community-leader") String> audiences,
			@Size(max = 3, message = "must name at most 3 age bands") List<@NotNull(
					message = "must not be null") @Pattern(regexp = Targets.AGE_BANDS,
							message = "must be 5-8, 9-12 or 13-17") String> ageBands) {

		Target {
			regions = (regions != null) ? List.copyOf(regions) : List.of();
			locales = (locales != null) ? List.copyOf(locales) : List.of();
			audiences = (audiences != null) ? List.copyOf(audiences) : List.of();
			ageBands = (ageBands != null) ? List.copyOf(ageBands) : List.of();
		}

	}

	/**
	 * Texts inline per locale, or keys of the notification strings in {@code localization/}.
	 * @param fallbackLocale what a device whose language has no text gets; {@code en} by default
	 */
	record MessageTexts(@Size(max = 35, message = "must be at most 35 characters") String fallbackLocale,
			@Size(max = 30, message = "must hold at most 30 locales") Map<String, @NotNull(
					message = "must not be null") @Valid Text> texts,
			@Pattern(regexp = KEY, message = "must be a notification string key such as notification.helpline.title") String titleKey,
			@Pattern(regexp = KEY, message = "must be a notification string key such as notification.helpline.body") String bodyKey) {

		static final String KEY = "notification\\.[a-z0-9-]+(\\.[a-z0-9-]+)*";

		MessageTexts {
			fallbackLocale = (fallbackLocale != null) ? fallbackLocale : "en";
			texts = (texts != null) ? Map.copyOf(texts) : Map.of();
		}

	}

	/** Short, as a notification shows it. */
	record Text(@NotBlank(message = "is required") @Size(max = 65, message = "must be at most 65 characters") String title,
			@NotBlank(message = "is required") @Size(max = 240, message = "must be at most 240 characters") String body) {
	}

	record DeepLink(
			@NotNull(message = "is required") @Pattern(regexp = "lesson|poll|help",
					message = "must be lesson, poll or help") String kind,
			@NotBlank(message = "is required") @Size(max = 80, message = "must be at most 80 characters") String id) {

		String uri() {
			return "safesteps://" + this.kind + "/" + this.id;
		}

	}

	/**
	 * Exactly one of the two.
	 * @param at a UTC instant: every device at the same moment
	 * @param localTime {@code yyyy-MM-ddTHH:mm}: every device at that clock time in its own time zone
	 */
	record Schedule(Instant at,
			@Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}", message = "must be a local date and time such as 2027-02-09T10:00") String localTime) {
	}

}

package org.safesteps.participation;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.safesteps.activity.CoarseContext;

/** What children and analysts send. Messages are literal, so validating never loads a bundle. */
final class ParticipationRequests {

	static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

	static final String KEY = "[a-z0-9]+(-[a-z0-9]+)*";

	private ParticipationRequests() {
	}

	/**
	 * A child's anonymous answers to a poll.
	 *
	 * @param responseId a random UUID the app makes once per response and sends again on a retry
	 */
	record PollResponse(
			@NotNull(message = "is required") @Pattern(regexp = UUID, message = "must be a random UUID in lower case") String responseId,
			@NotNull(message = "is required") @Size(min = 1, max = 10,
					message = "must hold 1 to 10 answers") List<@Valid @NotNull(message = "must not be null") Answer> answers,
			@NotNull(message = "is required") @Valid Participant context) {
	}

	/**
	 * @param selected option keys, for choice, rating and Likert questions
	 * @param text the answer to a free-text question
	 */
	record Answer(
			@NotBlank(message = "is required") @Size(max = 40, message = "must be at most 40 characters") @Pattern(
					regexp = KEY, message = "must be a question key") String question,
			@Size(min = 1, max = 8, message = "must name 1 to 8 options") List<@NotBlank(
					message = "must not be blank") @Size(max = 40, message = "must be at most 40 characters") String> selected,
			@Size(max = 4000, message = "is too long") String text) {
	}

	/**
	 * The child's coarse context, and optionally their gender.
	 *
	 * @param gender {@code girl}, {@code boy}, {@code other} or {@code prefer-not-to-say}
	 */
	record Participant(
			@NotNull(message = "is required") @Pattern(regexp = "[A-Z]{2}",
					message = "must be an ISO 3166-1 alpha-2 code such as TH") String country,
			@Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "must be an ISO 3166-2 code such as TH-10") String region,
			@NotNull(message = "is required") @Pattern(regexp = "5-8|9-12|13-17",
					message = "must be 5-8, 9-12 or 13-17") String ageBand,
			@Pattern(regexp = "girl|boy|other|prefer-not-to-say",
					message = "must be girl, boy, other or prefer-not-to-say") String gender) {

		CoarseContext coarse() {
			return new CoarseContext(this.country, this.region, this.ageBand);
		}

	}

	/**
	 * A child's anonymous feedback on a lesson.
	 *
	 * @param helpful whether the lesson helped
	 * @param rating 1 (not at all) to 5 (very much), optional
	 */
	record LessonFeedback(
			@NotNull(message = "is required") @Pattern(regexp = UUID, message = "must be a random UUID in lower case") String feedbackId,
			@NotNull(message = "is required") @Size(max = 80, message = "must be at most 80 characters") @Pattern(
					regexp = KEY, message = "must be a lesson id") String lessonId,
			@NotNull(message = "is required") Boolean helpful,
			@Min(value = 1, message = "must be 1 to 5") @Max(value = 5, message = "must be 1 to 5") Integer rating,
			@Size(max = 4000, message = "is too long") String text,
			@NotNull(message = "is required") @Valid Participant context) {
	}

	/**
	 * What a country's ministry did with what children said.
	 *
	 * @param statement the statement by locale; English is required, the others fall back to it
	 */
	record Outcome(
			@NotNull(message = "is required") @Pattern(regexp = "[A-Z]{2}",
					message = "must be an ISO 3166-1 alpha-2 code such as TH") String country,
			@NotEmpty(message = "is required") @Size(max = 20, message = "must hold at most 20 locales") Map<@NotBlank(
					message = "must not be blank") @Size(max = 20, message = "must be a locale tag") String, @NotBlank(
							message = "must not be blank") @Size(max = 1000,
									message = "must be at most 1000 characters") String> statement) {
	}

}

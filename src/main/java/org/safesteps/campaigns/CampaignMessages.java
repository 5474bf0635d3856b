package org.safesteps.campaigns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.ApsAlert;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;

import org.safesteps.localization.LocalizationCatalog;
import org.safesteps.localization.ResolvedLocale;
import org.safesteps.platform.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * A campaign's message as each device receives it: in the device's language when the campaign
 * has it (along the BCP 47 chain, {@code fil-PH} then {@code fil}), else in its fallback language.
 * Android and APNs collapse it by campaign, so a device shows one notification per campaign.
 */
@Component
class CampaignMessages {

	private static final long TIME_TO_LIVE = Duration.ofDays(1).toMillis();

	private final LocalizationCatalog localization;

	CampaignMessages(LocalizationCatalog localization) {
		this.localization = localization;
	}

	/** Adds an error for each part of the message that could not be shown to some device. */
	void check(CampaignDraft.MessageTexts message, String field, List<ApiProblem.FieldError> errors) {
		boolean keys = message.titleKey() != null || message.bodyKey() != null;
		if (keys && (message.titleKey() == null || message.bodyKey() == null)) {
			errors.add(new ApiProblem.FieldError(field, "must give both titleKey and bodyKey, or neither"));
			return;
		}
		if (!keys && message.texts().isEmpty()) {
			errors.add(new ApiProblem.FieldError(field, "must give texts per locale, or titleKey and bodyKey"));
			return;
		}
		message.texts().keySet().forEach(tag -> Targets.checkLocale(tag, field + ".texts." + tag, errors));
		Targets.checkLocale(message.fallbackLocale(), field + ".fallbackLocale", errors);
		if (keys) {
			LocalizationCatalog.UiStrings source = this.localization.uiStrings(this.localization.sourceLocale());
			for (String key : List.of(message.titleKey(), message.bodyKey())) {
				if (source == null || !source.strings().containsKey(key)) {
					errors.add(new ApiProblem.FieldError(field, "names a notification string that does not exist: " + key));
				}
			}
		}
		if (errors.isEmpty() && text(message, message.fallbackLocale()).isEmpty()) {
			errors.add(new ApiProblem.FieldError(field + ".fallbackLocale",
					"must be a locale the message has a text in: " + message.fallbackLocale()));
		}
	}

	/** The title and body for a device in this locale, if the campaign has them in some language of its chain. */
	Optional<CampaignDraft.Text> text(CampaignDraft.MessageTexts message, String deviceLocale) {
		List<String> tags = new ArrayList<>(ResolvedLocale.truncations(deviceLocale));
		tags.addAll(ResolvedLocale.truncations(message.fallbackLocale()));
		for (String tag : tags) {
			CampaignDraft.Text inline = message.texts().get(tag);
			if (inline != null) {
				return Optional.of(inline);
			}
			if (message.titleKey() != null) {
				LocalizationCatalog.UiStrings strings = this.localization.uiStrings(tag);
				if (strings != null && strings.strings().containsKey(message.titleKey())
						&& strings.strings().containsKey(message.bodyKey())) {
					return Optional.of(new CampaignDraft.Text(strings.strings().get(message.titleKey()),
							strings.strings().get(message.bodyKey())));
				}
			}
		}
		return Optional.empty();
	}

	Message build(Campaign campaign, Device device, CampaignDraft.Text text) {
		boolean urgent = campaign.draft().isUrgent();
		Message.Builder message = Message.builder()
			.setToken(device.token())
			.setNotification(Notification.builder().setTitle(text.title()).setBody(text.body()).build())
			.putData("campaign", campaign.id())
			.setAndroidConfig(AndroidConfig.builder()
				.setPriority(urgent ? AndroidConfig.Priority.HIGH : AndroidConfig.Priority.NORMAL)
				.setTtl(TIME_TO_LIVE)
				.setCollapseKey(campaign.id())
				.setNotification(AndroidNotification.builder().setTag(campaign.id()).build())
				.build())
			.setApnsConfig(ApnsConfig.builder()
				.putHeader("apns-collapse-id", campaign.id())
				.putHeader("apns-priority", urgent ? "10" : "5")
				.setAps(Aps.builder()
					.setAlert(ApsAlert.builder().setTitle(text.title()).setBody(text.body()).build())
					.setThreadId("safesteps-campaigns")
					.build())
				.build());
		CampaignDraft.DeepLink link = campaign.draft().deepLink();
		if (link != null) {
			message.putAllData(Map.of("deepLink", link.uri()));
		}
		return message.build();
	}

}

package org.safesteps.participation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param markerSecret the HMAC key of the markers that stop a learner answering a poll twice; at
 * least 32 characters, different from the subject-key secret, kept secret and stable
 * @param freeTextRetention how long a child's free text is kept; after it, the text is deleted and
 * the rest of the response (and every count) kept
 * @param maxTextLength the longest free-text answer
 */
@ConfigurationProperties("safesteps.participation")
record ParticipationProperties(String markerSecret, @DefaultValue("180d") Duration freeTextRetention,
		@DefaultValue("500") int maxTextLength) {
}

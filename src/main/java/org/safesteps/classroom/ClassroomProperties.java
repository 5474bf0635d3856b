package org.safesteps.classroom;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param markerSecret the HMAC key of the markers that record that a learner joined a session or
 * answered one of its steps; at least 32 characters, different from the other secrets
 * @param codeValidity how long a session and its join code last
 * @param minimumAnswers how many children must have answered a question before its per-option
 * counts and share correct are shown; before that, only how many answered
 * @param refreshInterval how often a listening teacher's stream re-reads the session, to see
 * answers taken by other instances
 */
@ConfigurationProperties("safesteps.classroom")
record ClassroomProperties(String markerSecret, @DefaultValue("4h") Duration codeValidity,
		@DefaultValue("5") int minimumAnswers, @DefaultValue("250ms") Duration refreshInterval) {

	ClassroomProperties {
		if (markerSecret == null || markerSecret.length() < 32) {
			throw new IllegalStateException(
					"Set safesteps.classroom.marker-secret (SAFESTEPS_CLASSROOM_SECRET) to at least 32 characters");
		}
		if (minimumAnswers < 1) {
			throw new IllegalArgumentException("safesteps.classroom.minimum-answers must be at least 1");
		}
	}

}

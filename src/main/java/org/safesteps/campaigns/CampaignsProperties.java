package org.safesteps.campaigns;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param quietHoursStart local time (HH:mm) from which no campaign reaches a device
 * @param quietHoursEnd local time (HH:mm) at which a deferred message goes out
 * @param frequencyCap campaign messages a child's device receives at most per {@code frequencyWindow}
 * @param deviceRetention a device not seen for this long is removed (FCM deems its token stale)
 * @param retentionInterval how often the device retention job runs
 * @param delivery how sending is paced and retried
 * @param fcm where messages go
 */
@ConfigurationProperties("safesteps.campaigns")
record CampaignsProperties(@DefaultValue("20:00") String quietHoursStart, @DefaultValue("07:00") String quietHoursEnd,
		@DefaultValue("2") int frequencyCap, @DefaultValue("7d") Duration frequencyWindow,
		@DefaultValue("270d") Duration deviceRetention, @DefaultValue("1h") Duration retentionInterval,
		@DefaultValue Delivery delivery, @DefaultValue Fcm fcm) {

	CampaignsProperties {
		time(quietHoursStart);
		time(quietHoursEnd);
		if (frequencyCap < 1) {
			throw new IllegalArgumentException("safesteps.campaigns.frequency-cap must be at least 1");
		}
	}

	LocalTime quietStart() {
		return time(this.quietHoursStart);
	}

	LocalTime quietEnd() {
		return time(this.quietHoursEnd);
	}

	private static LocalTime time(String time) {
		try {
			return LocalTime.parse(time);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("safesteps.campaigns quiet hours must be HH:mm, not " + time);
		}
	}

	/**
	 * @param chunkSize messages per {@code sendEach} call; FCM takes at most 500
	 * @param concurrency chunks one instance sends at the same time
	 * @param pollInterval how often an instance looks for campaigns and chunks that are due
	 * @param leaseTtl how long a claimed chunk stays with its instance; after that, another takes it over
	 * @param maxAttempts sends of one message at most, the first included, on errors worth retrying
	 * @param backoffBase the first retry's delay, doubled for each next one, with jitter
	 * @param backoffMax the longest delay between two attempts
	 */
	record Delivery(@DefaultValue("500") int chunkSize, @DefaultValue("3") int concurrency,
			@DefaultValue("1s") Duration pollInterval, @DefaultValue("60s") Duration leaseTtl,
			@DefaultValue("5") int maxAttempts, @DefaultValue("1s") Duration backoffBase,
			@DefaultValue("60s") Duration backoffMax) {

		Delivery {
			if (chunkSize < 1 || chunkSize > 500) {
				throw new IllegalArgumentException("safesteps.campaigns.delivery.chunk-size must be 1 to 500");
			}
			if (concurrency < 1 || maxAttempts < 1) {
				throw new IllegalArgumentException(
						"safesteps.campaigns.delivery.concurrency and max-attempts must be at least 1");
			}
		}

	}

	/**
	 * @param projectId the Firebase project; read from the service account when not set
	 * @param credentialsFile a service-account JSON file; without it, Application Default Credentials
	 * @param endpoint where FCM requests go instead of https://fcm.googleapis.com (the local stub);
	 * with it, no credentials are needed
	 * @param threads concurrent HTTP requests to FCM
	 * @param stub the local FCM stub, started in-process
	 */
	record Fcm(String projectId, String credentialsFile, String endpoint, @DefaultValue("32") int threads,
			@DefaultValue Stub stub) {
	}

	/**
	 * @param enabled start the stub and send to it (the local profile does)
	 * @param port its port on 127.0.0.1; 0 picks a free one
	 */
	record Stub(@DefaultValue("false") boolean enabled, @DefaultValue("9099") int port) {
	}

}

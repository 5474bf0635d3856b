package org.safesteps.platform;

import java.time.Duration;

/**
 * The named limits, each with its default: {@code safesteps.rate-limits.<name>.capacity} and
 * {@code .refill-period} change them. Limits are kept per key (a learner's keyed hash), never
 * per IP address, so one school's shared address never blocks a class.
 */
public enum RateLimit {

	/** Quiz attempts and other learner writes. */
	LEARNER_WRITES("learner-writes", 30, Duration.ofMinutes(1)),

	/** Wrong classroom join codes: stops guessing codes. */
	CLASSROOM_JOIN_FAILURES("classroom-join-failures", 10, Duration.ofMinutes(10)),

	/** Registering or refreshing a device for notifications. */
	DEVICE_REGISTRATIONS("device-registrations", 10, Duration.ofHours(1)),

	/** Poll responses and lesson feedback. */
	FEEDBACK("feedback", 20, Duration.ofHours(1));

	private final String configName;

	private final int defaultCapacity;

	private final Duration defaultRefillPeriod;

	RateLimit(String configName, int defaultCapacity, Duration defaultRefillPeriod) {
		this.configName = configName;
		this.defaultCapacity = defaultCapacity;
		this.defaultRefillPeriod = defaultRefillPeriod;
	}

	public String configName() {
		return this.configName;
	}

	RateLimitProperties.Limit defaults() {
		return new RateLimitProperties.Limit(this.defaultCapacity, this.defaultRefillPeriod);
	}

}

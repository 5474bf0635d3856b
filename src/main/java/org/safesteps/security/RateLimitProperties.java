package org.safesteps.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on learner writes (quiz attempts, feedback, joining a class, registering a device),
 * per keyed hash of the token's subject. No IP address is used or stored.
 *
 * @param capacity writes allowed in a burst
 * @param refillPeriod time in which {@code capacity} writes are restored
 * @param maxTrackedSubjects buckets kept in memory; the least recently used go first
 */
@ConfigurationProperties("safesteps.rate-limits.learner-writes")
public record RateLimitProperties(@DefaultValue("30") int capacity, @DefaultValue("1m") Duration refillPeriod,
		@DefaultValue("100000") int maxTrackedSubjects) {
}

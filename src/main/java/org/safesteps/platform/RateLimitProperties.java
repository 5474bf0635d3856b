package org.safesteps.platform;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Overrides of the {@link RateLimit} defaults, by name: {@code safesteps.rate-limits.learner-writes.capacity=30}.
 *
 * @param rateLimits limit name to its settings
 * @param rateLimitTrackedKeys buckets kept in memory per limit; the least recently used go first
 */
@ConfigurationProperties("safesteps")
record RateLimitProperties(@DefaultValue Map<String, Limit> rateLimits,
		@DefaultValue("100000") int rateLimitTrackedKeys) {

	Limit of(RateLimit limit) {
		Limit configured = this.rateLimits.get(limit.configName());
		Limit defaults = limit.defaults();
		if (configured == null) {
			return defaults;
		}
		return new Limit(configured.capacity() != null ? configured.capacity() : defaults.capacity(),
				configured.refillPeriod() != null ? configured.refillPeriod() : defaults.refillPeriod());
	}

	/**
	 * @param capacity requests allowed in a burst
	 * @param refillPeriod time in which {@code capacity} requests are restored
	 */
	record Limit(Integer capacity, Duration refillPeriod) {
	}

}

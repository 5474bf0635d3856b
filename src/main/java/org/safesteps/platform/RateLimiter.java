package org.safesteps.platform;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Token buckets per named limit and key. A bucket idle for a whole refill period is full again,
 * so it is dropped then; each limit's map is bounded, least recently used first, so many
 * throwaway sign-ins cannot reset anyone else's limit. Callers spend a token only once a request
 * has passed validation, so an invalid request costs a learner nothing.
 */
@Component
public class RateLimiter {

	private final Map<RateLimit, Limiter> limiters = new EnumMap<>(RateLimit.class);

	RateLimiter(RateLimitProperties properties, MeterRegistry meters) {
		for (RateLimit limit : RateLimit.values()) {
			this.limiters.put(limit, new Limiter(properties.of(limit), properties.rateLimitTrackedKeys(),
					Counter.builder("safesteps.rate_limit.rejections")
						.description("Requests refused because a rate limit was reached")
						.tag("limit", limit.configName())
						.register(meters)));
		}
	}

	/**
	 * Spends one token of the key's bucket.
	 * @throws ApiProblem 429 {@code rate-limited} with the seconds to wait
	 */
	public void consume(RateLimit limit, String key) {
		this.limiters.get(limit).consume(key);
	}

	/**
	 * Refuses the request if the key's bucket is empty, without spending a token: for limits
	 * that count failures, such as wrong join codes.
	 * @throws ApiProblem 429 {@code rate-limited} with the seconds to wait
	 */
	public void checkAvailable(RateLimit limit, String key) {
		this.limiters.get(limit).checkAvailable(key);
	}

	private static final class Limiter {

		private final RateLimitProperties.Limit settings;

		private final Cache<String, Bucket> buckets;

		private final Counter rejections;

		Limiter(RateLimitProperties.Limit settings, int trackedKeys, Counter rejections) {
			this.settings = settings;
			this.rejections = rejections;
			this.buckets = Caffeine.newBuilder()
				.maximumSize(trackedKeys)
				.expireAfterAccess(settings.refillPeriod())
				.build();
		}

		void consume(String key) {
			ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				throw rejected(probe.getNanosToWaitForRefill());
			}
		}

		void checkAvailable(String key) {
			Bucket bucket = bucket(key);
			if (bucket.getAvailableTokens() < 1) {
				throw rejected(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
			}
		}

		private Bucket bucket(String key) {
			return this.buckets.get(key, missing -> Bucket.builder()
				.addLimit(Bandwidth.builder()
					.capacity(this.settings.capacity())
					.refillGreedy(this.settings.capacity(), this.settings.refillPeriod())
					.build())
				.build());
		}

		private ApiProblem rejected(long nanosToWait) {
			this.rejections.increment();
			long seconds = Math.max(1, Duration.ofNanos(nanosToWait).toSeconds() + 1);
			return new ApiProblem(ProblemType.RATE_LIMITED, Map.of("seconds", seconds),
					Map.of("retryAfterSeconds", seconds));
		}

	}

}

package org.safesteps.security;

import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.ProblemType;
import org.springframework.stereotype.Component;

/**
 * Token buckets for learner writes, keyed by the subject's keyed hash. A bucket idle for a whole
 * refill period is full again, so it is dropped then; the map is bounded, least recently used
 * first, so many throwaway sign-ins cannot reset anyone else's limit.
 */
@Component
public class LearnerWriteLimiter {

	private final RateLimitProperties properties;

	private final Cache<String, Bucket> buckets;

	LearnerWriteLimiter(RateLimitProperties properties) {
		this.properties = properties;
		this.buckets = Caffeine.newBuilder()
			.maximumSize(properties.maxTrackedSubjects())
			.expireAfterAccess(properties.refillPeriod())
			.build();
	}

	/**
	 * Takes one write from the subject's bucket.
	 * @throws ApiProblem 429 {@code rate-limited} with the seconds to wait
	 */
	public void consume(String subjectKey) {
		Bucket bucket = this.buckets.get(subjectKey, key -> newBucket());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
			throw new ApiProblem(ProblemType.RATE_LIMITED, Map.of("seconds", seconds),
					Map.of("retryAfterSeconds", seconds));
		}
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.properties.capacity())
				.refillGreedy(this.properties.capacity(), this.properties.refillPeriod())
				.build())
			.build();
	}

}

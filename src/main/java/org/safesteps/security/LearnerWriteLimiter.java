package org.safesteps.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.ProblemType;
import org.springframework.stereotype.Component;

/** Token buckets for learner writes, keyed by the subject's keyed hash. */
@Component
public class LearnerWriteLimiter {

	private final RateLimitProperties properties;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	LearnerWriteLimiter(RateLimitProperties properties) {
		this.properties = properties;
	}

	/**
	 * Takes one write from the subject's bucket.
	 * @throws ApiProblem 429 {@code rate-limited} with the seconds to wait
	 */
	public void consume(String subjectKey) {
		if (this.buckets.size() >= this.properties.maxTrackedSubjects()) {
			this.buckets.clear();
		}
		Bucket bucket = this.buckets.computeIfAbsent(subjectKey, key -> newBucket());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
			throw new ApiProblem(ProblemType.RATE_LIMITED, Map.of("seconds", seconds),
					Map.of("retryAfterSeconds", seconds));
		}
	}

	/** Forgets a subject, as part of erasing a learner. */
	public void forget(String subjectKey) {
		this.buckets.remove(subjectKey);
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

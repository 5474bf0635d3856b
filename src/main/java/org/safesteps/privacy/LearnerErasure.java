package org.safesteps.privacy;

import reactor.core.publisher.Mono;

/**
 * Implemented by every feature that keeps data under a learner's keyed hash. {@code DELETE /v1/me}
 * calls them all; erasing a learner with no data, or erasing twice, must succeed.
 */
public interface LearnerErasure {

	/** Removes everything this feature keeps under the key; completes once that is stored. */
	Mono<Void> eraseLearner(String learnerKey);

}

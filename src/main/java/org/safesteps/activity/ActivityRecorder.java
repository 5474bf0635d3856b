package org.safesteps.activity;

import reactor.core.publisher.Mono;

/** The one way a feature reports activity. */
public interface ActivityRecorder {

	/**
	 * Stores the activity for the listeners; completes once it is stored. Recording the same
	 * event id twice (a client's retry) stores it once.
	 * @param eventId a random id, or the id the client sent for its retries; never a learner key
	 */
	Mono<Void> record(String eventId, Activity activity);

}

package org.safesteps.activity;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * A feature that counts activity, such as statistics. Recorded activity reaches every listener
 * in batches, in increasing batch order, one batch at a time across all instances. After a
 * failure or a crash the same batch, with the same activities, is delivered again, so a listener
 * must apply a batch id at most once (for example by keeping the last batch id it applied).
 */
public interface ActivityListener {

	Mono<Void> onBatch(long batchId, List<Activity> activities);

}

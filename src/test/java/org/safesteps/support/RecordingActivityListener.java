package org.safesteps.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;

import org.safesteps.activity.Activity;
import org.safesteps.activity.ActivityListener;

/** Keeps every batch delivered to it; can be told to fail the next deliveries, as a crashed listener would. */
public class RecordingActivityListener implements ActivityListener {

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresToCome = new AtomicInteger();

	@Override
	public Mono<Void> onBatch(long batchId, List<Activity> activities) {
		this.deliveries.add(new Delivery(batchId, activities, this.failuresToCome.get() > 0));
		if (this.failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			return Mono.error(new IllegalStateException("listener down"));
		}
		return Mono.empty();
	}

	public List<Delivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	public void failNext(int deliveries) {
		this.failuresToCome.set(deliveries);
	}

	/** @param failed whether this delivery was refused, so that it will come again */
	public record Delivery(long batchId, List<Activity> activities, boolean failed) {
	}

}

package org.safesteps.activity;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.safesteps.platform.Leases;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Delivers recorded activity to the listeners, exactly once each, with no transactions: one
 * instance at a time (a lease) claims a batch by recording its number, open, with the ids of the
 * waiting activities. A batch is delivered until every listener has applied it, then deleted and
 * closed; after a crash, the open batch is delivered again, with the same activities, and
 * listeners skip what they already applied.
 */
@Component
class ActivityDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ActivityDispatcher.class);

	static final String STATE = "activity_dispatch";

	private static final String LEASE = "activity-dispatcher";

	private static final int MAX_BATCHES_PER_ROUND = 20;

	private final ActivityOutbox outbox;

	private final List<ActivityListener> listeners;

	private final ReactiveMongoTemplate mongo;

	private final Leases leases;

	private final ActivityProperties properties;

	private volatile Scheduler scheduler;

	private volatile Disposable running;

	private volatile boolean lastRoundFailed;

	ActivityDispatcher(ActivityOutbox outbox, List<ActivityListener> listeners, ReactiveMongoTemplate mongo,
			Leases leases, ActivityProperties properties) {
		this.outbox = outbox;
		this.listeners = listeners;
		this.mongo = mongo;
		this.leases = leases;
		this.properties = properties;
	}

	@Override
	public void start() {
		if (this.listeners.isEmpty()) {
			return;
		}
		this.scheduler = Schedulers.newSingle("activity-dispatcher", true);
		this.running = Flux.interval(this.properties.pollInterval(), this.scheduler)
			.onBackpressureDrop()
			.concatMap(tick -> dispatch(), 1)
			.subscribe();
	}

	/** Delivers what is waiting, if this instance holds the lease; never fails. */
	Mono<Void> dispatch() {
		return this.leases.tryAcquire(LEASE, this.properties.leaseTtl())
			.filter(held -> held)
			.flatMap(held -> deliverWaiting(0))
			.doOnSuccess(done -> {
				if (this.lastRoundFailed) {
					log.info("Activity delivery works again");
				}
				this.lastRoundFailed = false;
			})
			.onErrorResume(ex -> {
				if (!this.lastRoundFailed) {
					log.warn("Activity delivery failed ({}); it will be retried", ex.getClass().getSimpleName());
				}
				this.lastRoundFailed = true;
				return Mono.empty();
			});
	}

	private Mono<Void> deliverWaiting(int round) {
		if (round >= MAX_BATCHES_PER_ROUND) {
			return Mono.empty();
		}
		return nextBatch().flatMap(batch -> deliver(batch).then(deliverWaiting(round + 1)));
	}

	/** The open batch, or a newly claimed one; empty when nothing waits. */
	private Mono<Batch> nextBatch() {
		return this.mongo.findOne(Query.query(Criteria.where("_id").is("state")), Document.class, STATE)
			.defaultIfEmpty(new Document("batch", 0L).append("open", false))
			.flatMap(state -> {
				long current = ((Number) state.get("batch")).longValue();
				if (!state.getBoolean("open", false)) {
					return claim(current + 1);
				}
				List<Object> ids = state.getList("ids", Object.class);
				return (ids != null) ? Mono.just(new Batch(current, List.copyOf(ids))) : taggedBefore(current);
			});
	}

	/**
	 * Claims up to a batch of waiting activities by writing their ids into the state document,
	 * open: one write, whatever the size of the batch. Until the batch is closed its activities
	 * stay in the outbox and nothing else is claimed, so every activity in the outbox is waiting.
	 */
	private Mono<Batch> claim(long batch) {
		Query waiting = new Query().limit(this.properties.batchSize());
		waiting.fields().include("_id");
		return this.mongo.find(waiting, Document.class, ActivityOutbox.COLLECTION)
			.map(document -> document.get("_id"))
			.collectList()
			.filter(ids -> !ids.isEmpty())
			.flatMap(ids -> open(batch, ids).filter(opened -> opened).map(opened -> new Batch(batch, ids)));
	}

	/**
	 * Opens the batch only if the previous one is still the last and closed: an instance that
	 * stalled past its lease while another took over must not open the same number with other
	 * activities. False when the state moved on meanwhile; the next round reads it again.
	 */
	private Mono<Boolean> open(long batch, List<Object> ids) {
		Query closed = Query.query(Criteria.where("_id").is("state").and("batch").is(batch - 1).and("open").is(false));
		return this.mongo
			.findAndModify(closed, Update.update("batch", batch).set("open", true).set("ids", ids),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, STATE)
			.hasElement()
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(false));
	}

	/**
	 * A batch left open by a version that tagged each activity with its batch number instead of
	 * listing the ids in the state: the same activities, found by their tag.
	 */
	private Mono<Batch> taggedBefore(long batch) {
		Query tagged = Query.query(Criteria.where("batch").is(batch));
		tagged.fields().include("_id");
		return this.mongo.find(tagged, Document.class, ActivityOutbox.COLLECTION)
			.map(document -> document.get("_id"))
			.collectList()
			.map(ids -> new Batch(batch, ids));
	}

	private Mono<Void> deliver(Batch batch) {
		Query inBatch = Query.query(Criteria.where("_id").in(batch.ids()));
		return this.mongo.find(inBatch, Document.class, ActivityOutbox.COLLECTION)
			.map(this.outbox::read)
			.collectList()
			.flatMap(activities -> Flux.fromIterable(this.listeners)
				.concatMap(listener -> listener.onBatch(batch.number(), List.copyOf(activities)))
				.then())
			.then(this.leases.tryAcquire(LEASE, this.properties.leaseTtl()))
			.flatMap(stillHeld -> stillHeld
					? this.mongo.remove(inBatch, ActivityOutbox.COLLECTION).then(close(batch.number()))
					: Mono.error(new IllegalStateException("lost the activity dispatch lease")));
	}

	/** Closes the batch, if it is still the open one. */
	private Mono<Void> close(long batch) {
		Query open = Query.query(Criteria.where("_id").is("state").and("batch").is(batch).and("open").is(true));
		return this.mongo.updateFirst(open, Update.update("open", false).unset("ids"), STATE).then();
	}

	/** A batch: its number and the ids of its activities, fixed when it is claimed. */
	private record Batch(long number, List<Object> ids) {
	}

	@Override
	public void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
		this.running = null;
		// With MongoDB gone the lease simply expires; shutting down must not wait for it.
		this.leases.release(LEASE).timeout(Duration.ofSeconds(1)).onErrorResume(ex -> Mono.empty()).block();
		this.scheduler.dispose();
		this.scheduler = null;
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

}

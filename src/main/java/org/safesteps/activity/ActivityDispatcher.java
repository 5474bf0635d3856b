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
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Delivers recorded activity to the listeners, exactly once each, with no transactions: one
 * instance at a time (a lease) claims a batch by first recording its number as open, then
 * tagging the waiting activities with it. A batch is delivered until every listener has applied
 * it, then deleted and closed; after a crash, the open batch is delivered again, with the same
 * activities, and listeners skip what they already applied.
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

	private volatile boolean indexed;

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
	private Mono<Long> nextBatch() {
		return this.mongo.findOne(Query.query(Criteria.where("_id").is("state")), Document.class, STATE)
			.defaultIfEmpty(new Document("batch", 0L).append("open", false))
			.flatMap(state -> {
				long current = ((Number) state.get("batch")).longValue();
				if (state.getBoolean("open", false)) {
					return Mono.just(current);
				}
				return claim(current + 1);
			});
	}

	private Mono<Long> claim(long batch) {
		return ensureIndex().then(claimWaiting(batch));
	}

	/**
	 * The index the claim is answered from. (The embedded server uses an index only for a query on
	 * exactly its fields, and builds compound indexes only when they are unique, which this one is
	 * since it starts with the id; without it, tagging a batch compared every waiting activity with
	 * every id of the batch.)
	 */
	private Mono<Void> ensureIndex() {
		if (this.indexed) {
			return Mono.empty();
		}
		return this.mongo.indexOps(ActivityOutbox.COLLECTION)
			.createIndex(new Index().on("_id", Sort.Direction.ASC).on("batch", Sort.Direction.ASC).unique())
			.then(Mono.fromRunnable(() -> this.indexed = true));
	}

	private Mono<Long> claimWaiting(long batch) {
		Query waiting = Query.query(Criteria.where("batch").is(null)).limit(this.properties.batchSize());
		waiting.fields().include("_id");
		return this.mongo.find(waiting, Document.class, ActivityOutbox.COLLECTION)
			.map(document -> document.get("_id"))
			.collectList()
			.filter(ids -> !ids.isEmpty())
			.flatMap(ids -> setState(batch, true)
				.then(this.mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).and("batch").is(null)),
						Update.update("batch", batch), ActivityOutbox.COLLECTION))
				.thenReturn(batch));
	}

	private Mono<Void> deliver(long batch) {
		return this.mongo
			.find(Query.query(Criteria.where("batch").is(batch)), Document.class, ActivityOutbox.COLLECTION)
			.map(this.outbox::read)
			.collectList()
			.flatMap(activities -> Flux.fromIterable(this.listeners)
				.concatMap(listener -> listener.onBatch(batch, List.copyOf(activities)))
				.then())
			.then(this.leases.tryAcquire(LEASE, this.properties.leaseTtl()))
			.flatMap(stillHeld -> stillHeld
					? this.mongo
						.remove(Query.query(Criteria.where("batch").is(batch)), ActivityOutbox.COLLECTION)
						.then(setState(batch, false))
					: Mono.error(new IllegalStateException("lost the activity dispatch lease")));
	}

	private Mono<Void> setState(long batch, boolean open) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is("state")),
					Update.update("batch", batch).set("open", open),
					FindAndModifyOptions.options().upsert(true), Document.class, STATE)
			.then();
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

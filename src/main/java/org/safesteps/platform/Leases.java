package org.safesteps.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Named leases shared by every instance on one MongoDB, so that a job runs on one instance at a
 * time and another takes over when the holder dies. One {@code findAndModify} per attempt: the
 * lease is taken if it is free, expired, or already this instance's; a held lease makes the
 * upsert collide with the existing id and fail.
 */
@Component
public class Leases {

	static final String COLLECTION = "leases";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	Leases(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** This instance's name in leases. */
	public String owner() {
		return this.owner;
	}

	/** Takes or renews the lease for {@code ttl}; true when this instance holds it. */
	public Mono<Boolean> tryAcquire(String name, Duration ttl) {
		Date now = Date.from(this.clock.instant());
		Query free = Query.query(Criteria.where("_id")
			.is(name)
			.orOperator(Criteria.where("owner").is(this.owner), Criteria.where("until").lt(now)));
		Update take = Update.update("owner", this.owner).set("until", Date.from(now.toInstant().plus(ttl)));
		return this.mongo
			.findAndModify(free, take, FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class,
					COLLECTION)
			.map(lease -> this.owner.equals(lease.getString("owner")))
			.defaultIfEmpty(false)
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(false));
	}

	/** Gives the lease up, if this instance holds it, so that another instance need not wait for it to expire. */
	public Mono<Void> release(String name) {
		return this.mongo
			.remove(Query.query(Criteria.where("_id").is(name).and("owner").is(this.owner)), COLLECTION)
			.then();
	}

}

package org.safesteps.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.ProblemType;
import org.safesteps.platform.Writes;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases a learner from every feature, and makes erasure win over writes in flight. An erasure
 * first leaves a tombstone, then erases; a learner-keyed write, once stored, calls
 * {@link #confirmNotErased}: if a tombstone is there, the write is erased again and refused.
 * Either the write landed before the erasure removed it, or the write sees the tombstone.
 * The tombstone holds a hash of the learner key, not the key, and expires.
 */
@Component
public class Erasure {

	static final String TOMBSTONES = "erasure_tombstones";

	private final List<LearnerErasure> features;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final ErasureProperties properties;

	Erasure(List<LearnerErasure> features, ReactiveMongoTemplate mongo, Clock clock, ErasureProperties properties) {
		this.features = features;
		this.mongo = mongo;
		this.clock = clock;
		this.properties = properties;
	}

	Mono<Void> eraseLearner(String learnerKey) {
		Date until = Date.from(this.clock.instant().plus(this.properties.tombstoneTtl()));
		return Writes.toCompletion(this.mongo
			.findAndModify(byTombstone(learnerKey), Update.update("until", until),
					FindAndModifyOptions.options().upsert(true), Document.class, TOMBSTONES)
			.then(eraseEverywhere(learnerKey)));
	}

	/**
	 * Call after storing anything under a learner key: if the learner was erased meanwhile, what
	 * was stored is erased again and the request fails.
	 * @throws ApiProblem 410 {@code learner-erased}
	 */
	public Mono<Void> confirmNotErased(String learnerKey) {
		Query live = byTombstone(learnerKey).addCriteria(Criteria.where("until").gt(Date.from(this.clock.instant())));
		return this.mongo.exists(live, TOMBSTONES)
			.flatMap(erased -> erased ? eraseEverywhere(learnerKey)
				.then(Mono.error(new ApiProblem(ProblemType.LEARNER_ERASED, Map.of(), Map.of()))) : Mono.empty());
	}

	/** Expired tombstones go; every instance may run this, it is idempotent. */
	@Scheduled(fixedDelayString = "${safesteps.erasure.cleanup-interval:10m}")
	Mono<Void> removeExpiredTombstones() {
		return this.mongo
			.remove(Query.query(Criteria.where("until").lte(Date.from(this.clock.instant()))), TOMBSTONES)
			.then()
			.onErrorResume(ex -> Mono.empty());
	}

	private Mono<Void> eraseEverywhere(String learnerKey) {
		return Flux.fromIterable(this.features).flatMap(feature -> feature.eraseLearner(learnerKey)).then();
	}

	private static Query byTombstone(String learnerKey) {
		return Query.query(Criteria.where("_id").is(tombstoneId(learnerKey)));
	}

	/** A one-way hash of the learner key, so the tombstone does not hold the key itself. */
	static String tombstoneId(String learnerKey) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of()
				.formatHex(digest.digest(("erasure-tombstone\0" + learnerKey).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

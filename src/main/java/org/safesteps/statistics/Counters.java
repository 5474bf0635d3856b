package org.safesteps.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.safesteps.activity.Activity;
import org.safesteps.activity.ActivityListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the counters as activity is stored: for each batch, the increments are summed per counter
 * document (one per cube, country and day, and one per poll and country) and applied with one
 * {@code $inc} each.
 *
 * <p>
 * Each document remembers the last batch applied to it, and an increment is applied only to the
 * version of the document it was read from (compare and set on {@code lastBatch}). A batch that
 * is delivered again after a failure half-way is therefore applied to each document exactly once,
 * with no transactions. (The compare and set names the id and {@code lastBatch} by equality, so
 * that the embedded MongoDB answers it from an index instead of a scan.)
 */
@Component
class Counters implements ActivityListener {

	static final String COLLECTION = "statistics_counters";

	static final String POLL_COLLECTION = "statistics_polls";

	private final ReactiveMongoTemplate mongo;

	private final StatisticsProperties properties;

	private volatile boolean indexed;

	Counters(ReactiveMongoTemplate mongo, StatisticsProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	@Override
	public Mono<Void> onBatch(long batchId, List<Activity> activities) {
		Map<String, Map<String, Long>> cubes = new LinkedHashMap<>();
		Map<String, Map<String, Long>> polls = new LinkedHashMap<>();
		for (Activity activity : activities) {
			for (Counted counted : Counted.of(activity, this.properties.passMark())) {
				for (Cube cube : Cube.all()) {
					Map<String, Long> increments = cubes.computeIfAbsent(cube.documentId(counted.country(), counted.day()),
							id -> new LinkedHashMap<>());
					String cell = "cells." + cube.cell(counted) + ".";
					for (Measure measure : Measure.values()) {
						long add = counted.increments()[measure.ordinal()];
						if (add != 0) {
							increments.merge(cell + measure.field(), add, Long::sum);
						}
					}
				}
				if (counted.poll() != null) {
					PollCells.count(counted, polls.computeIfAbsent(PollCells.documentId(counted.poll().pollId(),
							counted.country()), id -> new LinkedHashMap<>()));
				}
			}
		}
		return ensureIndexes().thenMany(Flux.fromIterable(cubes.entrySet())
			.map(entry -> new Target(COLLECTION, entry.getKey(), entry.getValue()))
			.concatWith(Flux.fromIterable(polls.entrySet())
				.map(entry -> new Target(POLL_COLLECTION, entry.getKey(), entry.getValue()))))
			.flatMap(target -> apply(target.collection(), target.id(), batchId, target.increments()), 4)
			.then();
	}

	/** The index the compare and set is answered from; made once, before the first batch. */
	private Mono<Void> ensureIndexes() {
		if (this.indexed) {
			return Mono.empty();
		}
		Index byVersion = new Index().on("_id", Sort.Direction.ASC).on("lastBatch", Sort.Direction.ASC).unique();
		return Flux.just(COLLECTION, POLL_COLLECTION)
			.concatMap(collection -> this.mongo.indexOps(collection).createIndex(byVersion))
			.then(Mono.fromRunnable(() -> this.indexed = true));
	}

	private Mono<Void> apply(String collection, String id, long batchId, Map<String, Long> increments) {
		Query byId = Query.query(Criteria.where("_id").is(id));
		byId.fields().include("lastBatch");
		return this.mongo.findOne(byId, Document.class, collection)
			.map(current -> ((Number) current.get("lastBatch")).longValue())
			.flatMap(last -> (last >= batchId) ? Mono.just(true) : increment(collection, id, last, batchId, increments))
			.switchIfEmpty(Mono.defer(() -> create(collection, id, batchId, increments)))
			.flatMap(applied -> applied ? Mono.<Void>empty() : apply(collection, id, batchId, increments));
	}

	/** @return false when someone else changed the document meanwhile: read it again */
	private Mono<Boolean> increment(String collection, String id, long last, long batchId, Map<String, Long> increments) {
		Update update = new Update().set("lastBatch", batchId);
		increments.forEach(update::inc);
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id).and("lastBatch").is(last)), update, collection)
			.map(result -> result.getMatchedCount() == 1);
	}

	/** @return false when someone else created it meanwhile: read it again */
	private Mono<Boolean> create(String collection, String id, long batchId, Map<String, Long> increments) {
		Document document = new Document("_id", id).append("lastBatch", batchId);
		increments.forEach((path, value) -> put(document, path, value));
		return this.mongo.insert(document, collection)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(false));
	}

	private record Target(String collection, String id, Map<String, Long> increments) {
	}

	private static void put(Document document, String path, long value) {
		String[] parts = path.split("\\.");
		Document current = document;
		for (int i = 0; i < parts.length - 1; i++) {
			Document next = current.get(parts[i], Document.class);
			if (next == null) {
				next = new Document();
				current.put(parts[i], next);
			}
			current = next;
		}
		current.put(parts[parts.length - 1], value);
	}

}

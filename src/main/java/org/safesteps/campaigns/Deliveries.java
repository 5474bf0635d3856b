package org.safesteps.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A campaign's deliveries: chunks of at most 500 devices due at the same moment, which instances
 * claim under a lease, and one record per (campaign, device), its id, under the unique _id index. A device's
 * record is written before its message is sent, so that no two instances ever send it twice.
 */
@Component
class Deliveries {

	static final String CHUNKS = "campaign_chunks";

	/** Each chunk's device ids, apart from the chunk, so that claiming and counting read small documents. */
	static final String CHUNK_DEVICES = "campaign_chunk_devices";

	static final String RECORDS = "campaign_deliveries";

	private static final int DUPLICATE_KEY = 11000;

	private final ReactiveMongoTemplate mongo;

	private volatile boolean indexed;

	Deliveries(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	Mono<Void> ensureIndexes() {
		if (this.indexed) {
			return Mono.empty();
		}
		// A record's id is "campaign:device", so the unique _id index is the unique index on the pair:
		// a second index on (campaign, device) would hold the same keys, and on the embedded server
		// every index costs each of the 500 inserts of a chunk.
		return this.mongo.indexOps(CHUNKS)
			.createIndex(new Index().on("campaign", Sort.Direction.ASC))
			.then(Mono.fromRunnable(() -> this.indexed = true));
	}

	/** Adds chunks; a chunk already there (planning that is run again) is kept as it is. */
	Mono<Void> addChunks(List<Chunk> chunks) {
		if (chunks.isEmpty()) {
			return Mono.empty();
		}
		List<Document> devices = chunks.stream()
			.map(chunk -> new Document("_id", chunk.id()).append("devices", chunk.devices()))
			.toList();
		// the device lists first: a chunk is claimable as soon as it is there
		return insertIgnoringDuplicates(CHUNK_DEVICES, devices)
			.then(insertIgnoringDuplicates(CHUNKS, chunks.stream().map(Chunk::toDocument).toList()))
			.then();
	}

	/** Claims a chunk that is due, or whose holder's lease ran out, for {@code owner} until {@code until}. */
	Mono<Claimed> claim(String owner, Instant now, Instant until) {
		Date at = Date.from(now);
		Query claimable = new Query(new Criteria().orOperator(
				Criteria.where("state").is(Chunk.WAITING).and("dueAt").lte(at),
				Criteria.where("state").is(Chunk.CLAIMED).and("until").lt(at)));
		// a projection, so that the embedded server answers with a copy and not the stored document,
		// which another instance may be changing
		claimable.fields().include("campaign", "dueAt", "state");
		Update take = Update.update("state", Chunk.CLAIMED).set("owner", owner).set("until", Date.from(until));
		// the chunk as it was: a chunk taken from a waiting state has no delivery records yet
		return this.mongo
			.findAndModify(claimable, take, FindAndModifyOptions.options().returnNew(false), Document.class, CHUNKS)
			.flatMap(before -> this.mongo.findById(before.getString("_id"), Document.class, CHUNK_DEVICES)
				.map(devices -> new Claimed(Chunk.from(before, devices.getList("devices", String.class)),
						Chunk.WAITING.equals(before.getString("state")))));
	}

	/**
	 * @param fresh whether it was waiting, rather than taken over from an instance whose lease ran out
	 */
	record Claimed(Chunk chunk, boolean fresh) {
	}

	/** Extends this owner's lease on a chunk; false when it was lost. */
	Mono<Boolean> renew(Chunk chunk, String owner, Instant until) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(chunk.id()).and("owner").is(owner)
				.and("state").is(Chunk.CLAIMED)), Update.update("until", Date.from(until)), CHUNKS)
			.map(result -> result.getModifiedCount() == 1);
	}

	/** Gives a claimed chunk back, untouched, for any instance to take. */
	Mono<Void> release(Chunk chunk, String owner) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(chunk.id()).and("owner").is(owner)
				.and("state").is(Chunk.CLAIMED)), Update.update("state", Chunk.WAITING).unset("owner").unset("until"),
					CHUNKS)
			.then();
	}

	Mono<Void> done(Chunk chunk, String owner, Map<Outcome, Integer> counts, int deferred) {
		Document tally = new Document();
		counts.forEach((outcome, count) -> tally.append(outcome.field(), count));
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(chunk.id()).and("owner").is(owner)),
					Update.update("state", Chunk.DONE).set("counts", tally).set("deferred", deferred).unset("until"),
					CHUNKS)
			.then();
	}

	/** The outcomes of the campaign's finished chunks, and what their sending deferred. */
	Mono<Tally> tally(String campaign) {
		Query chunks = Query.query(Criteria.where("campaign").is(campaign));
		chunks.fields().include("state", "counts", "deferred");
		return this.mongo.find(chunks, Document.class, CHUNKS)
			.reduce(new Tally(new EnumMap<>(Outcome.class), 0, 0), (tally, chunk) -> tally.add(chunk));
	}

	/** The records already written for these devices of the campaign, by device. */
	Mono<Map<String, Outcome>> recorded(String campaign, Collection<String> devices) {
		List<String> ids = devices.stream().map(device -> recordId(campaign, device)).toList();
		Query records = Query.query(Criteria.where("_id").in(ids));
		records.fields().include("outcome");
		return this.mongo.find(records, Document.class, RECORDS)
			.collectMap(record -> record.getString("_id").substring(campaign.length() + 1),
					record -> Outcome.valueOf(record.getString("outcome")));
	}

	/**
	 * Writes a record per device with this outcome; the devices that already had one (another
	 * instance's) are returned, so that they are left alone.
	 */
	Mono<Set<String>> record(String campaign, Collection<String> devices, Outcome outcome, Instant at) {
		if (devices.isEmpty()) {
			return Mono.just(Set.of());
		}
		List<String> ordered = List.copyOf(devices);
		List<Document> records = ordered.stream()
			.map(device -> new Document("_id", recordId(campaign, device)).append("outcome", outcome.name())
				.append("at", Date.from(at)))
			.toList();
		return insertIgnoringDuplicates(RECORDS, records).map(duplicates -> {
			Set<String> taken = new HashSet<>();
			duplicates.forEach(index -> taken.add(ordered.get(index)));
			return taken;
		});
	}

	/** Sets the outcome of records written before sending. */
	Mono<Void> settle(String campaign, Map<Outcome, List<String>> outcomes, Instant at) {
		return Flux.fromIterable(outcomes.entrySet())
			.filter(entry -> !entry.getValue().isEmpty())
			.concatMap(entry -> this.mongo.updateMulti(
					Query.query(Criteria.where("_id")
						.in(entry.getValue().stream().map(device -> recordId(campaign, device)).toList())),
					Update.update("outcome", entry.getKey().name()).set("at", Date.from(at)), RECORDS))
			.then();
	}

	private static String recordId(String campaign, String device) {
		return campaign + ":" + device;
	}

	/** Inserts all it can; the indexes of those already there. */
	private Mono<List<Integer>> insertIgnoringDuplicates(String collection, List<Document> documents) {
		return this.mongo.getCollection(collection)
			.flatMap(target -> Mono.from(target.insertMany(documents, new InsertManyOptions().ordered(false))))
			.<List<Integer>>thenReturn(List.of())
			.onErrorResume(MongoBulkWriteException.class, ex -> {
				List<Integer> duplicates = new ArrayList<>();
				for (BulkWriteError error : ex.getWriteErrors()) {
					if (error.getCode() != DUPLICATE_KEY) {
						return Mono.error(ex);
					}
					duplicates.add(error.getIndex());
				}
				return Mono.just(duplicates);
			});
	}

	/** What became of a device's message. */
	enum Outcome {

		/**
		 * Written before the message goes to FCM, and left so when it is accepted; a failure
		 * replaces it. Found in a chunk taken over from a dead instance, it means "perhaps sent".
		 */
		SENT("sent"), FAILED("failed"), INVALID_TOKEN("invalidTokens"),
		SKIPPED_BY_CAP("skippedByCap"), UNREGISTERED("unregistered"),
		/** The instance sending it died: it may or may not have gone out, and is not sent again. */
		UNCONFIRMED("unconfirmed");

		private final String field;

		Outcome(String field) {
			this.field = field;
		}

		String field() {
			return this.field;
		}

	}

	/** A campaign's finished outcomes and the deferrals its chunks made. */
	record Tally(Map<Outcome, Long> outcomes, long deferred, long chunksOpen) {

		Tally add(Document chunk) {
			Map<Outcome, Long> sum = new EnumMap<>(Outcome.class);
			sum.putAll(this.outcomes);
			Document counts = chunk.get("counts", Document.class);
			if (counts != null) {
				for (Outcome outcome : Outcome.values()) {
					Object value = counts.get(outcome.field());
					if (value instanceof Number number) {
						sum.merge(outcome, number.longValue(), Long::sum);
					}
				}
			}
			Object deferredHere = chunk.get("deferred");
			long moreDeferred = (deferredHere instanceof Number number) ? number.longValue() : 0;
			long open = Chunk.DONE.equals(chunk.getString("state")) ? 0 : 1;
			return new Tally(sum, this.deferred + moreDeferred, this.chunksOpen + open);
		}

		long of(Outcome outcome) {
			return this.outcomes.getOrDefault(outcome, 0L);
		}

	}

	/** Devices of one campaign due at the same moment, sent by one instance at a time. */
	record Chunk(String id, String campaign, Instant dueAt, List<String> devices, String state) {

		static final String WAITING = "waiting";

		static final String CLAIMED = "claimed";

		static final String DONE = "done";

		Document toDocument() {
			return new Document("_id", this.id).append("campaign", this.campaign)
				.append("dueAt", Date.from(this.dueAt))
				.append("size", this.devices.size())
				.append("state", WAITING);
		}

		static Chunk from(Document document, List<String> devices) {
			return new Chunk(document.getString("_id"), document.getString("campaign"),
					document.getDate("dueAt").toInstant(), devices, document.getString("state"));
		}

	}

}

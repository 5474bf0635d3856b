package org.safesteps.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads the counters of a cube, country and range of days, by document id. A day's document is
 * kept in memory with its version ({@code lastBatch}, which every applied batch moves on); a read
 * first asks MongoDB for the versions alone and fetches in full only the documents that changed.
 * A year's query then costs about the same whatever the number of activities behind it, and
 * activity delivered late, or by another instance, is never hidden by the cache.
 */
@Component
class CounterReader {

	private static final int IDS_PER_QUERY = 400;

	private final ReactiveMongoTemplate mongo;

	private final Cache<String, Versioned> cached;

	CounterReader(ReactiveMongoTemplate mongo, StatisticsProperties properties) {
		this.mongo = mongo;
		this.cached = Caffeine.newBuilder().maximumSize(properties.cachedDays()).build();
	}

	/** The counters of every day from {@code from} to {@code to}; a day with no activity has none. */
	Mono<List<DayCounts>> days(Cube cube, String country, LocalDate from, LocalDate to) {
		Map<String, LocalDate> days = new LinkedHashMap<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			days.put(cube.documentId(country, day), day);
		}
		return Flux.fromIterable(chunks(new ArrayList<>(days.keySet())))
			.concatMap(this::versions)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.flatMap(versions -> {
				List<String> stale = new ArrayList<>();
				Map<String, Versioned> found = new HashMap<>();
				versions.forEach((id, version) -> {
					Versioned known = this.cached.getIfPresent(id);
					if (known != null && known.lastBatch() == version) {
						found.put(id, known);
					}
					else {
						stale.add(id);
					}
				});
				return Flux.fromIterable(chunks(stale))
					.concatMap(chunk -> this.mongo.find(Query.query(Criteria.where("_id").in(chunk)), Document.class,
							Counters.COLLECTION))
					.doOnNext(document -> {
						Versioned fresh = new Versioned(lastBatch(document), cells(document));
						this.cached.put(document.getString("_id"), fresh);
						found.put(document.getString("_id"), fresh);
					})
					.then(Mono.fromSupplier(() -> {
						List<DayCounts> all = new ArrayList<>(days.size());
						days.forEach((id, day) -> {
							Versioned counts = found.get(id);
							all.add((counts == null) ? new DayCounts(day, Map.of(), DayCounts.NONE)
									: new DayCounts(day, counts.cells(), counts.lastBatch()));
						});
						return all;
					}));
			});
	}

	private Flux<Map.Entry<String, Long>> versions(List<String> ids) {
		Query query = Query.query(Criteria.where("_id").in(ids));
		query.fields().include("lastBatch");
		return this.mongo.find(query, Document.class, Counters.COLLECTION)
			.map(document -> Map.entry(document.getString("_id"), lastBatch(document)));
	}

	private static long lastBatch(Document document) {
		return ((Number) document.get("lastBatch")).longValue();
	}

	private static List<List<String>> chunks(List<String> ids) {
		List<List<String>> chunks = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
			chunks.add(ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY)));
		}
		return chunks;
	}

	/** The poll's counters in a country: cell key to count. */
	Mono<Map<String, Long>> poll(String pollId, String country) {
		return this.mongo
			.findOne(Query.query(Criteria.where("_id").is(PollCells.documentId(pollId, country))), Document.class,
					Counters.POLL_COLLECTION)
			.map(document -> {
				Map<String, Long> counts = new HashMap<>();
				Document cells = document.get("cells", Document.class);
				if (cells != null) {
					cells.forEach((key, value) -> counts.put(key, ((Number) value).longValue()));
				}
				return counts;
			})
			.defaultIfEmpty(Map.of());
	}

	private static Map<String, long[]> cells(Document document) {
		Document cells = document.get("cells", Document.class);
		if (cells == null) {
			return Map.of();
		}
		Map<String, long[]> result = new HashMap<>(cells.size() * 2);
		cells.forEach((cell, measures) -> {
			long[] values = new long[Measure.COUNT];
			Document fields = (Document) measures;
			for (Measure measure : Measure.values()) {
				Object value = fields.get(measure.field());
				if (value != null) {
					values[measure.ordinal()] = ((Number) value).longValue();
				}
			}
			result.put(cell, values);
		});
		return result;
	}

	private record Versioned(long lastBatch, Map<String, long[]> cells) {
	}

	/**
	 * One day's counters of a cube in a country: cell ({@code row|column}) to a value per
	 * {@link Measure}.
	 * @param version the counter document's {@code lastBatch}, which changes with every batch
	 * applied to it; {@link #NONE} for a day with no activity
	 */
	record DayCounts(LocalDate day, Map<String, long[]> cells, long version) {

		static final long NONE = -1;

	}

}

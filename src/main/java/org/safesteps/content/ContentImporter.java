package org.safesteps.content;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.safesteps.content.ContentSnapshot.ContentItem;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Imports a snapshot into MongoDB idempotently, keyed by each item's content hash: unchanged
 * items are not written, and importing the same content twice creates no new version.
 * Items are written before the version record, so a failed import leaves the previous version
 * current and the next import writes those items again under a new version. The version record
 * is inserted, so of two imports racing for one version, one fails and is retried.
 */
@Component
class ContentImporter {

	static final String ITEMS = "content_items";

	static final String VERSIONS = "content_versions";

	private static final Logger log = LoggerFactory.getLogger(ContentImporter.class);

	private final ReactiveMongoTemplate mongo;

	private final JsonMapper json;

	private final Clock clock;

	ContentImporter(ReactiveMongoTemplate mongo, JsonMapper json, Clock clock) {
		this.mongo = mongo;
		this.json = json;
		this.clock = clock;
	}

	Mono<Result> importSnapshot(ContentSnapshot snapshot) {
		return Mono.zip(storedItems(), currentVersion()).flatMap(stored -> {
			Map<String, Document> existing = stored.getT1();
			int current = stored.getT2();
			List<String> added = new ArrayList<>();
			List<String> changed = new ArrayList<>();
			List<String> removed = new ArrayList<>();
			snapshot.items().values().stream().sorted(java.util.Comparator.comparing(ContentItem::id)).forEach(item -> {
				Document previous = existing.get(item.id());
				if (previous == null || previous.get("removedInVersion") != null) {
					added.add(item.id());
				}
				else if (!item.hash().equals(previous.getString("hash"))
						|| ((Number) previous.get("version")).intValue() > current) {
					// A version above the current one was written by an import that died before
					// recording its version: write it again under the new version.
					changed.add(item.id());
				}
			});
			existing.forEach((id, document) -> {
				if (!snapshot.items().containsKey(id) && document.get("removedInVersion") == null) {
					removed.add(id);
				}
			});
			removed.sort(null);
			int unchanged = snapshot.items().size() - added.size() - changed.size();
			if (added.isEmpty() && changed.isEmpty() && removed.isEmpty()) {
				ImportReport report = new ImportReport(current, snapshot.hash(), List.of(), List.of(), List.of(),
						unchanged);
				log.info("Content import: nothing changed, content version {} ({} items)", current,
						snapshot.items().size());
				return Mono.just(new Result(report, versions(current, existing, snapshot)));
			}
			int next = current + 1;
			log.info("Content import to version {}: {} added, {} changed, {} removed, {} unchanged", next,
					added.size(), changed.size(), removed.size(), unchanged);
			Flux<Object> writes = Flux.concat(Flux.fromIterable(added).concatWith(Flux.fromIterable(changed))
				.concatMap(id -> writeItem(snapshot.items().get(id), next)),
					Flux.fromIterable(removed).concatMap(id -> markRemoved(id, next)));
			ImportReport report = new ImportReport(next, snapshot.hash(), List.copyOf(added), List.copyOf(changed),
					List.copyOf(removed), unchanged);
			return writes.then(recordVersion(report)).then(Mono.defer(() -> {
				logList("added", added);
				logList("changed", changed);
				logList("removed", removed);
				return storedItems().map(after -> new Result(report, versions(next, after, snapshot)));
			}));
		});
	}

	private Mono<Object> writeItem(ContentItem item, int version) {
		Document document = new Document("_id", item.id()).append("kind", item.kind().schema())
			.append("file", item.file())
			.append("hash", item.hash())
			.append("version", version)
			.append("removedInVersion", null)
			.append("payload", this.json.writeValueAsString(Map.of("source", item.source(), "translations",
					item.translations())));
		return this.mongo
			.findAndReplace(Query.query(Criteria.where("_id").is(item.id())), document,
					FindAndReplaceOptions.options().upsert(), Document.class, ITEMS)
			.then(Mono.just(item.id()));
	}

	private Mono<Object> markRemoved(String id, int version) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("removedInVersion", version)
				.set("payload", null), ITEMS)
			.thenReturn(id);
	}

	private Mono<Document> recordVersion(ImportReport report) {
		Document document = new Document("_id", report.version()).append("hash", report.hash())
			.append("importedAt", Date.from(this.clock.instant()))
			.append("added", report.added())
			.append("changed", report.changed())
			.append("removed", report.removed());
		// insert, not save: two imports racing for the same version must not both succeed.
		return this.mongo.insert(document, VERSIONS);
	}

	private Mono<Map<String, Document>> storedItems() {
		Query query = new Query();
		query.fields().include("hash", "version", "removedInVersion");
		return this.mongo.find(query, Document.class, ITEMS)
			.collectMap(document -> document.getString("_id"), document -> document, HashMap::new);
	}

	private Mono<Integer> currentVersion() {
		return this.mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), Document.class,
				VERSIONS)
			.map(document -> ((Number) document.get("_id")).intValue())
			.defaultIfEmpty(0);
	}

	private static ContentVersions versions(int current, Map<String, Document> stored, ContentSnapshot snapshot) {
		Map<String, Integer> itemVersions = new HashMap<>();
		Map<String, Integer> removedVersions = new HashMap<>();
		stored.forEach((id, document) -> {
			Object removedIn = document.get("removedInVersion");
			if (removedIn instanceof Number number) {
				removedVersions.put(id, number.intValue());
			}
			else if (snapshot.items().containsKey(id)) {
				itemVersions.put(id, ((Number) document.get("version")).intValue());
			}
		});
		snapshot.items().keySet().forEach(id -> itemVersions.putIfAbsent(id, current));
		return new ContentVersions(current, Map.copyOf(itemVersions), Map.copyOf(removedVersions));
	}

	private static void logList(String what, List<String> ids) {
		if (!ids.isEmpty()) {
			log.info("  {}: {}", what, String.join(", ", ids));
		}
	}

	record Result(ImportReport report, ContentVersions versions) {
	}

}

package org.safesteps.campaigns;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.Page;
import org.safesteps.platform.PageRequest;
import org.safesteps.platform.ProblemType;
import org.safesteps.platform.Writes;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Campaigns as stored. Every change of status is one conditional update that also appends to the
 * audit trail, so that two people acting at once cannot both move a campaign on.
 */
@Component
class Campaigns {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	Campaigns(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	Instant now() {
		return this.clock.instant();
	}

	Mono<Campaign> create(String author, CampaignDraft draft) {
		Instant now = now();
		Document campaign = new Document("_id", UUID.randomUUID().toString()).append("author", author)
			.append("status", CampaignStatus.DRAFT.name())
			.append("countries", draft.target().countries())
			.append("draft", draftDocument(draft))
			.append("createdAt", Date.from(now))
			.append("updatedAt", Date.from(now))
			.append("audit", List.of(new Campaign.AuditEntry("created", author, now, null).toDocument()))
			.append("version", 0L);
		return Writes.toCompletion(this.mongo.insert(campaign, Campaign.COLLECTION)).map(this::read);
	}

	Mono<Campaign> find(String id) {
		return this.mongo.findById(id, Document.class, Campaign.COLLECTION)
			.map(this::read)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("campaign", id)));
	}

	/** Campaigns that reach any of these countries (all of them when null), newest first. */
	Mono<Page<Campaign>> list(Set<String> countries, Optional<CampaignStatus> status, PageRequest paging) {
		Query query = new Query();
		if (countries != null) {
			query.addCriteria(Criteria.where("countries").in(countries));
		}
		status.ifPresent(wanted -> query.addCriteria(Criteria.where("status").is(wanted.name())));
		return this.mongo.count(query, Campaign.COLLECTION)
			.flatMap(total -> this.mongo
				.find(Query.of(query).with(Sort.by(Sort.Direction.DESC, "createdAt")).skip(paging.skip())
					.limit(paging.size()), Document.class, Campaign.COLLECTION)
				.map(this::read)
				.collectList()
				.map(items -> Page.of(items, paging, total)));
	}

	/**
	 * Moves the campaign from one of {@code from} to {@code to}, noting it in the audit trail;
	 * 409 naming the status it is in when it is in none of them.
	 */
	Mono<Campaign> transition(String id, Collection<CampaignStatus> from, CampaignStatus to,
			Campaign.AuditEntry entry, Update more) {
		Query query = Query.query(Criteria.where("_id").is(id).and("status").in(from.stream().map(Enum::name).toList()));
		Update update = more.set("status", to.name())
			.set("updatedAt", Date.from(entry.at()))
			.push("audit", entry.toDocument())
			.inc("version", 1);
		return Writes.toCompletion(this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
				Document.class, Campaign.COLLECTION))
			.map(this::read)
			.switchIfEmpty(Mono.defer(() -> find(id).flatMap(current -> Mono.error(statusConflict(current)))));
	}

	Mono<Campaign> replaceDraft(String id, CampaignDraft draft, Campaign.AuditEntry entry) {
		return transition(id, List.of(CampaignStatus.DRAFT, CampaignStatus.REJECTED), CampaignStatus.DRAFT, entry,
				Update.update("draft", draftDocument(draft)).set("countries", draft.target().countries()));
	}

	static ApiProblem statusConflict(Campaign campaign) {
		return new ApiProblem(ProblemType.CAMPAIGN_STATUS,
				Map.of("campaign", campaign.id(), "status", campaign.status().name()),
				Map.of("campaignStatus", campaign.status().name()));
	}

	/** Scheduled campaigns whose time has come, and started ones whose planning was left unfinished. */
	Flux<Campaign> dueToPlan() {
		Date now = Date.from(now());
		Query due = new Query(new Criteria().orOperator(
				Criteria.where("status").is(CampaignStatus.SCHEDULED.name()).and("startAt").lte(now),
				Criteria.where("status").is(CampaignStatus.SENDING.name()).and("materialized").is(false)
					.and("planningUntil").lt(now)));
		return this.mongo.find(due, Document.class, Campaign.COLLECTION).map(this::read);
	}

	/** Campaigns being sent whose planning is done: the ones that may be finished. */
	Flux<Campaign> sending() {
		return this.mongo
			.find(Query.query(Criteria.where("status").is(CampaignStatus.SENDING.name()).and("materialized").is(true)),
					Document.class, Campaign.COLLECTION)
			.map(this::read);
	}

	/** Takes the planning of a due campaign for this instance until {@code until}; empty if another has it. */
	Mono<Campaign> claimPlanning(Campaign campaign, String owner, Instant until) {
		Instant now = now();
		if (campaign.status() == CampaignStatus.SCHEDULED) {
			return transition(campaign.id(), List.of(CampaignStatus.SCHEDULED), CampaignStatus.SENDING,
					new Campaign.AuditEntry("sending", Campaign.AuditEntry.SYSTEM, now, null),
					Update.update("materialized", false).set("planner", owner).set("planningUntil", Date.from(until)))
				.onErrorResume(ApiProblem.class, ex -> Mono.empty());
		}
		Query stale = Query.query(Criteria.where("_id").is(campaign.id()).and("status").is(CampaignStatus.SENDING.name())
			.and("materialized").is(false).and("planningUntil").lt(Date.from(now)));
		return this.mongo.findAndModify(stale, Update.update("planner", owner).set("planningUntil", Date.from(until)),
				FindAndModifyOptions.options().returnNew(true), Document.class, Campaign.COLLECTION)
			.map(this::read);
	}

	Mono<Void> planned(String id, long targeted, long deferred) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				Update.update("materialized", true).set("targeted", targeted).set("deferredAtPlanning", deferred),
				Campaign.COLLECTION).then();
	}

	/** Marks a campaign whose every chunk is done as sent; nothing when it is not sending. */
	Mono<Void> sent(String id) {
		return transition(id, List.of(CampaignStatus.SENDING), CampaignStatus.SENT,
				new Campaign.AuditEntry("sent", Campaign.AuditEntry.SYSTEM, now(), null), new Update())
			.onErrorResume(ApiProblem.class, ex -> Mono.empty())
			.then();
	}

	private Document draftDocument(CampaignDraft draft) {
		Document document = new Document();
		this.mongo.getConverter().write(draft, document);
		document.remove("_class");
		return document;
	}

	private Campaign read(Document document) {
		return Campaign.from(document, this.mongo.getConverter());
	}

}

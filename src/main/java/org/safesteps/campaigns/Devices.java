package org.safesteps.campaigns;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.safesteps.platform.ApiProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Devices as stored: one per FCM token, keyed to the learner who registered it last. */
@Component
class Devices {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final CampaignsProperties properties;

	private volatile boolean indexed;

	Devices(ReactiveMongoTemplate mongo, Clock clock, CampaignsProperties properties) {
		this.mongo = mongo;
		this.clock = clock;
		this.properties = properties;
	}

	Mono<Void> ensureIndexes() {
		if (this.indexed) {
			return Mono.empty();
		}
		return this.mongo.indexOps(Device.COLLECTION)
			.createIndex(new Index().on("token", Sort.Direction.ASC).unique())
			.then(this.mongo.indexOps(Device.COLLECTION).createIndex(new Index().on("learner", Sort.Direction.ASC)))
			.then(Mono.fromRunnable(() -> this.indexed = true));
	}

	/**
	 * Registers the token for the learner, or refreshes its registration: a token registered again
	 * (an app that re-registers, or a new sign-in on the same app) keeps its device id.
	 * @return the device, and whether it is new
	 */
	Mono<Registered> register(String learner, DeviceRegistration registration) {
		Instant now = this.clock.instant();
		Update update = fields(learner, registration, now).setOnInsert("_id", UUID.randomUUID().toString())
			.setOnInsert("registeredAt", Date.from(now));
		return ensureIndexes()
			.then(this.mongo.findAndModify(Query.query(Criteria.where("token").is(registration.fcmToken())), update,
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, Device.COLLECTION))
			// the same token registered twice at once: the other insert won, so this one updates it
			// (and the duplicate-key error, which names the token, is never logged)
			.retryWhen(Retry.max(1).filter(DuplicateKeyException.class::isInstance))
			.map(Device::from)
			.map(device -> new Registered(device, device.registeredAt().equals(device.lastSeenAt())));
	}

	/** Refreshes one of the learner's devices; 404 for anyone else's. */
	Mono<Device> refresh(String learner, String id, DeviceRegistration registration) {
		Instant now = this.clock.instant();
		return ensureIndexes()
			.then(this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("learner").is(learner)),
					fields(learner, registration, now), FindAndModifyOptions.options().returnNew(true), Document.class,
					Device.COLLECTION))
			// the error would name the token: it is replaced, not passed on
			.onErrorMap(DuplicateKeyException.class, ex -> ApiProblem.invalidField("fcmToken",
					"is registered as another device: register it with POST /v1/devices"))
			.map(Device::from)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("device", id)));
	}

	private static Update fields(String learner, DeviceRegistration registration, Instant now) {
		return Update.update("learner", learner)
			.set("token", registration.fcmToken())
			.set("locale", registration.locale())
			.set("country", registration.country())
			.set("region", registration.region())
			.set("audience", registration.audience())
			.set("ageBand", registration.ageBand())
			.set("timeZone", registration.timeZone())
			.set("active", true)
			.set("lastSeenAt", Date.from(now));
	}

	/** Unregisters one of the learner's devices; 404 for anyone else's. */
	Mono<Void> unregister(String learner, String id) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id).and("learner").is(learner)), Device.COLLECTION)
			.flatMap(result -> (result.getDeletedCount() == 1) ? Mono.<Void>empty()
					: Mono.error(ApiProblem.notFound("device", id)));
	}

	Mono<Void> removeAllOf(String learner) {
		return ensureIndexes().then(this.mongo.remove(Query.query(Criteria.where("learner").is(learner)), Device.COLLECTION))
			.then();
	}

	/** Active devices in any of these countries, by id, for a campaign's audience to be picked from. */
	Flux<Device> activeIn(Collection<String> countries) {
		return this.mongo.find(copied(Query.query(Criteria.where("country").in(countries).and("active").is(true))),
				Document.class, Device.COLLECTION).map(Device::from);
	}

	Flux<Device> byIds(Collection<String> ids) {
		return this.mongo.find(copied(Query.query(Criteria.where("_id").in(ids))), Document.class, Device.COLLECTION)
			.map(Device::from);
	}

	/**
	 * Every field, as a projection: the embedded server then answers with copies rather than the
	 * stored documents, which a sending instance may be changing while they are encoded.
	 */
	private static Query copied(Query query) {
		query.fields().include("learner", "token", "locale", "country", "region", "audience", "ageBand", "timeZone",
				"active", "registeredAt", "lastSeenAt", "recentSends");
		return query;
	}

	/**
	 * FCM said these devices' tokens are dead: nothing more is sent to them until the app registers
	 * again. A device whose app sent a new token meanwhile stays active.
	 */
	Mono<Void> deactivate(Collection<Device> dead) {
		return Flux.fromIterable(dead)
			.concatMap(device -> this.mongo.updateFirst(
					Query.query(Criteria.where("_id").is(device.id()).and("token").is(device.token())),
					Update.update("active", false), Device.COLLECTION))
			.then();
	}

	/** Notes that a campaign reached these devices, keeping only as many times as the cap counts. */
	Mono<Void> noteSent(Collection<String> ids, Instant at) {
		if (ids.isEmpty()) {
			return Mono.empty();
		}
		Update push = new Update().push("recentSends").slice(-this.properties.frequencyCap()).each(Date.from(at));
		return this.mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), push, Device.COLLECTION).then();
	}

	/** Removes devices not seen for the retention period; how many. */
	Mono<Long> removeStale() {
		Date before = Date.from(this.clock.instant().minus(this.properties.deviceRetention()));
		return this.mongo.remove(Query.query(Criteria.where("lastSeenAt").lt(before)), Device.COLLECTION)
			.map(result -> result.getDeletedCount());
	}

	record Registered(Device device, boolean created) {
	}

}

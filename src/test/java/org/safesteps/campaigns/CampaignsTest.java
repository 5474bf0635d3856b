package org.safesteps.campaigns;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.safesteps.support.ApiTest;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safesteps.campaigns.CampaignApi.daytimeZone;
import static org.safesteps.campaigns.CampaignApi.device;
import static org.safesteps.campaigns.CampaignApi.draft;
import static org.safesteps.campaigns.CampaignApi.fcmToken;
import static org.safesteps.campaigns.CampaignApi.manager;
import static org.safesteps.campaigns.CampaignApi.number;

/** Devices, the four-eyes lifecycle, the rules for children and FCM errors, end to end through the local FCM stub. */
@ApiTest
@TestPropertySource(properties = "safesteps.campaigns.delivery.poll-interval=100ms")
class CampaignsTest {

	@Autowired
	WebTestClient http;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Devices devices;

	CampaignApi api;

	CampaignApi api() {
		if (this.api == null) {
			this.api = new CampaignApi(this.http);
		}
		return this.api;
	}

	/** A device registers, registers again with the same token, refreshes and unregisters; no answer carries the token. */
	@Test
	void aDeviceRegistersAndItsTokenNeverComesBack() {
		String learner = TestTokens.newLearner();
		String token = fcmToken("");
		Map<String, Object> device = device(token, "th", "TH-10", "child", daytimeZone());
		String first = this.http.post().uri("/v1/devices").header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(device).exchange()
			.expectStatus().isCreated()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(first).doesNotContain(token).doesNotContain("fcmToken");
		String id = api().register(TestTokens.newLearner(), device(fcmToken(""), "en", "TH-10", "parent", daytimeZone()));
		assertThat(id).isNotBlank();
		String again = this.http.post().uri("/v1/devices").header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(device).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		String deviceId = first.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		assertThat(again).contains(deviceId).doesNotContain(token);

		device.put("locale", "en");
		this.http.put().uri("/v1/devices/{id}", deviceId).header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(device).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.locale").isEqualTo("en").jsonPath("$.fcmToken").doesNotExist();
		this.http.delete().uri("/v1/devices/{id}", deviceId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.newLearner()).exchange()
			.expectStatus().isNotFound();
		this.http.delete().uri("/v1/devices/{id}", deviceId).header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
			.exchange().expectStatus().isNoContent();
		this.http.delete().uri("/v1/devices/{id}", deviceId).header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
			.exchange().expectStatus().isNotFound();
	}

	/** A malformed token, locale or time zone, or an unknown country, gets a 400 naming each field; nothing is stored. */
	@Test
	void aMalformedRegistrationIsRefusedField() {
		Map<String, Object> device = device("short", "??", "TH-10", "child", daytimeZone());
		device.put("timeZone", "Mars/Olympus_Mons");
		device.put("country", "ZZ");
		device.remove("ageBand");
		this.http.post().uri("/v1/devices").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.newLearner())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(device).exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'fcmToken')]").exists();
		Map<String, Object> codes = device(fcmToken(""), "not a locale!", "TH-10", "child", daytimeZone());
		codes.put("timeZone", "Mars/Olympus_Mons");
		codes.remove("ageBand");
		this.http.post().uri("/v1/devices").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.newLearner())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(codes).exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'locale')]").exists()
			.jsonPath("$.errors[?(@.field == 'timeZone')]").exists()
			.jsonPath("$.errors[?(@.field == 'ageBand')]").exists();
		assertThat(this.mongo.count(Query.query(Criteria.where("timeZone").is("Mars/Olympus_Mons")), Device.COLLECTION)
			.block()).isZero();
	}

	/**
	 * A campaign goes from draft to delivered: the author cannot approve it, a second person does;
	 * each device gets it once in its language, with android and apns configs; the audit trail says
	 * who did what.
	 */
	@Test
	void aCampaignIsApprovedByASecondPersonAndDeliveredInEachLanguage() {
		String thai = fcmToken("");
		String english = fcmToken("");
		api().register(device(thai, "th-TH", "TH-11", "child", daytimeZone()));
		api().register(device(english, "fil-PH", "TH-11", "parent", daytimeZone()));
		String id = (String) api().create(manager(), draft("Safer Internet Day", "TH-11")).get("id");
		api().act(manager(), id, "submit", null).expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("PENDING_APPROVAL");
		String authorWhoAlsoApproves = TestTokens.staffWith(CampaignApi.MANAGER,
				List.of("CAMPAIGN_MANAGER", "CAMPAIGN_APPROVER"), "TH");
		api().act(authorWhoAlsoApproves, id, "approve", null).expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("https://safesteps.org/problems/four-eyes");
		api().act(CampaignApi.approver(), id, "approve", null).expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");

		Map<String, Object> stats = api().awaitSent(id);
		assertThat(stats).containsEntry("status", "SENT");
		assertThat(number(stats, "targeted")).isEqualTo(2);
		assertThat(number(stats, "sent")).isEqualTo(2);
		assertThat(number(stats, "pending")).isZero();
		assertThat(TestFcm.STUB.deliveredTo(thai)).isEqualTo(1);
		assertThat(TestFcm.STUB.deliveredTo(english)).isEqualTo(1);
		JsonNode toThai = TestFcm.STUB.lastMessage(thai).orElseThrow();
		assertThat(toThai.path("notification").path("title").asString()).isEqualTo("ปลอดภัยบนโลกออนไลน์");
		assertThat(toThai.path("android").path("collapse_key").asString()).isEqualTo(id);
		assertThat(toThai.path("android").path("notification").path("tag").asString()).isEqualTo(id);
		assertThat(toThai.path("apns").path("headers").path("apns-collapse-id").asString()).isEqualTo(id);
		assertThat(toThai.path("apns").path("payload").path("aps").path("alert").path("title").asString())
			.isEqualTo("ปลอดภัยบนโลกออนไลน์");
		assertThat(toThai.path("data").path("deepLink").asString()).isEqualTo("safesteps://lesson/child-privacy-9-12");
		assertThat(TestFcm.STUB.lastMessage(english).orElseThrow().path("notification").path("title").asString())
			.isEqualTo("Stay safe online");

		this.http.get().uri("/v1/campaigns/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + manager())
			.exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.audit[*].action").isEqualTo(List.of("created", "submitted", "approved", "sending", "sent"))
			.jsonPath("$.audit[0].by").isEqualTo(CampaignApi.MANAGER)
			.jsonPath("$.audit[2].by").isEqualTo(CampaignApi.APPROVER)
			.jsonPath("$.audit[3].by").isEqualTo("system");
	}

	/** A rejected campaign goes back to its author, who changes it; a campaign is cancelled once, before it is sent. */
	@Test
	void aRejectedCampaignIsChangedAndACancelledOneStaysCancelled() {
		String id = (String) api().create(manager(), draft("Helpline week", "TH-12")).get("id");
		api().act(CampaignApi.approver(), id, "approve", null).expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.campaignStatus").isEqualTo("DRAFT");
		api().act(manager(), id, "submit", null).expectStatus().isOk();
		api().act(CampaignApi.approver(), id, "reject", Map.of()).expectStatus().isBadRequest();
		api().act(CampaignApi.approver(), id, "reject", Map.of("reason", "Name the helpline."))
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("REJECTED")
			.jsonPath("$.audit[2].note").isEqualTo("Name the helpline.");
		api().act(manager(), id, "submit", null).expectStatus().isEqualTo(409);
		String someoneElse = TestTokens.staffWith("manager-cho", List.of("CAMPAIGN_MANAGER"), "TH");
		this.http.put().uri("/v1/campaigns/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + someoneElse)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(draft("Helpline week 1300", "TH-12")).exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("https://safesteps.org/problems/not-author");
		this.http.put().uri("/v1/campaigns/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + manager())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(draft("Helpline week 1300", "TH-12")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("DRAFT").jsonPath("$.name").isEqualTo("Helpline week 1300");
		api().act(CampaignApi.approver(), id, "cancel", Map.of("reason", "Not this week")).expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
		api().act(manager(), id, "cancel", null).expectStatus().isEqualTo(409);
		this.http.get().uri("/v1/campaigns?status=CANCELLED").header(HttpHeaders.AUTHORIZATION, "Bearer " + manager())
			.exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.items[?(@.id == '" + id + "')]").exists();
	}

	/** Only an admin marks an urgent alert; a manager may target only the countries of their token. */
	@Test
	void onlyAnAdminMarksUrgentAndManagersStayInTheirCountries() {
		Map<String, Object> urgent = draft("Dangerous challenge", "TH-13");
		urgent.put("urgent", true);
		this.http.post().uri("/v1/campaigns").header(HttpHeaders.AUTHORIZATION, "Bearer " + manager())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(urgent).exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("https://safesteps.org/problems/urgent-admin-only");
		String admin = TestTokens.staffWith("admin-dao", List.of("ADMIN"));
		api().create(admin, urgent);
		Map<String, Object> elsewhere = draft("Viet Nam", "TH-13");
		elsewhere.put("target", Map.of("countries", List.of("VN")));
		this.http.post().uri("/v1/campaigns").header(HttpHeaders.AUTHORIZATION, "Bearer " + manager())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(elsewhere).exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("https://safesteps.org/problems/country-not-allowed");
	}

	/** A draft that names no text for its fallback, a lesson that does not exist or a past time gets a 400 per field. */
	@Test
	void aDraftThatCannotBeSentIsRefused() {
		Map<String, Object> broken = draft("Broken", "TH-14");
		broken.put("message", Map.of("fallbackLocale", "km", "texts", Map.of("en", Map.of("title", "t", "body", "b"))));
		broken.put("deepLink", Map.of("kind", "lesson", "id", "no-such-lesson"));
		broken.put("schedule", Map.of("at", "2020-01-01T00:00:00Z"));
		this.http.post().uri("/v1/campaigns").header(HttpHeaders.AUTHORIZATION, "Bearer " + manager())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(broken).exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'message.fallbackLocale')]").exists()
			.jsonPath("$.errors[?(@.field == 'deepLink.id')]").exists()
			.jsonPath("$.errors[?(@.field == 'schedule.at')]").exists();
		Map<String, Object> keyed = draft("Keys", "TH-14");
		keyed.put("message", Map.of("titleKey", "notification.safer-internet-day.title", "bodyKey",
				"notification.no-such-string.body"));
		this.http.post().uri("/v1/campaigns").header(HttpHeaders.AUTHORIZATION, "Bearer " + manager())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(keyed).exchange()
			.expectStatus().isBadRequest();
	}

	/**
	 * A device at night gets the message when its quiet hours end, not now; one by day gets it now;
	 * an urgent alert (approved too) reaches the one at night.
	 */
	@Test
	void quietHoursDeferAMessageButNotAnUrgentAlert() {
		String night = fcmToken("");
		String day = fcmToken("");
		api().register(device(night, "en", "TH-15", "child", CampaignApi.nightZone()));
		api().register(device(day, "en", "TH-15", "child", daytimeZone()));
		String id = api().approved(manager(), draft("Evening news", "TH-15"));
		Map<String, Object> stats = api().awaitStats(id, current -> number(current, "sent") == 1);
		assertThat(number(stats, "deferredForQuietHours")).isEqualTo(1);
		assertThat(number(stats, "pending")).isEqualTo(1);
		assertThat(stats).containsEntry("status", "SENDING");
		assertThat(TestFcm.STUB.deliveredTo(day)).isEqualTo(1);
		assertThat(TestFcm.STUB.deliveredTo(night)).isZero();

		String admin = TestTokens.staffWith("admin-dao", List.of("ADMIN"));
		Map<String, Object> urgent = draft("Urgent", "TH-15");
		urgent.put("urgent", true);
		String alert = api().approved(admin, urgent);
		assertThat(api().awaitSent(alert)).containsEntry("sent", 2);
		assertThat(TestFcm.STUB.deliveredTo(night)).isEqualTo(1);
		assertThat(TestFcm.STUB.lastMessage(night).orElseThrow().path("android").path("priority").asString())
			.isEqualTo("high");
	}

	/** A child's device gets at most 2 campaigns in 7 days; the third is skipped and counted; a parent's gets all. */
	@Test
	void theFrequencyCapSkipsAChildsThirdCampaign() {
		String child = fcmToken("");
		String parent = fcmToken("");
		api().register(device(child, "en", "TH-16", "child", daytimeZone()));
		api().register(device(parent, "en", "TH-16", "parent", daytimeZone()));
		Map<String, Object> last = null;
		for (int i = 0; i < 3; i++) {
			last = api().awaitSent(api().approved(manager(), draft("Week " + i, "TH-16")));
		}
		assertThat(number(last, "skippedByCap")).isEqualTo(1);
		assertThat(number(last, "sent")).isEqualTo(1);
		assertThat(TestFcm.STUB.deliveredTo(child)).isEqualTo(2);
		assertThat(TestFcm.STUB.deliveredTo(parent)).isEqualTo(3);
	}

	/**
	 * FCM's answers are classified: dead tokens deactivate their device; quota, unavailable and
	 * internal errors are retried (after Retry-After) until they succeed or the attempts run out.
	 */
	@Test
	void fcmErrorsDeactivateDeadTokensAndRetryTheRest() {
		Map<String, String> tokens = new java.util.LinkedHashMap<>();
		for (String prefix : List.of("unregistered-", "invalid-", "mismatch-", "throttled-", "unavailable-", "internal-",
				"broken-")) {
			tokens.put(prefix, fcmToken(prefix));
		}
		tokens.values().forEach(token -> api().register(device(token, "en", "TH-17", "parent", daytimeZone())));
		String id = api().approved(manager(), draft("Faults", "TH-17"));
		Map<String, Object> stats = api().awaitSent(id);
		assertThat(number(stats, "invalidTokens")).isEqualTo(3);
		assertThat(number(stats, "sent")).isEqualTo(3);
		assertThat(number(stats, "failed")).isEqualTo(1);
		assertThat(TestFcm.STUB.attemptsFor(tokens.get("throttled-"))).isEqualTo(2);
		assertThat(TestFcm.STUB.deliveredTo(tokens.get("throttled-"))).isEqualTo(1);
		assertThat(TestFcm.STUB.deliveredTo(tokens.get("internal-"))).isEqualTo(1);
		assertThat(TestFcm.STUB.attemptsFor(tokens.get("broken-"))).isEqualTo(5);
		assertThat(this.mongo.count(Query.query(Criteria.where("region").is("TH-17").and("active").is(false)),
				Device.COLLECTION).block()).isEqualTo(3);

		String again = api().approved(manager(), draft("Faults again", "TH-17"));
		assertThat(number(api().awaitSent(again), "targeted")).isEqualTo(4);
	}

	/** Erasing a learner removes their devices; the retention job removes devices not seen for 270 days. */
	@Test
	void erasureAndRetentionRemoveDevices() {
		String learner = TestTokens.newLearner();
		String erased = api().register(learner, device(fcmToken(""), "en", "TH-18", "child", daytimeZone()));
		String stale = api().register(device(fcmToken(""), "en", "TH-18", "child", daytimeZone()));
		String fresh = api().register(device(fcmToken(""), "en", "TH-18", "child", daytimeZone()));
		this.http.delete().uri("/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + learner).exchange()
			.expectStatus().is2xxSuccessful();
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(stale)),
				Update.update("lastSeenAt", Date.from(Instant.now().minus(java.time.Duration.ofDays(271)))),
				Device.COLLECTION).block();
		assertThat(this.devices.removeStale().block()).isEqualTo(1);
		List<String> left = this.mongo.find(Query.query(Criteria.where("region").is("TH-18")), Document.class,
				Device.COLLECTION).map(device -> device.getString("_id")).collectList().block();
		assertThat(left).containsExactly(fresh).doesNotContain(erased, stale);
	}

	/**
	 * An instance died while sending a chunk: once its lease has run out, another takes the chunk
	 * over, sends what the dead one had not begun, and does not send again what it had begun
	 * (counted as unconfirmed): no duplicate.
	 */
	@Test
	void aDeadInstancesChunkIsTakenOverWithoutDuplicates() {
		List<String> tokens = new java.util.ArrayList<>();
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String token = fcmToken("");
			tokens.add(token);
			ids.add(api().register(device(token, "en", "TH-19", "parent", daytimeZone())));
		}
		String campaign = "crashed-" + java.util.UUID.randomUUID();
		Map<String, Object> draft = draft("Crashed", "TH-19");
		this.mongo.insert(new Document("_id", campaign).append("author", CampaignApi.MANAGER)
			.append("status", "SENDING").append("countries", List.of("TH"))
			.append("draft", new Document(draft).append("schedule", new Document("at", new Date())))
			.append("createdAt", new Date()).append("updatedAt", new Date()).append("materialized", true)
			.append("targeted", 4L).append("audit", List.of()).append("version", 0L), Campaign.COLLECTION).block();
		Date past = Date.from(Instant.now().minusSeconds(120));
		this.mongo.insert(new Document("_id", campaign + "-0-0").append("devices", ids), Deliveries.CHUNK_DEVICES)
			.block();
		this.mongo.insert(new Document("_id", campaign + "-0-0").append("campaign", campaign).append("dueAt", past)
			.append("size", 4).append("state", "claimed").append("owner", "a-dead-instance").append("until", past),
				Deliveries.CHUNKS).block();
		// the dead instance had recorded (and so perhaps sent) two of the four
		for (String begun : ids.subList(0, 2)) {
			this.mongo.insert(new Document("_id", campaign + ":" + begun).append("outcome", "SENT").append("at", past),
					Deliveries.RECORDS).block();
		}
		Map<String, Object> stats = api().awaitSent(campaign);
		assertThat(number(stats, "sent")).isEqualTo(2);
		assertThat(number(stats, "unconfirmed")).isEqualTo(2);
		assertThat(tokens.subList(0, 2)).allSatisfy(token -> assertThat(TestFcm.STUB.attemptsFor(token)).isZero());
		assertThat(tokens.subList(2, 4)).allSatisfy(token -> assertThat(TestFcm.STUB.deliveredTo(token)).isEqualTo(1));
	}

	/** A campaign for an age band reaches the children of that band, and not the devices that have none (parents). */
	@Test
	void anAgeBandTargetSkipsDevicesWithoutOne() {
		String child = fcmToken("");
		String parent = fcmToken("");
		api().register(device(child, "en", "TH-22", "child", daytimeZone()));
		api().register(device(parent, "en", "TH-22", "parent", daytimeZone()));
		Map<String, Object> draft = draft("For 9-12", "TH-22");
		draft.put("target", Map.of("countries", List.of("TH"), "regions", List.of("TH-22"), "ageBands", List.of("9-12")));
		Map<String, Object> stats = api().awaitSent(api().approved(manager(), draft));
		assertThat(number(stats, "targeted")).isEqualTo(1);
		assertThat(TestFcm.STUB.deliveredTo(child)).isEqualTo(1);
		assertThat(TestFcm.STUB.deliveredTo(parent)).isZero();
	}

}

package org.safesteps.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.safesteps.support.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Campaign calls the tests share: register devices, write, approve and follow a campaign. */
final class CampaignApi {

	static final String MANAGER = "manager-ana";

	static final String APPROVER = "approver-ben";

	private final WebTestClient http;

	CampaignApi(WebTestClient http) {
		this.http = http;
	}

	static String manager() {
		return TestTokens.staffWith(MANAGER, List.of("CAMPAIGN_MANAGER"), "TH");
	}

	static String approver() {
		return TestTokens.staffWith(APPROVER, List.of("CAMPAIGN_APPROVER"), "TH");
	}

	/** A token shaped like FCM's, with a prefix the stub may read as a fault. */
	static String fcmToken(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "") + "_APA91b-abcdefghij";
	}

	/** A zone where it is now well inside the day (09:00 to 17:00), so that no quiet hours apply. */
	static ZoneId daytimeZone() {
		return zoneWhereItIs(LocalTime.of(9, 0), LocalTime.of(17, 0));
	}

	/** A zone where it is now the middle of the night (22:00 to 05:00). */
	static ZoneId nightZone() {
		return ZoneId.getAvailableZoneIds()
			.stream()
			.filter(id -> id.contains("/") && !id.startsWith("Etc") && !id.startsWith("SystemV"))
			.sorted()
			.map(ZoneId::of)
			.filter(zone -> {
				LocalTime now = Instant.now().atZone(zone).toLocalTime();
				return now.isAfter(LocalTime.of(22, 0)) || now.isBefore(LocalTime.of(5, 0));
			})
			.findFirst()
			.orElseThrow();
	}

	private static ZoneId zoneWhereItIs(LocalTime from, LocalTime to) {
		return ZoneId.getAvailableZoneIds()
			.stream()
			.filter(id -> id.contains("/") && !id.startsWith("Etc") && !id.startsWith("SystemV"))
			.sorted(Comparator.naturalOrder())
			.map(ZoneId::of)
			.filter(zone -> {
				LocalTime now = Instant.now().atZone(zone).toLocalTime();
				return now.isAfter(from) && now.isBefore(to);
			})
			.findFirst()
			.orElseThrow();
	}

	/** A device in a region of TH; each test uses regions of its own, so that its campaigns reach only its devices. */
	static Map<String, Object> device(String token, String locale, String region, String audience, ZoneId zone) {
		Map<String, Object> device = new HashMap<>(Map.of("fcmToken", token, "locale", locale, "country", "TH",
				"region", region, "audience", audience, "timeZone", zone.getId()));
		if (audience.equals("child")) {
			device.put("ageBand", "9-12");
		}
		return device;
	}

	/** Registers a device for a new learner; its id. */
	String register(Map<String, Object> device) {
		return register(TestTokens.newLearner(), device);
	}

	String register(String learner, Map<String, Object> device) {
		return (String) this.http.post()
			.uri("/v1/devices")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(device)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	/** A draft to the devices of a region of TH, in English and Thai, due now. */
	static Map<String, Object> draft(String name, String region) {
		Map<String, Object> target = new HashMap<>(Map.of("countries", List.of("TH"), "regions", List.of(region)));
		return new HashMap<>(Map.of("name", name, "target", target, "message",
				Map.of("fallbackLocale", "en", "texts",
						Map.of("en", Map.of("title", "Stay safe online", "body", "A new lesson is ready for you."),
								"th", Map.of("title", "ปลอดภัยบนโลกออนไลน์", "body", "มีบทเรียนใหม่รอเราอยู่"))),
				"deepLink", Map.of("kind", "lesson", "id", "child-privacy-9-12"), "schedule",
				Map.of("at", Instant.now().toString())));
	}

	Map<String, Object> create(String token, Map<String, Object> draft) {
		return body(this.http.post()
			.uri("/v1/campaigns")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(draft)
			.exchange()
			.expectStatus()
			.isCreated());
	}

	WebTestClient.ResponseSpec act(String token, String id, String action, Object body) {
		WebTestClient.RequestBodySpec request = this.http.post()
			.uri("/v1/campaigns/{id}/{action}", id, action)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		}
		return request.exchange();
	}

	/** Writes, submits and approves a campaign; its id. */
	String approved(String author, Map<String, Object> draft) {
		String id = (String) create(author, draft).get("id");
		act(author, id, "submit", null).expectStatus().isOk();
		act(approver(), id, "approve", null).expectStatus().isOk();
		return id;
	}

	Map<String, Object> stats(String id) {
		return body(this.http.get()
			.uri("/v1/campaigns/{id}/stats", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + manager())
			.exchange()
			.expectStatus()
			.isOk());
	}

	/** Waits until the stats say what is expected; the last stats. */
	Map<String, Object> awaitStats(String id, java.util.function.Predicate<Map<String, Object>> done) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Map<String, Object> stats = stats(id);
		while (!done.test(stats) && System.nanoTime() < deadline) {
			sleep(100);
			stats = stats(id);
		}
		return stats;
	}

	Map<String, Object> awaitSent(String id) {
		return awaitStats(id, stats -> stats.get("status").equals("SENT"));
	}

	static long number(Map<String, Object> map, String key) {
		return ((Number) map.get(key)).longValue();
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> body(WebTestClient.ResponseSpec response) {
		return response.expectBody(Map.class).returnResult().getResponseBody();
	}

}

package org.safesteps.campaigns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.safesteps.SafeStepsApplication;
import org.safesteps.support.ApiTest;
import org.safesteps.support.OwnNettyResources;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safesteps.campaigns.CampaignApi.draft;
import static org.safesteps.campaigns.CampaignApi.manager;
import static org.safesteps.campaigns.CampaignApi.number;

/**
 * Two instances on one MongoDB send one campaign to 2,000 devices, each exactly once, both
 * taking part; when one stops mid-campaign, the other finishes it with no duplicate and no loss.
 */
@ApiTest
@TestPropertySource(properties = { "safesteps.campaigns.delivery.chunk-size=50",
		"safesteps.campaigns.delivery.poll-interval=100ms" })
class CampaignTwoInstancesTest {

	static final int DEVICES = 2000;

	@Autowired
	WebTestClient http;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	MongoServer mongoServer;

	/** Both instances send chunks of the one campaign, and the stub sees every token exactly once. */
	@Test
	void twoInstancesSendEachMessageOnce() {
		List<String> tokens = seed("TH-20", "");
		try (ConfigurableApplicationContext other = secondInstance()) {
			CampaignApi api = new CampaignApi(this.http);
			String id = api.approved(manager(), draft("Two instances", "TH-20"));
			Map<String, Object> stats = api.awaitSent(id);
			assertThat(number(stats, "sent")).isEqualTo(DEVICES);
			assertThat(tokens).allSatisfy(token -> assertThat(TestFcm.STUB.deliveredTo(token)).isEqualTo(1));
			List<String> owners = this.mongo.findDistinct(Query.query(Criteria.where("campaign").is(id)), "owner",
					Deliveries.CHUNKS, String.class).collectList().block();
			assertThat(owners).hasSize(2);
		}
	}

	/**
	 * One instance stops while the campaign is going out (FCM answers in 200 ms here, so that it
	 * takes a few seconds); the other finishes it: every token once, none unconfirmed.
	 */
	@Test
	void anInstanceStoppedMidCampaignLeavesTheRestToTheOther() {
		List<String> tokens = seed("TH-21", "slow-");
		CampaignApi api = new CampaignApi(this.http);
		ConfigurableApplicationContext other = secondInstance();
		String id = api.approved(manager(), draft("One stops", "TH-21"));
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (tokens.stream().filter(token -> TestFcm.STUB.deliveredTo(token) > 0).count() < DEVICES / 10
				&& System.nanoTime() < deadline) {
			CampaignApi.sleep(5);
		}
		other.close();
		long beforeFinish = tokens.stream().filter(token -> TestFcm.STUB.deliveredTo(token) > 0).count();
		assertThat(beforeFinish).isLessThan(DEVICES);
		Map<String, Object> stats = api.awaitSent(id);
		assertThat(stats).containsEntry("status", "SENT");
		assertThat(number(stats, "sent")).isEqualTo(DEVICES);
		assertThat(number(stats, "unconfirmed")).isZero();
		assertThat(tokens).allSatisfy(token -> assertThat(TestFcm.STUB.deliveredTo(token)).isEqualTo(1));
	}

	/** Devices of parents (no cap) in a region of their own, written straight to MongoDB; their tokens. */
	private List<String> seed(String region, String tokenPrefix) {
		List<Document> devices = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		Date now = new Date();
		for (int i = 0; i < DEVICES; i++) {
			String token = CampaignApi.fcmToken(tokenPrefix);
			tokens.add(token);
			devices.add(new Document("_id", UUID.randomUUID().toString()).append("learner", "seeded-" + i)
				.append("token", token).append("locale", "en").append("country", "TH").append("region", region)
				.append("audience", "parent").append("timeZone", CampaignApi.daytimeZone().getId())
				.append("active", true).append("registeredAt", now).append("lastSeenAt", now));
		}
		this.mongo.insert(devices, Device.COLLECTION).then().block(Duration.ofSeconds(60));
		return tokens;
	}

	private ConfigurableApplicationContext secondInstance() {
		String uri = "mongodb://127.0.0.1:" + this.mongoServer.getLocalAddress().getPort() + "/safesteps";
		return new SpringApplicationBuilder(SafeStepsApplication.class, OwnNettyResources.class).profiles("test")
			.run("--spring.mongodb.uri=" + uri, "--server.port=0", "--management.server.port=0",
					"--safesteps.security.learner.jwk-set-uri=" + TestTokens.learnerJwkSetUri(),
					"--safesteps.security.staff.jwk-set-uri=" + TestTokens.staffJwkSetUri(),
					"--safesteps.campaigns.fcm.endpoint=" + TestFcm.STUB.endpoint(),
					"--safesteps.campaigns.delivery.chunk-size=50", "--safesteps.campaigns.delivery.poll-interval=100ms");
	}

}

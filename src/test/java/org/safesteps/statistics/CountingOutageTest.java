package org.safesteps.statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.safesteps.support.ApiTest;
import org.safesteps.support.ContentFolders;
import org.safesteps.support.TcpProxy;
import org.safesteps.support.TestPolls;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once counting when MongoDB fails: the service reaches MongoDB through a proxy that the
 * test cuts twice in the middle of a burst of poll responses, between events being stored and
 * their counters being updated. Clients retry (with the same response id) until they get an
 * answer; afterwards the counters equal what was acknowledged, no more and no less.
 */
@ApiTest
@DirtiesContext
class CountingOutageTest {

	static final Path WORK = content();

	static final MongoServer MONGO = start();

	static final TcpProxy PROXY = new TcpProxy(MONGO.getLocalAddress().getPort());

	static final int CHILDREN = 120;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + PROXY.port() + "/outage");
		registry.add("safesteps.content.directory", () -> WORK.resolve("content").toString());
		registry.add("safesteps.localization.directory", () -> WORK.resolve("localization").toString());
	}

	@AfterAll
	static void stop() {
		PROXY.close();
		MONGO.shutdownNow();
	}

	@Autowired
	WebTestClient http;

	@Test
	void countersEqualWhatWasAcknowledged() throws Exception {
		WebTestClient client = this.http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicInteger retries = new AtomicInteger();
		ExecutorService children = Executors.newFixedThreadPool(8);
		List<Future<?>> burst = new java.util.ArrayList<>();
		for (int i = 0; i < CHILDREN; i++) {
			String learner = TestTokens.newLearner();
			String responseId = UUID.randomUUID().toString();
			String ageBand = (i % 3 == 0) ? "13-17" : "9-12";
			burst.add(children.submit(() -> respondUntilAnswered(client, learner, responseId, ageBand, acknowledged,
					retries)));
		}
		// cut while the burst is under way: once some responses are in, and again later
		for (int threshold : new int[] { 15, 70 }) {
			// polled often: a warm service answers the whole burst in well under a second
			await().atMost(Duration.ofSeconds(60))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(2))
				.until(() -> acknowledged.size() >= threshold);
			PROXY.cut();
			Thread.sleep(1500);
			PROXY.restore();
		}
		for (Future<?> child : burst) {
			child.get();
		}
		children.shutdown();

		assertThat(retries.get()).as("the outage hit the burst").isPositive();
		assertThat(acknowledged).hasSizeGreaterThan(CHILDREN / 2);
		try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort())) {
			MongoDatabase database = mongo.getDatabase("outage");
			// everything stored was acknowledged (after retries), once
			assertThat(count(database, "poll_responses", new Document("pollId", "poll-outage"))).isEqualTo(acknowledged.size());
			await().atMost(Duration.ofSeconds(30))
				.until(() -> countedResponses(database) == acknowledged.size()
						&& count(database, "activity_outbox", new Document()) == 0);
			Thread.sleep(1000);
			assertThat(countedResponses(database)).isEqualTo(acknowledged.size());
			Document poll = Mono.from(database.getCollection(Counters.POLL_COLLECTION)
				.find(new Document("_id", "poll-outage|TH"))
				.first()).block(Duration.ofSeconds(5));
			long answered = poll.get("cells", Document.class)
				.entrySet()
				.stream()
				.filter(cell -> cell.getKey().startsWith("*|~|ageBand|"))
				.mapToLong(cell -> ((Number) cell.getValue()).longValue())
				.sum();
			assertThat(answered).isEqualTo(acknowledged.size());
		}
	}

	/** Poll responses counted in every cube, summed over its cells: each must equal the acknowledged. */
	private static long count(MongoDatabase database, String collection, Document filter) {
		return Mono.from(database.getCollection(collection).countDocuments(filter)).block(Duration.ofSeconds(5));
	}

	private static long countedResponses(MongoDatabase database) {
		long smallest = Long.MAX_VALUE;
		for (Cube cube : Cube.all()) {
			long sum = 0;
			for (Document day : Flux.from(database.getCollection(Counters.COLLECTION)
				.find(new Document("_id", new Document("$regex", "^" + cube.key() + "\\|TH\\|"))))
				.collectList()
				.block(Duration.ofSeconds(5))) {
				for (Object cell : day.get("cells", Document.class).values()) {
					Object responses = ((Document) cell).get(Measure.POLL_RESPONSES.field());
					sum += (responses != null) ? ((Number) responses).longValue() : 0;
				}
			}
			if (smallest != Long.MAX_VALUE && sum != smallest) {
				return -1;
			}
			smallest = Math.min(smallest, sum);
		}
		return smallest;
	}

	private static void respondUntilAnswered(WebTestClient client, String learner, String responseId, String ageBand,
			Set<String> acknowledged, AtomicInteger retries) {
		String body = "{\"responseId\":\"" + responseId + "\",\"answers\":[{\"question\":\"feel-safe\",\"selected\":[\"4\"]},"
				+ "{\"question\":\"what-worries\",\"selected\":[\"strangers\"]}],"
				+ "\"context\":{\"country\":\"TH\",\"region\":\"TH-10\",\"ageBand\":\"" + ageBand + "\"}}";
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			int status;
			try {
				status = client.post()
					.uri("/v1/polls/poll-outage/responses")
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(body)
					.exchange()
					.returnResult(String.class)
					.getStatus()
					.value();
			}
			catch (RuntimeException ex) {
				status = -1;
			}
			if (status == 201) {
				acknowledged.add(responseId);
				return;
			}
			if (status == 409) {
				// the marker was left by an attempt cut half-way: nothing of it was acknowledged
				return;
			}
			retries.incrementAndGet();
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("no answer within a minute");
	}

	private static MongoServer start() {
		MemoryBackend backend = new MemoryBackend();
		backend.version(ServerVersion.MONGO_5_0);
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		return server;
	}

	private static Path content() {
		try {
			Path work = ContentFolders.temporaryCopy("safesteps-outage");
			TestPolls.write(work, "poll-outage", "2020-01-01", "2099-12-31");
			return work;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

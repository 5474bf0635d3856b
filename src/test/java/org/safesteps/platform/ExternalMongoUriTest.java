package org.safesteps.platform;

import com.mongodb.WriteConcern;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.safesteps.support.ApiTest;
import org.safesteps.support.ManagementPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With spring.mongodb.uri (MONGODB_URI) set, the service uses that server, starts no embedded one,
 * and writes with a durable write concern.
 */
@ApiTest
@DirtiesContext
class ExternalMongoUriTest {

	static final MongoServer EXTERNAL = startExternal();

	@DynamicPropertySource
	static void uri(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + EXTERNAL.getLocalAddress().getPort()
				+ "/external");
	}

	@AfterAll
	static void stop() {
		EXTERNAL.shutdownNow();
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	ReactiveMongoTemplate mongo;

	@LocalManagementPort
	int managementPort;

	/** No embedded server bean exists, and the content was imported into the configured database. */
	@Test
	void usesTheConfiguredServer() {
		assertThat(this.context.getBeanNamesForType(MongoServer.class)).isEmpty();
		this.mongo.getMongoDatabase()
			.map(database -> database.getName())
			.as(StepVerifier::create)
			.expectNext("external")
			.verifyComplete();
		// An acknowledged write survives the loss of the primary: a majority has it, journaled.
		this.mongo.getMongoDatabase()
			.map(database -> database.getWriteConcern())
			.as(StepVerifier::create)
			.expectNext(WriteConcern.MAJORITY.withJournal(true))
			.verifyComplete();
		this.mongo.count(new Query(), "content_items")
			.as(StepVerifier::create)
			.assertNext(count -> assertThat(count).isGreaterThan(80))
			.verifyComplete();
		ManagementPort.client(this.managementPort)
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private static MongoServer startExternal() {
		MemoryBackend backend = new MemoryBackend();
		backend.version(ServerVersion.MONGO_5_0);
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		return server;
	}

}

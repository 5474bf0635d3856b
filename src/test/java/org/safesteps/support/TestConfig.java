package org.safesteps.support;

import java.time.Duration;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Wires every WebTestClient to the contract check and the service to the test JWK sets, and adds
 * an activity listener and a learner-keyed feature of the tests' own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

	@Bean
	WebTestClientBuilderCustomizer contractChecking() {
		// The test profile closes connections idle for 2 s; a client that reuses a pooled connection
		// at that moment can wait for an answer that never comes. Pooled connections are dropped by
		// the client after 1 s idle instead, as a client of any server with an idle timeout should.
		ConnectionProvider connections = ConnectionProvider.builder("tests").maxIdleTime(Duration.ofSeconds(1)).build();
		return builder -> builder.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
			.entityExchangeResultConsumer(ContractValidator::check)
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
			.responseTimeout(Duration.ofSeconds(30));
	}

	@Bean
	RecordingActivityListener recordingActivityListener() {
		return new RecordingActivityListener();
	}

	@Bean
	TestLearnerData testLearnerData(ReactiveMongoTemplate mongo) {
		return new TestLearnerData(mongo);
	}

	@Bean
	DynamicPropertyRegistrar jwkSets() {
		return registry -> {
			registry.add("safesteps.security.learner.jwk-set-uri", TestTokens::learnerJwkSetUri);
			registry.add("safesteps.security.staff.jwk-set-uri", TestTokens::staffJwkSetUri);
		};
	}

}

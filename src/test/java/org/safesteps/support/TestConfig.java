package org.safesteps.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Wires every WebTestClient to the contract check and the service to the test JWK sets and the
 * test FCM stub, and adds
 * an activity listener and a learner-keyed feature of the tests' own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

	@Bean
	WebTestClientBuilderCustomizer contractChecking() {
		return builder -> builder.entityExchangeResultConsumer(ContractValidator::check)
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
			.responseTimeout(java.time.Duration.ofSeconds(30));
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
			registry.add("safesteps.campaigns.fcm.endpoint", org.safesteps.campaigns.TestFcm::endpoint);
		};
	}

}

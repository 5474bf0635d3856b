package org.safesteps.platform;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Short driver timeouts: when MongoDB is unreachable, writes fail fast with a 503 problem
 * instead of hanging a child's app for the driver's default 30 seconds.
 */
@Configuration(proxyBeanMethods = false)
class MongoClientConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer fastFailingMongoClient(MongoTimeoutProperties timeouts) {
		return settings -> settings
			.applyToClusterSettings(
					cluster -> cluster.serverSelectionTimeout(timeouts.serverSelectionMillis(), TimeUnit.MILLISECONDS))
			.applyToSocketSettings(socket -> socket.connectTimeout(timeouts.connectMillis(), TimeUnit.MILLISECONDS)
				.readTimeout(timeouts.readMillis(), TimeUnit.MILLISECONDS));
	}

}

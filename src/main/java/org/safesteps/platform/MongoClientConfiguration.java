package org.safesteps.platform;

import java.util.concurrent.TimeUnit;

import com.mongodb.WriteConcern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Short driver timeouts: when MongoDB is unreachable, writes fail fast with a 503 problem
 * instead of hanging a child's app for the driver's default 30 seconds. On an external MongoDB,
 * a durable write concern (the embedded server commits its store itself: DurableH2Backend).
 */
@Configuration(proxyBeanMethods = false)
class MongoClientConfiguration {

	/** With an external MongoDB, writes are acknowledged once a majority has them in its journal. */
	@Bean
	@ConditionalOnExpression("!'${spring.mongodb.uri:}'.isEmpty()")
	MongoClientSettingsBuilderCustomizer durableWritesOnExternalMongo(MongoWriteProperties writes) {
		WriteConcern concern = writes.writeConcern().chars().allMatch(Character::isDigit)
				? new WriteConcern(Integer.parseInt(writes.writeConcern())) : new WriteConcern(writes.writeConcern());
		return settings -> settings.writeConcern(concern.withJournal(writes.journal()));
	}

	@Bean
	MongoClientSettingsBuilderCustomizer fastFailingMongoClient(MongoTimeoutProperties timeouts) {
		return settings -> settings
			.applyToClusterSettings(
					cluster -> cluster.serverSelectionTimeout(timeouts.serverSelectionMillis(), TimeUnit.MILLISECONDS))
			.applyToSocketSettings(socket -> socket.connectTimeout(timeouts.connectMillis(), TimeUnit.MILLISECONDS)
				.readTimeout(timeouts.readMillis(), TimeUnit.MILLISECONDS));
	}

}

package org.safesteps.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("safesteps.mongo-timeouts")
record MongoTimeoutProperties(@DefaultValue("3000") int serverSelectionMillis, @DefaultValue("3000") int connectMillis,
		@DefaultValue("10000") int readMillis) {
}

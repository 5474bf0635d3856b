package org.safesteps.activity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often an instance looks for recorded activity that no listener has had yet
 * @param batchSize the most activities delivered in one batch
 * @param leaseTtl how long a dispatching instance holds its lease; another instance takes over
 * after this if it dies
 */
@ConfigurationProperties("safesteps.activity")
record ActivityProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("500") int batchSize,
		@DefaultValue("30s") Duration leaseTtl) {
}

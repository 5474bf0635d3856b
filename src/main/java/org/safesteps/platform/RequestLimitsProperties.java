package org.safesteps.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on what a client may send and how long it may take.
 *
 * @param maxBodyBytes the largest JSON request body accepted; larger bodies get 413
 * @param readTimeout the longest pause between two reads of a request, headers or body: a client
 * that stops sending is disconnected
 * @param requestTimeout the longest a whole request may take to arrive, however slowly it trickles
 * @param idleTimeout how long a keep-alive connection may wait for its next request
 * @param maxConnections connections served at once; more are refused until some close
 * @param shutdownLameDuck on shutdown, how long the service goes on taking connections while
 * readiness is DOWN, so that none accepted before the signal is reset
 * @param shutdownDrainTimeout then, how long connections already accepted may still send their
 * requests once no new connection is taken
 */
@ConfigurationProperties("safesteps.http")
record RequestLimitsProperties(@DefaultValue("65536") int maxBodyBytes, @DefaultValue("10s") Duration readTimeout,
		@DefaultValue("20s") Duration requestTimeout, @DefaultValue("60s") Duration idleTimeout,
		@DefaultValue("10000") int maxConnections, @DefaultValue("1s") Duration shutdownLameDuck,
		@DefaultValue("5s") Duration shutdownDrainTimeout) {
}

package org.safesteps.platform;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Slow and idle clients are cut off and connections are capped, so that a few clients trickling
 * bytes cannot hold the server's connections (Reactor Netty keeps them open otherwise).
 */
@Configuration(proxyBeanMethods = false)
class ServerTimeouts {

	@Bean
	NettyServerCustomizer slowClientLimits(RequestLimitsProperties limits) {
		return server -> server.readTimeout(limits.readTimeout())
			.requestTimeout(limits.requestTimeout())
			.idleTimeout(limits.idleTimeout())
			.maxConnections(limits.maxConnections());
	}

}

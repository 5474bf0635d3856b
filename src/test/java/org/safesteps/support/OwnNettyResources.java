package org.safesteps.support;

import java.time.Duration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Each test context gets event loops of its own. By default every context shares Reactor
 * Netty's global ones and disposes them when it closes, which leaves the servers and clients of
 * the contexts still cached with dead loops: their requests wait for ever.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OwnNettyResources {

	@Bean
	ReactorResourceFactory reactorResourceFactory() {
		ReactorResourceFactory resources = new ReactorResourceFactory();
		resources.setUseGlobalResources(false);
		// no quiet period: every cached context closes at JVM exit, and 2 s each added up to more
		// than Surefire's 30 s exit allowance
		resources.setShutdownQuietPeriod(Duration.ZERO);
		return resources;
	}

}

package org.safesteps.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;

import org.springframework.context.annotation.Configuration;

/**
 * An error that arrives after a response was already written (a client that went away, a
 * request that timed out) is dropped by Reactor, which would log it at ERROR with a long stack
 * trace. Client-caused ones are logged at debug; anything else at WARN with its type only.
 */
@Configuration(proxyBeanMethods = false)
class ReactorErrorHooks {

	private static final Logger log = LoggerFactory.getLogger(ReactorErrorHooks.class);

	static {
		Hooks.onErrorDropped(ex -> {
			if (ClientAborts.isAbort(ex) || ClientAborts.isTimeout(ex)) {
				log.debug("Dropped after the response: {}", ex.getClass().getSimpleName());
			}
			else {
				log.warn("Dropped after the response: {}", ex.getClass().getName());
			}
		});
	}

}

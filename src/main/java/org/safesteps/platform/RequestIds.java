package org.safesteps.platform;

import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a random id, sent back as {@code X-Request-Id} and put on every log line
 * written while the request is handled ({@code requestId} in the MDC, carried across threads by
 * Reactor's automatic context propagation). The id is never taken from the client, so a client
 * cannot write into the logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds implements WebFilter {

	static final String KEY = "requestId";

	static final String HEADER = "X-Request-Id";

	static {
		ContextRegistry.getInstance().registerThreadLocalAccessor(new MdcAccessor());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
		exchange.getResponse().getHeaders().set(HEADER, id);
		return chain.filter(exchange).contextWrite(context -> context.put(KEY, id));
	}

	private static final class MdcAccessor implements ThreadLocalAccessor<String> {

		@Override
		public Object key() {
			return KEY;
		}

		@Override
		public String getValue() {
			return MDC.get(KEY);
		}

		@Override
		public void setValue(String value) {
			MDC.put(KEY, value);
		}

		@Override
		public void setValue() {
			MDC.remove(KEY);
		}

	}

}

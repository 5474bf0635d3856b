package org.safesteps.platform;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Serves HEAD as GET without a body (RFC 9110), for functional routes too, which match GET only.
 * The body is already dropped: Spring wraps the response of every HEAD request so that nothing is
 * written.
 */
@Component
class HeadAsGetFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getMethod() != HttpMethod.HEAD) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(request -> request.method(HttpMethod.GET)).build());
	}

}

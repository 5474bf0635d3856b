package org.safesteps.platform;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Reads every request header once, up front, so that a value Spring Security's firewall will not
 * read (not printable ASCII: Thai letters, U+202E, U+2028) is refused with a 400 problem on every
 * route, rather than only on the routes that happen to read that header.
 */
@Component
@Order(0)
class HeaderCheck implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		var headers = exchange.getRequest().getHeaders();
		for (String name : headers.headerNames()) {
			headers.get(name);
		}
		return chain.filter(exchange);
	}

}

package org.safesteps.platform;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The same baseline on every response, set before anything else runs so that errors, firewall
 * rejections and public reads (which bypass Spring Security's chain) carry it too: no sniffing,
 * no referrer, no framing, nothing loaded by a response that is not a page, and not stored by
 * caches unless a route says its response may be (public content does).
 * Pages set their own Content-Security-Policy.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeaders implements WebFilter {

	/** For anything that is not a page: it may load nothing and be framed by nobody. */
	static final String NO_CONTENT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Referrer-Policy", "no-referrer");
		headers.set("X-Frame-Options", "DENY");
		headers.set("Content-Security-Policy", NO_CONTENT_POLICY);
		headers.setCacheControl("no-store");
		return chain.filter(exchange);
	}

}

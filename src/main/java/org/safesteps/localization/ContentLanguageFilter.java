package org.safesteps.localization;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Every response says which locale it used. Content and problems set {@code Content-Language}
 * themselves; this fills it in for the rest with the locale the request negotiates to.
 */
@Component
class ContentLanguageFilter implements WebFilter {

	private final LocalizationCatalog catalog;

	ContentLanguageFilter(LocalizationCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			if (!headers.containsHeader(HttpHeaders.CONTENT_LANGUAGE)) {
				headers.set(HttpHeaders.CONTENT_LANGUAGE, this.catalog.negotiateLeniently(exchange).tag());
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}

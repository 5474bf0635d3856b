package org.safesteps.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may call what. The README's authorisation matrix lists the same rules, and
 * {@code AuthorizationMatrixTest} checks every cell with real signed tokens.
 */
final class AccessRules {

	private AccessRules() {
	}

	/** Reads anyone may make, without a token: served by their own light filter chain. */
	static final ServerWebExchangeMatcher PUBLIC_READS = ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET,
			"/v1/catalog", "/v1/lessons", "/v1/lessons/*", "/v1/quizzes/*", "/v1/bundles/*", "/v1/locales",
			"/v1/help", "/v1/openapi.yaml", "/docs", "/docs/*", "/actuator/health", "/actuator/health/**",
			"/actuator/info");

	static void apply(AuthorizeExchangeSpec exchanges) {
		exchanges.matchers(PUBLIC_READS)
			.permitAll()
			.pathMatchers(HttpMethod.POST, "/v1/quizzes/*/attempts")
			.hasRole(Role.LEARNER.name())
			.pathMatchers(HttpMethod.GET, "/v1/me/progress")
			.hasRole(Role.LEARNER.name())
			.pathMatchers(HttpMethod.DELETE, "/v1/me")
			.hasRole(Role.LEARNER.name())
			.pathMatchers(HttpMethod.GET, "/v1/me")
			.authenticated()
			.pathMatchers(HttpMethod.POST, "/v1/admin/content/import")
			.hasAnyRole(Role.CONTENT_MANAGER.name(), Role.ADMIN.name())
			.anyExchange()
			.authenticated();
	}

}

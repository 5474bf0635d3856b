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

	private static final String[] PUBLIC_PATHS = { "/v1/catalog", "/v1/lessons", "/v1/lessons/*", "/v1/quizzes/*",
			"/v1/bundles/*", "/v1/locales", "/v1/help", "/v1/openapi.yaml", "/docs", "/docs/*", "/actuator/health",
			"/actuator/health/**", "/actuator/info" };

	/** Reads anyone may make, without a token (GET and HEAD): they bypass the security filter chain. */
	static final ServerWebExchangeMatcher PUBLIC_READS = ServerWebExchangeMatchers.matchers(
			ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, PUBLIC_PATHS),
			ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, PUBLIC_PATHS));

	/** Everything else; public reads never reach this chain. */
	static void apply(AuthorizeExchangeSpec exchanges) {
		exchanges.pathMatchers(HttpMethod.POST, "/v1/quizzes/*/attempts")
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

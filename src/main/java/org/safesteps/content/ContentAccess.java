package org.safesteps.content;

import org.safesteps.security.Role;
import org.safesteps.security.RouteAccess;
import org.safesteps.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

@Component
class ContentAccess implements RouteAccess {

	@Override
	public void declare(RouteRules rules) {
		rules.publicRead("/v1/catalog", "/v1/lessons", "/v1/lessons/*", "/v1/quizzes/*", "/v1/bundles/*", "/v1/help",
				"/v1/images/*")
			.route(HttpMethod.POST, "/v1/admin/content/import", Role.CONTENT_MANAGER, Role.ADMIN);
	}

}

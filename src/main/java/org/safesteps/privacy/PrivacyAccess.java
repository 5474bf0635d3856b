package org.safesteps.privacy;

import org.safesteps.security.Role;
import org.safesteps.security.RouteAccess;
import org.safesteps.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

@Component
class PrivacyAccess implements RouteAccess {

	@Override
	public void declare(RouteRules rules) {
		rules.authenticated(HttpMethod.GET, "/v1/me").route(HttpMethod.DELETE, "/v1/me", Role.LEARNER);
	}

}

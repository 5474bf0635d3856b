package org.safesteps.participation;

import org.safesteps.security.Role;
import org.safesteps.security.RouteAccess;
import org.safesteps.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

@Component
class ParticipationAccess implements RouteAccess {

	@Override
	public void declare(RouteRules rules) {
		rules.publicRead("/v1/polls", "/v1/polls/*", "/v1/polls/*/outcome")
			.route(HttpMethod.POST, "/v1/polls/*/responses", Role.LEARNER)
			.route(HttpMethod.POST, "/v1/feedback", Role.LEARNER)
			.route(HttpMethod.POST, "/v1/polls/*/outcome", Role.MINISTRY_ANALYST, Role.ADMIN);
	}

}

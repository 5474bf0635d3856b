package org.safesteps.classroom;

import org.safesteps.security.Role;
import org.safesteps.security.RouteAccess;
import org.safesteps.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

@Component
class ClassroomAccess implements RouteAccess {

	@Override
	public void declare(RouteRules rules) {
		rules.publicRead("/classroom", "/classroom/*")
			.route(HttpMethod.GET, "/v1/classroom/modules", Role.TEACHER)
			.route(HttpMethod.POST, "/v1/classroom/sessions", Role.TEACHER)
			.route(HttpMethod.GET, "/v1/classroom/sessions", Role.TEACHER)
			.route(HttpMethod.GET, "/v1/classroom/sessions/*", Role.TEACHER)
			.route(HttpMethod.POST, "/v1/classroom/sessions/*/advance", Role.TEACHER)
			.route(HttpMethod.POST, "/v1/classroom/sessions/*/end", Role.TEACHER)
			.route(HttpMethod.GET, "/v1/classroom/sessions/*/events", Role.TEACHER)
			.route(HttpMethod.GET, "/v1/classroom/sessions/*/report", Role.TEACHER)
			.route(HttpMethod.POST, "/v1/classroom/join", Role.LEARNER)
			.route(HttpMethod.GET, "/v1/classroom/sessions/*/step", Role.LEARNER)
			.route(HttpMethod.POST, "/v1/classroom/sessions/*/quiz-attempts", Role.LEARNER)
			.route(HttpMethod.POST, "/v1/classroom/sessions/*/poll-responses", Role.LEARNER);
	}

}

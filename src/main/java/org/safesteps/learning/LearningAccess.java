package org.safesteps.learning;

import org.safesteps.security.Role;
import org.safesteps.security.RouteAccess;
import org.safesteps.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

@Component
class LearningAccess implements RouteAccess {

	@Override
	public void declare(RouteRules rules) {
		rules.route(HttpMethod.POST, "/v1/quizzes/*/attempts", Role.LEARNER)
			.route(HttpMethod.GET, "/v1/me/progress", Role.LEARNER);
	}

}

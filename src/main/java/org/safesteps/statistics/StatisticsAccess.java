package org.safesteps.statistics;

import org.safesteps.security.Role;
import org.safesteps.security.RouteAccess;
import org.safesteps.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

@Component
class StatisticsAccess implements RouteAccess {

	@Override
	public void declare(RouteRules rules) {
		rules.publicRead("/v1/polls/*/results", "/v1/statistics/public/participation")
			.route(HttpMethod.GET, "/v1/statistics/participation", Role.MINISTRY_ANALYST, Role.ADMIN)
			.route(HttpMethod.GET, "/v1/statistics/learning", Role.MINISTRY_ANALYST, Role.ADMIN)
			.route(HttpMethod.GET, "/v1/statistics/polls/*", Role.MINISTRY_ANALYST, Role.ADMIN);
	}

}

package org.safesteps.dashboard;

import org.safesteps.security.RouteAccess;
import org.safesteps.security.RouteRules;
import org.springframework.stereotype.Component;

@Component
class DashboardAccess implements RouteAccess {

	@Override
	public void declare(RouteRules rules) {
		rules.publicRead("/dashboard", "/dashboard/*");
	}

}

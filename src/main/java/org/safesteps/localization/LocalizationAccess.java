package org.safesteps.localization;

import org.safesteps.security.RouteAccess;
import org.safesteps.security.RouteRules;
import org.springframework.stereotype.Component;

@Component
class LocalizationAccess implements RouteAccess {

	@Override
	public void declare(RouteRules rules) {
		rules.publicRead("/v1/locales");
	}

}

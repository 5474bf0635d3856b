package org.safesteps.docs;

import org.safesteps.security.RouteAccess;
import org.safesteps.security.RouteRules;
import org.springframework.stereotype.Component;

@Component
class DocsAccess implements RouteAccess {

	@Override
	public void declare(RouteRules rules) {
		rules.publicRead("/v1/openapi.yaml", "/docs", "/docs/*");
	}

}

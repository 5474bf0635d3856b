package org.safesteps.campaigns;

import org.safesteps.security.Role;
import org.safesteps.security.RouteAccess;
import org.safesteps.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

@Component
class CampaignsAccess implements RouteAccess {

	@Override
	public void declare(RouteRules rules) {
		rules.route(HttpMethod.POST, "/v1/devices", Role.LEARNER)
			.route(HttpMethod.PUT, "/v1/devices/*", Role.LEARNER)
			.route(HttpMethod.DELETE, "/v1/devices/*", Role.LEARNER)
			.route(HttpMethod.POST, "/v1/campaigns", Role.CAMPAIGN_MANAGER, Role.ADMIN)
			.route(HttpMethod.GET, "/v1/campaigns", Role.CAMPAIGN_MANAGER, Role.CAMPAIGN_APPROVER, Role.ADMIN)
			.route(HttpMethod.GET, "/v1/campaigns/*", Role.CAMPAIGN_MANAGER, Role.CAMPAIGN_APPROVER, Role.ADMIN)
			.route(HttpMethod.PUT, "/v1/campaigns/*", Role.CAMPAIGN_MANAGER, Role.ADMIN)
			.route(HttpMethod.POST, "/v1/campaigns/*/submit", Role.CAMPAIGN_MANAGER, Role.ADMIN)
			.route(HttpMethod.POST, "/v1/campaigns/*/approve", Role.CAMPAIGN_APPROVER)
			.route(HttpMethod.POST, "/v1/campaigns/*/reject", Role.CAMPAIGN_APPROVER)
			.route(HttpMethod.POST, "/v1/campaigns/*/cancel", Role.CAMPAIGN_MANAGER, Role.CAMPAIGN_APPROVER,
					Role.ADMIN)
			.route(HttpMethod.GET, "/v1/campaigns/*/stats", Role.CAMPAIGN_MANAGER, Role.CAMPAIGN_APPROVER,
					Role.ADMIN);
	}

}

package org.safesteps.security;

/**
 * A feature's access rules for its own routes, declared next to them as a bean. A route that no
 * feature declares is denied; {@code AccessRulesTest} fails when a served route has no rule.
 */
public interface RouteAccess {

	void declare(RouteRules rules);

}

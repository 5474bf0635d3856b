package org.safesteps.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What the features declared through {@link RouteAccess}: public reads, which bypass the security
 * filter chain, and for every other route the roles that may call it.
 */
public final class RouteRules {

	private static final PathPatternParser PARSER = new PathPatternParser();

	private final List<Rule> rules = new ArrayList<>();

	private final Set<String> declared = new HashSet<>();

	/** GET (and HEAD) that anyone may make without a token; tokens sent with them are ignored. */
	public RouteRules publicRead(String... patterns) {
		for (String pattern : patterns) {
			add(new Rule(HttpMethod.GET, pattern, Access.PUBLIC_READ, Set.of()));
		}
		return this;
	}

	/** A route for callers holding any of these roles. */
	public RouteRules route(HttpMethod method, String pattern, Role... roles) {
		if (roles.length == 0) {
			throw new IllegalArgumentException("Name the roles that may call " + method + " " + pattern);
		}
		return add(new Rule(method, pattern, Access.ROLES, Set.copyOf(Arrays.asList(roles))));
	}

	/** A route for any valid token, learner or staff. */
	public RouteRules authenticated(HttpMethod method, String pattern) {
		return add(new Rule(method, pattern, Access.AUTHENTICATED, Set.of()));
	}

	/** Every rule, the most specific pattern first, so that the order of declaration never matters. */
	public List<Rule> rules() {
		return this.rules.stream()
			.sorted(Comparator.comparing((Rule rule) -> PARSER.parse(rule.pattern()), PathPattern.SPECIFICITY_COMPARATOR))
			.toList();
	}

	private RouteRules add(Rule rule) {
		if (!this.declared.add(rule.method() + " " + rule.pattern())) {
			throw new IllegalStateException("Two rules for " + rule.method() + " " + rule.pattern());
		}
		this.rules.add(rule);
		return this;
	}

	public enum Access {

		PUBLIC_READ, AUTHENTICATED, ROLES

	}

	/** One route and who may call it. */
	public record Rule(HttpMethod method, String pattern, Access access, Set<Role> roles) {
	}

}

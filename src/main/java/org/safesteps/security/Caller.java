package org.safesteps.security;

import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.ProblemType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

/**
 * Who is calling, read from the token once (in {@link SecurityConfiguration}) so that no feature
 * parses claims. Controllers take it as a method argument; functional routes call {@link #current()}.
 *
 * @param learnerKey the learner's keyed hash (the key learner data is stored under), or null for staff
 * @param staffId the staff member's subject at the staff issuer, or null for learners; audit trails
 * and "one's own" checks use it
 * @param roles what the token allows
 * @param countries ISO 3166-1 alpha-2 codes a staff member may see statistics for; empty for learners
 */
public record Caller(String learnerKey, String staffId, Set<Role> roles, Set<String> countries) {

	public Caller {
		roles = Set.copyOf(roles);
		countries = Set.copyOf(countries);
	}

	/** The caller of the current request, if it was authenticated. */
	public static Mono<Caller> current() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.map(Authentication::getDetails)
			.filter(Caller.class::isInstance)
			.cast(Caller.class);
	}

	public boolean isLearner() {
		return this.learnerKey != null;
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/**
	 * Whether the caller may see data about a country: an admin sees all, anyone else only the
	 * countries in their token.
	 */
	public boolean mayRead(String country) {
		return has(Role.ADMIN) || (country != null && this.countries.contains(country));
	}

	/** @throws ApiProblem 403 {@code country-not-allowed}, naming the token's countries, when the caller may not */
	public void requireMayRead(String country) {
		if (!mayRead(country)) {
			throw new ApiProblem(ProblemType.COUNTRY_NOT_ALLOWED, Map.of("country", country),
					Map.of("allowedCountries", this.countries.stream().sorted().toList()));
		}
	}

}

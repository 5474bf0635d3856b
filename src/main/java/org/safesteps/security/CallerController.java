package org.safesteps.security;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells a caller what its token allows: roles and, for analysts, countries. Never the subject. */
@RestController
class CallerController {

	private static final Pattern ISO_COUNTRY = Pattern.compile("[A-Z]{2}");

	private final SecurityProperties properties;

	CallerController(SecurityProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/v1/me")
	ResponseEntity<Caller> me(JwtAuthenticationToken authentication) {
		List<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.map(authority -> authority.replaceFirst("^ROLE_", ""))
			.sorted()
			.toList();
		boolean learner = roles.contains(Role.LEARNER.name());
		List<String> countries = learner ? null
				: authentication.getToken().getClaimAsStringList(this.properties.staff().countriesClaim());
		Caller caller = new Caller(learner ? "learner" : "staff", roles, (countries != null)
				? countries.stream().filter(code -> ISO_COUNTRY.matcher(code).matches()).sorted().toList() : List.of());
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(caller);
	}

	/**
	 * @param kind {@code learner} for a children's app token, {@code staff} otherwise
	 * @param countries ISO 3166-1 alpha-2 codes the caller may see statistics for
	 */
	record Caller(String kind, List<String> roles, List<String> countries) {
	}

}

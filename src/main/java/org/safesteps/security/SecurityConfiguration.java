package org.safesteps.security;

import java.security.interfaces.RSAPublicKey;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.ProblemResponseWriter;
import org.safesteps.platform.ProblemType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

/**
 * One filter chain, whose rules the features declare themselves ({@link RouteAccess}). Two issuers are trusted side by side: Firebase for learners and the
 * institutional OIDC issuer for staff; each token is checked for issuer, audience, expiry,
 * not-before, subject and an RS256 or ES256 signature. Public reads (content, locales, help,
 * docs, health) need no identity and bypass the chain: Spring Security's firewall still checks
 * them, tokens sent with them are ignored, and they set their own headers (PublicReadHeaders).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	private static final Pattern ISO_COUNTRY = Pattern.compile("[A-Z]{2}");

	static final String LOCAL_LEARNER_PROJECT = "safesteps-local";

	static final String LOCAL_STAFF_ISSUER = "https://staff.safesteps.local";

	/** Every feature's rules, and the actuator's (health is public; metrics sit on the management port). */
	@Bean
	RouteRules routeRules(List<RouteAccess> features) {
		RouteRules rules = new RouteRules();
		rules.publicRead("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
				"/livez", "/readyz");
		features.forEach(feature -> feature.declare(rules));
		return rules;
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
			JwtIssuerReactiveAuthenticationManagerResolver issuers, ProblemResponseWriter problems, RouteRules rules) {
		http.securityMatcher(new NegatedServerWebExchangeMatcher(publicReads(rules)))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
			.authorizeExchange(exchanges -> authorize(exchanges, rules))
			.oauth2ResourceServer(server -> server.authenticationManagerResolver(issuers)
				.authenticationEntryPoint((exchange, ex) -> unauthorized(problems, exchange, ex))
				.accessDeniedHandler((exchange, ex) -> forbidden(problems, exchange)))
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint((exchange, ex) -> unauthorized(problems, exchange, ex))
				.accessDeniedHandler((exchange, ex) -> forbidden(problems, exchange)));
		return http.build();
	}

	/** GET and HEAD of the public reads: they bypass the chain; the firewall still applies. */
	private static ServerWebExchangeMatcher publicReads(RouteRules rules) {
		String[] patterns = rules.rules()
			.stream()
			.filter(rule -> rule.access() == RouteRules.Access.PUBLIC_READ)
			.map(RouteRules.Rule::pattern)
			.toArray(String[]::new);
		return ServerWebExchangeMatchers.matchers(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, patterns),
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, patterns));
	}

	/** The declared rules, most specific first; a route nobody declared is denied. */
	private static void authorize(ServerHttpSecurity.AuthorizeExchangeSpec exchanges, RouteRules rules) {
		for (RouteRules.Rule rule : rules.rules()) {
			switch (rule.access()) {
				case PUBLIC_READ -> {
					// never reaches this chain
				}
				case AUTHENTICATED -> exchanges.pathMatchers(rule.method(), rule.pattern()).authenticated();
				case ROLES -> exchanges.pathMatchers(rule.method(), rule.pattern())
					.hasAnyRole(rule.roles().stream().map(Role::name).sorted().toArray(String[]::new));
			}
		}
		exchanges.anyExchange().denyAll();
	}

	@Bean
	JwtIssuerReactiveAuthenticationManagerResolver trustedIssuers(SecurityProperties properties,
			Environment environment, SubjectKeys subjectKeys) {
		boolean dev = DevIssuerKeys.allowed(properties, environment);
		RSAPublicKey devKey = dev ? DevIssuerKeys.publicKey(properties.devIssuer().keyDirectory()) : null;
		Map<String, Mono<ReactiveAuthenticationManager>> managers = new java.util.HashMap<>();

		String projectId = dev ? LOCAL_LEARNER_PROJECT : properties.learner().firebaseProjectId();
		if (projectId == null || projectId.isBlank()) {
			throw new IllegalStateException("Set safesteps.security.learner.firebase-project-id (FIREBASE_PROJECT_ID)");
		}
		String learnerIssuer = SecurityProperties.Learner.issuerOf(projectId);
		ReactiveJwtDecoder learnerDecoder = decoder(dev ? null : properties.learner().jwkSetUri(), devKey,
				validators(properties, learnerIssuer, projectId));
		managers.put(learnerIssuer, Mono.just(manager(learnerDecoder,
				jwt -> new Caller(subjectKeys.of(jwt), null, Set.of(Role.LEARNER), Set.of()))));

		String staffIssuer = dev ? LOCAL_STAFF_ISSUER : properties.staff().issuer();
		if (staffIssuer != null && !staffIssuer.isBlank()) {
			String jwkSetUri = properties.staff().jwkSetUri();
			OAuth2TokenValidator<Jwt> staffValidator = validators(properties, staffIssuer,
					properties.staff().audience());
			ReactiveJwtDecoder staffDecoder = (dev || (jwkSetUri != null && !jwkSetUri.isBlank()))
					? decoder(dev ? null : jwkSetUri, devKey, staffValidator)
					: discoveredDecoder(staffIssuer, staffValidator);
			managers.put(staffIssuer, Mono.just(manager(staffDecoder, jwt -> staffCaller(jwt, properties))));
		}
		log.info("Trusting learner tokens from {}{}{}", learnerIssuer,
				managers.size() > 1 ? " and staff tokens from " + staffIssuer : " (no staff issuer configured)",
				dev ? ", signed by the local dev key" : "");
		return new JwtIssuerReactiveAuthenticationManagerResolver(
				issuer -> managers.getOrDefault(issuer, Mono.empty()));
	}

	private static ReactiveJwtDecoder decoder(String jwkSetUri, RSAPublicKey devKey,
			OAuth2TokenValidator<Jwt> validator) {
		NimbusReactiveJwtDecoder decoder = (devKey != null)
				? NimbusReactiveJwtDecoder.withPublicKey(devKey).signatureAlgorithm(SignatureAlgorithm.RS256).build()
				: NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithms(algorithms -> {
					algorithms.add(SignatureAlgorithm.RS256);
					algorithms.add(SignatureAlgorithm.ES256);
				}).build();
		decoder.setJwtValidator(validator);
		return decoder;
	}

	/** Finds the JWK set through the issuer's OIDC discovery document, on first use. */
	private static ReactiveJwtDecoder discoveredDecoder(String issuer, OAuth2TokenValidator<Jwt> validator) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(issuer)
			.jwsAlgorithms(algorithms -> {
				algorithms.add(SignatureAlgorithm.RS256);
				algorithms.add(SignatureAlgorithm.ES256);
			})
			.build();
		decoder.setJwtValidator(validator);
		return decoder;
	}

	private static OAuth2TokenValidator<Jwt> validators(SecurityProperties properties, String issuer,
			String audience) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
		OAuth2TokenValidator<Jwt> audienceValidator = jwt -> (jwt.getAudience() != null
				&& jwt.getAudience().contains(audience)) ? OAuth2TokenValidatorResult.success()
						: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
								"The token is not meant for this service", null));
		OAuth2TokenValidator<Jwt> expiryRequired = jwt -> (jwt.getExpiresAt() != null)
				? OAuth2TokenValidatorResult.success()
				: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has no expiry", null));
		// Learner data is keyed by the subject: a token without one would share everyone's key.
		OAuth2TokenValidator<Jwt> subjectRequired = jwt -> (jwt.getSubject() != null && !jwt.getSubject().isBlank())
				? OAuth2TokenValidatorResult.success()
				: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has no subject", null));
		return new DelegatingOAuth2TokenValidator<>(List.of(timestamps, expiryRequired, subjectRequired,
				new JwtIssuerValidator(issuer), audienceValidator));
	}

	/** The token becomes an authentication whose details are the {@link Caller}: claims are read here only. */
	private static ReactiveAuthenticationManager manager(ReactiveJwtDecoder decoder, Function<Jwt, Caller> callers) {
		JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
		manager.setJwtAuthenticationConverter(jwt -> {
			Caller caller = callers.apply(jwt);
			List<GrantedAuthority> authorities = caller.roles()
				.stream()
				.map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
				.toList();
			JwtAuthenticationToken authentication = new JwtAuthenticationToken(jwt, authorities);
			authentication.setDetails(caller);
			return Mono.just(authentication);
		});
		return manager;
	}

	/** Staff roles from the roles claim (a learner role there counts for nothing), countries filtered to ISO codes. */
	private static Caller staffCaller(Jwt jwt, SecurityProperties properties) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		List<String> names = jwt.getClaimAsStringList(properties.staff().rolesClaim());
		if (names != null) {
			for (String name : names) {
				String normalised = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
				for (Role role : Role.values()) {
					if (role != Role.LEARNER && role.name().equals(normalised)) {
						roles.add(role);
					}
				}
			}
		}
		List<String> countries = jwt.getClaimAsStringList(properties.staff().countriesClaim());
		Set<String> iso = (countries == null) ? Set.of()
				: countries.stream().filter(code -> ISO_COUNTRY.matcher(code).matches()).collect(Collectors.toSet());
		return new Caller(null, jwt.getSubject(), roles, iso);
	}

	private static Mono<Void> unauthorized(ProblemResponseWriter problems, ServerWebExchange exchange,
			AuthenticationException ex) {
		HttpHeaders headers = new HttpHeaders();
		boolean tokenSent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
		if (tokenSent || ex instanceof OAuth2AuthenticationException) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"invalid_token\", error_description=\"The access token is not valid\"");
		}
		else {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		return problems.write(exchange, new ApiProblem(ProblemType.UNAUTHORIZED, Map.of(), Map.of()), headers);
	}

	private static Mono<Void> forbidden(ProblemResponseWriter problems, ServerWebExchange exchange) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		return problems.write(exchange, new ApiProblem(ProblemType.FORBIDDEN, Map.of(), Map.of()), headers);
	}

}

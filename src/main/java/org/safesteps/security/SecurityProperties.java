package org.safesteps.security;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who SafeSteps trusts.
 *
 * @param subjectKeySecret the HMAC key that turns a token's subject into the key learner data
 * is stored under; at least 32 characters; keep it secret and stable
 * @param clockSkew tolerance when checking expiry and not-before
 */
@ConfigurationProperties("safesteps.security")
record SecurityProperties(String subjectKeySecret, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue Learner learner, @DefaultValue Staff staff, @DefaultValue DevIssuer devIssuer) {

	/**
	 * Children's apps: Firebase Authentication ID tokens.
	 *
	 * @param firebaseProjectId issuer is {@code https://securetoken.google.com/<id>}, audience the id
	 * @param jwkSetUri Google's securetoken key set in production
	 */
	record Learner(String firebaseProjectId,
			@DefaultValue("https://www.googleapis.com/service_accounts/v1/jwk/securetoken@system.gserviceaccount.com") String jwkSetUri) {

		static String issuerOf(String firebaseProjectId) {
			return "https://securetoken.google.com/" + firebaseProjectId;
		}

	}

	/**
	 * Staff: an institutional OIDC issuer (Keycloak, Entra ID, Google Workspace). Without a
	 * JWK set URI, the key set is found through the issuer's OIDC discovery document.
	 *
	 * @param rolesClaim claim holding role names such as {@code TEACHER}
	 * @param countriesClaim claim holding ISO 3166-1 alpha-2 codes an analyst may see
	 */
	record Staff(String issuer, String jwkSetUri, @DefaultValue("safesteps-api") String audience,
			@DefaultValue("roles") String rolesClaim, @DefaultValue("countries") String countriesClaim) {
	}

	/**
	 * A local key pair that signs tokens for every role; only allowed in the {@code local} profile.
	 */
	record DevIssuer(@DefaultValue("false") boolean enabled,
			@DefaultValue("./data/dev-issuer") Path keyDirectory) {
	}

}

package org.safesteps.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The secret behind learners' keyed hashes: required everywhere, generated only for local use. */
@Configuration(proxyBeanMethods = false)
class SubjectKeysConfiguration {

	@Bean
	SubjectKeys subjectKeys(SecurityProperties properties, Environment environment) {
		String secret = properties.subjectKeySecret();
		if ((secret == null || secret.isBlank()) && DevIssuerKeys.allowed(properties, environment)) {
			secret = DevIssuerKeys.subjectKeySecret(properties.devIssuer().keyDirectory());
		}
		if (secret == null || secret.length() < 32) {
			throw new IllegalStateException(
					"Set safesteps.security.subject-key-secret (SAFESTEPS_SUBJECT_KEY_SECRET) to at least 32 characters");
		}
		return new SubjectKeys(secret);
	}

}

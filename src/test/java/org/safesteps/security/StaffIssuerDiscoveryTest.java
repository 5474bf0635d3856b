package org.safesteps.security;

import org.junit.jupiter.api.Test;

import org.safesteps.support.ApiTest;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A staff issuer configured without a JWK set URI is trusted through its OIDC discovery document. */
@ApiTest
class StaffIssuerDiscoveryTest {

	@DynamicPropertySource
	static void issuerOnly(DynamicPropertyRegistry registry) {
		registry.add("safesteps.security.staff.issuer", TestTokens::discoverableStaffIssuer);
		registry.add("safesteps.security.staff.jwk-set-uri", () -> "");
	}

	@Autowired
	WebTestClient http;

	/** A token from the discovered issuer is accepted; one claiming the old issuer is not. */
	@Test
	void discoveredIssuerIsTrusted() {
		this.http.get()
			.uri("/v1/me")
			.header(HttpHeaders.AUTHORIZATION,
					"Bearer " + TestTokens.staffFrom(TestTokens.discoverableStaffIssuer(), "TEACHER"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.roles[0]")
			.isEqualTo("TEACHER");
		this.http.get()
			.uri("/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("TEACHER"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody();
	}

}

package org.safesteps.security;

import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import org.safesteps.support.ApiTest;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class BadTokenTest {

	@Autowired
	WebTestClient http;

	static java.util.stream.Stream<Arguments> badTokens() {
		return java.util.stream.Stream.of(
				Arguments.of("expired", (Supplier<String>) () -> TestTokens.learnerWith(claims -> claims
					.issueTime(Date.from(Instant.now().minusSeconds(7200)))
					.expirationTime(Date.from(Instant.now().minusSeconds(3600))))),
				Arguments.of("not yet valid", (Supplier<String>) () -> TestTokens
					.learnerWith(claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(3600))))),
				Arguments.of("wrong issuer", (Supplier<String>) () -> TestTokens
					.learnerWith(claims -> claims.issuer("https://securetoken.google.com/someone-else"))),
				Arguments.of("wrong audience",
						(Supplier<String>) () -> TestTokens.learnerWith(claims -> claims.audience("someone-else"))),
				Arguments.of("no subject",
						(Supplier<String>) () -> TestTokens.learnerWith(claims -> claims.subject(null))),
				Arguments.of("no expiry",
						(Supplier<String>) () -> TestTokens.learnerWith(claims -> claims.expirationTime(null))),
				Arguments.of("alg none", (Supplier<String>) TestTokens::unsigned),
				Arguments.of("HS256 with the public key as secret",
						(Supplier<String>) TestTokens::hs256WithPublicKeyAsSecret),
				Arguments.of("bad signature", (Supplier<String>) TestTokens::withBadSignature),
				Arguments.of("unknown key", (Supplier<String>) TestTokens::signedByUnknownKey),
				Arguments.of("not a JWT", (Supplier<String>) () -> "not.a.jwt"));
	}

	/** Each kind of bad token gets 401 problem+json with WWW-Authenticate, on a learner endpoint. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("badTokens")
	void badTokenIsUnauthorized(String name, Supplier<String> token) {
		this.http.get()
			.uri("/v1/me/progress")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.get())
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\".*")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/unauthorized");
	}

	/** Public reads ignore tokens entirely, so even a bad one cannot lock a child out of lessons. */
	@Test
	void tokenOnPublicReadIsIgnored() {
		this.http.get()
			.uri("/v1/catalog")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.unsigned())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totals.lessons")
			.isEqualTo(39);
	}

	/** No token at all gets 401 with a bare Bearer challenge. */
	@Test
	void missingTokenIsUnauthorized() {
		this.http.get()
			.uri("/v1/me/progress")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/unauthorized");
	}

	/** A valid token with too little right gets 403. */
	@Test
	void validTokenWithoutTheRoleIsForbidden() {
		this.http.get()
			.uri("/v1/me/progress")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("TEACHER"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/forbidden");
	}

	/** Staff tokens signed with ES256 are trusted too; analysts see their countries, only valid ISO codes. */
	@Test
	void es256StaffTokenIsAccepted() {
		this.http.get()
			.uri("/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staffEs256("CONTENT_MANAGER"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.roles[0]")
			.isEqualTo("CONTENT_MANAGER");
		this.http.get()
			.uri("/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("MINISTRY_ANALYST", "VN", "TH", "Thailand"))
			.header(HttpHeaders.ACCEPT_LANGUAGE, "th")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "th")
			.expectBody()
			.jsonPath("$.kind")
			.isEqualTo("staff")
			.jsonPath("$.countries")
			.isEqualTo(java.util.List.of("TH", "VN"));
	}

	/** A learner token grants LEARNER and nothing else, whatever roles it claims. */
	@Test
	void learnerTokenCannotClaimStaffRoles() {
		String token = TestTokens.learnerWith(claims -> claims.claim("roles", java.util.List.of("ADMIN")));
		this.http.get()
			.uri("/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.roles")
			.isEqualTo(java.util.List.of("LEARNER"));
		this.http.post()
			.uri("/v1/admin/content/import")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody();
	}

}

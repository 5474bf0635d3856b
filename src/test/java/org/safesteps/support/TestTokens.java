package org.safesteps.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Real signed tokens for tests, and the JWK sets that verify them, served over local HTTP the
 * way Google's securetoken endpoint and a staff OIDC issuer serve theirs in production.
 */
public final class TestTokens {

	public static final String FIREBASE_PROJECT = "safesteps-test";

	public static final String LEARNER_ISSUER = "https://securetoken.google.com/" + FIREBASE_PROJECT;

	public static final String STAFF_ISSUER = "https://login.test.safesteps.org/realms/staff";

	public static final String STAFF_AUDIENCE = "safesteps-api";

	private static final RSAKey LEARNER_KEY = rsa("learner-1");

	private static final RSAKey STAFF_KEY = rsa("staff-1");

	private static final ECKey STAFF_EC_KEY = ec("staff-ec-1");

	/** Signs tokens but is published nowhere. */
	private static final RSAKey UNKNOWN_KEY = rsa("unknown-1");

	private static final HttpServer JWKS = startJwksServer();

	private TestTokens() {
	}

	public static String learnerJwkSetUri() {
		return "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/learner/jwks.json";
	}

	public static String staffJwkSetUri() {
		return "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/staff/jwks.json";
	}

	/** An issuer that publishes an OIDC discovery document pointing at the staff JWK set. */
	public static String discoverableStaffIssuer() {
		return "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/realms/discovered";
	}

	public static String staffFrom(String issuer, String role) {
		return sign(staffClaims(role).issuer(issuer).build(), STAFF_KEY, JWSAlgorithm.RS256);
	}

	/** A Firebase anonymous sign-in ID token for the given uid. */
	public static String learner(String uid) {
		return sign(learnerClaims(uid).build(), LEARNER_KEY, JWSAlgorithm.RS256);
	}

	public static String newLearner() {
		return learner("anon-" + UUID.randomUUID());
	}

	/** A staff token with one role and, for analysts, countries. */
	public static String staff(String role, String... countries) {
		return sign(staffClaims(role, countries).build(), STAFF_KEY, JWSAlgorithm.RS256);
	}

	/** A staff token for a given person, so that two teachers can be told apart. */
	public static String staffAs(String subject, String role) {
		return sign(staffClaims(role).subject(subject).build(), STAFF_KEY, JWSAlgorithm.RS256);
	}

	/** A staff token for a given person with several roles and countries. */
	public static String staffWith(String subject, List<String> roles, String... countries) {
		return sign(staffClaims(roles.get(0), countries).subject(subject).claim("roles", roles).build(), STAFF_KEY,
				JWSAlgorithm.RS256);
	}

	public static String staffEs256(String role) {
		return sign(staffClaims(role).build(), STAFF_EC_KEY, JWSAlgorithm.ES256);
	}

	public static JWTClaimsSet.Builder learnerClaims(String uid) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(LEARNER_ISSUER)
			.audience(FIREBASE_PROJECT)
			.subject(uid)
			.claim("user_id", uid)
			.claim("auth_time", now.getEpochSecond())
			.claim("firebase", Map.of("sign_in_provider", "anonymous", "identities", Map.of()))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now.minusSeconds(5)))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(30))));
	}

	public static JWTClaimsSet.Builder staffClaims(String role, String... countries) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(STAFF_ISSUER)
			.audience(STAFF_AUDIENCE)
			.subject("staff-" + role.toLowerCase())
			.claim("roles", List.of(role))
			.claim("countries", List.of(countries))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(30))));
	}

	public static String learnerWith(Consumer<JWTClaimsSet.Builder> change) {
		JWTClaimsSet.Builder claims = learnerClaims("anon-" + UUID.randomUUID());
		change.accept(claims);
		return sign(claims.build(), LEARNER_KEY, JWSAlgorithm.RS256);
	}

	public static String signedByUnknownKey() {
		return sign(learnerClaims("anon-unknown").build(), UNKNOWN_KEY, JWSAlgorithm.RS256);
	}

	public static String unsigned() {
		return new PlainJWT(learnerClaims("anon-none").build()).serialize();
	}

	/** HS256 with the published public key as the HMAC secret: the classic algorithm-confusion attack. */
	public static String hs256WithPublicKeyAsSecret() {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(LEARNER_KEY.getKeyID()).build(),
					learnerClaims("anon-hs256").build());
			jwt.sign(new MACSigner(LEARNER_KEY.toRSAPublicKey().getEncoded()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A valid token whose signature part is replaced by another token's. */
	public static String withBadSignature() {
		String token = newLearner();
		String other = newLearner();
		return token.substring(0, token.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));
	}

	/** The secret of the test profile's learner hashes (application-test.yaml). */
	public static final String SUBJECT_KEY_SECRET = "test-subject-key-secret-0123456789abcdef";

	/**
	 * The keyed hash the service stores this token's learner data under, computed here as the
	 * service documents it: HMAC-SHA256 over "subject", 0, issuer, newline, subject.
	 */
	public static String subjectKey(String token) {
		try {
			JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(SUBJECT_KEY_SECRET.getBytes(StandardCharsets.UTF_8),
					"HmacSHA256"));
			mac.update("subject".getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return java.util.HexFormat.of()
				.formatHex(mac.doFinal((claims.getIssuer() + "\n" + claims.getSubject()).getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.text.ParseException | java.security.GeneralSecurityException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static String sign(JWTClaimsSet claims, com.nimbusds.jose.jwk.JWK key, JWSAlgorithm algorithm) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
			jwt.sign((key instanceof ECKey ecKey) ? new ECDSASigner(ecKey) : new RSASSASigner((RSAKey) key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer startJwksServer() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			serve(server, "/learner/jwks.json", new JWKSet(LEARNER_KEY.toPublicJWK()));
			serve(server, "/staff/jwks.json", new JWKSet(List.of(STAFF_KEY.toPublicJWK(), STAFF_EC_KEY.toPublicJWK())));
			server.start();
			String base = "http://127.0.0.1:" + server.getAddress().getPort();
			serve(server, "/realms/discovered/.well-known/openid-configuration",
					"{\"issuer\":\"" + base + "/realms/discovered\",\"jwks_uri\":\"" + base + "/staff/jwks.json\","
							+ "\"subject_types_supported\":[\"public\"],\"response_types_supported\":[\"code\"],"
							+ "\"id_token_signing_alg_values_supported\":[\"RS256\",\"ES256\"]}");
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void serve(HttpServer server, String path, JWKSet keys) {
		serve(server, path, keys.toString());
	}

	private static void serve(HttpServer server, String path, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		server.createContext(path, exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
	}

	private static RSAKey rsa(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ECKey ec(String kid) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

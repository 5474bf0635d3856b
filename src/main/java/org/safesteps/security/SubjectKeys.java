package org.safesteps.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a token's subject (a Firebase uid) into a keyed hash. Learner data is stored under that
 * hash only, so a database dump shows no uid, and without the secret it cannot be linked back.
 */
final class SubjectKeys {

	private final SecretKeySpec key;

	SubjectKeys(String secret) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/**
	 * The key of the token's subject, with the issuer, so two issuers' subjects never collide:
	 * HMAC-SHA256 over {@code "subject", 0, issuer, "\n", subject}, in hex.
	 */
	String of(Jwt jwt) {
		return hash("subject", jwt.getIssuer() + "\n" + jwt.getSubject());
	}

	private String hash(String purpose, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(purpose.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

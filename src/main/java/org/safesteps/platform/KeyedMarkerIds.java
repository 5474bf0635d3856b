package org.safesteps.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ids of markers that record what a learner did without naming them: an HMAC-SHA256, in hex, of
 * what was done and the learner's key, under a secret of the feature's own.
 */
public final class KeyedMarkerIds {

	private final SecretKeySpec secret;

	public KeyedMarkerIds(String secret) {
		this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/** @param what the parts that say what was done, each followed by a NUL before the learner key */
	public String of(String learnerKey, String... what) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.secret);
			for (String part : what) {
				mac.update((part + "\0").getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(mac.doFinal(learnerKey.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

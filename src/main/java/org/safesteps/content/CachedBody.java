package org.safesteps.content;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A response body serialised once, with its strong ETag.
 *
 * @param contentLanguage the locale the request was served in
 */
record CachedBody(byte[] body, String etag, String contentLanguage) {

	static CachedBody of(byte[] body, String contentLanguage) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18));
			return new CachedBody(body, "\"" + tag + "\"", contentLanguage);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package org.safesteps.platform;

import org.springframework.http.HttpHeaders;

/**
 * The security headers of public reads. Those reads bypass Spring Security's filter chain (it
 * would cost more than serving a cached lesson), so they set the headers that chain would add and
 * that matter for JSON and a docs page.
 */
public final class PublicReadHeaders {

	private PublicReadHeaders() {
	}

	public static void apply(HttpHeaders headers) {
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Referrer-Policy", "no-referrer");
	}

}

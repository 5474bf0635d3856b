package org.safesteps.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Fetches an offline bundle (200 expected) and reads the JSON inside its gzip. */
public final class OfflineBundles {

	private OfflineBundles() {
	}

	public static JsonNode fetch(WebTestClient http, JsonMapper json, String uri) {
		byte[] gzip = http.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
		return json.readTree(gunzip(gzip));
	}

	public static byte[] gunzip(byte[] gzip) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

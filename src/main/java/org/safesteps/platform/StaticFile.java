package org.safesteps.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A file the service serves as it is (a page, a script, a contract), read from the class path
 * once at start-up, so that serving it never reads a jar on an event loop.
 *
 * @param policy the page's Content-Security-Policy, or null for the service's default
 */
public record StaticFile(byte[] bytes, MediaType type, String policy) {

	/**
	 * For a page: it runs only its own scripts (no inline ones), talks only to this service, and
	 * nobody may frame it.
	 */
	public static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
			+ "form-action 'none'";

	public static StaticFile read(String classpathLocation, String type) {
		try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
			return new StaticFile(in.readAllBytes(), MediaType.parseMediaType(type), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing " + classpathLocation, ex);
		}
	}

	/** The page, under {@link #PAGE_POLICY}. */
	public static StaticFile page(String classpathLocation) {
		return new StaticFile(read(classpathLocation, "text/html;charset=UTF-8").bytes(),
				MediaType.parseMediaType("text/html;charset=UTF-8"), PAGE_POLICY);
	}

	public Mono<ServerResponse> serve() {
		return ServerResponse.ok()
			.headers(headers -> {
				if (this.policy != null) {
					headers.set("Content-Security-Policy", this.policy);
				}
			})
			.contentType(this.type)
			.cacheControl(CacheControl.noCache())
			.bodyValue(this.bytes);
	}

	/** Serves the file named by the path variable {@code asset}, or a 404. */
	public static Mono<ServerResponse> serveAsset(Map<String, StaticFile> assets, ServerRequest request) {
		StaticFile asset = assets.get(request.pathVariable("asset"));
		return (asset != null) ? asset.serve() : Mono.error(ApiProblem.notFound("file", request.pathVariable("asset")));
	}

}

package org.safesteps.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.safesteps.platform.ApiProblem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The contract ({@code /v1/openapi.yaml}) and a Swagger UI page ({@code /docs}). The files are
 * read once at start-up, so serving them never reads a jar on an event loop.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

	private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.34.1/";

	/** The page runs only its own scripts (no inline ones), and nobody may frame it. */
	static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
			+ "form-action 'none'";

	@Bean
	RouterFunction<ServerResponse> apiDocs() {
		Doc contract = doc("docs/openapi.yaml", "application/yaml");
		Doc page = doc("docs/index.html", "text/html;charset=UTF-8").withPolicy(PAGE_POLICY);
		Map<String, Doc> assets = Map.of("swagger-ui.css", doc(SWAGGER_UI + "swagger-ui.css", "text/css"),
				"swagger-ui-bundle.js", doc(SWAGGER_UI + "swagger-ui-bundle.js", "text/javascript"), "docs.js",
				doc("docs/docs.js", "text/javascript"));
		return RouterFunctions.route()
			.GET("/v1/openapi.yaml", request -> serve(contract))
			.GET("/docs", request -> serve(page))
			.GET("/docs/{asset}", request -> {
				Doc asset = assets.get(request.pathVariable("asset"));
				return (asset != null) ? serve(asset)
						: Mono.error(ApiProblem.notFound("file", request.pathVariable("asset")));
			})
			.build();
	}

	private static Mono<ServerResponse> serve(Doc doc) {
		return ServerResponse.ok()
			.headers(headers -> {
				if (doc.policy() != null) {
					headers.set("Content-Security-Policy", doc.policy());
				}
			})
			.contentType(doc.type())
			.cacheControl(CacheControl.noCache())
			.bodyValue(doc.bytes());
	}

	private static Doc doc(String classpathLocation, String type) {
		try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
			return new Doc(in.readAllBytes(), MediaType.parseMediaType(type), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing " + classpathLocation, ex);
		}
	}

	/** @param policy the Content-Security-Policy of a page, or null for the default */
	private record Doc(byte[] bytes, MediaType type, String policy) {

		Doc withPolicy(String policy) {
			return new Doc(this.bytes, this.type, policy);
		}

	}

}

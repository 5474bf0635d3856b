package org.safesteps.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.PublicReadHeaders;
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

	@Bean
	RouterFunction<ServerResponse> apiDocs() {
		Doc contract = doc("docs/openapi.yaml", "application/yaml");
		Doc page = doc("docs/index.html", "text/html;charset=UTF-8");
		Map<String, Doc> assets = Map.of("swagger-ui.css", doc(SWAGGER_UI + "swagger-ui.css", "text/css"),
				"swagger-ui-bundle.js", doc(SWAGGER_UI + "swagger-ui-bundle.js", "text/javascript"));
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
			.headers(PublicReadHeaders::apply)
			.contentType(doc.type())
			.cacheControl(CacheControl.noCache())
			.bodyValue(doc.bytes());
	}

	private static Doc doc(String classpathLocation, String type) {
		try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
			return new Doc(in.readAllBytes(), MediaType.parseMediaType(type));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing " + classpathLocation, ex);
		}
	}

	private record Doc(byte[] bytes, MediaType type) {
	}

}

package org.safesteps.docs;

import java.util.Map;

import org.safesteps.platform.StaticFile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The contract ({@code /v1/openapi.yaml}) and a Swagger UI page ({@code /docs}). */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

	private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.34.1/";

	@Bean
	RouterFunction<ServerResponse> apiDocs() {
		StaticFile contract = StaticFile.read("docs/openapi.yaml", "application/yaml");
		StaticFile page = StaticFile.page("docs/index.html");
		Map<String, StaticFile> assets = Map.of("swagger-ui.css", StaticFile.read(SWAGGER_UI + "swagger-ui.css", "text/css"),
				"swagger-ui-bundle.js", StaticFile.read(SWAGGER_UI + "swagger-ui-bundle.js", "text/javascript"), "docs.js",
				StaticFile.read("docs/docs.js", "text/javascript"));
		return RouterFunctions.route()
			.GET("/v1/openapi.yaml", request -> contract.serve())
			.GET("/docs", request -> page.serve())
			.GET("/docs/{asset}", request -> StaticFile.serveAsset(assets, request))
			.build();
	}

}

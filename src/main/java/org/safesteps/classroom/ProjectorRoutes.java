package org.safesteps.classroom;

import java.util.Map;

import org.safesteps.platform.StaticFile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The teacher's projector page ({@code /classroom}): the join code in large type, the step, how
 * many joined, and the live totals as bars. The page is public; what it shows needs the
 * teacher's token, pasted into it.
 */
@Configuration(proxyBeanMethods = false)
class ProjectorRoutes {

	@Bean
	RouterFunction<ServerResponse> projector() {
		StaticFile page = StaticFile.page("classroom/index.html");
		Map<String, StaticFile> assets = Map.of("classroom.js", StaticFile.read("classroom/classroom.js", "text/javascript"),
				"classroom.css", StaticFile.read("classroom/classroom.css", "text/css"));
		return RouterFunctions.route()
			.GET("/classroom", request -> page.serve())
			.GET("/classroom/{asset}", request -> StaticFile.serveAsset(assets, request))
			.build();
	}

}

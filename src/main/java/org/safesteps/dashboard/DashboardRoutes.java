package org.safesteps.dashboard;

import java.util.Map;

import org.safesteps.platform.StaticFile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The analysts' dashboard ({@code /dashboard}): a page that draws the statistics tables with
 * Apache ECharts, served from the ECharts webjar, so nothing is fetched from a CDN. The page
 * itself is public; the data it draws needs the analyst's token, which is pasted into it.
 */
@Configuration(proxyBeanMethods = false)
class DashboardRoutes {

	private static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

	@Bean
	RouterFunction<ServerResponse> dashboard() {
		StaticFile page = StaticFile.page("dashboard/index.html");
		Map<String, StaticFile> assets = Map.of("echarts.min.js", StaticFile.read(ECHARTS, "text/javascript"),
				"dashboard.js", StaticFile.read("dashboard/dashboard.js", "text/javascript"), "dashboard.css",
				StaticFile.read("dashboard/dashboard.css", "text/css"));
		return RouterFunctions.route()
			.GET("/dashboard", request -> page.serve())
			.GET("/dashboard/{asset}", request -> StaticFile.serveAsset(assets, request))
			.build();
	}

}

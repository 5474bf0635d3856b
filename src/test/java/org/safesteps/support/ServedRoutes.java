package org.safesteps.support;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/** Every route the service serves, as "METHOD /pattern": controllers and router functions alike. */
public final class ServedRoutes {

	private ServedRoutes() {
	}

	public static Set<String> of(ApplicationContext context) {
		Set<String> routes = new TreeSet<>();
		RequestMappingHandlerMapping controllers = context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		controllers.getHandlerMethods().keySet().forEach(info -> info.getPatternsCondition()
			.getPatterns()
			.forEach(pattern -> info.getMethodsCondition()
				.getMethods()
				.forEach(method -> routes.add(method.name() + " " + pattern.getPatternString()))));
		for (RouterFunctionMapping mapping : context.getBeansOfType(RouterFunctionMapping.class).values()) {
			RouterFunction<?> functions = mapping.getRouterFunction();
			if (functions != null) {
				functions.accept(new RouteCollector(routes));
			}
		}
		return routes;
	}

	private static final class RouteCollector implements RouterFunctions.Visitor, RequestPredicates.Visitor {

		private final Set<String> routes;

		private String method;

		private String pattern;

		RouteCollector(Set<String> routes) {
			this.routes = routes;
		}

		@Override
		public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
			this.method = null;
			this.pattern = null;
			predicate.accept(this);
			if (this.method != null && this.pattern != null) {
				this.routes.add(this.method + " " + this.pattern);
			}
		}

		@Override
		public void method(Set<HttpMethod> methods) {
			this.method = methods.iterator().next().name();
		}

		@Override
		public void path(String pattern) {
			this.pattern = pattern;
		}

		@Override
		public void startNested(RequestPredicate predicate) {
		}

		@Override
		public void endNested(RequestPredicate predicate) {
		}

		@Override
		public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
		}

		@Override
		public void attributes(java.util.Map<String, Object> attributes) {
		}

		@Override
		public void unknown(RouterFunction<?> routerFunction) {
		}

		@Override
		@SuppressWarnings("removal")
		public void pathExtension(String extension) {
		}

		@Override
		public void header(String name, String value) {
		}

		@Override
		public void queryParam(String name, String value) {
		}

		@Override
		public void version(String version) {
		}

		@Override
		public void startAnd() {
		}

		@Override
		public void and() {
		}

		@Override
		public void endAnd() {
		}

		@Override
		public void startOr() {
		}

		@Override
		public void or() {
		}

		@Override
		public void endOr() {
		}

		@Override
		public void startNegate() {
		}

		@Override
		public void endNegate() {
		}

		@Override
		public void unknown(RequestPredicate predicate) {
		}

	}

}

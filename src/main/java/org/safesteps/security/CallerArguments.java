package org.safesteps.security;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;

/** Lets a controller method take the {@link Caller} as an argument. */
@Configuration(proxyBeanMethods = false)
class CallerArguments implements WebFluxConfigurer {

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		configurer.addCustomResolver(new HandlerMethodArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == Caller.class;
			}

			@Override
			public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
					ServerWebExchange exchange) {
				return Caller.current()
					.cast(Object.class)
					.switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException("No token")));
			}

		});
	}

}

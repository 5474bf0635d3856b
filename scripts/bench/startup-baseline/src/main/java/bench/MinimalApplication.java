package bench;

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@SpringBootApplication
public class MinimalApplication {

	public static void main(String[] args) {
		SpringApplication.run(MinimalApplication.class, args);
	}

	@Bean
	RouterFunction<ServerResponse> hello() {
		return RouterFunctions.route().GET("/hello", request -> ServerResponse.ok().body(Mono.just("hello"), String.class)).build();
	}

	@Bean
	SecurityWebFilterChain security(ServerHttpSecurity http) {
		return http.authorizeExchange(exchanges -> exchanges.pathMatchers("/actuator/health", "/hello")
			.permitAll()
			.anyExchange()
			.authenticated()).httpBasic(basic -> {}).build();
	}

}

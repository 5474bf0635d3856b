package org.safesteps.security;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.ProblemResponseWriter;
import org.safesteps.platform.ProblemType;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Requests Spring Security's firewall refuses ({@code ..}, {@code ;}, an encoded slash or NUL in
 * the path, an unknown method, a header it will not read) get a 400 problem like any other bad
 * input. They are client errors, so they are logged at debug, without the request's details.
 */
@Component
class FirewallRejections implements ServerExchangeRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);

	private final ProblemResponseWriter problems;

	FirewallRejections(ProblemResponseWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
		log.debug("Request rejected by the firewall");
		return this.problems.write(exchange, new ApiProblem(ProblemType.REQUEST_REJECTED, Map.of(), Map.of()));
	}

}

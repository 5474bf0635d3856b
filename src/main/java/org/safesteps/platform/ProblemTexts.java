package org.safesteps.platform;

import java.util.Map;

import org.springframework.web.server.ServerWebExchange;

/**
 * Localised titles and details of problems. Implemented by the localisation feature, so that
 * this package does not depend on it.
 */
public interface ProblemTexts {

	/** The title and detail of a problem in the locale the request asked for, and that locale's tag. */
	Text describe(ServerWebExchange exchange, ProblemType type, Map<String, Object> detailArguments);

	record Text(String title, String detail, String locale) {
	}

}

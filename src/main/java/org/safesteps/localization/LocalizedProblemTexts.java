package org.safesteps.localization;

import java.util.Map;

import org.safesteps.platform.ProblemTexts;
import org.safesteps.platform.ProblemType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

@Component
class LocalizedProblemTexts implements ProblemTexts {

	private final LocalizationCatalog catalog;

	LocalizedProblemTexts(LocalizationCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public Text describe(ServerWebExchange exchange, ProblemType type, Map<String, Object> detailArguments) {
		ResolvedLocale locale = this.catalog.negotiateLeniently(exchange);
		String prefix = "problem." + type.slug();
		return new Text(this.catalog.format(locale, prefix + ".title", Map.of()),
				this.catalog.format(locale, prefix + ".detail", detailArguments), locale.tag());
	}

}

package org.safesteps.localization;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.ProblemType;

/**
 * Negotiation against one set of supported locales, along BCP 47 fallback chains. Results are
 * cached per header or parameter value, bounded (clients choose the keys), and belong to this
 * set of locales: a re-import builds a new negotiator, so no stale answer survives it.
 */
final class LocaleNegotiator {

	private static final int CACHE_LIMIT = 2048;

	private final String source;

	private final List<String> supported;

	private final Cache<String, ResolvedLocale> explicit = Caffeine.newBuilder().maximumSize(CACHE_LIMIT).build();

	private final Cache<String, ResolvedLocale> acceptLanguage = Caffeine.newBuilder().maximumSize(CACHE_LIMIT).build();

	LocaleNegotiator(String source, List<String> supported) {
		this.source = source;
		this.supported = List.copyOf(supported);
	}

	ResolvedLocale negotiate(String explicitLocale, String acceptLanguageHeader) {
		if (explicitLocale != null) {
			return this.explicit.get(explicitLocale, this::resolveExplicit);
		}
		if (acceptLanguageHeader == null || acceptLanguageHeader.isBlank()) {
			return resolved(this.source);
		}
		return this.acceptLanguage.get(acceptLanguageHeader, this::resolveAcceptLanguage);
	}

	ResolvedLocale negotiateLeniently(String explicitLocale, String acceptLanguageHeader) {
		if (explicitLocale != null) {
			Optional<String> match = supportedAncestor(explicitLocale);
			if (match.isPresent()) {
				return resolved(match.get());
			}
		}
		return negotiate(null, acceptLanguageHeader);
	}

	ResolvedLocale resolveExplicit(String tag) {
		return supportedAncestor(tag).map(this::resolved)
			.orElseThrow(() -> new ApiProblem(ProblemType.UNKNOWN_LOCALE,
					Map.of("locale", tag, "supported", String.join(", ", this.supported)),
					Map.of("supportedLocales", this.supported)));
	}

	private ResolvedLocale resolveAcceptLanguage(String header) {
		List<Locale.LanguageRange> ranges;
		try {
			ranges = Locale.LanguageRange.parse(header);
		}
		catch (IllegalArgumentException ex) {
			return resolved(this.source);
		}
		for (Locale.LanguageRange range : ranges) {
			if (range.getWeight() <= 0 || range.getRange().equals("*")) {
				continue;
			}
			Optional<String> match = supportedAncestor(range.getRange());
			if (match.isPresent()) {
				return resolved(match.get());
			}
		}
		return resolved(this.source);
	}

	private Optional<String> supportedAncestor(String tag) {
		String canonical;
		try {
			canonical = new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
		}
		catch (IllformedLocaleException ex) {
			return Optional.empty();
		}
		if (canonical.isEmpty() || canonical.equals("und")) {
			return Optional.empty();
		}
		for (String candidate : ResolvedLocale.truncations(canonical)) {
			for (String tagSupported : this.supported) {
				if (tagSupported.equalsIgnoreCase(candidate)) {
					return Optional.of(tagSupported);
				}
			}
		}
		return Optional.empty();
	}

	private ResolvedLocale resolved(String tag) {
		List<String> chain = new ArrayList<>();
		for (String candidate : ResolvedLocale.truncations(tag)) {
			if (this.supported.contains(candidate) && !chain.contains(candidate)) {
				chain.add(candidate);
			}
		}
		if (!chain.contains(this.source)) {
			chain.add(this.source);
		}
		return new ResolvedLocale(tag, List.copyOf(chain));
	}

}

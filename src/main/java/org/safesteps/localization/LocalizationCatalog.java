package org.safesteps.localization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import tools.jackson.databind.JsonNode;

import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.InvalidContentException;
import org.safesteps.platform.YamlFiles;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The supported locales, locale negotiation along BCP 47 fallback chains, and the UI strings
 * (problem titles, notification templates) formatted with ICU MessageFormat.
 */
@Component
public class LocalizationCatalog {

	private final LocalizationProperties properties;

	private final AtomicReference<State> state = new AtomicReference<>();

	public LocalizationCatalog(LocalizationProperties properties) {
		this.properties = properties;
		activate(prepare());
	}

	/** Reads and checks every locale's UI strings without changing what is served. */
	public State prepare() {
		Path base = this.properties.directory();
		JsonNode index = YamlFiles.read(base, base.resolve("locales.yaml"));
		String source = text(index, "source", "locales.yaml");
		List<LocaleDescriptor> locales = new ArrayList<>();
		Map<String, UiStrings> ui = new LinkedHashMap<>();
		for (JsonNode entry : index.path("locales")) {
			String tag = text(entry, "tag", "locales.yaml");
			try {
				tag = new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
			}
			catch (IllformedLocaleException ex) {
				throw new InvalidContentException("locales.yaml", "/locales", "'" + tag + "' is not a BCP 47 tag");
			}
			String scope = entry.path("scope").isMissingNode() ? LocaleDescriptor.COMPLETE
					: entry.path("scope").asString();
			if (!scope.equals(LocaleDescriptor.COMPLETE) && !scope.equals(LocaleDescriptor.PARTIAL)) {
				throw new InvalidContentException("locales.yaml", "/locales", "'" + tag
						+ "': scope must be complete or partial");
			}
			locales.add(new LocaleDescriptor(tag, text(entry, "name", "locales.yaml"), scope));
			ui.put(tag, readUiStrings(base, tag));
		}
		if (!ui.containsKey(source)) {
			throw new InvalidContentException("locales.yaml", "/source", "the source locale must be listed");
		}
		UiStrings sourceStrings = ui.get(source);
		ui.forEach((tag, strings) -> strings.strings().keySet().forEach(key -> {
			if (!sourceStrings.strings().containsKey(key)) {
				throw new InvalidContentException(tag + "/ui.yaml", "/strings/" + key,
						"the key is not in the source language's ui.yaml");
			}
		}));
		ui.replaceAll((tag, strings) -> tag.equals(source) ? strings
				: strings.withStaleKeys(SourceHashes.staleKeys(sourceStrings.strings(), strings.strings().keySet(),
						SourceHashes.read(base, tag).getOrDefault("ui", Map.of()))));
		return new State(source, List.copyOf(locales), Map.copyOf(ui),
				new LocaleNegotiator(source, locales.stream().map(LocaleDescriptor::tag).toList()));
	}

	public void activate(State next) {
		this.state.set(next);
	}

	public String sourceLocale() {
		return this.state.get().source();
	}

	public List<LocaleDescriptor> locales() {
		return this.state.get().locales();
	}

	public List<String> supportedTags() {
		return this.state.get().locales().stream().map(LocaleDescriptor::tag).toList();
	}

	public boolean isSupported(String tag) {
		return this.state.get().ui().containsKey(tag);
	}

	public UiStrings uiStrings(String tag) {
		return this.state.get().ui().get(tag);
	}

	/**
	 * The locale for a request: an explicit {@code ?locale=} must name a supported locale (or a
	 * more specific tag of one, like {@code th-TH}); {@code Accept-Language} falls back silently
	 * to the source language.
	 * @throws ApiProblem 400 {@code unknown-locale} for an explicit locale that is malformed or
	 * not supported
	 */
	public ResolvedLocale negotiate(String explicitLocale, String acceptLanguage) {
		return this.state.get().negotiator().negotiate(explicitLocale, acceptLanguage);
	}

	public ResolvedLocale negotiate(ServerWebExchange exchange) {
		return negotiate(exchange.getRequest().getQueryParams().getFirst("locale"),
				exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
	}

	/**
	 * Like {@link #negotiate} but never fails: for error responses, which must always be written,
	 * even for a request whose query or headers cannot be read (the firewall refuses some).
	 */
	public ResolvedLocale negotiateLeniently(ServerWebExchange exchange) {
		String explicit;
		String acceptLanguage;
		try {
			explicit = exchange.getRequest().getQueryParams().getFirst("locale");
			acceptLanguage = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE);
		}
		catch (RuntimeException ex) {
			explicit = null;
			acceptLanguage = null;
		}
		return this.state.get().negotiator().negotiateLeniently(explicit, acceptLanguage);
	}

	public ResolvedLocale resolveExplicit(String tag) {
		return this.state.get().negotiator().resolveExplicit(tag);
	}

	/**
	 * Formats a UI string in the first locale of the chain that has it.
	 */
	public String format(ResolvedLocale locale, String key, Map<String, Object> arguments) {
		State current = this.state.get();
		for (String tag : locale.fallbackChain()) {
			UiStrings strings = current.ui().get(tag);
			String pattern = (strings != null) ? strings.strings().get(key) : null;
			if (pattern != null) {
				return new MessageFormat(pattern, new ULocale(tag)).format(arguments);
			}
		}
		return key;
	}

	private UiStrings readUiStrings(Path base, String tag) {
		Path file = base.resolve(tag).resolve("ui.yaml");
		String name = tag + "/ui.yaml";
		if (!Files.isRegularFile(file)) {
			throw new InvalidContentException(name, "/", "every listed locale needs its UI strings");
		}
		JsonNode node = YamlFiles.read(base, file);
		String status = text(node, "status", name);
		if (!status.equals("draft") && !status.equals("reviewed")) {
			throw new InvalidContentException(name, "/status", "must be draft or reviewed");
		}
		Map<String, String> strings = new LinkedHashMap<>();
		for (var property : node.path("strings").properties()) {
			JsonNode value = property.getValue();
			if (!value.isString() || value.stringValue().isBlank()) {
				throw new InvalidContentException(name, "/strings/" + property.getKey(), "must be a non-empty string");
			}
			try {
				MessageFormat format = new MessageFormat(value.stringValue(), new ULocale(tag));
				// Formatting once loads ICU's plural and number data now, not later on an event loop.
				Map<String, Object> sample = new LinkedHashMap<>();
				format.getArgumentNames().forEach(argument -> sample.put(argument, 1));
				format.format(sample);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidContentException(name, "/strings/" + property.getKey(),
						"not a valid ICU message: " + ex.getMessage());
			}
			strings.put(property.getKey(), value.stringValue());
		}
		return new UiStrings(status, Map.copyOf(strings), Set.of());
	}

	private static String text(JsonNode node, String field, String file) {
		JsonNode value = node.path(field);
		if (!value.isString() || value.stringValue().isBlank()) {
			throw new InvalidContentException(file, "/" + field, "must be a non-empty string");
		}
		return value.stringValue();
	}

	/** What is served: the source locale, the locale list, each locale's UI strings, and negotiation over them. */
	public record State(String source, List<LocaleDescriptor> locales, Map<String, UiStrings> ui,
			LocaleNegotiator negotiator) {
	}

	/**
	 * One locale's UI strings and their review status.
	 *
	 * @param staleKeys keys whose English changed since they were translated
	 */
	public record UiStrings(String status, Map<String, String> strings, Set<String> staleKeys) {

		UiStrings withStaleKeys(Set<String> stale) {
			return new UiStrings(this.status, this.strings, Set.copyOf(stale));
		}

	}

}

package org.safesteps.participation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import org.safesteps.content.ContentCatalog;
import org.safesteps.content.HelpContacts;
import org.safesteps.localization.LocalizationProperties;
import org.safesteps.localization.ResolvedLocale;
import org.safesteps.platform.InvalidContentException;
import org.safesteps.platform.YamlFiles;
import org.springframework.stereotype.Component;

/**
 * Recognises free text that signals a child may be at risk (abuse, self-harm, someone asking for
 * pictures, threats, a stranger wanting to meet), from the phrase lists in
 * {@code localization/<language>/safeguarding.yaml}, in any of their languages whatever the app's
 * locale. Matching ignores case, accents on Latin letters, repeated letters, punctuation and, for
 * scripts written without spaces, spaces; longer phrases also match with one letter wrong. Phrases
 * listed as {@code notRisk} ("this lesson was killer") are taken out first. A match gets a warm
 * message in the child's locale, what to do now, and the child's national help services. Nobody
 * is alerted: the child is anonymous.
 */
@Component
class Signposting {

	private static final Pattern LATIN_MARKS = Pattern.compile("(?<=[a-z])\\p{Mn}+");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

	private static final Pattern REPEATS = Pattern.compile("(.)\\1+");

	private static final Pattern SPACELESS_SCRIPT = Pattern.compile("[\\p{IsThai}\\p{IsLao}\\p{IsKhmer}\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");

	private final List<Phrase> risks = new ArrayList<>();

	private final List<Phrase> notRisks = new ArrayList<>();

	private final Map<String, Answer> answers = new LinkedHashMap<>();

	private final ContentCatalog content;

	Signposting(LocalizationProperties localization, ContentCatalog content) {
		this.content = content;
		load(localization.directory());
	}

	/** What to show the child, when the text signals a risk. */
	Optional<Support> check(String text, String country, ResolvedLocale locale) {
		if (text == null || text.isBlank() || !signalsRisk(text)) {
			return Optional.empty();
		}
		Answer answer = null;
		for (String tag : locale.fallbackChain()) {
			answer = this.answers.get(tag);
			if (answer != null) {
				break;
			}
		}
		if (answer == null) {
			answer = this.answers.get("en");
		}
		List<HelpContacts.Service> services = this.content.helpFor(country, locale)
			.map(HelpContacts::services)
			.orElse(List.of());
		return Optional.of(new Support(answer.locale(), answer.message(), answer.steps(), services));
	}

	boolean signalsRisk(String text) {
		String normalised = normalise(text);
		for (Phrase safe : this.notRisks) {
			normalised = normalised.replace(safe.text(), " ");
		}
		String spaceless = normalised.replace(" ", "");
		WordRuns runs = new WordRuns(normalised.strip().split(" "));
		for (Phrase risk : this.risks) {
			if (risk.spaceless() ? spaceless.contains(risk.text()) : runs.match(risk)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The runs of consecutive words of one text, joined, for each phrase length asked for: a phrase
	 * matches a run exactly, or, for a phrase of 6 letters or more, a run with one letter wrong.
	 * Built once per text, so that hundreds of phrases cost a lookup each, not a pass over the text.
	 */
	private static final class WordRuns {

		private final String[] words;

		private final Map<Integer, Map<Integer, List<String>>> runsByLength = new HashMap<>();

		private final Map<Integer, Set<String>> runs = new HashMap<>();

		WordRuns(String[] words) {
			this.words = words;
		}

		boolean match(Phrase phrase) {
			int count = phrase.wordCount();
			if (this.runs.computeIfAbsent(count, this::runsOf).contains(phrase.text())) {
				return true;
			}
			if (phrase.text().length() < 6) {
				return false;
			}
			Map<Integer, List<String>> byLength = this.runsByLength.computeIfAbsent(count, n -> this.runs.get(n)
				.stream()
				.collect(Collectors.groupingBy(String::length)));
			int length = phrase.text().length();
			for (int candidate = length - 1; candidate <= length + 1; candidate++) {
				for (String run : byLength.getOrDefault(candidate, List.of())) {
					if (withinOneEdit(run, phrase.text())) {
						return true;
					}
				}
			}
			return false;
		}

		private Set<String> runsOf(int count) {
			Set<String> result = new HashSet<>();
			for (int i = 0; i + count <= this.words.length; i++) {
				result.add(String.join(" ", Arrays.asList(this.words).subList(i, i + count)));
			}
			return result;
		}

	}

	/** Lower case, no accents on Latin letters, no punctuation, one letter for a repeated one. */
	static String normalise(String text) {
		String lower = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('đ', 'd');
		String unaccented = LATIN_MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
		String words = NOT_WORD.matcher(Normalizer.normalize(unaccented, Normalizer.Form.NFC)).replaceAll(" ");
		return REPEATS.matcher(words).replaceAll("$1").strip().replaceAll(" +", " ");
	}

	private static boolean withinOneEdit(String a, String b) {
		if (Math.abs(a.length() - b.length()) > 1) {
			return false;
		}
		int i = 0;
		int j = 0;
		int edits = 0;
		while (i < a.length() && j < b.length()) {
			if (a.charAt(i) == b.charAt(j)) {
				i++;
				j++;
				continue;
			}
			if (++edits > 1) {
				return false;
			}
			if (a.length() > b.length()) {
				i++;
			}
			else if (a.length() < b.length()) {
				j++;
			}
			else {
				i++;
				j++;
			}
		}
		return edits + (a.length() - i) + (b.length() - j) <= 1;
	}

	private void load(Path base) {
		List<Path> files;
		try (Stream<Path> folders = Files.list(base)) {
			files = folders.map(folder -> folder.resolve("safeguarding.yaml")).filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (Path file : files) {
			String name = YamlFiles.relativeName(base, file);
			JsonNode root = YamlFiles.read(base, file);
			String language = root.path("language").stringValue();
			if (language == null || !file.getParent().getFileName().toString().equals(language)) {
				throw new InvalidContentException(name, "/language", "must be the name of its folder");
			}
			List<String> steps = root.path("steps").valueStream().map(JsonNode::stringValue).toList();
			this.answers.put(language, new Answer(language, root.path("message").stringValue(), steps));
			for (var category : root.path("categories").properties()) {
				category.getValue().valueStream().forEach(phrase -> this.risks.add(Phrase.of(phrase.stringValue())));
			}
			root.path("notRisk").valueStream().forEach(phrase -> this.notRisks.add(Phrase.of(phrase.stringValue())));
		}
		if (!this.answers.containsKey("en")) {
			throw new InvalidContentException("en/safeguarding.yaml", "/", "the English phrase list is required");
		}
	}

	private record Phrase(String text, boolean spaceless, int wordCount) {

		static Phrase of(String phrase) {
			String normalised = normalise(phrase);
			boolean spaceless = SPACELESS_SCRIPT.matcher(normalised).find();
			return spaceless ? new Phrase(normalised.replace(" ", ""), true, 1)
					: new Phrase(normalised, false, normalised.split(" ").length);
		}

	}

	private record Answer(String locale, String message, List<String> steps) {
	}

	/**
	 * What a child who signals danger is shown at once.
	 *
	 * @param locale the locale of the message and steps
	 * @param helpServices the national helpline, where to report, and the emergency number
	 */
	record Support(String locale, String message, List<String> steps, List<HelpContacts.Service> helpServices) {
	}

}

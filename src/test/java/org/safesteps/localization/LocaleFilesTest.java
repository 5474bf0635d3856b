package org.safesteps.localization;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.safesteps.platform.YamlFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Each locale's files as written: valid UTF-8, in the script the language is written in, and with
 * ICU plural forms that are exactly the ones the language distinguishes.
 */
class LocaleFilesTest {

	static final Path LOCALIZATION = Path.of("localization");

	/** Share of a file's letters that must be in the language's script (the rest: app names, URLs). */
	static final double SCRIPT_SHARE = 0.6;

	static LocalizationCatalog.State locales;

	@BeforeAll
	static void load() {
		locales = new LocalizationCatalog(new LocalizationProperties(LOCALIZATION)).prepare();
	}

	@Test
	void everyLocaleIsListedWithItsOwnFiles() {
		assertThat(locales.locales()).extracting(LocaleDescriptor::tag)
			.containsExactlyElementsOf(LanguagesTest.LISTED);
	}

	/** Every file decodes as UTF-8 without a single replaced byte. */
	@Test
	void everyFileIsUtf8() throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(LOCALIZATION)) {
			files = walk.filter(Files::isRegularFile).toList();
		}
		assertThat(files).hasSizeGreaterThan(300);
		for (Path file : files) {
			try {
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(Files.readAllBytes(file)));
			}
			catch (CharacterCodingException ex) {
				fail(file + " is not valid UTF-8: " + ex);
			}
		}
	}

	/**
	 * The translated strings of each locale are written in its script (Khmer, Lao, Devanagari,
	 * Sinhala, Japanese, Thai or Latin, as CLDR's likely subtags say), not in another one.
	 */
	@Test
	void everyTranslationIsInItsLanguagesScript() throws IOException {
		List<String> wrong = new ArrayList<>();
		for (LocaleDescriptor locale : locales.locales()) {
			if (locale.tag().equals(locales.source())) {
				continue;
			}
			String script = ULocale.addLikelySubtags(new ULocale(locale.tag())).getScript();
			Set<Integer> accepted = script.equals("Jpan") ? Set.of(UScript.HIRAGANA, UScript.KATAKANA, UScript.HAN)
					: Set.of(UScript.getCodeFromName(script));
			List<Path> files = new ArrayList<>(List.of(LOCALIZATION.resolve(locale.tag()).resolve("ui.yaml")));
			try (Stream<Path> content = Files.list(LOCALIZATION.resolve(locale.tag()).resolve("content"))) {
				content.sorted().forEach(files::add);
			}
			for (Path file : files) {
				int[] counts = new int[2];
				YamlFiles.read(LOCALIZATION, file).path("strings").values().forEach(value -> value.stringValue()
					.codePoints()
					.filter(Character::isLetter)
					.map(UScript::getScript)
					.filter(code -> code != UScript.COMMON && code != UScript.INHERITED)
					.forEach(code -> counts[accepted.contains(code) ? 0 : 1]++));
				double share = (double) counts[0] / Math.max(1, counts[0] + counts[1]);
				if (counts[0] == 0 || share < SCRIPT_SHARE) {
					wrong.add(file + ": " + Math.round(100 * share) + "% of its letters in " + script);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	/**
	 * CLDR has plural rules for every locale, and each plural message of a locale's UI strings
	 * writes exactly the categories those rules distinguish (Filipino, Nepali and Sinhala have
	 * "one" and "other", and so does Vietnamese in the CLDR data of this ICU; Khmer, Lao, Japanese
	 * and Malay only "other").
	 */
	@Test
	void pluralMessagesUseEachLocalesPluralRules() {
		Set<ULocale> withRules = Set.of(PluralRules.getAvailableULocales());
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (LocaleDescriptor locale : locales.locales()) {
			ULocale language = new ULocale(locale.tag());
			assertThat(withRules).as("CLDR plural rules for " + locale.tag()).contains(language);
			Set<String> categories = PluralRules.forLocale(language).getKeywords();
			for (var entry : locales.ui().get(locale.tag()).strings().entrySet()) {
				for (Set<String> selectors : pluralSelectors(entry.getValue())) {
					checked++;
					Set<String> keywords = new HashSet<>(selectors);
					keywords.removeIf(selector -> selector.startsWith("="));
					if (!keywords.equals(categories)) {
						wrong.add(locale.tag() + " " + entry.getKey() + ": " + keywords + ", rules have " + categories);
					}
				}
			}
		}
		assertThat(checked).isGreaterThan(40);
		assertThat(wrong).isEmpty();
		assertThat(PluralRules.forLocale(new ULocale("fil")).select(4)).isEqualTo("other");
		assertThat(PluralRules.forLocale(new ULocale("fil")).select(3)).isEqualTo("one");
	}

	/** The selectors of each plural argument of an ICU message. */
	static List<Set<String>> pluralSelectors(String message) {
		MessagePattern pattern = new MessagePattern(message);
		List<Set<String>> result = new ArrayList<>();
		for (int i = 0; i < pattern.countParts(); i++) {
			MessagePattern.Part part = pattern.getPart(i);
			if (part.getType() != MessagePattern.Part.Type.ARG_START
					|| part.getArgType() != MessagePattern.ArgType.PLURAL) {
				continue;
			}
			Set<String> selectors = new HashSet<>();
			int limit = pattern.getLimitPartIndex(i);
			for (int j = i + 1; j < limit; j++) {
				MessagePattern.Part inner = pattern.getPart(j);
				if (inner.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
					selectors.add(pattern.getSubstring(inner));
				}
				else if (inner.getType() == MessagePattern.Part.Type.MSG_START) {
					j = pattern.getLimitPartIndex(j);
				}
			}
			result.add(selectors);
		}
		return result;
	}

}

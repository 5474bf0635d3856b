package org.safesteps.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.safesteps.content.ContentDocuments.Lesson;
import org.safesteps.content.ContentSnapshot.ContentItem;
import org.safesteps.localization.LocaleDescriptor;
import org.safesteps.localization.LocalizationCatalog;
import org.safesteps.localization.LocalizationProperties;
import org.safesteps.platform.InvalidContentException;
import org.safesteps.platform.YamlFiles;
import org.safesteps.support.ContentFolders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The content as authored: schema, references, translations and the curriculum's own rules. */
class ContentFilesTest {

	static final Path CONTENT = Path.of("content");

	static final Path LOCALIZATION = Path.of("localization");

	static final int IDENTICAL_ALLOWED_LENGTH = 20;

	static ContentSnapshot snapshot;

	static LocalizationCatalog.State locales;

	@BeforeAll
	static void load() {
		locales = new LocalizationCatalog(new LocalizationProperties(LOCALIZATION)).prepare();
		snapshot = loader(CONTENT, LOCALIZATION).load(locales);
	}

	/** Every file matches its schema and every reference resolves (the loader checks both). */
	@Test
	void everyFileLoads() {
		assertThat(snapshot.items()).hasSizeGreaterThan(80);
	}

	/** The UI strings of every locale match the translation schema too. */
	@Test
	void uiStringsMatchTheSchema() {
		ContentSchemas schemas = ContentSchemas.load(CONTENT.resolve("schema"));
		for (var locale : locales.locales()) {
			Path file = LOCALIZATION.resolve(locale.tag()).resolve("ui.yaml");
			schemas.validate("translation", file.toString(), YamlFiles.read(LOCALIZATION, file));
		}
	}

	/**
	 * The curriculum's counts: 6 child topics in 3 age bands, the gaps the curriculum review found
	 * (each covered by a lesson of its own), and the adult audiences.
	 */
	@Test
	void curriculumCountsAreMet() {
		Map<String, Long> byAudience = snapshot.lessons()
			.values()
			.stream()
			.collect(Collectors.groupingBy(Lesson::audience, Collectors.counting()));
		assertThat(byAudience).containsEntry("child", 24L);
		assertThat(byAudience.get("parent")).isGreaterThanOrEqualTo(5);
		assertThat(byAudience.get("teacher")).isGreaterThanOrEqualTo(4);
		assertThat(byAudience.get("practitioner")).isGreaterThanOrEqualTo(4);
		assertThat(byAudience.get("community-leader")).isGreaterThanOrEqualTo(2);
		Set<String> childTopicBands = snapshot.lessons()
			.values()
			.stream()
			.filter(lesson -> lesson.audience().equals("child"))
			.map(lesson -> lesson.topic() + "/" + lesson.ageBand())
			.collect(Collectors.toSet());
		for (String topic : List.of("privacy", "people-online", "images-and-sharing", "live-streaming",
				"kindness-and-bullying", "getting-help")) {
			for (String band : ContentCatalog.AGE_BANDS) {
				assertThat(childTopicBands).as("child lesson for %s, %s", topic, band).contains(topic + "/" + band);
			}
		}
		assertThat(childTopicBands).contains("creating-and-sharing/5-8", "money-and-apps/5-8", "news-and-fakes/9-12",
				"money-and-apps/9-12", "online-identity/9-12", "relationships-and-consent/13-17");
		assertThat(snapshot.modules().values().stream().map(ContentDocuments.ClassroomModule::ageBand))
			.containsExactlyInAnyOrder("5-8", "9-12", "13-17");
		assertThat(snapshot.modules().values()).allMatch(module -> module.totalMinutes() == 45);
		assertThat(snapshot.helpByCountry().keySet()).containsExactlyInAnyOrder("TH", "VN", "ID", "PH", "KH", "LA",
				"NP", "LK", "JP", "AU", "SG", "MY");
	}

	/** Every lesson has a quiz of at least 5 questions of mixed types; child lessons have 3+ sections. */
	@Test
	void lessonsHaveSectionsAndQuizzes() {
		for (Lesson lesson : snapshot.lessons().values()) {
			assertThat(lesson.quiz()).as(lesson.id() + " quiz").isNotNull();
			Quiz quiz = snapshot.quizzes().get(lesson.quiz());
			assertThat(quiz.questions()).as(quiz.id()).hasSizeGreaterThanOrEqualTo(5);
			assertThat(quiz.questions().stream().map(Quiz.Question::type).distinct().count()).as(quiz.id() + " types")
				.isGreaterThanOrEqualTo(3);
			if (lesson.audience().equals("child")) {
				assertThat(lesson.sections()).as(lesson.id()).hasSizeGreaterThanOrEqualTo(3);
			}
			assertThat(lesson.sources()).as(lesson.id() + " sources").isNotEmpty();
		}
	}

	/** The 5-8 band has a scenario with named characters in every lesson. */
	@Test
	void youngestBandHasScenariosWithCharacters() {
		snapshot.lessons()
			.values()
			.stream()
			.filter(lesson -> "5-8".equals(lesson.ageBand()))
			.forEach(lesson -> assertThat(lesson.sections()
				.stream()
				.flatMap(section -> section.blocks().stream())
				.anyMatch(block -> block.type().equals("scenario") && block.characters() != null
						&& !block.characters().isEmpty()))
				.as(lesson.id())
				.isTrue());
	}

	/** Every question has a right answer, and no question appears twice anywhere. */
	@Test
	void quizzesHaveRightAnswersAndNoRepeats() {
		Map<String, String> seen = new HashMap<>();
		for (Quiz quiz : snapshot.quizzes().values()) {
			for (Quiz.Question question : quiz.questions()) {
				assertThat(question.correctOptionKeys()).as(quiz.id() + "/" + question.key()).isNotEmpty();
				assertThat(question.options()).allMatch(option -> option.feedback() != null && !option.feedback().isBlank());
				String text = question.prompt() + "\n" + question.scenario();
				String previous = seen.put(text, quiz.id() + "/" + question.key());
				assertThat(previous).as("question repeated: " + quiz.id() + "/" + question.key()).isNull();
			}
		}
	}

	/** No phone number is written in a lesson, quiz, module or poll: numbers live in helplines only. */
	@Test
	void noPhoneNumbersOutsideTheHelpDirectory() {
		Pattern phone = Pattern.compile("\\+?\\d[\\d -]{5,}\\d");
		for (ContentItem item : snapshot.items().values()) {
			if (item.kind() == ContentKind.HELPLINE) {
				continue;
			}
			item.sourceStrings()
				.forEach((key, text) -> assertThat(phone.matcher(text).find()).as(item.id() + " " + key).isFalse());
		}
	}

	/**
	 * Every translation has exactly the source's keys, none empty, and none long left in English;
	 * a complete locale translates every item, a partial one every item of its scope.
	 */
	@Test
	void translationsAreCompleteAndTranslated() {
		List<String> problems = new ArrayList<>();
		int partialItems = 0;
		for (var locale : locales.locales()) {
			if (locale.tag().equals(locales.source())) {
				continue;
			}
			boolean partial = locale.scope().equals(LocaleDescriptor.PARTIAL);
			for (ContentItem item : snapshot.items().values()) {
				ContentSnapshot.Translation translation = item.translations().get(locale.tag());
				if (translation == null && partial && !inPartialScope(item)) {
					continue;
				}
				if (translation == null) {
					problems.add(locale.tag() + ": no translation of " + item.id());
					continue;
				}
				partialItems += partial ? 1 : 0;
				compare(locale.tag() + "/" + item.id(), item.sourceStrings(), translation.strings(), problems);
			}
			compare(locale.tag() + "/ui.yaml", locales.ui().get(locales.source()).strings(),
					locales.ui().get(locale.tag()).strings(), problems);
		}
		assertThat(problems).isEmpty();
		assertThat(partialItems).isGreaterThanOrEqualTo(6 * 34);
	}

	/**
	 * What a partial locale translates (localization/locales.yaml): the help directory, the topics,
	 * the 9-12 child track (lessons, quizzes, module and class poll) and the parent lessons.
	 */
	static boolean inPartialScope(ContentItem item) {
		String audience = item.source().path("audience").asString("");
		String ageBand = item.source().path("ageBand").asString("");
		return switch (item.kind()) {
			case HELPLINE, TOPICS -> true;
			case LESSON -> audience.equals("parent") || (audience.equals("child") && ageBand.equals("9-12"));
			case QUIZ, POLL -> audience.equals("child") && ageBand.equals("9-12");
			case MODULE -> ageBand.equals("9-12");
		};
	}

	/** The check above catches a missing key, an empty string and a string left in English. */
	@Test
	void translationCheckCatchesProblems() {
		List<String> problems = new ArrayList<>();
		compare("x", Map.of("a", "A sentence long enough to need translating", "b", "Short", "c", "Another"),
				Map.of("a", "A sentence long enough to need translating", "b", " "), problems);
		assertThat(problems).hasSize(3);
	}

	/** A translation key that the English source lacks stops the load, naming file and key. */
	@Test
	void extraTranslationKeyIsRejected(@TempDir Path temp) throws IOException {
		Path content = ContentFolders.copy(CONTENT, temp.resolve("content"));
		Path localization = ContentFolders.copy(LOCALIZATION, temp.resolve("localization"));
		Path file = localization.resolve("th/content/child-privacy-9-12.yaml");
		Files.writeString(file, Files.readString(file) + "  sections.nope.title: ไม่มี\n");
		assertThatExceptionOfType(InvalidContentException.class)
			.isThrownBy(() -> loader(content, localization).load(locales))
			.satisfies(ex -> {
				assertThat(ex.file()).isEqualTo("th/content/child-privacy-9-12.yaml");
				assertThat(ex.pointer()).isEqualTo("/strings/sections.nope.title");
			});
	}

	/** A file that breaks its schema stops the load with the file, the place in it and the reason. */
	@Test
	void schemaViolationNamesFilePointerAndReason(@TempDir Path temp) throws IOException {
		Path content = ContentFolders.copy(CONTENT, temp.resolve("content"));
		Path file = content.resolve("lessons/child-privacy-9-12.yaml");
		Files.writeString(file, Files.readString(file).replace("estimatedMinutes: 10", "estimatedMinutes: ten"));
		assertThatExceptionOfType(InvalidContentException.class)
			.isThrownBy(() -> loader(content, LOCALIZATION).load(locales))
			.satisfies(ex -> {
				assertThat(ex.file()).isEqualTo("lessons/child-privacy-9-12.yaml");
				assertThat(ex.pointer()).isEqualTo("/estimatedMinutes");
				assertThat(ex.reason()).contains("integer");
			});
	}

	/** A broken reference (a quiz that does not exist) stops the load. */
	@Test
	void brokenReferenceIsRejected(@TempDir Path temp) throws IOException {
		Path content = ContentFolders.copy(CONTENT, temp.resolve("content"));
		Path file = content.resolve("lessons/child-privacy-9-12.yaml");
		Files.writeString(file, Files.readString(file).replace("quiz: quiz-child-privacy-9-12", "quiz: quiz-nope"));
		assertThatExceptionOfType(InvalidContentException.class)
			.isThrownBy(() -> loader(content, LOCALIZATION).load(locales))
			.satisfies(ex -> assertThat(ex.getMessage())
				.isEqualTo("lessons/child-privacy-9-12.yaml at /quiz: there is no quiz 'quiz-nope'"));
	}

	/**
	 * Key terms follow each locale's glossary: where the English uses a term, the translation uses
	 * the glossary's rendering, and no translation uses a rendering the glossary rules out. Help
	 * services' names are proper names and exempt. (scripts/content-check.py applies the same rule.)
	 */
	@Test
	void translationsFollowTheirGlossary() {
		ContentSchemas schemas = ContentSchemas.load(CONTENT.resolve("schema"));
		List<String> violations = new ArrayList<>();
		int glossaries = 0;
		for (var locale : locales.locales()) {
			if (locale.tag().equals(locales.source())) {
				continue;
			}
			Path file = LOCALIZATION.resolve(locale.tag()).resolve("glossary.yaml");
			assertThat(file).as("every language needs a glossary").isRegularFile();
			glossaries++;
			var glossary = YamlFiles.read(LOCALIZATION, file);
			schemas.validate("glossary", locale.tag() + "/glossary.yaml", glossary);
			assertThat(glossary.path("terms").valueStream().map(term -> term.path("key").stringValue()))
				.as(locale.tag() + " glossary")
				.contains("grooming", "sextortion", "trusted-adult", "helpline");
			Map<String, Map<String, String>[]> strings = new HashMap<>();
			for (ContentItem item : snapshot.items().values()) {
				var translation = item.translations().get(locale.tag());
				if (translation != null) {
					Map<String, String> translated = new HashMap<>(translation.strings());
					if (item.kind() == ContentKind.HELPLINE) {
						translated.keySet().removeIf(key -> key.endsWith(".name"));
					}
					strings.put(item.id(), pair(item.sourceStrings(), translated));
				}
			}
			strings.put("ui", pair(locales.ui().get(locales.source()).strings(), locales.ui().get(locale.tag()).strings()));
			for (var term : glossary.path("terms")) {
				Pattern english = Pattern.compile(term.path("en")
					.valueStream()
					.map(form -> "(?<![\\w])" + Pattern.quote(form.stringValue()))
					.collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
				List<String> use = term.path("use").valueStream().map(form -> form.stringValue().toLowerCase()).toList();
				List<String> avoid = term.path("avoid").valueStream().map(form -> form.stringValue().toLowerCase()).toList();
				strings.forEach((id, pair) -> pair[1].forEach((key, text) -> {
					String lower = text.toLowerCase();
					avoid.stream()
						.filter(lower::contains)
						.forEach(form -> violations.add(locale.tag() + " " + id + " " + key + ": uses '" + form + "'"));
					String source = pair[0].get(key);
					if (source != null && english.matcher(source).find() && use.stream().noneMatch(lower::contains)) {
						violations.add(locale.tag() + " " + id + " " + key + ": lacks the term for '"
								+ term.path("key").stringValue() + "'");
					}
				}));
			}
		}
		assertThat(glossaries).isEqualTo(locales.locales().size() - 1);
		assertThat(violations).isEmpty();
	}

	/**
	 * A translation records the English it was made from: the same hash as scripts/content-check.py
	 * writes, and a string whose English changes afterwards is stale until it is stamped again.
	 */
	@Test
	void translationsOfChangedEnglishAreStale(@TempDir Path temp) throws IOException {
		assertThat(org.safesteps.localization.SourceHashes.of("My information is mine")).isEqualTo("b1b422084800");
		assertThat(snapshot.items().get("child-privacy-9-12").translations().get("th").staleKeys()).isEmpty();

		Path content = ContentFolders.copy(CONTENT, temp.resolve("content"));
		Path file = content.resolve("lessons/child-privacy-9-12.yaml");
		Files.writeString(file, Files.readString(file).replace("title: My information is mine",
				"title: My information belongs to me"));
		ContentSnapshot changed = loader(content, LOCALIZATION).load(locales);
		assertThat(changed.items().get("child-privacy-9-12").translations().get("th").staleKeys())
			.containsExactly("title");
	}

	/** An image block whose file is missing stops the load, naming the lesson and the place. */
	@Test
	void missingImageIsRejected(@TempDir Path temp) throws IOException {
		Path content = ContentFolders.copy(CONTENT, temp.resolve("content"));
		Files.delete(content.resolve("images/privacy-settings-toggle.svg"));
		assertThatExceptionOfType(InvalidContentException.class)
			.isThrownBy(() -> loader(content, LOCALIZATION).load(locales))
			.satisfies(ex -> {
				assertThat(ex.file()).isEqualTo("lessons/child-privacy-9-12.yaml");
				assertThat(ex.pointer()).endsWith("/src");
			});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String>[] pair(Map<String, String> english, Map<String, String> translated) {
		return new Map[] { english, translated };
	}

	private static void compare(String where, Map<String, String> source, Map<String, String> translated,
			List<String> problems) {
		Set<String> missing = new HashSet<>(source.keySet());
		missing.removeAll(translated.keySet());
		missing.forEach(key -> problems.add(where + ": missing " + key));
		translated.forEach((key, value) -> {
			if (!source.containsKey(key)) {
				problems.add(where + ": extra " + key);
			}
			else if (value.isBlank()) {
				problems.add(where + ": empty " + key);
			}
			else if (value.equals(source.get(key)) && value.length() > IDENTICAL_ALLOWED_LENGTH) {
				problems.add(where + ": left in English " + key);
			}
		});
	}

	static ContentLoader loader(Path content, Path localization) {
		return new ContentLoader(new ContentProperties(content, true, 300), new LocalizationProperties(localization),
				JsonMapper.builder().build());
	}

}

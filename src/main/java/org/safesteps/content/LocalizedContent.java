package org.safesteps.content;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.safesteps.content.ContentDocuments.HelpEntry;
import org.safesteps.content.ContentDocuments.Lesson;
import org.safesteps.content.ContentSnapshot.ContentItem;
import org.safesteps.content.ContentSnapshot.Translation;
import org.safesteps.content.ContentViews.HelpServiceView;
import org.safesteps.content.ContentViews.HelpView;
import org.safesteps.content.ContentViews.ItemLocalization;
import org.safesteps.content.ContentViews.LessonSummary;
import org.safesteps.content.ContentViews.LessonView;
import org.safesteps.content.ContentViews.OfflineQuiz;
import org.safesteps.content.ContentViews.OptionView;
import org.safesteps.content.ContentViews.QuestionView;
import org.safesteps.content.ContentViews.QuizView;
import org.safesteps.localization.ResolvedLocale;

/** Builds the localised views of one snapshot: each string from the first locale of the chain that has it. */
final class LocalizedContent {

	static final String SOURCE_STATUS = "source";

	private final ContentSnapshot snapshot;

	private final JsonMapper json;

	LocalizedContent(ContentSnapshot snapshot, JsonMapper json) {
		this.snapshot = snapshot;
		this.json = json;
	}

	LessonView lesson(Lesson source, ResolvedLocale locale) {
		Localized localized = localize(source.id(), locale);
		Lesson lesson = this.json.treeToValue(localized.document(), Lesson.class);
		return new LessonView(lesson.id(), lesson.audience(), lesson.ageBand(), lesson.topic(), lesson.capabilities(),
				lesson.frameworks(), lesson.estimatedMinutes(), lesson.title(), lesson.summary(), lesson.quiz(),
				lesson.sources(), lesson.sections(), localized.localization());
	}

	LessonSummary lessonSummary(Lesson source, ResolvedLocale locale) {
		Localized localized = localize(source.id(), locale);
		JsonNode document = localized.document();
		return new LessonSummary(source.id(), source.audience(), source.ageBand(), source.topic(),
				source.estimatedMinutes(), document.path("title").stringValue(),
				document.path("summary").stringValue(), source.quiz(), localized.localization());
	}

	QuizView quiz(Quiz source, ResolvedLocale locale) {
		Localized localized = localize(source.id(), locale);
		Quiz quiz = this.json.treeToValue(localized.document(), Quiz.class);
		List<QuestionView> questions = quiz.questions().stream().map(question -> {
			List<OptionView> options = question.options()
				.stream()
				.map(option -> new OptionView(option.key(), option.text()))
				.toList();
			if (question.type().equals("ordering")) {
				options = shuffled(quiz.id(), question.key(), options);
			}
			return new QuestionView(question.key(), question.type(), question.scenario(), question.prompt(), options);
		}).toList();
		return new QuizView(quiz.id(), quiz.lesson(), quiz.audience(), quiz.ageBand(), quiz.topic(),
				quiz.estimatedMinutes(), quiz.title(), questions, localized.localization());
	}

	/** The quiz with answers and feedback in the requested locale, for scoring and offline use. */
	Quiz quizWithAnswers(String id, ResolvedLocale locale) {
		return this.json.treeToValue(localize(id, locale).document(), Quiz.class);
	}

	OfflineQuiz offlineQuiz(Quiz source, ResolvedLocale locale) {
		Localized localized = localize(source.id(), locale);
		Quiz quiz = this.json.treeToValue(localized.document(), Quiz.class);
		return new OfflineQuiz(quiz.id(), quiz.lesson(), quiz.audience(), quiz.ageBand(), quiz.topic(),
				quiz.estimatedMinutes(), quiz.title(), quiz.questions(), localized.localization());
	}

	/** The directory entry with only the services confirmed against a published source. */
	HelpView help(HelpEntry source, ResolvedLocale locale) {
		Localized localized = localize(source.id(), locale);
		HelpEntry entry = this.json.treeToValue(localized.document(), HelpEntry.class);
		Map<String, Map<String, String>> namesByLanguage = new HashMap<>();
		List<HelpServiceView> services = entry.services()
			.stream()
			.filter(service -> service.status().equals("verified"))
			.map(service -> {
				String local = localLanguage(source, service, localized.localization().locale(), locale);
				String localName = (local == null) ? null
						: namesByLanguage.computeIfAbsent(local, language -> localNames(source, language, locale))
							.get(service.key());
				if (service.name().equals(localName)) {
					localName = null;
				}
				return new HelpServiceView(service.key(), service.kind(), service.name(),
						(localName == null) ? null : local, localName, service.number(), service.url(),
						service.hours(), service.languages(), service.source(), service.verified(), service.notes());
			})
			.toList();
		return new HelpView(entry.country(), entry.countryName(), services, localized.localization());
	}

	/**
	 * The language a service works in first, when the entry is served in another one and that
	 * language has the entry: a child reading in English in Viet Nam still recognises the name the
	 * service uses at home.
	 */
	private String localLanguage(HelpEntry source, ContentDocuments.HelpService service, String served,
			ResolvedLocale locale) {
		if (service.languages() == null || service.languages().isEmpty()) {
			return null;
		}
		String first = service.languages().get(0);
		String sourceLanguage = locale.fallbackChain().get(locale.fallbackChain().size() - 1);
		if (first.equals(served)) {
			return null;
		}
		boolean available = first.equals(sourceLanguage)
				|| this.snapshot.items().get(source.id()).translations().containsKey(first);
		return available ? first : null;
	}

	/**
	 * Each service's name in the language, where that language translates the name itself and the
	 * translation is not stale (a name falling back to English is no local name).
	 */
	private Map<String, String> localNames(HelpEntry source, String language, ResolvedLocale locale) {
		String sourceLanguage = locale.fallbackChain().get(locale.fallbackChain().size() - 1);
		ResolvedLocale local = new ResolvedLocale(language,
				language.equals(sourceLanguage) ? List.of(language) : List.of(language, sourceLanguage));
		HelpEntry entry = this.json.treeToValue(localize(source.id(), local).document(), HelpEntry.class);
		Translation translation = this.snapshot.items().get(source.id()).translations().get(language);
		Map<String, String> names = new HashMap<>();
		entry.services().forEach(service -> {
			String key = "services." + service.key() + ".name";
			boolean translated = language.equals(sourceLanguage) || (translation != null
					&& translation.strings().containsKey(key) && !translation.staleKeys().contains(key));
			if (translated) {
				names.put(service.key(), service.name());
			}
		});
		return names;
	}

	PollDefinition poll(ContentDocuments.Poll source, ResolvedLocale locale) {
		Localized localized = localize(source.id(), locale);
		ContentDocuments.Poll poll = this.json.treeToValue(localized.document(), ContentDocuments.Poll.class);
		List<PollDefinition.Question> questions = poll.questions()
			.stream()
			.map(question -> new PollDefinition.Question(question.key(), question.type(), question.prompt(),
					Boolean.TRUE.equals(question.optional()),
					(question.options() == null) ? List.of()
							: question.options().stream().map(o -> new PollDefinition.Option(o.key(), o.text())).toList()))
			.toList();
		boolean policy = PollDefinition.POLICY.equals(poll.purpose());
		ItemLocalization how = localized.localization();
		return new PollDefinition(poll.id(), policy ? PollDefinition.POLICY : "class-feedback", poll.topic(), poll.title(),
				poll.policyQuestion(), poll.askedBy(),
				policy ? java.util.Set.copyOf(poll.targets().countries()) : java.util.Set.of(),
				policy ? java.util.Set.copyOf(poll.targets().ageBands()) : java.util.Set.of(poll.ageBand()),
				policy ? java.time.LocalDate.parse(poll.opens()) : null,
				policy ? java.time.LocalDate.parse(poll.closes()) : null, questions,
				new PollDefinition.Localization(how.locale(), how.fallback(), how.status(), how.stale()));
	}

	ModuleDefinition module(ContentDocuments.ClassroomModule source, ResolvedLocale locale) {
		Localized localized = localize(source.id(), locale);
		ContentDocuments.ClassroomModule module = this.json.treeToValue(localized.document(),
				ContentDocuments.ClassroomModule.class);
		ItemLocalization how = localized.localization();
		return new ModuleDefinition(module.id(), module.ageBand(), module.topic(), module.title(), module.summary(),
				module.totalMinutes(), module.objectives(),
				module.steps()
					.stream()
					.map(step -> new ModuleDefinition.Step(step.key(), step.kind(), step.ref(), step.minutes(),
							step.title(), step.facilitatorNotes()))
					.toList(),
				new PollDefinition.Localization(how.locale(), how.fallback(), how.status(), how.stale()));
	}

	String topicTitle(String topicId, ResolvedLocale locale) {
		return localize("topics", locale).document().path("topics").valueStream()
			.filter(topic -> topicId.equals(topic.path("id").stringValue()))
			.map(topic -> topic.path("title").stringValue())
			.findFirst()
			.orElse(topicId);
	}

	private Localized localize(String id, ResolvedLocale locale) {
		ContentItem item = this.snapshot.items().get(id);
		for (String tag : locale.fallbackChain()) {
			Translation translation = item.translations().get(tag);
			if (translation != null) {
				boolean complete = translation.strings().keySet().containsAll(item.sourceStrings().keySet());
				JsonNode document = TranslatableStrings.translate(item.kind(), item.source(), translation.strings());
				return new Localized(document, new ItemLocalization(tag, !complete || !tag.equals(locale.tag()),
						translation.status(), !translation.staleKeys().isEmpty()));
			}
		}
		String source = locale.fallbackChain().get(locale.fallbackChain().size() - 1);
		return new Localized(item.source(),
				new ItemLocalization(source, !source.equals(locale.tag()), SOURCE_STATUS, false));
	}

	/** A stable order that differs from the right one, so the order shown never gives the answer away. */
	private static List<OptionView> shuffled(String quizId, String questionKey, List<OptionView> options) {
		List<OptionView> mixed = options.stream()
			.sorted(Comparator.comparingInt(option -> (quizId + "/" + questionKey + "/" + option.key()).hashCode()))
			.toList();
		if (mixed.equals(options)) {
			mixed = new java.util.ArrayList<>(options);
			java.util.Collections.reverse(mixed);
		}
		return mixed;
	}

	private record Localized(JsonNode document, ItemLocalization localization) {
	}


}

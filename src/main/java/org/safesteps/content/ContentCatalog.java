package org.safesteps.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import tools.jackson.databind.json.JsonMapper;

import org.safesteps.content.ContentDocuments.HelpEntry;
import org.safesteps.content.ContentDocuments.Lesson;
import org.safesteps.content.ContentSnapshot.ContentItem;
import org.safesteps.content.ContentViews.AgeBandCount;
import org.safesteps.content.ContentViews.AudienceCount;
import org.safesteps.content.ContentViews.Bundle;
import org.safesteps.content.ContentViews.CatalogView;
import org.safesteps.content.ContentViews.HelpDirectory;
import org.safesteps.content.ContentViews.LessonPage;
import org.safesteps.content.ContentViews.LessonSummary;
import org.safesteps.content.ContentViews.TopicView;
import org.safesteps.content.ContentViews.Totals;
import org.safesteps.localization.LocalizationCatalog;
import org.safesteps.localization.ResolvedLocale;
import org.safesteps.localization.TranslationCoverage;
import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.Page;
import org.safesteps.platform.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The content in service, held in memory so that it is served even while MongoDB is down.
 * Each localised response is serialised once per content version and kept as bytes with its ETag.
 */
@Component
public class ContentCatalog implements TranslationCoverage {

	static final List<String> AUDIENCES = List.of("child", "parent", "teacher", "practitioner", "community-leader");

	static final List<String> AGE_BANDS = List.of("5-8", "9-12", "13-17");

	private final JsonMapper json;

	private final LocalizationCatalog localization;

	private final AtomicReference<Published> published = new AtomicReference<>();

	ContentCatalog(JsonMapper json, LocalizationCatalog localization) {
		this.json = json;
		this.localization = localization;
	}

	void activate(ContentSnapshot snapshot, ContentVersions versions) {
		this.published.set(new Published(snapshot, versions, new LocalizedContent(snapshot, this.json)));
	}

	public int contentVersion() {
		return current().versions().current();
	}

	boolean isLoaded() {
		return this.published.get() != null;
	}

	/** A quiz with its answers, its strings in the given locale, for scoring; built once per version and locale. */
	public Optional<Quiz> quiz(String id, ResolvedLocale locale) {
		Published current = current();
		if (!current.snapshot().quizzes().containsKey(id)) {
			return Optional.empty();
		}
		return Optional.of(current.scoringQuizzes.get(id + "/" + locale.tag(),
				key -> current.views().quizWithAnswers(id, locale)));
	}

	/** An image a lesson shows, with its ETag; 404 for any other name. */
	CachedBody image(String fileName) {
		Published current = current();
		ContentSnapshot.Image image = current.snapshot().images().get(fileName);
		if (image == null) {
			throw ApiProblem.notFound("image", fileName);
		}
		return current.cachedBytes("image/" + fileName, null, image::bytes);
	}

	/** A poll, its strings in the locale; built once per version and locale. */
	public Optional<PollDefinition> poll(String id, ResolvedLocale locale) {
		Published current = current();
		ContentDocuments.Poll poll = current.snapshot().polls().get(id);
		if (poll == null) {
			return Optional.empty();
		}
		return Optional.of(current.polls.get(id + "/" + locale.tag(), key -> current.views().poll(poll, locale)));
	}

	/** Every poll, policy and class feedback, in the locale, by id. */
	public List<PollDefinition> polls(ResolvedLocale locale) {
		return current().snapshot()
			.polls()
			.keySet()
			.stream()
			.sorted()
			.map(id -> poll(id, locale).orElseThrow())
			.toList();
	}

	/** A classroom module, its strings in the locale; built once per version and locale. */
	public Optional<ModuleDefinition> module(String id, ResolvedLocale locale) {
		Published current = current();
		ContentDocuments.ClassroomModule module = current.snapshot().modules().get(id);
		if (module == null) {
			return Optional.empty();
		}
		return Optional.of(current.modules.get(id + "/" + locale.tag(), key -> current.views().module(module, locale)));
	}

	/** Every classroom module, in the locale, by age band then id. */
	public List<ModuleDefinition> modules(ResolvedLocale locale) {
		return current().snapshot()
			.modules()
			.values()
			.stream()
			.sorted(Comparator.comparing((ContentDocuments.ClassroomModule module) -> AGE_BANDS.indexOf(module.ageBand()))
				.thenComparing(ContentDocuments.ClassroomModule::id))
			.map(module -> module(module.id(), locale).orElseThrow())
			.toList();
	}

	/** Every poll id, even of polls no longer served: what a learner may have answered. */
	public List<String> pollIds() {
		return current().snapshot().polls().keySet().stream().sorted().toList();
	}

	/** Every lesson id. */
	public List<String> lessonIds() {
		return current().snapshot().lessons().keySet().stream().sorted().toList();
	}

	/** A lesson's audience, age band and topic, for counting what is said about it. */
	public Optional<LessonFacts> lessonFacts(String lessonId) {
		Lesson lesson = current().snapshot().lessons().get(lessonId);
		return (lesson == null) ? Optional.empty()
				: Optional.of(new LessonFacts(lesson.id(), lesson.audience(), lesson.ageBand(), lesson.topic()));
	}

	/** The verified help services of a country, in the locale. */
	public Optional<HelpContacts> helpFor(String country, ResolvedLocale locale) {
		Published current = current();
		HelpEntry entry = current.snapshot().helpByCountry().get(country);
		if (entry == null) {
			return Optional.empty();
		}
		ContentViews.HelpView view = current.views().help(entry, locale);
		List<String> order = List.of("child-helpline", "report-abuse-material", "emergency");
		List<HelpContacts.Service> services = view.services()
			.stream()
			.sorted(Comparator.comparingInt(service -> order.indexOf(service.kind())))
			.map(service -> new HelpContacts.Service(service.kind(), service.name(), service.number(), service.url(),
					service.hours()))
			.toList();
		return Optional.of(new HelpContacts(view.country(), view.countryName(), services));
	}

	/** The topics of the taxonomy, in its order. */
	public List<String> topicIds() {
		return current().snapshot().topics().stream().map(topic -> topic.id()).toList();
	}

	public static List<String> audiences() {
		return AUDIENCES;
	}

	/** The children's age bands. */
	public static List<String> ageBands() {
		return AGE_BANDS;
	}

	/** What a lesson is: enough to count feedback on it by audience, age band and topic. */
	public record LessonFacts(String id, String audience, String ageBand, String topic) {
	}

	boolean topicExists(String topic) {
		return current().snapshot().topics().stream().anyMatch(candidate -> candidate.id().equals(topic));
	}

	CachedBody lesson(String id, ResolvedLocale locale) {
		Published current = current();
		Lesson lesson = current.snapshot().lessons().get(id);
		if (lesson == null) {
			throw ApiProblem.notFound("lesson", id);
		}
		return current.cached("lesson/" + id + "/" + locale.tag(), locale,
				() -> current.views().lesson(lesson, locale));
	}

	CachedBody quizView(String id, ResolvedLocale locale) {
		Published current = current();
		Quiz quiz = current.snapshot().quizzes().get(id);
		if (quiz == null) {
			throw ApiProblem.notFound("quiz", id);
		}
		return current.cached("quiz/" + id + "/" + locale.tag(), locale, () -> current.views().quiz(quiz, locale));
	}

	CachedBody lessons(LessonFilter filter, ResolvedLocale locale) {
		Published current = current();
		String key = "lessons/" + filter + "/" + locale.tag();
		return current.cached(key, locale, () -> {
			List<Lesson> matching = current.snapshot()
				.lessons()
				.values()
				.stream()
				.filter(filter::matches)
				.sorted(LESSON_ORDER)
				.toList();
			Page<Lesson> page = Page.of(matching, filter.paging());
			List<LessonSummary> items = page.items()
				.stream()
				.map(lesson -> current.views().lessonSummary(lesson, locale))
				.toList();
			return new LessonPage(new Page<>(items, page.page(), page.size(), page.totalItems(), page.totalPages()),
					locale.tag(), current.versions().current());
		});
	}

	CachedBody catalog(ResolvedLocale locale) {
		Published current = current();
		return current.cached("catalog/" + locale.tag(), locale, () -> {
			ContentSnapshot snapshot = current.snapshot();
			List<AudienceCount> audiences = AUDIENCES.stream()
				.map(audience -> new AudienceCount(audience,
						(int) snapshot.lessons().values().stream().filter(l -> l.audience().equals(audience)).count(),
						(int) snapshot.quizzes().values().stream().filter(q -> q.audience().equals(audience)).count()))
				.toList();
			List<AgeBandCount> ageBands = AGE_BANDS.stream()
				.map(band -> new AgeBandCount(band,
						(int) snapshot.lessons().values().stream().filter(l -> band.equals(l.ageBand())).count()))
				.toList();
			List<TopicView> topics = topics(current, locale);
			Totals totals = new Totals(snapshot.lessons().size(), snapshot.quizzes().size(), snapshot.modules().size(),
					snapshot.polls().size(), snapshot.helpByCountry().size());
			return new CatalogView(current.versions().current(), snapshot.hash(), locale.tag(), totals, audiences,
					ageBands, topics);
		});
	}

	CachedBody help(String country, ResolvedLocale locale) {
		Published current = current();
		Map<String, HelpEntry> help = current.snapshot().helpByCountry();
		if (country != null && !help.containsKey(country)) {
			throw ApiProblem.notFound("help entry", country);
		}
		return current.cached("help/" + country + "/" + locale.tag(), locale, () -> {
			List<ContentViews.HelpView> items = help.values()
				.stream()
				.filter(entry -> country == null || entry.country().equals(country))
				.map(entry -> current.views().help(entry, locale))
				.toList();
			return new HelpDirectory(items, locale.tag());
		});
	}

	/**
	 * A gzip-compressed offline bundle; with {@code since}, only what changed after that version.
	 * A {@code since} this service cannot answer for (ahead of it, or content served unversioned
	 * while MongoDB was down) gets a complete bundle, so an app never misses an update. The file
	 * name and the bytes come from the same content version.
	 */
	BundleFile bundle(ResolvedLocale locale, String audience, Integer since) {
		Published current = current();
		int version = current.versions().current();
		Integer effectiveSince = (since != null && version > 0 && since <= version) ? since : null;
		String key = "bundle/" + locale.tag() + "/" + audience + "/" + effectiveSince;
		String fileName = "safesteps-" + locale.tag() + "-" + audience + "-v" + version
				+ ((since != null) ? "-since" + since : "") + ".json.gz";
		return new BundleFile(fileName, current.cachedBytes(key, locale, () -> {
			ContentSnapshot snapshot = current.snapshot();
			List<ContentViews.LessonView> lessons = snapshot.lessons()
				.values()
				.stream()
				.filter(lesson -> lesson.audience().equals(audience))
				.filter(lesson -> current.changedSince(lesson.id(), effectiveSince))
				.sorted(LESSON_ORDER)
				.map(lesson -> current.views().lesson(lesson, locale))
				.toList();
			List<ContentViews.OfflineQuiz> quizzes = snapshot.quizzes()
				.values()
				.stream()
				.filter(quiz -> quiz.audience().equals(audience))
				.filter(quiz -> current.changedSince(quiz.id(), effectiveSince))
				.sorted(Comparator.comparing(Quiz::id))
				.map(quiz -> current.views().offlineQuiz(quiz, locale))
				.toList();
			List<ContentViews.HelpView> help = snapshot.helpByCountry()
				.values()
				.stream()
				.filter(entry -> current.changedSince(entry.id(), effectiveSince))
				.map(entry -> current.views().help(entry, locale))
				.toList();
			List<TopicView> topics = current.changedSince("topics", effectiveSince) ? topics(current, locale)
					: List.of();
			List<String> removed = current.versions()
				.removedVersions()
				.entrySet()
				.stream()
				.filter(entry -> effectiveSince != null && entry.getValue() > effectiveSince)
				.map(Map.Entry::getKey)
				.sorted()
				.toList();
			Bundle bundle = new Bundle(1, locale.tag(), audience, version, effectiveSince, effectiveSince == null,
					topics, lessons, quizzes, help, removed);
			return gzip(this.json.writeValueAsBytes(bundle));
		}));
	}

	@Override
	public Coverage coverage(String locale) {
		Published current = current();
		int total = 0;
		int translated = 0;
		int draft = 0;
		int reviewed = 0;
		int stale = 0;
		for (ContentItem item : current.snapshot().items().values()) {
			total += item.sourceStrings().size();
			var translation = item.translations().get(locale);
			if (translation != null) {
				translated += translation.strings().size();
				stale += translation.staleKeys().size();
				if (translation.status().equals("reviewed")) {
					reviewed++;
				}
				else {
					draft++;
				}
			}
		}
		if (locale.equals(this.localization.sourceLocale())) {
			return new Coverage(total, total, 0, 0, 0);
		}
		return new Coverage(total, translated, draft, reviewed, stale);
	}

	private List<TopicView> topics(Published current, ResolvedLocale locale) {
		List<TopicView> topics = new ArrayList<>();
		for (var topic : current.snapshot().topics()) {
			int lessons = (int) current.snapshot()
				.lessons()
				.values()
				.stream()
				.filter(lesson -> lesson.topic().equals(topic.id()))
				.count();
			topics.add(new TopicView(topic.id(), current.views().topicTitle(topic.id(), locale), lessons));
		}
		return topics;
	}

	private Published current() {
		Published current = this.published.get();
		if (current == null) {
			throw new IllegalStateException("Content has not been loaded yet");
		}
		return current;
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static final Comparator<Lesson> LESSON_ORDER = Comparator
		.comparingInt((Lesson lesson) -> AUDIENCES.indexOf(lesson.audience()))
		.thenComparingInt(lesson -> lesson.ageBand() == null ? -1 : AGE_BANDS.indexOf(lesson.ageBand()))
		.thenComparing(Lesson::topic)
		.thenComparing(Lesson::id);

	private final class Published {

		private static final int CACHE_LIMIT = 4096;

		private final ContentSnapshot snapshot;

		private final ContentVersions versions;

		private final LocalizedContent views;

		/** Least recently used first out: filters and pages are chosen by clients. */
		private final Cache<String, CachedBody> cache = Caffeine.newBuilder().maximumSize(CACHE_LIMIT).build();

		/** Quizzes with their answers, by id and locale, for scoring attempts. */
		private final Cache<String, Quiz> scoringQuizzes = Caffeine.newBuilder().maximumSize(CACHE_LIMIT).build();

		/** Polls by id and locale. */
		private final Cache<String, PollDefinition> polls = Caffeine.newBuilder().maximumSize(CACHE_LIMIT).build();

		/** Classroom modules by id and locale. */
		private final Cache<String, ModuleDefinition> modules = Caffeine.newBuilder().maximumSize(CACHE_LIMIT).build();

		Published(ContentSnapshot snapshot, ContentVersions versions, LocalizedContent views) {
			this.snapshot = snapshot;
			this.versions = versions;
			this.views = views;
		}

		ContentSnapshot snapshot() {
			return this.snapshot;
		}

		ContentVersions versions() {
			return this.versions;
		}

		LocalizedContent views() {
			return this.views;
		}

		boolean changedSince(String id, Integer since) {
			return since == null || this.versions.itemVersions().getOrDefault(id, this.versions.current()) > since;
		}

		CachedBody cached(String key, ResolvedLocale locale, Supplier<Object> view) {
			return cachedBytes(key, locale, () -> ContentCatalog.this.json.writeValueAsBytes(view.get()));
		}

		CachedBody cachedBytes(String key, ResolvedLocale locale, Supplier<byte[]> bytes) {
			return this.cache.get(key, missing -> CachedBody.of(bytes.get(), (locale != null) ? locale.tag() : null));
		}

	}

	/** An offline bundle and the name of its file. */
	record BundleFile(String fileName, CachedBody body) {
	}

	/** Which lessons a list shows, and which page of them. */
	record LessonFilter(String audience, String ageBand, String topic, PageRequest paging) {

		boolean matches(Lesson lesson) {
			return (this.audience == null || this.audience.equals(lesson.audience()))
					&& (this.ageBand == null || this.ageBand.equals(lesson.ageBand()))
					&& (this.topic == null || this.topic.equals(lesson.topic()));
		}

	}

}

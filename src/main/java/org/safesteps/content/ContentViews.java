package org.safesteps.content;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.safesteps.content.ContentDocuments.Frameworks;
import org.safesteps.content.ContentDocuments.Section;
import org.safesteps.content.ContentDocuments.Source;
import org.safesteps.platform.Page;

/** What the content endpoints return, as {@code api-spec/openapi.yaml} describes it. */
final class ContentViews {

	private ContentViews() {
	}

	/**
	 * How one item was localised.
	 *
	 * @param locale the locale its strings are in
	 * @param fallback true when some or all strings are not in the requested locale
	 * @param status {@code source} for the English original, else the translation's {@code draft}
	 * or {@code reviewed}
	 * @param stale true when some strings were translated from English that has changed since
	 */
	record ItemLocalization(String locale, boolean fallback, String status, boolean stale) {
	}

	record LessonView(String id, String audience, String ageBand, String topic, List<String> capabilities,
			Frameworks frameworks, int estimatedMinutes, String title, String summary, String quizId,
			List<Source> sources, List<Section> sections, ItemLocalization localization) {
	}

	record LessonSummary(String id, String audience, String ageBand, String topic, int estimatedMinutes, String title,
			String summary, String quizId, ItemLocalization localization) {
	}

	/** A page of lesson summaries, with the locale and content version they come from. */
	record LessonPage(@JsonUnwrapped Page<LessonSummary> page, String locale, int contentVersion) {
	}

	record OptionView(String key, String text) {
	}

	record QuestionView(String key, String type, String scenario, String prompt, List<OptionView> options) {
	}

	record QuizView(String id, String lessonId, String audience, String ageBand, String topic, int estimatedMinutes,
			String title, List<QuestionView> questions, ItemLocalization localization) {
	}

	/** A quiz with answers and feedback, for offline bundles only. */
	record OfflineQuiz(String id, String lessonId, String audience, String ageBand, String topic,
			int estimatedMinutes, String title, List<Quiz.Question> questions, ItemLocalization localization) {
	}

	record TopicView(String id, String title, int lessons) {
	}

	record AudienceCount(String id, int lessons, int quizzes) {
	}

	record AgeBandCount(String id, int lessons) {
	}

	record Totals(int lessons, int quizzes, int modules, int polls, int helpCountries) {
	}

	record CatalogView(int contentVersion, String contentHash, String locale, Totals totals,
			List<AudienceCount> audiences, List<AgeBandCount> ageBands, List<TopicView> topics) {
	}

	/**
	 * @param localLanguage the language the service works in first, when the entry is served in
	 * another language and that language has a translation of it
	 * @param localName the service's name in {@code localLanguage}
	 */
	record HelpServiceView(String key, String kind, String name, String localLanguage, String localName,
			String number, String url, String hours, List<String> languages, String source, String verified,
			String notes) {
	}

	record HelpView(String country, String countryName, List<HelpServiceView> services,
			ItemLocalization localization) {
	}

	record HelpDirectory(List<HelpView> items, String locale) {
	}

	/**
	 * Everything an app needs offline for one locale and audience.
	 *
	 * @param since the version the app had, or null for a complete bundle
	 * @param removed ids the app should delete
	 */
	record Bundle(int formatVersion, String locale, String audience, int contentVersion, Integer since,
			boolean complete, List<TopicView> topics, List<LessonView> lessons, List<OfflineQuiz> quizzes,
			List<HelpView> help, List<String> removed) {
	}

}

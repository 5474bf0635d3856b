package org.safesteps.content;

import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.safesteps.content.ContentDocuments.ClassroomModule;
import org.safesteps.content.ContentDocuments.HelpEntry;
import org.safesteps.content.ContentDocuments.Lesson;
import org.safesteps.content.ContentDocuments.Poll;
import org.safesteps.content.ContentDocuments.Topic;

/**
 * Everything in {@code content/} and its translations, checked and immutable.
 *
 * @param items every content item by id, topics included
 * @param hash a digest of all items: equal hashes mean equal content
 */
record ContentSnapshot(Map<String, ContentItem> items, Map<String, Lesson> lessons, Map<String, Quiz> quizzes,
		Map<String, ClassroomModule> modules, Map<String, Poll> polls, Map<String, HelpEntry> helpByCountry,
		List<Topic> topics, Map<String, Image> images, String hash) {

	/**
	 * One content file with its translations.
	 *
	 * @param source the document as written in English
	 * @param translations by locale tag
	 * @param hash digest of the source and all its translations
	 */
	record ContentItem(ContentKind kind, String id, String file, JsonNode source, Map<String, String> sourceStrings,
			Map<String, Translation> translations, String hash) {
	}

	/**
	 * @param status {@code draft} until a native reviewer approves it, then {@code reviewed}
	 * @param staleKeys keys whose English changed since they were translated
	 */
	record Translation(String status, Map<String, String> strings, Set<String> staleKeys) {
	}

	/** An image a lesson shows, by its file name under {@code content/images/}. */
	record Image(String fileName, byte[] bytes) {
	}

}

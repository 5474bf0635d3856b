package org.safesteps.content;

import java.util.List;

/** The shapes of the YAML files in {@code content/}, as the schemas in {@code content/schema/} define them. */
final class ContentDocuments {

	private ContentDocuments() {
	}

	record Source(String name, String url) {
	}

	record Frameworks(List<String> ukcis, List<String> beInternetAwesome) {
	}

	record Block(String key, String type, String title, List<String> characters, String text, String src,
			String alt) {
	}

	record Section(String key, String title, List<Block> blocks) {
	}

	record Lesson(String id, String audience, String ageBand, String topic, List<String> capabilities,
			Frameworks frameworks, int estimatedMinutes, String title, String summary, String quiz,
			List<Source> sources, List<Section> sections) {
	}

	record Step(String key, String kind, String ref, int minutes, String title, String facilitatorNotes) {
	}

	record ClassroomModule(String id, String ageBand, String topic, List<String> capabilities, int totalMinutes,
			String title, String summary, List<String> objectives, List<Source> sources, List<Step> steps) {
	}

	record PollOption(String key, String text) {
	}

	record PollQuestion(String key, String type, String prompt, Boolean optional, List<PollOption> options) {
	}

	record PollTargets(List<String> countries, List<String> audiences, List<String> ageBands) {
	}

	record Poll(String id, String purpose, String audience, String ageBand, String topic, List<String> capabilities,
			String title, String policyQuestion, String askedBy, PollTargets targets, String opens, String closes,
			List<PollQuestion> questions) {
	}

	record HelpService(String key, String kind, String name, String number, String url, String hours,
			List<String> languages, String status, String source, String verified, String notes) {
	}

	record HelpEntry(String id, String country, String countryName, List<HelpService> services) {
	}

	record Topic(String id, String title) {
	}

	record Topics(List<Topic> topics) {
	}

}

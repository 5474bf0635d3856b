package org.safesteps.content;

import java.util.List;

/**
 * A quiz with its answers, for server-side scoring. Never serialised to a client as is.
 *
 * @param questions in the order the file gives them; for {@code ordering} questions the
 * options are in the right order
 */
public record Quiz(String id, String lesson, String audience, String ageBand, String topic,
		List<String> capabilities, int estimatedMinutes, String title, List<Question> questions) {

	public record Question(String key, String type, String scenario, String prompt, List<Option> options) {

		public List<String> correctOptionKeys() {
			if (this.type.equals("ordering")) {
				return this.options.stream().map(Option::key).toList();
			}
			return this.options.stream().filter(Option::isCorrect).map(Option::key).toList();
		}

	}

	public record Option(String key, String text, Boolean correct, String feedback) {

		public boolean isCorrect() {
			return Boolean.TRUE.equals(this.correct);
		}

	}

}

package org.safesteps.content;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A classroom module as a teacher runs it, its strings in one locale: ordered steps, each a
 * lesson, quiz, poll or an activity led by the teacher, with facilitator notes and minutes.
 */
public record ModuleDefinition(String id, String ageBand, String topic, String title, String summary,
		int totalMinutes, List<String> objectives, List<Step> steps, PollDefinition.Localization localization) {

	/**
	 * @param kind {@code introduction}, {@code lesson}, {@code quiz}, {@code poll}, {@code activity},
	 * {@code discussion} or {@code wrap-up}
	 * @param ref the lesson, quiz or poll the step shows; null for the other kinds
	 */
	public record Step(String key, String kind, String ref, int minutes, String title, String facilitatorNotes) {

		@JsonIgnore
		public boolean isQuiz() {
			return "quiz".equals(this.kind);
		}

		@JsonIgnore
		public boolean isPoll() {
			return "poll".equals(this.kind);
		}

	}

	public Optional<Step> step(String key) {
		return this.steps.stream().filter(step -> step.key().equals(key)).findFirst();
	}

}

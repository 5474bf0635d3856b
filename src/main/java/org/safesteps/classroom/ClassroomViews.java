package org.safesteps.classroom;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.safesteps.content.ModuleDefinition;
import org.safesteps.content.PollDefinition;

/** What teachers and children are answered with. */
final class ClassroomViews {

	private ClassroomViews() {
	}

	record ModuleView(String id, String ageBand, String topic, String title, String summary, int totalMinutes,
			List<String> objectives, List<ModuleDefinition.Step> steps, PollDefinition.Localization localization) {

		static ModuleView of(ModuleDefinition module) {
			return new ModuleView(module.id(), module.ageBand(), module.topic(), module.title(), module.summary(),
					module.totalMinutes(), module.objectives(), module.steps(), module.localization());
		}

	}

	/** @param status {@code active}, {@code ended} or {@code expired} */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record SessionView(String id, String moduleId, String title, String joinCode, String status, String locale,
			String ageBand, String country, String region, int stepIndex, int totalSteps, ModuleDefinition.Step step,
			int participants, Instant createdAt, Instant expiresAt, Instant endedAt) {
	}

	/** The step a child sees: what to open (a lesson, quiz or poll by id), in the child's language. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record ChildStep(String sessionId, String moduleId, String title, String locale, int stepIndex, int totalSteps,
			String key, String kind, String ref, String stepTitle, int minutes) {
	}

	/**
	 * The session's results, aggregates only.
	 *
	 * @param minimumAnswers per-option counts and shares appear once this many answered a question
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Results(String sessionId, String moduleId, String status, int participants, int stepIndex, String stepKey,
			int minimumAnswers, List<StepResults> steps, long version) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record StepResults(String key, String kind, String ref, long answered, List<QuestionResults> questions) {
	}

	/**
	 * @param correctShare percent who answered right (quizzes), or null while too few answered
	 * @param options count per option, or null while too few answered
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record QuestionResults(String question, long answered, Integer correctShare, Map<String, Long> options) {
	}

	record PollReceipt(String sessionId, String step, String pollId) {
	}

}

package org.safesteps.classroom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.safesteps.content.ModuleDefinition;

/**
 * A session's totals as the teacher may see them: per question how many answered, and only once
 * enough have answered, the count per option and the share correct, so that no child's single
 * answer shows. Options nobody chose show 0 then.
 */
final class ResultsView {

	private ResultsView() {
	}

	/** @param options the option keys of each question of each step, in order, for zero counts */
	static ClassroomViews.Results of(ClassSession session, ModuleDefinition module,
			Map<String, Map<String, List<String>>> options, int minimumAnswers, Instant now) {
		List<ClassroomViews.StepResults> steps = new ArrayList<>();
		for (ModuleDefinition.Step step : module.steps()) {
			if (!step.isQuiz() && !step.isPoll()) {
				continue;
			}
			ClassSession.StepTally tally = session.results().get(step.key());
			List<ClassroomViews.QuestionResults> questions = new ArrayList<>();
			options.getOrDefault(step.key(), Map.of()).forEach((question, keys) -> {
				ClassSession.QuestionTally counts = (tally == null) ? null : tally.questions().get(question);
				long answered = (counts == null) ? 0 : counts.answered();
				boolean shown = answered >= minimumAnswers;
				Map<String, Long> perOption = null;
				if (shown) {
					perOption = new LinkedHashMap<>();
					for (String key : keys) {
						perOption.put(key, counts.options().getOrDefault(key, 0L));
					}
				}
				Integer correctShare = (shown && step.isQuiz()) ? Math.round(100f * counts.correct() / answered) : null;
				questions.add(new ClassroomViews.QuestionResults(question, answered, correctShare, perOption));
			});
			steps.add(new ClassroomViews.StepResults(step.key(), step.kind(), step.ref(),
					(tally == null) ? 0 : tally.answered(), questions));
		}
		ModuleDefinition.Step current = module.steps().get(Math.min(session.step(), module.steps().size() - 1));
		return new ClassroomViews.Results(session.id(), session.moduleId(), session.status(now), session.participants(),
				session.step(), current.key(), minimumAnswers, steps, session.version());
	}

}

package org.safesteps.classroom;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps one live stream from showing a single child's answer. Per-option counts and shares of
 * the step the class is on change only once at least {@code every} more children have answered
 * since they last changed, so that a teacher who watches a child press "send" cannot see what
 * that child chose. The other steps, and every step once the session is over, show their totals.
 * (What can still be told is what the children who answered since the last change chose between
 * them, once the class moves on: at least {@code every} children, or the last few of a step.)
 */
final class HeldBack {

	private final int every;

	private final Map<String, ClassroomViews.QuestionResults> shown = new HashMap<>();

	HeldBack(int every) {
		this.every = every;
	}

	ClassroomViews.Results apply(ClassroomViews.Results next) {
		if (!"active".equals(next.status())) {
			return next;
		}
		return new ClassroomViews.Results(next.sessionId(), next.moduleId(), next.status(), next.participants(),
				next.stepIndex(), next.stepKey(), next.minimumAnswers(),
				next.steps()
					.stream()
					.map(step -> step.key().equals(next.stepKey()) ? new ClassroomViews.StepResults(step.key(),
							step.kind(), step.ref(), step.answered(),
							step.questions().stream().map(question -> hold(step.key(), question)).toList()) : step)
					.toList(),
				next.version());
	}

	private ClassroomViews.QuestionResults hold(String step, ClassroomViews.QuestionResults question) {
		if (question.options() == null) {
			return question;
		}
		String key = step + "/" + question.question();
		ClassroomViews.QuestionResults last = this.shown.get(key);
		if (last == null || question.answered() >= last.answered() + this.every) {
			this.shown.put(key, question);
			return question;
		}
		return new ClassroomViews.QuestionResults(question.question(), question.answered(), last.correctShare(),
				last.options());
	}

}

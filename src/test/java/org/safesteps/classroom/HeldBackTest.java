package org.safesteps.classroom;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A live stream does not show what one child chose. */
class HeldBackTest {

	@Test
	void theCurrentStepChangesOnlyByFiveAnswers() {
		HeldBack held = new HeldBack(5);
		assertThat(options(held.apply(results("active", 5, Map.of("a", 3L, "b", 2L))))).containsEntry("a", 3L);
		// the sixth child chose b: the teacher still sees what five chose
		ClassroomViews.Results sixth = held.apply(results("active", 6, Map.of("a", 3L, "b", 3L)));
		assertThat(options(sixth)).containsEntry("b", 2L);
		assertThat(question(sixth).answered()).isEqualTo(6);
		assertThat(options(held.apply(results("active", 9, Map.of("a", 5L, "b", 4L))))).containsEntry("a", 3L);
		assertThat(options(held.apply(results("active", 10, Map.of("a", 5L, "b", 5L))))).containsEntry("a", 5L)
			.containsEntry("b", 5L);
		// once the session is over, everything shows
		assertThat(options(held.apply(results("ended", 11, Map.of("a", 6L, "b", 5L))))).containsEntry("a", 6L);
	}

	@Test
	void otherStepsShowTheirTotals() {
		HeldBack held = new HeldBack(5);
		held.apply(results("active", 5, Map.of("a", 5L)));
		ClassroomViews.Results movedOn = new ClassroomViews.Results("s", "m", "active", 6, 3, "sort-it", 5,
				List.of(step(6, Map.of("a", 5L, "b", 1L))), 3);
		assertThat(options(held.apply(movedOn))).containsEntry("b", 1L);
	}

	private static ClassroomViews.Results results(String status, long answered, Map<String, Long> options) {
		return new ClassroomViews.Results("s", "m", status, 12, 2, "quiz", 5, List.of(step(answered, options)),
				answered);
	}

	private static ClassroomViews.StepResults step(long answered, Map<String, Long> options) {
		return new ClassroomViews.StepResults("quiz", "quiz", "quiz-1", answered,
				List.of(new ClassroomViews.QuestionResults("q", answered, 50, options)));
	}

	private static ClassroomViews.QuestionResults question(ClassroomViews.Results results) {
		return results.steps().get(0).questions().get(0);
	}

	private static Map<String, Long> options(ClassroomViews.Results results) {
		return question(results).options();
	}

}

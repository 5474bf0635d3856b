package org.safesteps.learning;

import java.util.List;

/**
 * The score of an attempt, with the localised explanation of every chosen and every right option.
 *
 * @param summary a localised sentence such as "You got 4 answers right out of 5."
 */
public record AttemptResult(String quizId, String locale, int correctCount, int totalQuestions, int scorePercent,
		String summary, List<QuestionResult> questions) {

	public record QuestionResult(String question, boolean answered, boolean correct, List<String> selected,
			List<String> correctOptions, List<Explanation> explanations) {
	}

	/** Why an option is right or not; given for each option chosen or right. */
	public record Explanation(String option, boolean correct, String feedback) {
	}

}

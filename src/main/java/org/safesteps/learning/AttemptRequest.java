package org.safesteps.learning;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A learner's answers to one quiz.
 *
 * @param answers one per answered question; unanswered questions count as not right
 */
record AttemptRequest(@NotNull @Size(min = 1, max = 30) List<@Valid @NotNull Answer> answers) {

	/**
	 * @param question the question's key
	 * @param selected the chosen option keys: one for single-choice, true-false and scenario
	 * questions, any number for multiple-choice, all of them in order for ordering questions
	 */
	record Answer(@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String question,
			@NotNull @Size(min = 1, max = 8) List<@NotBlank @Size(max = 40) String> selected) {
	}

}

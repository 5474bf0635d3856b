package org.safesteps.learning;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.safesteps.activity.CoarseContext;

/**
 * A learner's answers to one quiz. Messages are literal, not bundle keys, so that validating
 * never loads a resource bundle on an event loop.
 *
 * @param answers one per answered question; unanswered questions count as not right
 * @param context the child's coarse context, for statistics; optional, and never stored with
 * the learner's progress
 */
public record AttemptRequest(
		@NotNull(message = "is required") @Size(min = 1, max = 30,
				message = "must hold 1 to 30 answers") List<@Valid @NotNull(message = "must not be null") Answer> answers,
		@Valid CoarseContext context) {

	/**
	 * @param question the question's key
	 * @param selected the chosen option keys: one for single-choice, true-false and scenario
	 * questions, any number for multiple-choice, all of them in order for ordering questions
	 */
	public record Answer(
			@NotBlank(message = "is required") @Size(max = 40, message = "must be at most 40 characters") @Pattern(
					regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a question key") String question,
			@NotNull(message = "is required") @Size(min = 1, max = 8,
					message = "must name 1 to 8 options") List<@NotBlank(message = "must not be blank") @Size(max = 40,
							message = "must be at most 40 characters") String> selected) {
	}

}

package org.safesteps.classroom;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.safesteps.learning.AttemptRequest;

/** What teachers and children send. Messages are literal, so validating never loads a bundle. */
final class ClassroomRequests {

	static final String KEY = "[a-z0-9]+(-[a-z0-9]+)*";

	private ClassroomRequests() {
	}

	/**
	 * @param locale the language the teacher's screen shows; each child sees their own
	 * @param region ISO 3166-2 province-level code of the school, optional
	 */
	record StartSession(
			@NotBlank(message = "is required") @Size(max = 80, message = "must be at most 80 characters") @Pattern(
					regexp = KEY, message = "must be a module id") String moduleId,
			@NotBlank(message = "is required") @Size(max = 35, message = "must be at most 35 characters") String locale,
			@NotNull(message = "is required") @Pattern(regexp = "5-8|9-12|13-17",
					message = "must be 5-8, 9-12 or 13-17") String ageBand,
			@NotNull(message = "is required") @Pattern(regexp = "[A-Z]{2}",
					message = "must be an ISO 3166-1 alpha-2 code such as TH") String country,
			@Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "must be an ISO 3166-2 code such as TH-10") String region) {
	}

	record Join(@NotBlank(message = "is required") @Size(max = 20, message = "must be at most 20 characters") String code) {
	}

	/** A child's answers to the session's quiz step. */
	record QuizAnswers(
			@NotBlank(message = "is required") @Size(max = 40, message = "must be at most 40 characters") @Pattern(
					regexp = KEY, message = "must be a step key") String step,
			@NotNull(message = "is required") @Size(min = 1, max = 30,
					message = "must hold 1 to 30 answers") List<AttemptRequest.@Valid @NotNull(message = "must not be null") Answer> answers) {
	}

	/** A child's answers to the session's poll step: options only, counted and not kept. */
	record PollAnswers(
			@NotBlank(message = "is required") @Size(max = 40, message = "must be at most 40 characters") @Pattern(
					regexp = KEY, message = "must be a step key") String step,
			@NotNull(message = "is required") @Size(min = 1, max = 10,
					message = "must hold 1 to 10 answers") List<@Valid @NotNull(message = "must not be null") PollAnswer> answers) {
	}

	record PollAnswer(
			@NotBlank(message = "is required") @Size(max = 40, message = "must be at most 40 characters") @Pattern(
					regexp = KEY, message = "must be a question key") String question,
			@NotNull(message = "is required") @Size(min = 1, max = 8,
					message = "must name 1 to 8 options") List<@NotBlank(message = "must not be blank") @Size(max = 40,
							message = "must be at most 40 characters") String> selected) {
	}

}

package org.safesteps.activity;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something a feature stored that is worth counting, told once through {@link ActivityRecorder}.
 * It carries coarse dimensions only (country, province-level region, age band, audience, locale,
 * topic, day) and never a learner key, a device, an IP address or an exact time.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = Activity.QuizAttempted.class, name = "quiz-attempted"),
		@JsonSubTypes.Type(value = Activity.PollAnswered.class, name = "poll-answered"),
		@JsonSubTypes.Type(value = Activity.FeedbackGiven.class, name = "feedback-given"),
		@JsonSubTypes.Type(value = Activity.ClassroomSessionRun.class, name = "classroom-session-run") })
public sealed interface Activity {

	LocalDate day();

	/**
	 * A learner's quiz attempt was scored and their progress stored.
	 *
	 * @param lessonId the lesson the quiz belongs to, if any
	 * @param country ISO 3166-1 alpha-2, or null when the app did not send the child's context
	 * @param region ISO 3166-2 province-level code, or null
	 * @param ageBand {@code 5-8}, {@code 9-12} or {@code 13-17} as the app sent it, or null
	 * @param locale the locale the quiz was served in
	 * @param completedLesson whether this attempt completed the quiz's lesson for the learner for
	 * the first time (a count of completions is a count of learners, not of attempts)
	 */
	record QuizAttempted(String quizId, String lessonId, String topic, String audience, String ageBand,
			String country, String region, String locale, int scorePercent, boolean completedLesson,
			LocalDate day) implements Activity {
	}

	/**
	 * A child's anonymous response to a poll was stored. Free text is never part of it: only which
	 * questions were answered with which options.
	 *
	 * @param purpose {@code policy} or {@code class-feedback}
	 * @param gender {@code girl}, {@code boy}, {@code other}, {@code prefer-not-to-say}, or null
	 */
	record PollAnswered(String pollId, String purpose, List<Answer> answers, String country, String region,
			String ageBand, String gender, String locale, LocalDate day) implements Activity {

		/** @param options the options chosen; empty for a free-text answer */
		public record Answer(String question, List<String> options, boolean freeText) {
		}

	}

	/**
	 * A child's anonymous feedback on a lesson was stored (without its free text).
	 *
	 * @param lessonAgeBand the lesson's age band, null for adult lessons
	 * @param rating 1 to 5, or null
	 */
	record FeedbackGiven(String lessonId, String topic, String audience, String lessonAgeBand, boolean helpful,
			Integer rating, String country, String region, String ageBand, String gender, String locale,
			LocalDate day) implements Activity {
	}

	/**
	 * A teacher ended a classroom session: it counts once, with the number of children who joined.
	 *
	 * @param topic the module's topic
	 * @param participants how many children joined (each once)
	 */
	record ClassroomSessionRun(String moduleId, String topic, String ageBand, String country, String region,
			String locale, int participants, LocalDate day) implements Activity {
	}

}

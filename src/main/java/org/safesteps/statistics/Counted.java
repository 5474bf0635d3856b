package org.safesteps.statistics;

import java.time.LocalDate;
import java.util.List;

import org.safesteps.activity.Activity;

/**
 * What one activity adds to the counters: where it belongs (country, day, and a category for
 * each dimension) and how much it adds to each measure.
 */
record Counted(String country, LocalDate day, String region, String ageBand, String gender, String locale,
		String audience, String topic, long[] increments, Activity.PollAnswered poll) {

	String category(Dimension dimension) {
		String value = switch (dimension) {
			case REGION -> this.region;
			case AGE_BAND -> this.ageBand;
			case GENDER -> this.gender;
			case LOCALE -> this.locale;
			case AUDIENCE -> this.audience;
			case TOPIC -> this.topic;
		};
		return (value != null) ? value : Dimension.UNKNOWN;
	}

	/**
	 * @param passMark the score, in percent, from which a quiz attempt counts as passed
	 * @return nothing for a quiz attempt made without a country: it cannot be placed in any table
	 */
	static List<Counted> of(Activity activity, int passMark) {
		long[] add = new long[Measure.COUNT];
		if (activity instanceof Activity.QuizAttempted quiz) {
			if (quiz.country() == null) {
				return List.of();
			}
			add[Measure.QUIZ_ATTEMPTS.ordinal()] = 1;
			add[Measure.QUIZ_PASSES.ordinal()] = (quiz.scorePercent() >= passMark) ? 1 : 0;
			add[Measure.SCORE_SUM.ordinal()] = quiz.scorePercent();
			add[Measure.LESSON_COMPLETIONS.ordinal()] = quiz.completedLesson() ? 1 : 0;
			return List.of(new Counted(quiz.country(), quiz.day(), quiz.region(), quiz.ageBand(), null, quiz.locale(),
					quiz.audience(), quiz.topic(), add, null));
		}
		if (activity instanceof Activity.PollAnswered poll) {
			add[Measure.POLL_RESPONSES.ordinal()] = 1;
			return List.of(new Counted(poll.country(), poll.day(), poll.region(), poll.ageBand(), poll.gender(),
					poll.locale(), "child", null, add, poll));
		}
		if (activity instanceof Activity.ClassroomSessionRun session) {
			add[Measure.CLASSROOM_SESSIONS.ordinal()] = 1;
			add[Measure.CHILDREN_REACHED.ordinal()] = session.participants();
			return List.of(new Counted(session.country(), session.day(), session.region(), session.ageBand(), null,
					session.locale(), "child", session.topic(), add, null));
		}
		Activity.FeedbackGiven feedback = (Activity.FeedbackGiven) activity;
		add[Measure.LESSON_FEEDBACK.ordinal()] = 1;
		add[Measure.FOUND_HELPFUL.ordinal()] = feedback.helpful() ? 1 : 0;
		add[Measure.RATINGS.ordinal()] = (feedback.rating() != null) ? 1 : 0;
		add[Measure.RATING_SUM.ordinal()] = (feedback.rating() != null) ? feedback.rating() : 0;
		return List.of(new Counted(feedback.country(), feedback.day(), feedback.region(), feedback.ageBand(),
				feedback.gender(), feedback.locale(), feedback.audience(), feedback.topic(), add, null));
	}

}

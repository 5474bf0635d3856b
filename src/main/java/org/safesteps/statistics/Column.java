package org.safesteps.statistics;

import java.util.List;

/**
 * A column of a published table: a count, protected by suppression, or a rate or mean derived
 * from counts, published only where the count it rests on is, and only where it does not single
 * out a small group (a pass rate is withheld when fewer than k passed or fewer than k did not).
 */
enum Column {

	QUIZ_ATTEMPTS("quizAttempts", Measure.QUIZ_ATTEMPTS, null, Kind.COUNT),
	LESSON_COMPLETIONS("lessonCompletions", Measure.LESSON_COMPLETIONS, null, Kind.COUNT),
	POLL_RESPONSES("pollResponses", Measure.POLL_RESPONSES, null, Kind.COUNT),
	LESSON_FEEDBACK("lessonFeedback", Measure.LESSON_FEEDBACK, null, Kind.COUNT),
	CLASSROOM_SESSIONS("classroomSessions", Measure.CLASSROOM_SESSIONS, null, Kind.COUNT),
	CHILDREN_REACHED("childrenReached", Measure.CHILDREN_REACHED, null, Kind.COUNT),
	PASS_RATE("passRate", Measure.QUIZ_ATTEMPTS, Measure.QUIZ_PASSES, Kind.PERCENT_OF_BASE),
	MEAN_SCORE("meanScore", Measure.QUIZ_ATTEMPTS, Measure.SCORE_SUM, Kind.MEAN_OVER_BASE),
	HELPFUL_SHARE("helpfulShare", Measure.LESSON_FEEDBACK, Measure.FOUND_HELPFUL, Kind.PERCENT_OF_BASE),
	MEAN_RATING("meanRating", Measure.LESSON_FEEDBACK, Measure.RATING_SUM, Kind.MEAN_OF_RATINGS);

	static final List<Column> PARTICIPATION = List.of(QUIZ_ATTEMPTS, LESSON_COMPLETIONS, POLL_RESPONSES, LESSON_FEEDBACK,
			CLASSROOM_SESSIONS, CHILDREN_REACHED);

	/** What public releases publish: one activity adds at most one to each (sessions reach many children). */
	static final List<Column> PUBLIC = List.of(QUIZ_ATTEMPTS, LESSON_COMPLETIONS, POLL_RESPONSES, LESSON_FEEDBACK);

	static final List<Column> LEARNING = List.of(QUIZ_ATTEMPTS, LESSON_COMPLETIONS, PASS_RATE, MEAN_SCORE,
			LESSON_FEEDBACK, HELPFUL_SHARE, MEAN_RATING);

	private final String name;

	private final Measure base;

	private final Measure part;

	private final Kind kind;

	Column(String name, Measure base, Measure part, Kind kind) {
		this.name = name;
		this.base = base;
		this.part = part;
		this.kind = kind;
	}

	String columnName() {
		return this.name;
	}

	/** The count this column is, or rests on. */
	Measure base() {
		return this.base;
	}

	boolean isCount() {
		return this.kind == Kind.COUNT;
	}

	/**
	 * The value to publish, or null when it is withheld.
	 * @param values the cell's (or margin's) sums, one per {@link Measure}
	 * @param baseSuppressed whether the count this column rests on is suppressed there
	 */
	Number value(long[] values, boolean baseSuppressed, int k) {
		long base = values[this.base.ordinal()];
		if (baseSuppressed) {
			return null;
		}
		switch (this.kind) {
			case COUNT:
				return base;
			case PERCENT_OF_BASE: {
				long part = values[this.part.ordinal()];
				return (part < k || base - part < k) ? null : Math.round(100.0 * part / base);
			}
			case MEAN_OVER_BASE:
				return (base == 0) ? null : Math.round((double) values[this.part.ordinal()] / base);
			case MEAN_OF_RATINGS: {
				long ratings = values[Measure.RATINGS.ordinal()];
				return (ratings < k) ? null : Math.round(10.0 * values[this.part.ordinal()] / ratings) / 10.0;
			}
			default:
				throw new IllegalStateException(this.kind.name());
		}
	}

	private enum Kind {

		COUNT, PERCENT_OF_BASE, MEAN_OVER_BASE, MEAN_OF_RATINGS

	}

}

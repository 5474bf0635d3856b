package org.safesteps.statistics;

/** A counter kept in every cell; its field name in the counter documents is short, as there are many. */
enum Measure {

	QUIZ_ATTEMPTS("qa"), QUIZ_PASSES("qp"), SCORE_SUM("qs"), LESSON_COMPLETIONS("qc"), POLL_RESPONSES("pr"),
	LESSON_FEEDBACK("fb"), FOUND_HELPFUL("fh"), RATINGS("fr"), RATING_SUM("fs"), CLASSROOM_SESSIONS("cs"), CHILDREN_REACHED("cr");

	private final String field;

	Measure(String field) {
		this.field = field;
	}

	String field() {
		return this.field;
	}

	static final int COUNT = values().length;

}

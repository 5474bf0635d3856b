package org.safesteps.classroom;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * A session as stored: who runs it, for whom, where it is, and its running totals, which answers
 * add to with {@code $inc} ({@code results.<step>.questions.<question>.options.<option>}). Nothing
 * in it names a child.
 *
 * @param teacher the staff subject of the teacher who started it
 * @param step the index of the current step
 * @param answerSteps the keys of the module's quiz and poll steps when it started: what a child's
 * markers may name
 * @param version moves on with every change, so that a stream sends only what changed
 */
record ClassSession(String id, String teacher, String moduleId, String locale, String ageBand, String country,
		String region, String code, boolean ended, int step, Instant createdAt, Instant expiresAt, Instant endedAt,
		int participants, List<String> answerSteps, Map<String, StepTally> results, long version) {

	static final String COLLECTION = "classroom_sessions";

	String status(Instant now) {
		if (this.ended) {
			return "ended";
		}
		return now.isBefore(this.expiresAt) ? "active" : "expired";
	}

	boolean isRunning(Instant now) {
		return !this.ended && now.isBefore(this.expiresAt);
	}

	/** @param answered how many children answered the step */
	record StepTally(long answered, Map<String, QuestionTally> questions) {
	}

	/** @param correct how many answered it right; quizzes only */
	record QuestionTally(long answered, long correct, Map<String, Long> options) {
	}

	static ClassSession from(Document document) {
		Map<String, StepTally> results = new LinkedHashMap<>();
		Document stored = document.get("results", Document.class);
		if (stored != null) {
			stored.forEach((step, value) -> {
				Document tally = (Document) value;
				Map<String, QuestionTally> questions = new LinkedHashMap<>();
				Document storedQuestions = tally.get("questions", Document.class);
				if (storedQuestions != null) {
					storedQuestions.forEach((question, q) -> {
						Document counts = (Document) q;
						Map<String, Long> options = new LinkedHashMap<>();
						Document storedOptions = counts.get("options", Document.class);
						if (storedOptions != null) {
							storedOptions.forEach((option, n) -> options.put(option, ((Number) n).longValue()));
						}
						questions.put(question, new QuestionTally(number(counts, "answered"), number(counts, "correct"),
								options));
					});
				}
				results.put(step, new StepTally(number(tally, "answered"), questions));
			});
		}
		return new ClassSession(document.getString("_id"), document.getString("teacher"),
				document.getString("moduleId"), document.getString("locale"), document.getString("ageBand"),
				document.getString("country"), document.getString("region"), document.getString("code"),
				document.getBoolean("ended", false), document.getInteger("step", 0), instant(document, "createdAt"),
				instant(document, "expiresAt"), instant(document, "endedAt"), (int) number(document, "participants"),
				document.getList("answerSteps", String.class, List.of()), results, number(document, "version"));
	}

	private static long number(Document document, String field) {
		Object value = document.get(field);
		return (value == null) ? 0 : ((Number) value).longValue();
	}

	private static Instant instant(Document document, String field) {
		Date date = document.getDate(field);
		return (date == null) ? null : date.toInstant();
	}

}

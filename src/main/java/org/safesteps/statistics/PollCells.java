package org.safesteps.statistics;

import java.util.List;
import java.util.Map;

import org.safesteps.activity.Activity;

/**
 * The counters of one poll in one country, in one document: for each question, how many chose
 * each option, and how many answered it, by age band, by region and by gender. Cell keys are
 * {@code question|option|dimension|category}; {@code ~} as the option counts those who answered
 * the question, and {@code *} as the question those who answered the poll.
 */
final class PollCells {

	static final String ANSWERED = "~";

	static final String WHOLE_POLL = "*";

	static final List<Dimension> DIMENSIONS = List.of(Dimension.AGE_BAND, Dimension.REGION, Dimension.GENDER);

	private PollCells() {
	}

	static String documentId(String pollId, String country) {
		return pollId + "|" + country;
	}

	static String key(String question, String option, Dimension dimension, String category) {
		return question + "|" + option + "|" + dimension.parameter() + "|" + category;
	}

	/** Adds one response's increments (paths under {@code cells.}) to those of its document. */
	static void count(Counted counted, Map<String, Long> increments) {
		Activity.PollAnswered poll = counted.poll();
		for (Dimension dimension : DIMENSIONS) {
			String category = counted.category(dimension);
			increments.merge("cells." + key(WHOLE_POLL, ANSWERED, dimension, category), 1L, Long::sum);
			for (Activity.PollAnswered.Answer answer : poll.answers()) {
				increments.merge("cells." + key(answer.question(), ANSWERED, dimension, category), 1L, Long::sum);
				for (String option : answer.options()) {
					increments.merge("cells." + key(answer.question(), option, dimension, category), 1L, Long::sum);
				}
			}
		}
	}

}

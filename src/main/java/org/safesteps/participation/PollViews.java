package org.safesteps.participation;

import java.util.List;

import org.safesteps.content.PollDefinition;

/** Polls as apps show them. */
final class PollViews {

	/** Likert answers from 1 to 5 as faces, for the youngest children. */
	private static final List<String> FACES = List.of("😞", "🙁", "😐", "🙂", "😄");

	private PollViews() {
	}

	/** @param forAgeBand the age band the app shows the poll to, if it said; 5-8 gets faces */
	static PollView of(PollDefinition poll, String forAgeBand, int maxTextLength) {
		boolean faces = "5-8".equals(forAgeBand) || poll.ageBands().equals(java.util.Set.of("5-8"));
		List<QuestionView> questions = poll.questions().stream().map(question -> {
			boolean likert = "likert-5".equals(question.type());
			List<OptionView> options = question.options()
				.stream()
				.map(option -> new OptionView(option.key(), option.text(),
						(likert && faces) ? FACES.get(Integer.parseInt(option.key()) - 1) : null))
				.toList();
			return new QuestionView(question.key(), question.type(), question.prompt(), question.optional(),
					(likert && faces) ? "faces" : null, question.isFreeText() ? maxTextLength : null, options);
		}).toList();
		return new PollView(poll.id(), poll.purpose(), poll.topic(), poll.title(), poll.policyQuestion(),
				poll.askedBy(), poll.countries().stream().sorted().toList(), poll.ageBands().stream().sorted().toList(),
				(poll.opens() != null) ? poll.opens().toString() : null,
				(poll.closes() != null) ? poll.closes().toString() : null, questions, poll.localization());
	}

	/**
	 * @param countries the countries a policy poll asks; empty for a class-feedback poll
	 * @param opens first day open, for policy polls
	 * @param closes last day open, for policy polls
	 */
	record PollView(String id, String purpose, String topic, String title, String policyQuestion, String askedBy,
			List<String> countries, List<String> ageBands, String opens, String closes, List<QuestionView> questions,
			PollDefinition.Localization localization) {
	}

	/**
	 * @param display {@code faces} when a Likert question is shown to the youngest children
	 * @param maxLength the longest answer a free-text question takes
	 */
	record QuestionView(String key, String type, String prompt, boolean optional, String display, Integer maxLength,
			List<OptionView> options) {
	}

	/** @param face what a Likert option shows the youngest children */
	record OptionView(String key, String text, String face) {
	}

}

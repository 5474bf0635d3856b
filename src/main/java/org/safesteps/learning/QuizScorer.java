package org.safesteps.learning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safesteps.content.Quiz;
import org.safesteps.platform.ApiProblem;

/** Scores answers against a quiz. Rejects answers that do not fit the quiz, naming the field. */
final class QuizScorer {

	private QuizScorer() {
	}

	static Score score(Quiz quiz, AttemptRequest request) {
		Map<String, Quiz.Question> questions = new HashMap<>();
		quiz.questions().forEach(question -> questions.put(question.key(), question));
		Map<String, List<String>> answers = new HashMap<>();
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		for (int i = 0; i < request.answers().size(); i++) {
			AttemptRequest.Answer answer = request.answers().get(i);
			String field = "answers[" + i + "]";
			Quiz.Question question = questions.get(answer.question());
			if (question == null) {
				errors.add(new ApiProblem.FieldError(field + ".question", "is not a question of this quiz"));
				continue;
			}
			if (answers.containsKey(answer.question())) {
				errors.add(new ApiProblem.FieldError(field + ".question", "is answered twice"));
				continue;
			}
			String problem = shapeProblem(question, answer.selected());
			if (problem != null) {
				errors.add(new ApiProblem.FieldError(field + ".selected", problem));
				continue;
			}
			answers.put(answer.question(), answer.selected());
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.invalidFields(errors);
		}
		List<AttemptResult.QuestionResult> results = new ArrayList<>();
		int correctCount = 0;
		for (Quiz.Question question : quiz.questions()) {
			List<String> selected = answers.getOrDefault(question.key(), List.of());
			boolean correct = !selected.isEmpty() && isRight(question, selected);
			if (correct) {
				correctCount++;
			}
			List<String> rightOptions = question.correctOptionKeys();
			List<AttemptResult.Explanation> explanations = question.options()
				.stream()
				.filter(option -> selected.contains(option.key()) || rightOptions.contains(option.key()))
				.map(option -> new AttemptResult.Explanation(option.key(),
						question.type().equals("ordering") || option.isCorrect(), option.feedback()))
				.toList();
			results.add(new AttemptResult.QuestionResult(question.key(), !selected.isEmpty(), correct, selected,
					rightOptions, explanations));
		}
		return new Score(correctCount, quiz.questions().size(), results);
	}

	private static boolean isRight(Quiz.Question question, List<String> selected) {
		List<String> right = question.correctOptionKeys();
		return switch (question.type()) {
			case "ordering" -> selected.equals(right);
			case "multiple-choice" -> new HashSet<>(selected).equals(new HashSet<>(right));
			default -> right.contains(selected.get(0));
		};
	}

	private static String shapeProblem(Quiz.Question question, List<String> selected) {
		Set<String> keys = new HashSet<>();
		question.options().forEach(option -> keys.add(option.key()));
		for (String key : selected) {
			if (!keys.contains(key)) {
				return "'" + key + "' is not an option of question '" + question.key() + "'";
			}
		}
		if (new HashSet<>(selected).size() != selected.size()) {
			return "names an option twice";
		}
		return switch (question.type()) {
			case "ordering" -> (selected.size() == keys.size()) ? null : "must list every option once, in order";
			case "multiple-choice" -> null;
			default -> (selected.size() == 1) ? null : "must name exactly one option";
		};
	}

	record Score(int correct, int total, List<AttemptResult.QuestionResult> questions) {

		int percent() {
			return (this.total == 0) ? 0 : Math.round(100f * this.correct / this.total);
		}

	}

}

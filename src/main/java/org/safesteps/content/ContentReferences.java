package org.safesteps.content;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.safesteps.content.ContentDocuments.ClassroomModule;
import org.safesteps.content.ContentDocuments.Lesson;
import org.safesteps.content.ContentSnapshot.ContentItem;
import org.safesteps.platform.InvalidContentException;

/** Checks what a schema cannot: references between files, and keys unique in their parent. */
final class ContentReferences {

	private final ContentSnapshot snapshot;

	private final Set<String> topics;

	ContentReferences(ContentSnapshot snapshot) {
		this.snapshot = snapshot;
		this.topics = snapshot.topics().stream().map(ContentDocuments.Topic::id).collect(Collectors.toSet());
	}

	void check() {
		unique("topics.yaml", "/topics", this.snapshot.topics(), ContentDocuments.Topic::id);
		this.snapshot.lessons().values().forEach(this::checkLesson);
		this.snapshot.quizzes().values().forEach(this::checkQuiz);
		this.snapshot.modules().values().forEach(this::checkModule);
		this.snapshot.polls().values().forEach(poll -> {
			String file = file(poll.id());
			topic(file, poll.topic());
			if (poll.targets() != null) {
				for (String country : poll.targets().countries()) {
					if (!this.snapshot.helpByCountry().containsKey(country)) {
						throw new InvalidContentException(file, "/targets/countries",
								"'" + country + "' is not a country with a help directory entry");
					}
				}
				if (poll.closes().compareTo(poll.opens()) < 0) {
					throw new InvalidContentException(file, "/closes", "a poll cannot close before it opens");
				}
			}
			unique(file, "/questions", poll.questions(), ContentDocuments.PollQuestion::key);
			for (int i = 0; i < poll.questions().size(); i++) {
				if (poll.questions().get(i).options() != null) {
					unique(file, "/questions/" + i + "/options", poll.questions().get(i).options(),
							ContentDocuments.PollOption::key);
				}
			}
		});
		this.snapshot.helpByCountry().values().forEach(entry -> unique(file(entry.id()), "/services",
				entry.services(), ContentDocuments.HelpService::key));
	}

	private void checkLesson(Lesson lesson) {
		String file = file(lesson.id());
		topic(file, lesson.topic());
		unique(file, "/sections", lesson.sections(), ContentDocuments.Section::key);
		for (int i = 0; i < lesson.sections().size(); i++) {
			unique(file, "/sections/" + i + "/blocks", lesson.sections().get(i).blocks(), ContentDocuments.Block::key);
		}
		if (lesson.quiz() != null) {
			Quiz quiz = this.snapshot.quizzes().get(lesson.quiz());
			if (quiz == null) {
				throw new InvalidContentException(file, "/quiz", "there is no quiz '" + lesson.quiz() + "'");
			}
			if (!lesson.id().equals(quiz.lesson())) {
				throw new InvalidContentException(file, "/quiz",
						"the quiz '" + quiz.id() + "' must name this lesson in its 'lesson' field");
			}
		}
	}

	private void checkQuiz(Quiz quiz) {
		String file = file(quiz.id());
		topic(file, quiz.topic());
		if (quiz.lesson() != null && !this.snapshot.lessons().containsKey(quiz.lesson())) {
			throw new InvalidContentException(file, "/lesson", "there is no lesson '" + quiz.lesson() + "'");
		}
		unique(file, "/questions", quiz.questions(), Quiz.Question::key);
		unique(file, "/questions", quiz.questions(), question -> question.prompt() + "\n" + question.scenario());
		for (int i = 0; i < quiz.questions().size(); i++) {
			unique(file, "/questions/" + i + "/options", quiz.questions().get(i).options(), Quiz.Option::key);
		}
	}

	private void checkModule(ClassroomModule module) {
		String file = file(module.id());
		topic(file, module.topic());
		unique(file, "/steps", module.steps(), ContentDocuments.Step::key);
		int total = module.steps().stream().mapToInt(ContentDocuments.Step::minutes).sum();
		if (total != module.totalMinutes()) {
			throw new InvalidContentException(file, "/totalMinutes",
					"the steps add up to " + total + " minutes, not " + module.totalMinutes());
		}
		Map<String, Map<String, ?>> targets = Map.of("lesson", this.snapshot.lessons(), "quiz",
				this.snapshot.quizzes(), "poll", this.snapshot.polls());
		for (int i = 0; i < module.steps().size(); i++) {
			ContentDocuments.Step step = module.steps().get(i);
			Map<String, ?> target = targets.get(step.kind());
			if (target != null && !target.containsKey(step.ref())) {
				throw new InvalidContentException(file, "/steps/" + i + "/ref",
						"there is no " + step.kind() + " '" + step.ref() + "'");
			}
		}
	}

	private void topic(String file, String topic) {
		if (!this.topics.contains(topic)) {
			throw new InvalidContentException(file, "/topic", "the topic '" + topic + "' is not in topics.yaml");
		}
	}

	private static <T> void unique(String file, String pointer, List<T> items, Function<T, String> key) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			String value = key.apply(items.get(i));
			if (!seen.add(value)) {
				throw new InvalidContentException(file, pointer + "/" + i,
						"'" + value.strip() + "' appears twice; keys and questions must be unique");
			}
		}
	}

	private String file(String id) {
		ContentItem item = this.snapshot.items().get(id);
		return (item != null) ? item.file() : id;
	}

}

package org.safesteps.content;

/** The kinds of content file, each with its folder and schema. */
enum ContentKind {

	LESSON("lessons", "lesson"), QUIZ("quizzes", "quiz"), MODULE("modules", "module"), POLL("polls", "poll"),
	HELPLINE("helplines", "helpline"), TOPICS("", "topics");

	private final String folder;

	private final String schema;

	ContentKind(String folder, String schema) {
		this.folder = folder;
		this.schema = schema;
	}

	String folder() {
		return this.folder;
	}

	String schema() {
		return this.schema;
	}

}

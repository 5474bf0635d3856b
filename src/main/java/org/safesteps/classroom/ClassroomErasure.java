package org.safesteps.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.safesteps.content.ContentCatalog;
import org.safesteps.content.ModuleDefinition;
import org.safesteps.localization.LocalizationCatalog;
import org.safesteps.privacy.LearnerErasure;
import org.springframework.stereotype.Component;

/**
 * The learner-keyed data of classroom is its markers (joined, answered a step), kept while a
 * session may still run; erasing a learner removes them. Quiz answers are in the learner's
 * progress (erased by learning); the session's totals name nobody and stay.
 */
@Component
class ClassroomErasure implements LearnerErasure {

	private final ClassSessions sessions;

	private final ClassMarkers markers;

	private final ContentCatalog content;

	private final LocalizationCatalog localization;

	ClassroomErasure(ClassSessions sessions, ClassMarkers markers, ContentCatalog content,
			LocalizationCatalog localization) {
		this.sessions = sessions;
		this.markers = markers;
		this.content = content;
		this.localization = localization;
	}

	@Override
	public Mono<Void> eraseLearner(String learnerKey) {
		return this.sessions.recent()
			.flatMapMany(Flux::fromIterable)
			.concatMap(session -> this.markers.removeAll(List.of(session.id()), whats(session.moduleId()), learnerKey))
			.then();
	}

	private List<String> whats(String moduleId) {
		List<String> whats = new ArrayList<>();
		whats.add(ClassMarkers.JOINED);
		Optional<ModuleDefinition> module = this.content.module(moduleId, this.localization.resolveExplicit(this.localization.sourceLocale()));
		module.ifPresent(found -> found.steps()
			.stream()
			.filter(step -> step.isQuiz() || step.isPoll())
			.forEach(step -> whats.add("step:" + step.key())));
		return whats;
	}

}

package org.safesteps.classroom;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.safesteps.privacy.LearnerErasure;
import org.springframework.stereotype.Component;

/**
 * The learner-keyed data of classroom is its markers (joined, answered a step), kept until the
 * retention job clears a session's; erasing a learner removes them from every session that still
 * has markers, by the steps each session had when it started. Quiz answers are in the learner's
 * progress (erased by learning); the session's totals name nobody and stay.
 */
@Component
class ClassroomErasure implements LearnerErasure {

	private final ClassSessions sessions;

	private final ClassMarkers markers;

	ClassroomErasure(ClassSessions sessions, ClassMarkers markers) {
		this.sessions = sessions;
		this.markers = markers;
	}

	@Override
	public Mono<Void> eraseLearner(String learnerKey) {
		return this.sessions.withMarkers().flatMap(sessions -> {
			List<ClassMarkers.Marker> all = new ArrayList<>();
			for (ClassSession session : sessions) {
				all.add(new ClassMarkers.Marker(session.id(), ClassMarkers.JOINED));
				session.answerSteps().forEach(step -> all.add(new ClassMarkers.Marker(session.id(), ClassMarkers.step(step))));
			}
			return this.markers.removeAll(all, learnerKey);
		});
	}

}

package org.safesteps.participation;

import reactor.core.publisher.Mono;

import org.safesteps.content.ContentCatalog;
import org.safesteps.privacy.LearnerErasure;
import org.springframework.stereotype.Component;

/**
 * The only learner-keyed data of participation is its markers: erasing a learner removes them,
 * for every poll and lesson there is. Responses and feedback are anonymous and stay.
 */
@Component
class ParticipationErasure implements LearnerErasure {

	private final Markers markers;

	private final ContentCatalog content;

	ParticipationErasure(Markers markers, ContentCatalog content) {
		this.markers = markers;
		this.content = content;
	}

	@Override
	public Mono<Void> eraseLearner(String learnerKey) {
		return this.markers.removeAll(Markers.Kind.POLL, this.content.pollIds(), learnerKey)
			.then(this.markers.removeAll(Markers.Kind.LESSON_FEEDBACK, this.content.lessonIds(), learnerKey));
	}

}

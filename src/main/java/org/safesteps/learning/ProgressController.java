package org.safesteps.learning;

import reactor.core.publisher.Mono;

import org.safesteps.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What SafeSteps keeps about the calling learner's learning. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class ProgressController {

	private final LearnerProgressStore progress;

	ProgressController(LearnerProgressStore progress) {
		this.progress = progress;
	}

	@GetMapping("/v1/me/progress")
	Mono<ResponseEntity<LearnerProgressStore.Progress>> progress(Caller caller) {
		return this.progress.progress(caller.learnerKey())
			.map(body -> ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body));
	}

}

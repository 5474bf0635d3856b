package org.safesteps.learning;

import reactor.core.publisher.Mono;

import org.safesteps.security.SubjectKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What SafeSteps keeps about the calling learner, and erasing it. */
@RestController
class LearnerController {

	private final LearnerProgressStore progress;

	private final SubjectKeys subjectKeys;

	LearnerController(LearnerProgressStore progress, SubjectKeys subjectKeys) {
		this.progress = progress;
		this.subjectKeys = subjectKeys;
	}

	@GetMapping("/v1/me/progress")
	Mono<ResponseEntity<LearnerProgressStore.Progress>> progress(@AuthenticationPrincipal Jwt jwt) {
		return this.progress.progress(this.subjectKeys.of(jwt))
			.map(body -> ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body));
	}

	@DeleteMapping("/v1/me")
	Mono<ResponseEntity<Void>> erase(@AuthenticationPrincipal Jwt jwt) {
		return this.progress.erase(this.subjectKeys.of(jwt)).thenReturn(ResponseEntity.noContent().build());
	}

}

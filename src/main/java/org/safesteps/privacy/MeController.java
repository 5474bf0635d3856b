package org.safesteps.privacy;

import java.util.List;

import reactor.core.publisher.Mono;

import org.safesteps.security.Caller;
import org.safesteps.security.Role;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a token allows (never the subject), and erasing everything kept about a learner. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class MeController {

	private final Erasure erasure;

	MeController(Erasure erasure) {
		this.erasure = erasure;
	}

	@GetMapping("/v1/me")
	ResponseEntity<CallerView> me(Caller caller) {
		CallerView view = new CallerView(caller.isLearner() ? "learner" : "staff",
				caller.roles().stream().map(Role::name).sorted().toList(),
				caller.countries().stream().sorted().toList());
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(view);
	}

	@DeleteMapping("/v1/me")
	Mono<ResponseEntity<Void>> erase(Caller caller) {
		return this.erasure.eraseLearner(caller.learnerKey()).thenReturn(ResponseEntity.noContent().build());
	}

	/**
	 * @param kind {@code learner} for a children's app token, {@code staff} otherwise
	 * @param countries ISO 3166-1 alpha-2 codes the caller may see statistics for
	 */
	record CallerView(String kind, List<String> roles, List<String> countries) {
	}

}

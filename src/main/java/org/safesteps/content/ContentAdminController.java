package org.safesteps.content;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Content managers re-import {@code content/} and {@code localization/} without a restart. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class ContentAdminController {

	private final ContentImport contentImport;

	ContentAdminController(ContentImport contentImport) {
		this.contentImport = contentImport;
	}

	@PostMapping("/v1/admin/content/import")
	Mono<ImportReport> reimport() {
		return this.contentImport.reimport();
	}

}

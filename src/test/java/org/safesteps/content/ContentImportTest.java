package org.safesteps.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.safesteps.support.ApiTest;
import org.safesteps.support.ContentFolders;
import org.safesteps.support.OfflineBundles;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Re-importing content through the admin endpoint, on a private copy of content/ and localization/. */
@ApiTest
class ContentImportTest {

	static final Path WORK = ContentFolders.temporaryCopy("safesteps-content");

	static final Path LESSON = WORK.resolve("content/lessons/child-privacy-9-12.yaml");

	static final String ORIGINAL = read(LESSON);

	@DynamicPropertySource
	static void contentCopy(DynamicPropertyRegistry registry) {
		registry.add("safesteps.content.directory", () -> WORK.resolve("content").toString());
		registry.add("safesteps.localization.directory", () -> WORK.resolve("localization").toString());
	}

	@Autowired
	WebTestClient http;

	@Autowired
	JsonMapper json;

	@AfterEach
	void restore() throws IOException {
		Files.writeString(LESSON, ORIGINAL);
		importContent().expectStatus().isOk().expectBody();
	}

	/** Importing unchanged content changes nothing and keeps the version: the import is idempotent. */
	@Test
	void unchangedContentKeepsItsVersion() {
		int before = version();
		importContent().expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(before)
			.jsonPath("$.added")
			.isEmpty()
			.jsonPath("$.changed")
			.isEmpty()
			.jsonPath("$.removed")
			.isEmpty();
	}

	/** A changed lesson gets a new version, is served at once, and is all a bundle since the old version holds. */
	@Test
	void changedLessonIsImportedAndBundledAlone() throws IOException {
		int before = version();
		String oldEtag = this.http.get()
			.uri("/v1/lessons/child-privacy-9-12")
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getETag();
		Files.writeString(LESSON, ORIGINAL.replace("title: My information is mine", "title: My information is mine!"));
		importContent().expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(before + 1)
			.jsonPath("$.changed")
			.isEqualTo(List.of("child-privacy-9-12"));
		this.http.get()
			.uri("/v1/lessons/child-privacy-9-12")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.ETAG, etag -> assertThat(etag).isNotEqualTo(oldEtag))
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("My information is mine!");
		JsonNode bundle = OfflineBundles.fetch(this.http, this.json, "/v1/bundles/en?audience=child&since=" + before);
		assertThat(bundle.path("lessons").valueStream().map(lesson -> lesson.path("id").stringValue()))
			.containsExactly("child-privacy-9-12");
		assertThat(bundle.path("quizzes").size()).isZero();
	}

	/**
	 * When the English of a translated string changes, the translation is reported as stale: the
	 * Thai item says so, and /v1/locales counts it, until a translator stamps it again.
	 */
	@Test
	void changedEnglishMakesTheTranslationStale() throws IOException {
		int staleBefore = staleThaiStrings();
		this.http.get()
			.uri("/v1/lessons/child-privacy-9-12?locale=th")
			.exchange()
			.expectBody()
			.jsonPath("$.localization.stale")
			.isEqualTo(false);
		Files.writeString(LESSON, ORIGINAL.replace("title: My information is mine", "title: My information is mine!"));
		importContent().expectStatus().isOk().expectBody();
		this.http.get()
			.uri("/v1/lessons/child-privacy-9-12?locale=th")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.localization.stale")
			.isEqualTo(true)
			.jsonPath("$.localization.status")
			.isEqualTo("draft");
		assertThat(staleThaiStrings()).isEqualTo(staleBefore + 1);
	}

	private int staleThaiStrings() {
		byte[] body = this.http.get().uri("/v1/locales").exchange().expectBody().returnResult().getResponseBody();
		return this.json.readTree(body).path("locales").valueStream()
			.filter(locale -> locale.path("tag").stringValue().equals("th"))
			.findFirst()
			.orElseThrow()
			.path("staleStrings")
			.intValue();
	}

	/** An invalid file gets 422 naming it, and the content in service is left untouched. */
	@Test
	void invalidFileChangesNothing() throws IOException {
		int before = version();
		Files.writeString(LESSON, ORIGINAL.replace("audience: child", "audience: robots"));
		importContent().expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/invalid-content")
			.jsonPath("$.file")
			.isEqualTo("lessons/child-privacy-9-12.yaml")
			.jsonPath("$.pointer")
			.isEqualTo("/audience");
		assertThat(version()).isEqualTo(before);
		this.http.get()
			.uri("/v1/lessons/child-privacy-9-12")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.audience")
			.isEqualTo("child");
	}

	/** A file that is not YAML at all is named too. */
	@Test
	void unreadableYamlIsNamed() throws IOException {
		Files.writeString(LESSON, "id: [unclosed");
		importContent().expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.file")
			.isEqualTo("lessons/child-privacy-9-12.yaml")
			.jsonPath("$.reason")
			.value(reason -> assertThat((String) reason).startsWith("not valid YAML"));
	}

	private WebTestClient.ResponseSpec importContent() {
		return this.http.post()
			.uri("/v1/admin/content/import")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("CONTENT_MANAGER"))
			.exchange();
	}

	private int version() {
		byte[] body = this.http.get().uri("/v1/catalog").exchange().expectBody().returnResult().getResponseBody();
		return this.json.readTree(body).path("contentVersion").intValue();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package org.safesteps.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.safesteps.support.ApiTest;
import org.safesteps.support.RawHttp;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs keep children private: requests carrying a token, a forwarded client address, a non-ASCII
 * header and a child's free text, well-formed and malformed, leave none of them in the log, and a
 * client that goes away is not an error.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest {

	static final String FREE_TEXT = "Somchai Jaidee";

	static final String PHONE = "0812345678";

	static final String CLIENT_ADDRESS = "203.0.113.77";

	@Autowired
	WebTestClient http;

	@LocalServerPort
	int port;

	/** Nothing a client sent (token, address, header values, query strings, free text) reaches the log. */
	@Test
	void requestsLeaveNothingOfTheChildInTheLog(CapturedOutput output) throws IOException {
		String token = TestTokens.newLearner();
		String text = "My name is " + FREE_TEXT + ", call me on " + PHONE;
		String query = "?topic=" + FREE_TEXT.replace(' ', '+');
		this.http.get()
			.uri("/v1/lessons" + query)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header("X-Forwarded-For", CLIENT_ADDRESS)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody();
		this.http.post()
			.uri("/v1/quizzes/quiz-child-privacy-9-12/attempts" + query)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header("X-Forwarded-For", CLIENT_ADDRESS)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"answers\":[{\"question\":\"private-info\",\"selected\":[\"address\"]}],\"note\":\"" + text + "\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody();
		this.http.post()
			.uri("/v1/quizzes/quiz-child-privacy-9-12/attempts")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"answers\": [\"" + text)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody();
		this.http.get()
			.uri("/v1/me/progress")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token + "tampered")
			.header("X-Forwarded-For", CLIENT_ADDRESS)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody();
		RawHttp.get(this.port, "/v1/lessons" + query, Map.of("Accept-Language", RawHttp.utf8("\u0e44" + FREE_TEXT),
				"X-Forwarded-For", RawHttp.utf8(CLIENT_ADDRESS)));
		RawHttp.get(this.port, "/v1/lessons;" + FREE_TEXT.replace(' ', '_'), Map.of());
		RawHttp.get(this.port, "/v1/lessons?topic=" + FREE_TEXT.replace(' ', '+') + "a".repeat(5000), Map.of());
		RawHttp.get(this.port, "/v1/lessons", Map.of("X-Note", RawHttp.utf8(FREE_TEXT + "a".repeat(9000))));
		abortMidBody(token, text);
		this.http.post()
			.uri("/v1/admin/content/import")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("CONTENT_MANAGER"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();

		String log = output.getAll();
		assertThat(log).as("the service's own lines are captured").contains("Content import");
		assertThat(log).doesNotContain(token.substring(token.lastIndexOf('.')))
			.doesNotContain(token.substring(0, 40))
			.doesNotContain(CLIENT_ADDRESS)
			.doesNotContain(FREE_TEXT)
			.doesNotContain(FREE_TEXT.replace(' ', '+'))
			.doesNotContain(FREE_TEXT.replace(' ', '_'))
			.doesNotContain(PHONE)
			.doesNotContain("R:/127.0.0.1")
			.doesNotContain("topic=");
		assertThat(log.lines().filter(line -> line.contains(" ERROR "))).as("a client's mistake is not an error").isEmpty();
	}

	/** A POST whose client closes the connection halfway through the body. */
	private void abortMidBody(String token, String text) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /v1/quizzes/quiz-child-privacy-9-12/attempts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
					+ token + "\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{\"answers\":[\"" + text)
				.getBytes(StandardCharsets.UTF_8));
			out.flush();
			Thread.sleep(300);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

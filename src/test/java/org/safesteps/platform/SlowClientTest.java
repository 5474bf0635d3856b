package org.safesteps.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.safesteps.support.ApiTest;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow and idle clients are cut off (the test profile sets 1 s between reads, 3 s per request
 * and 2 s idle), while other clients are served meanwhile.
 */
@ApiTest
class SlowClientTest {

	@Autowired
	WebTestClient http;

	@LocalServerPort
	int port;

	/** A connection that sends nothing is closed once idle for the idle timeout. */
	@Test
	void idleConnectionsAreClosed() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			long start = System.nanoTime();
			assertThat(waitForClose(socket, Duration.ofSeconds(10))).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		}
	}

	/** A client trickling its request line and headers, a byte every 300 ms, is cut off while others are served. */
	@Test
	void tricklingHeadersAreCutOffWhileOthersAreServed() throws IOException {
		byte[] request = ("GET /v1/lessons HTTP/1.1\r\nHost: x\r\nX-Slow: " + "a".repeat(200))
			.getBytes(StandardCharsets.US_ASCII);
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(50);
			OutputStream out = socket.getOutputStream();
			long start = System.nanoTime();
			boolean closed = false;
			for (int i = 0; i < request.length && !closed; i++) {
				try {
					out.write(request[i]);
					out.flush();
				}
				catch (IOException ex) {
					closed = true;
					break;
				}
				this.http.get().uri("/v1/catalog").exchange().expectStatus().isOk().expectBody();
				closed = readsEndOfStream(socket.getInputStream());
				sleep(250);
			}
			assertThat(closed).as("the slow client was disconnected").isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
		}
	}

	/** A request body that trickles in is cut off with 408 once the request timeout has passed. */
	@Test
	void tricklingBodiesGet408() throws IOException {
		String head = "POST /v1/quizzes/quiz-child-privacy-9-12/attempts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
				+ TestTokens.newLearner() + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n";
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(50);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			long start = System.nanoTime();
			StringBuilder answer = new StringBuilder();
			for (int i = 0; i < 40 && answer.isEmpty(); i++) {
				try {
					out.write(' ');
					out.flush();
				}
				catch (IOException ex) {
					break;
				}
				try {
					byte[] buffer = new byte[512];
					int read = socket.getInputStream().read(buffer);
					if (read > 0) {
						answer.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
					}
				}
				catch (SocketTimeoutException ex) {
					// nothing yet
				}
				sleep(250);
			}
			assertThat(answer.toString()).startsWith("HTTP/1.1 408").contains("application/problem+json");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
		}
	}

	private static boolean waitForClose(Socket socket, Duration limit) throws IOException {
		socket.setSoTimeout((int) limit.toMillis());
		try {
			return socket.getInputStream().read() == -1;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	private static boolean readsEndOfStream(InputStream in) {
		try {
			return in.read() == -1;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

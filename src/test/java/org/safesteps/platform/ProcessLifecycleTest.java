package org.safesteps.platform;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.safesteps.support.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as a separate JVM: acknowledged means stored (killed with SIGKILL right after
 * acknowledging writes and erasures, then started again on the same data folder), and SIGTERM
 * under load answers every request it had accepted and refuses new connections.
 */
class ProcessLifecycleTest {

	static final String ATTEMPT = """
			{"answers":[{"question":"private-info","selected":["address"]}],
			 "context":{"country":"TH","region":"TH-10","ageBand":"9-12"}}""";

	final HttpClient http = HttpClient.newHttpClient();

	/** Every acknowledged quiz attempt is there after kill -9 and a restart, and no erased learner comes back. */
	@Test
	void acknowledgedWritesAndErasuresSurviveKillMinus9(@TempDir Path folder) throws Exception {
		try (ServiceProcess service = new ServiceProcess(folder).start()) {
			List<String> kept = new ArrayList<>();
			List<String> erased = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String learner = service.learnerToken("crash-kept-" + i);
				assertThat(send(service, "POST", "/v1/quizzes/quiz-child-privacy-9-12/attempts", learner, ATTEMPT))
					.isEqualTo(201);
				kept.add(learner);
			}
			for (int i = 0; i < 20; i++) {
				String learner = service.learnerToken("crash-erased-" + i);
				assertThat(send(service, "POST", "/v1/quizzes/quiz-child-privacy-9-12/attempts", learner, ATTEMPT))
					.isEqualTo(201);
				assertThat(send(service, "DELETE", "/v1/me", learner, null)).isEqualTo(204);
				erased.add(learner);
			}
			service.kill();

			service.start();
			for (String learner : kept) {
				assertThat(progress(service, learner)).as("an acknowledged attempt").contains("\"attempts\":1");
			}
			for (String learner : erased) {
				assertThat(progress(service, learner)).as("an erased learner").contains("\"attempts\":0");
			}
		}
	}

	/** The data folder and the store can be read by the service's user only. */
	@Test
	void theDataFolderIsOwnerOnly(@TempDir Path folder) throws Exception {
		try (ServiceProcess service = new ServiceProcess(folder).start()) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("data"))))
				.isEqualTo("rwx------");
			assertThat(PosixFilePermissions
				.toString(Files.getPosixFilePermissions(folder.resolve("data/safesteps.mv.db")))).isEqualTo("rw-------");
		}
	}

	/**
	 * Clients post quiz attempts on fresh connections while SIGTERM arrives: every connection made
	 * before the signal gets its answer, none is reset, new connections are refused once the
	 * service has stopped taking them, and it exits.
	 */
	@Test
	void sigtermAnswersEveryAcceptedRequest(@TempDir Path folder) throws Exception {
		try (ServiceProcess service = new ServiceProcess(folder, "--safesteps.rate-limits.learner-writes.capacity=100000")
			.start()) {
			byte[] request = rawAttempt(service.learnerToken("sigterm-load"));
			AtomicLong signalledAt = new AtomicLong(Long.MAX_VALUE);
			Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
			long end = System.nanoTime() + Duration.ofSeconds(7).toNanos();
			ExecutorService clients = Executors.newFixedThreadPool(12);
			for (int i = 0; i < 12; i++) {
				clients.submit(() -> {
					while (System.nanoTime() < end) {
						String outcome = postOnce(service.port(), request, signalledAt);
						outcomes.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
					}
				});
			}
			Thread.sleep(2500);
			signalledAt.set(System.nanoTime());
			service.terminate();
			clients.shutdown();
			assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

			assertThat(service.isAlive()).isFalse();
			Map<String, Integer> counts = new TreeMap<>();
			outcomes.forEach((outcome, count) -> counts.put(outcome, count.get()));
			assertThat(counts).as("outcomes of connections made before SIGTERM")
				.containsKey("before: 201")
				.allSatisfy((outcome, count) -> {
					if (outcome.startsWith("before:")) {
						assertThat(outcome).isEqualTo("before: 201");
					}
				});
			assertThat(counts).containsKey("refused");
		}
	}

	/** One POST on a new connection: its status, or what happened to it, and whether it was made before SIGTERM. */
	private static String postOnce(int port, byte[] request, AtomicLong signalledAt) {
		Socket socket;
		try {
			socket = new Socket("127.0.0.1", port);
		}
		catch (IOException ex) {
			return "refused";
		}
		String when = (System.nanoTime() < signalledAt.get()) ? "before: " : "after: ";
		try (socket) {
			socket.setSoTimeout(20_000);
			socket.getOutputStream().write(request);
			byte[] answer = socket.getInputStream().readAllBytes();
			String text = new String(answer, StandardCharsets.ISO_8859_1);
			return when + (text.startsWith("HTTP/1.1 ") ? text.substring(9, 12) : "no answer");
		}
		catch (IOException ex) {
			return when + ex.getClass().getSimpleName();
		}
	}

	private static byte[] rawAttempt(String token) {
		String body = "{\"answers\":[{\"question\":\"private-info\",\"selected\":[\"address\"]}]}";
		return ("POST /v1/quizzes/quiz-child-privacy-9-12/attempts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
				+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
				+ "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
	}

	private int send(ServiceProcess service, String method, String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Bearer " + token);
		if (body != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private String progress(ServiceProcess service, String token) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(service.uri("/v1/me/progress"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}

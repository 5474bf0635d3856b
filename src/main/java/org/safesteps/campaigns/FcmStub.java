package org.safesteps.campaigns;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for FCM's HTTP v1 API: it answers {@code POST /v1/projects/{p}/messages:send}
 * as FCM does and counts what it delivered, per token. Faults come from the token's prefix:
 * <ul>
 * <li>{@code unregistered-}: 404 UNREGISTERED, every time;</li>
 * <li>{@code invalid-}: 400 INVALID_ARGUMENT, every time;</li>
 * <li>{@code mismatch-}: 403 SENDER_ID_MISMATCH, every time;</li>
 * <li>{@code throttled-}: 429 QUOTA_EXCEEDED with {@code Retry-After: 1}, the first time;</li>
 * <li>{@code unavailable-}: 503 UNAVAILABLE, the first time;</li>
 * <li>{@code internal-}: 500 INTERNAL, the first time;</li>
 * <li>{@code broken-}: 500 INTERNAL, every time;</li>
 * <li>{@code slow-}: success, after 200 ms.</li>
 * </ul>
 * {@code GET /stub/stats} reports the counts and {@code POST /stub/reset} clears them, for tools in
 * another process.
 */
final class FcmStub implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int KEPT_MESSAGES = 10_000;

	private static final Duration SLOW = Duration.ofMillis(200);

	private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private final Map<String, JsonNode> messages = new ConcurrentHashMap<>();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong messageIds = new AtomicLong();

	private final boolean keepMessages;

	private final LoopResources loops;

	private final Scheduler timer = Schedulers.newSingle("fcm-stub-timer", true);

	private final DisposableServer server;

	private FcmStub(int port, boolean keepMessages) {
		this.keepMessages = keepMessages;
		this.loops = LoopResources.create("fcm-stub", 2, true);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.runOn(this.loops)
			.handle(this::handle)
			.bindNow();
	}

	/**
	 * Starts a stub on 127.0.0.1.
	 * @param port its port, or 0 for a free one
	 * @param keepMessages whether to keep the last message sent to each token (of the first 10,000), for tests to read
	 */
	public static FcmStub start(int port, boolean keepMessages) {
		return new FcmStub(port, keepMessages);
	}

	/** What FCM's host is replaced with, e.g. {@code http://127.0.0.1:9099}. */
	public String endpoint() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/** How many messages this token was delivered. */
	public int deliveredTo(String token) {
		AtomicInteger count = this.delivered.get(token);
		return (count != null) ? count.get() : 0;
	}

	/** How many times a message for this token was asked for, failures included. */
	public int attemptsFor(String token) {
		AtomicInteger count = this.attempts.get(token);
		return (count != null) ? count.get() : 0;
	}

	/** The last message delivered to this token, as FCM received it ({@code message} member). */
	public Optional<JsonNode> lastMessage(String token) {
		return Optional.ofNullable(this.messages.get(token));
	}

	public Stats stats() {
		long total = 0;
		long duplicates = 0;
		for (AtomicInteger count : this.delivered.values()) {
			total += count.get();
			duplicates += Math.max(0, count.get() - 1);
		}
		return new Stats(this.requests.get(), total, this.delivered.size(), duplicates);
	}

	public void reset() {
		this.delivered.clear();
		this.attempts.clear();
		this.messages.clear();
		this.requests.set(0);
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.dispose();
		this.timer.dispose();
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		String path = request.fullPath();
		if (request.method().equals(HttpMethod.POST) && path.startsWith("/v1/projects/")
				&& path.endsWith("/messages:send")) {
			String project = path.substring("/v1/projects/".length(), path.length() - "/messages:send".length());
			return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
				.flatMap(body -> send(project, body, response));
		}
		if (request.method().equals(HttpMethod.GET) && path.equals("/stub/stats")) {
			return json(response, HttpResponseStatus.OK, JSON.writeValueAsString(stats()));
		}
		if (request.method().equals(HttpMethod.POST) && path.equals("/stub/reset")) {
			reset();
			return response.status(HttpResponseStatus.NO_CONTENT).send();
		}
		return json(response, HttpResponseStatus.NOT_FOUND, error(404, "NOT_FOUND", null));
	}

	private Mono<Void> send(String project, String body, HttpServerResponse response) {
		this.requests.incrementAndGet();
		JsonNode message;
		try {
			message = JSON.readTree(body).path("message");
		}
		catch (RuntimeException ex) {
			return json(response, HttpResponseStatus.BAD_REQUEST, error(400, "INVALID_ARGUMENT", null));
		}
		String token = message.path("token").asString("");
		if (token.isEmpty() || project.isEmpty()) {
			return json(response, HttpResponseStatus.BAD_REQUEST, error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT"));
		}
		int attempt = this.attempts.computeIfAbsent(token, key -> new AtomicInteger()).incrementAndGet();
		if (token.startsWith("unregistered-")) {
			return json(response, HttpResponseStatus.NOT_FOUND, error(404, "NOT_FOUND", "UNREGISTERED"));
		}
		if (token.startsWith("invalid-")) {
			return json(response, HttpResponseStatus.BAD_REQUEST, error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT",
					"The registration token is not a valid FCM registration token"));
		}
		if (token.startsWith("mismatch-")) {
			return json(response, HttpResponseStatus.FORBIDDEN, error(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH"));
		}
		if (token.startsWith("throttled-") && attempt == 1) {
			response.header("Retry-After", "1");
			return json(response, HttpResponseStatus.TOO_MANY_REQUESTS,
					error(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED"));
		}
		if (token.startsWith("unavailable-") && attempt == 1) {
			return json(response, HttpResponseStatus.SERVICE_UNAVAILABLE, error(503, "UNAVAILABLE", "UNAVAILABLE"));
		}
		if ((token.startsWith("internal-") && attempt == 1) || token.startsWith("broken-")) {
			return json(response, HttpResponseStatus.INTERNAL_SERVER_ERROR, error(500, "INTERNAL", "INTERNAL"));
		}
		Mono<Void> answer = Mono.defer(() -> {
			this.delivered.computeIfAbsent(token, key -> new AtomicInteger()).incrementAndGet();
			if (this.keepMessages && this.messages.size() < KEPT_MESSAGES) {
				this.messages.put(token, message);
			}
			return json(response, HttpResponseStatus.OK,
					"{\"name\":\"projects/" + project + "/messages/" + this.messageIds.incrementAndGet() + "\"}");
		});
		return token.startsWith("slow-") ? Mono.delay(SLOW, this.timer).then(answer) : answer;
	}

	private static String error(int code, String status, String fcmErrorCode) {
		return error(code, status, fcmErrorCode, "stub: " + status);
	}

	private static String error(int code, String status, String fcmErrorCode, String message) {
		String details = (fcmErrorCode != null)
				? ",\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\""
						+ fcmErrorCode + "\"}]"
				: "";
		return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\""
				+ details + "}}";
	}

	private static Mono<Void> json(HttpServerResponse response, HttpResponseStatus status, String body) {
		return response.status(status)
			.header("Content-Type", "application/json; charset=UTF-8")
			.sendString(Mono.just(body))
			.then();
	}

	/**
	 * @param requests send requests received, failed ones included
	 * @param delivered messages answered with success
	 * @param distinctTokens tokens that received at least one message
	 * @param duplicates messages beyond the first for a token
	 */
	public record Stats(long requests, long delivered, int distinctTokens, long duplicates) {
	}

}

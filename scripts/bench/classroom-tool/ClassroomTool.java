import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of scripts/bench/classroom that a shell cannot do, run with the service jar's libraries
 * on the class path (java -cp 'lib/*' ClassroomTool.java ...):
 *
 * <pre>
 * run ANSWER_URL LISTEN_URL TEACHER_TOKEN TOKENS_FILE LEARNERS SECONDS
 *     a teacher starts a session and listens to its event stream on LISTEN_URL; LEARNERS children
 *     (one token each from TOKENS_FILE) join on ANSWER_URL, the teacher moves to the quiz, and the
 *     children answer its 5 questions, spread evenly over SECONDS. For each answer, the delay from
 *     its acknowledgement to the first event that counts it. Prints "p50 p99 answers_per_second"
 *     (milliseconds).
 * </pre>
 */
public class ClassroomTool {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	record Seen(long nanos, int answered) {
	}

	public static void main(String[] args) throws Exception {
		if (!args[0].equals("run")) {
			throw new IllegalArgumentException("unknown command " + args[0]);
		}
		String answer = args[1];
		String listen = args[2];
		String teacher = args[3];
		List<String> tokens = Files.readAllLines(Path.of(args[4]));
		int learners = Integer.parseInt(args[5]);
		int seconds = Integer.parseInt(args[6]);

		JsonNode session = send("POST", listen + "/v1/classroom/sessions", teacher,
				"{\"moduleId\":\"module-9-12-my-information\",\"locale\":\"en\",\"ageBand\":\"9-12\",\"country\":\"TH\"}", 201);
		String id = session.path("id").stringValue();
		String code = session.path("joinCode").stringValue();

		List<Seen> seen = new CopyOnWriteArrayList<>();
		HttpRequest events = HttpRequest.newBuilder(URI.create(listen + "/v1/classroom/sessions/" + id + "/events"))
			.header("Authorization", "Bearer " + teacher)
			.header("Accept", "text/event-stream")
			.build();
		CompletableFuture<?> stream = HTTP.sendAsync(events, HttpResponse.BodyHandlers.ofLines())
			.thenAccept(response -> response.body().forEach(line -> {
				if (line.startsWith("data:")) {
					long now = System.nanoTime();
					JsonNode results = JSON.readTree(line.substring(5));
					for (JsonNode step : results.path("steps")) {
						if (step.path("key").stringValue().equals("quiz")) {
							seen.add(new Seen(now, step.path("answered").intValue()));
						}
					}
				}
			}));

		List<CompletableFuture<Integer>> joins = new ArrayList<>();
		for (int i = 0; i < learners; i++) {
			joins.add(sendAsync("POST", answer + "/v1/classroom/join", tokens.get(i), "{\"code\":\"" + code + "\"}")
				.thenApply(HttpResponse::statusCode));
		}
		for (CompletableFuture<Integer> join : joins) {
			if (join.get() != 200) {
				throw new IllegalStateException("a join got " + join.get());
			}
		}
		send("POST", listen + "/v1/classroom/sessions/" + id + "/advance", teacher, null, 200);
		send("POST", listen + "/v1/classroom/sessions/" + id + "/advance", teacher, null, 200);
		String body = "{\"step\":\"quiz\",\"answers\":" + answers(answer) + "}";

		long[] acked = new long[learners];
		List<CompletableFuture<Void>> posts = new ArrayList<>();
		long start = System.nanoTime();
		long spacing = TimeUnit.SECONDS.toNanos(seconds) / learners;
		for (int i = 0; i < learners; i++) {
			long due = start + i * spacing;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			int learner = i;
			posts.add(sendAsync("POST", answer + "/v1/classroom/sessions/" + id + "/quiz-attempts", tokens.get(i), body)
				.thenAccept(response -> {
					if (response.statusCode() != 201) {
						throw new IllegalStateException("an answer got " + response.statusCode() + ": " + response.body());
					}
					acked[learner] = System.nanoTime();
				}));
		}
		for (CompletableFuture<Void> post : posts) {
			post.get();
		}
		long last = 0;
		for (long t : acked) {
			last = Math.max(last, t);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (seen.stream().noneMatch(s -> s.answered() >= learners) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		stream.cancel(true);
		send("POST", listen + "/v1/classroom/sessions/" + id + "/end", teacher, null, 200);

		long[] sorted = acked.clone();
		java.util.Arrays.sort(sorted);
		List<Double> delays = new ArrayList<>();
		for (int c = 1; c <= learners; c++) {
			long ack = sorted[c - 1];
			int count = c;
			long counted = seen.stream()
				.filter(s -> s.answered() >= count && s.nanos() >= ack)
				.mapToLong(Seen::nanos)
				.min()
				.orElse(-1);
			if (counted < 0) {
				// counted before this acknowledgement arrived (the event raced the response): no delay
				counted = seen.stream().filter(s -> s.answered() >= count).mapToLong(Seen::nanos).min().orElseThrow(
						() -> new IllegalStateException("the stream never counted " + count + " answers"));
				counted = Math.max(counted, ack);
			}
			delays.add((counted - ack) / 1e6);
		}
		Collections.sort(delays);
		double p50 = delays.get(delays.size() / 2);
		double p99 = delays.get((int) Math.ceil(delays.size() * 0.99) - 1);
		double rate = learners / ((last - start) / 1e9);
		System.out.printf("%.1f %.1f %.1f%n", p50, p99, rate);
		System.exit(0);
	}

	/** One valid answer per question of the quiz: every option for ordering questions, else the first. */
	static String answers(String base) throws Exception {
		JsonNode quiz = send("GET", base + "/v1/quizzes/quiz-child-privacy-9-12", null, null, 200);
		List<Map<String, Object>> answers = new ArrayList<>();
		for (JsonNode question : quiz.path("questions")) {
			List<String> options = new ArrayList<>();
			for (JsonNode option : question.path("options")) {
				options.add(option.path("key").stringValue());
			}
			List<String> selected = question.path("type").stringValue().equals("ordering") ? options : options.subList(0, 1);
			answers.add(Map.of("question", question.path("key").stringValue(), "selected", selected));
		}
		return JSON.writeValueAsString(answers);
	}

	static JsonNode send(String method, String url, String token, String body, int expected) throws Exception {
		HttpResponse<String> response = sendAsync(method, url, token, body).get(30, TimeUnit.SECONDS);
		if (response.statusCode() != expected) {
			throw new IllegalStateException(method + " " + url + " got " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	static CompletableFuture<HttpResponse<String>> sendAsync(String method, String url, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}

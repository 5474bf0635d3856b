import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * The parts of scripts/bench/stats that a shell cannot do, run with the service jar's libraries
 * on the class path (java -cp 'lib/*' StatsTool.java ...):
 *
 * <pre>
 * seed MONGO_URI REGIONS_YAML COUNT FIRST_DAY LAST_DAY SEED
 *     records COUNT synthetic activities into the service's activity outbox, in day order, the
 *     way ActivityRecorder does, and waits until the service's dispatcher has counted them all:
 *     the real counter path. 12 countries, 10 regions each (all of them where a country has fewer:
 *     Sri Lanka, Australia, Nepal, Singapore), 3 age bands, every day of the range.
 * query URL TOKEN ACCEPT
 *     times GET URL until the JVM is steady (two runs of 50 agree on the median within 10%), then
 *     500 more; prints "p50 p95" in milliseconds
 * </pre>
 */
public class StatsTool {

	static final List<String> COUNTRIES = List.of("TH", "VN", "ID", "PH", "KH", "LA", "NP", "LK", "JP", "AU", "SG", "MY");

	static final List<String> AGE_BANDS = List.of("5-8", "9-12", "13-17");

	static final List<String> TOPICS = List.of("privacy", "people-online", "images-and-sharing", "kindness-and-bullying",
			"getting-help", "money-and-apps");

	static final int CHUNK = 5000;

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		switch (args[0]) {
			case "seed" -> seed(args[1], Path.of(args[2]), Integer.parseInt(args[3]), LocalDate.parse(args[4]),
					LocalDate.parse(args[5]), Long.parseLong(args[6]));
			case "query" -> query(args[1], args[2], args[3]);
			default -> throw new IllegalArgumentException("unknown command " + args[0]);
		}
	}

	static void seed(String uri, Path regionsYaml, int count, LocalDate first, LocalDate last, long seed) throws Exception {
		Map<String, List<String>> regions = regions(regionsYaml);
		Random random = new Random(seed);
		long days = last.toEpochDay() - first.toEpochDay() + 1;
		try (MongoClient client = MongoClients.create(uri)) {
			MongoCollection<Document> outbox = client.getDatabase(new com.mongodb.ConnectionString(uri).getDatabase())
				.getCollection("activity_outbox");
			long started = System.nanoTime();
			for (int done = 0; done < count; done += CHUNK) {
				int size = Math.min(CHUNK, count - done);
				List<Document> chunk = new ArrayList<>(size);
				for (int i = 0; i < size; i++) {
					// in day order, as activity arrives
					LocalDate day = first.plusDays((long) ((done + i) * (double) days / count));
					chunk.add(new Document("_id", UUID.randomUUID().toString()).append("batch", null)
						.append("activity", activity(random, regions, day)));
				}
				Mono.from(outbox.insertMany(chunk)).block();
				waitUntilBelow(outbox, CHUNK);
				if ((done / CHUNK) % 20 == 19) {
					System.err.printf("  %d of %d recorded (%.0f/s)%n", done + size, count,
							(done + size) / ((System.nanoTime() - started) / 1e9));
				}
			}
			waitUntilBelow(outbox, 1);
		}
	}

	private static void waitUntilBelow(MongoCollection<Document> outbox, long limit) throws InterruptedException {
		while (Mono.from(outbox.countDocuments()).block() >= limit) {
			Thread.sleep(100);
		}
	}

	private static Document activity(Random random, Map<String, List<String>> regions, LocalDate day) {
		String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
		List<String> known = regions.get(country);
		String region = known.get(random.nextInt(Math.min(10, known.size())));
		String ageBand = AGE_BANDS.get(random.nextInt(AGE_BANDS.size()));
		String locale = random.nextInt(3) == 0 ? "en" : "th";
		int kind = random.nextInt(10);
		if (kind < 7) {
			int score = 20 * random.nextInt(6);
			return new Document("kind", "quiz-attempted").append("quizId", "quiz-child-privacy-9-12")
				.append("lessonId", "child-privacy-9-12")
				.append("topic", TOPICS.get(random.nextInt(TOPICS.size())))
				.append("audience", "child")
				.append("ageBand", ageBand)
				.append("country", country)
				.append("region", region)
				.append("locale", locale)
				.append("scorePercent", score)
				.append("completedLesson", random.nextInt(3) == 0)
				.append("day", day.toString());
		}
		if (kind < 9) {
			List<String> unsafe = List.of("mean-messages", "people-known-online", "tricks");
			return new Document("kind", "poll-answered").append("pollId", "poll-feeling-safe-online")
				.append("purpose", "policy")
				.append("answers", List.of(
						new Document("question", "how-safe").append("options", List.of(String.valueOf(1 + random.nextInt(5))))
							.append("freeText", false),
						new Document("question", "what-feels-unsafe")
							.append("options", List.of(unsafe.get(random.nextInt(unsafe.size()))))
							.append("freeText", false)))
				.append("country", country)
				.append("region", region)
				.append("ageBand", ageBand)
				.append("gender", List.of("girl", "boy", "other", "prefer-not-to-say").get(random.nextInt(4)))
				.append("locale", locale)
				.append("day", day.toString());
		}
		return new Document("kind", "feedback-given").append("lessonId", "child-privacy-9-12")
			.append("topic", "privacy")
			.append("audience", "child")
			.append("lessonAgeBand", "9-12")
			.append("helpful", random.nextBoolean())
			.append("rating", 1 + random.nextInt(5))
			.append("country", country)
			.append("region", region)
			.append("ageBand", ageBand)
			.append("gender", "girl")
			.append("locale", locale)
			.append("day", day.toString());
	}

	/** The first regions of each country in content/regions.yaml. */
	private static Map<String, List<String>> regions(Path file) throws Exception {
		Map<String, List<String>> regions = new LinkedHashMap<>();
		Matcher matcher = Pattern.compile("code: ([A-Z]{2})-([A-Z0-9]+)").matcher(Files.readString(file));
		while (matcher.find()) {
			regions.computeIfAbsent(matcher.group(1), country -> new ArrayList<>()).add(matcher.group(1) + "-" + matcher.group(2));
		}
		return regions;
	}

	static void query(String url, String token, String accept) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Accept", accept)
			.timeout(Duration.ofSeconds(30))
			.build();
		double previous = -1;
		for (int run = 0; run < 40; run++) {
			double median = percentiles(http, request, 50)[0];
			if (previous > 0 && Math.abs(median - previous) / previous < 0.10) {
				System.err.printf("  steady after %d runs of 50 (medians %.1f then %.1f ms)%n", run + 1, previous, median);
				break;
			}
			previous = median;
		}
		double[] measured = percentiles(http, request, 500);
		System.out.printf("%.1f %.1f%n", measured[0], measured[1]);
	}

	/** Sequential requests; {p50, p95} in milliseconds. */
	private static double[] percentiles(HttpClient http, HttpRequest request, int count) throws Exception {
		double[] millis = new double[count];
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			millis[i] = (System.nanoTime() - start) / 1e6;
			if (response.statusCode() != 200) {
				throw new IllegalStateException("status " + response.statusCode() + ": " + new String(response.body()));
			}
		}
		Arrays.sort(millis);
		return new double[] { millis[count / 2], millis[(int) Math.ceil(count * 0.95) - 1] };
	}

}

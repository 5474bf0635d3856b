import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The parts of scripts/bench/ingest that wrk cannot do, run with the service jar's libraries on the
 * class path (java -cp 'lib/*' IngestTool.java ...):
 *
 * <pre>
 * mint KEY_PEM THREADS PER_THREAD OUT_DIR   learner tokens, signed with the dev key, one file per wrk thread
 * raw MONGO_URI POLL SECONDS CONCURRENCY    inserts what the service stores for a response (its marker and
 *                                           the response) with the raw driver, as fast as it takes them
 * check MONGO_URI POLL ACKED_IDS_FILE...     every acknowledged response stored exactly once
 * drain MONGO_URI                           waits until the service has counted every response it stored
 *                                           (its activity outbox is empty), so the next phase runs alone
 * </pre>
 */
public class IngestTool {

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		switch (args[0]) {
			case "mint" -> mint(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
			case "raw" -> raw(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			case "check" -> check(args[1], args[2], List.of(args).subList(3, args.length));
			case "drain" -> drain(args[1]);
			default -> throw new IllegalArgumentException("unknown command " + args[0]);
		}
	}

	static void mint(Path keyFile, int threads, int perThread, Path out) throws Exception {
		String pem = Files.readString(keyFile, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
		String run = UUID.randomUUID().toString().substring(0, 8);
		long now = System.currentTimeMillis() / 1000;
		ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
		List<Future<?>> files = new ArrayList<>();
		for (int t = 1; t <= threads; t++) {
			int thread = t;
			files.add(pool.submit(() -> {
				try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out.resolve("tokens-" + thread + ".txt")))) {
					Signature signature = Signature.getInstance("SHA256withRSA");
					for (int i = 0; i < perThread; i++) {
						writer.println(token(signature, key, "bench-" + run + "-" + thread + "-" + i, now));
					}
				}
				return null;
			}));
		}
		for (Future<?> file : files) {
			file.get();
		}
		pool.shutdown();
	}

	private static String token(Signature signature, PrivateKey key, String uid, long now) throws Exception {
		String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
		String payload = b64(("{\"iss\":\"https://securetoken.google.com/safesteps-local\",\"aud\":\"safesteps-local\","
				+ "\"auth_time\":%d,\"user_id\":\"%s\",\"sub\":\"%s\",\"iat\":%d,\"nbf\":%d,\"exp\":%d,"
				+ "\"firebase\":{\"identities\":{},\"sign_in_provider\":\"anonymous\"}}")
			.formatted(now, uid, uid, now, now, now + 4 * 3600));
		signature.initSign(key);
		signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
		return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
	}

	private static String b64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The same two documents the service writes for a response, into collections of their own in
	 * the same database (so the service's counts are not disturbed), with the same write concern.
	 */
	static void raw(String uri, String poll, int seconds, int concurrency) {
		try (MongoClient client = MongoClients.create(uri)) {
			MongoDatabase database = client.getDatabase(new com.mongodb.ConnectionString(uri).getDatabase());
			MongoCollection<Document> markers = database.getCollection("bench_raw_poll_markers");
			MongoCollection<Document> responses = database.getCollection("bench_raw_poll_responses");
			AtomicLong stored = new AtomicLong();
			long deadline = System.nanoTime() + seconds * 1_000_000_000L;
			long started = System.nanoTime();
			String day = LocalDate.now().toString();
			Flux.range(0, concurrency)
				.flatMap(worker -> Mono.defer(() -> {
					String id = UUID.randomUUID().toString();
					Document marker = new Document("_id", UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""))
						.append("pollId", poll);
					Document response = new Document("_id", id).append("pollId", poll)
						.append("answers", List.of(new Document("question", "how-safe").append("options", List.of("4")),
								new Document("question", "what-feels-unsafe").append("options", List.of("mean-messages", "tricks")),
								new Document("question", "least-safe-place").append("options", List.of("games")),
								new Document("question", "what-would-help").append("text", "More lessons about scams and how to block people")))
						.append("country", "TH").append("ageBand", "13-17").append("day", day)
						.append("region", "TH-10").append("gender", "prefer-not-to-say");
					return Mono.from(markers.insertOne(marker)).then(Mono.from(responses.insertOne(response)));
				}).doOnSuccess(done -> stored.incrementAndGet()).repeat(() -> System.nanoTime() < deadline), concurrency)
				.blockLast();
			double elapsed = (System.nanoTime() - started) / 1e9;
			System.out.printf("%.1f%n", stored.get() / elapsed);
		}
	}

	static void drain(String uri) throws InterruptedException {
		try (MongoClient client = MongoClients.create(uri)) {
			MongoDatabase database = client.getDatabase(new com.mongodb.ConnectionString(uri).getDatabase());
			long deadline = System.nanoTime() + 60_000_000_000L;
			while (Mono.from(database.getCollection("activity_outbox").countDocuments()).block() > 0) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("the service did not count its backlog within 60 s");
				}
				Thread.sleep(100);
			}
		}
	}

	static void check(String uri, String poll, List<String> ackedFiles) throws IOException {
		Set<String> acked = new HashSet<>();
		long ackLines = 0;
		for (String file : ackedFiles) {
			try (Stream<String> lines = Files.lines(Path.of(file))) {
				for (String id : (Iterable<String>) lines::iterator) {
					ackLines++;
					acked.add(id);
				}
			}
		}
		try (MongoClient client = MongoClients.create(uri)) {
			MongoDatabase database = client.getDatabase(new com.mongodb.ConnectionString(uri).getDatabase());
			Set<String> stored = new HashSet<>();
			Flux.from(database.getCollection("poll_responses").find(new Document("pollId", poll)).projection(new Document("_id", 1)))
				.doOnNext(document -> stored.add(document.getString("_id")))
				.blockLast();
			long markers = Mono.from(database.getCollection("poll_markers").countDocuments(new Document("pollId", poll))).block();
			long missing = acked.stream().filter(id -> !stored.contains(id)).count();
			long notAcked = stored.size() - (acked.size() - missing);
			System.out.printf("acknowledged %d (%d acknowledged twice), stored %d, missing %d, stored but not acknowledged %d, markers %d%n",
					acked.size(), ackLines - acked.size(), stored.size(), missing, notAcked, markers);
			if (missing > 0 || ackLines != acked.size() || markers != stored.size()) {
				System.exit(1);
			}
		}
	}

}

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.ThreadManager;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.ApsAlert;
import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The parts of scripts/bench/fanout that curl cannot do, run with the service jar's libraries on
 * the class path (java -cp 'lib/*' FanoutTool.java ...):
 *
 * <pre>
 * seed MONGO_URI REGION COUNT         COUNT parent devices in a region of TH, in a zone where it is day for hours
 * pipeline BASE MANAGER APPROVER REGION  one campaign through the whole service; prints "seconds messages/s"
 * bare MONGO_URI REGION STUB_ENDPOINT    the same messages to the same stub, a plain loop of sendEach calls
 *                                        of 500 with the same SDK set-up (32 threads, JDK HttpClient transport)
 * </pre>
 */
public class FanoutTool {

	static final String FCM_HOST = "https://fcm.googleapis.com";

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		switch (args[0]) {
			case "seed" -> seed(args[1], args[2], Integer.parseInt(args[3]));
			case "pipeline" -> pipeline(args[1], args[2], args[3], args[4]);
			case "bare" -> bare(args[1], args[2], args[3]);
			default -> throw new IllegalArgumentException("unknown command " + args[0]);
		}
		System.exit(0);
	}

	static void seed(String uri, String region, int count) {
		ZoneId zone = ZoneId.getAvailableZoneIds().stream().filter(id -> id.contains("/") && !id.startsWith("Etc"))
			.sorted().map(ZoneId::of)
			.filter(candidate -> {
				LocalTime now = Instant.now().atZone(candidate).toLocalTime();
				return now.isAfter(LocalTime.of(8, 0)) && now.isBefore(LocalTime.of(12, 0));
			}).findFirst().orElseThrow();
		try (MongoClient client = MongoClients.create(uri)) {
			MongoCollection<Document> devices = client.getDatabase(database(uri)).getCollection("devices");
			Date now = new Date();
			List<Document> batch = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				batch.add(new Document("_id", UUID.randomUUID().toString()).append("learner", "bench-" + region + "-" + i)
					.append("token", "bench-" + region + "-" + i + "-" + UUID.randomUUID().toString().replace("-", "") + "_APA91b")
					.append("locale", (i % 2 == 0) ? "th" : "en").append("country", "TH").append("region", region)
					.append("audience", "parent").append("timeZone", zone.getId()).append("active", true)
					.append("registeredAt", now).append("lastSeenAt", now));
				if (batch.size() == 1000 || i == count - 1) {
					Mono.from(devices.insertMany(batch)).block();
					batch = new ArrayList<>();
				}
			}
		}
		System.err.println("seeded " + count + " devices in " + region + " (" + zone + ")");
	}

	static void pipeline(String base, String manager, String approver, String region) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String draft = "{\"name\":\"Fan-out " + region + "\",\"target\":{\"countries\":[\"TH\"],\"regions\":[\"" + region
				+ "\"]},\"message\":{\"fallbackLocale\":\"en\",\"texts\":{\"en\":{\"title\":\"Stay safe online\","
				+ "\"body\":\"A new lesson is ready for you.\"},\"th\":{\"title\":\"ปลอดภัยบนโลกออนไลน์\","
				+ "\"body\":\"มีบทเรียนใหม่รอเราอยู่\"}}},\"deepLink\":{\"kind\":\"lesson\",\"id\":\"child-privacy-9-12\"},"
				+ "\"schedule\":{\"at\":\"" + Instant.now() + "\"}}";
		String created = call(http, "POST", base + "/v1/campaigns", manager, draft, 201);
		String id = created.replaceAll("(?s)^\\{\"id\":\"([^\"]+)\".*", "$1");
		call(http, "POST", base + "/v1/campaigns/" + id + "/submit", manager, null, 200);
		long start = System.nanoTime();
		call(http, "POST", base + "/v1/campaigns/" + id + "/approve", approver, null, 200);
		String stats;
		do {
			Thread.sleep(100);
			stats = call(http, "GET", base + "/v1/campaigns/" + id + "/stats", manager, null, 200);
		}
		while (!stats.contains("\"status\":\"SENT\""));
		double seconds = (System.nanoTime() - start) / 1e9;
		long sent = Long.parseLong(stats.replaceAll("(?s).*\"sent\":(\\d+).*", "$1"));
		System.out.printf(Locale.ROOT, "%.2f %.0f %d%n", seconds, sent / seconds, sent);
	}

	static String call(HttpClient http, String method, String url, String token, String body, int expected)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
		if (body != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	static void bare(String uri, String region, String stub) throws Exception {
		List<Document> devices;
		try (MongoClient client = MongoClients.create(uri)) {
			devices = Flux.from(client.getDatabase(database(uri)).getCollection("devices")
				.find(new Document("region", region).append("active", true))).collectList().block();
		}
		String campaign = UUID.randomUUID().toString();
		FirebaseApp app = FirebaseApp.initializeApp(FirebaseOptions.builder()
			.setProjectId("safesteps-local")
			.setCredentials(GoogleCredentials.create(new AccessToken("local-stub", Date.from(Instant.parse("2100-01-01T00:00:00Z")))))
			.setHttpTransport(new Transport(stub))
			.setThreadManager(new Threads())
			.build(), "bare-" + campaign);
		FirebaseMessaging messaging = FirebaseMessaging.getInstance(app);
		long start = System.nanoTime();
		long sent = 0;
		for (int from = 0; from < devices.size(); from += 500) {
			List<Message> chunk = new ArrayList<>();
			for (Document device : devices.subList(from, Math.min(devices.size(), from + 500))) {
				chunk.add(message(campaign, device));
			}
			BatchResponse response = messaging.sendEach(chunk);
			sent += response.getSuccessCount();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT, "%.2f %.0f %d%n", seconds, sent / seconds, sent);
		app.delete();
	}

	/** The message the service sends, built the same way. */
	static Message message(String campaign, Document device) {
		boolean thai = "th".equals(device.getString("locale"));
		String title = thai ? "ปลอดภัยบนโลกออนไลน์" : "Stay safe online";
		String body = thai ? "มีบทเรียนใหม่รอเราอยู่" : "A new lesson is ready for you.";
		return Message.builder()
			.setToken(device.getString("token"))
			.setNotification(Notification.builder().setTitle(title).setBody(body).build())
			.putData("campaign", campaign)
			.putData("deepLink", "safesteps://lesson/child-privacy-9-12")
			.setAndroidConfig(AndroidConfig.builder().setPriority(AndroidConfig.Priority.NORMAL)
				.setTtl(Duration.ofDays(1).toMillis()).setCollapseKey(campaign)
				.setNotification(AndroidNotification.builder().setTag(campaign).build()).build())
			.setApnsConfig(ApnsConfig.builder().putHeader("apns-collapse-id", campaign).putHeader("apns-priority", "5")
				.setAps(Aps.builder().setAlert(ApsAlert.builder().setTitle(title).setBody(body).build())
					.setThreadId("safesteps-campaigns").build())
				.build())
			.build();
	}

	static String database(String uri) {
		return uri.substring(uri.lastIndexOf('/') + 1);
	}

	/** 32 threads, as the service's FCM client has. */
	static final class Threads extends ThreadManager {

		@Override
		protected ExecutorService getExecutor(FirebaseApp app) {
			return Executors.newFixedThreadPool(32, getThreadFactory());
		}

		@Override
		protected void releaseExecutor(FirebaseApp app, ExecutorService executor) {
			executor.shutdownNow();
		}

		@Override
		protected ThreadFactory getThreadFactory() {
			return runnable -> {
				Thread thread = new Thread(runnable);
				thread.setDaemon(true);
				return thread;
			};
		}

	}

	/** The service's transport (campaigns/JdkHttpTransport), reduced to what the stub needs. */
	static final class Transport extends HttpTransport {

		private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

		final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10)).build();

		final String stub;

		Transport(String stub) {
			this.stub = stub;
		}

		@Override
		protected LowLevelHttpRequest buildRequest(String method, String url) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url.startsWith(FCM_HOST)
					? this.stub + url.substring(FCM_HOST.length()) : url)).timeout(Duration.ofSeconds(30));
			return new LowLevelHttpRequest() {

				@Override
				public void addHeader(String name, String value) {
					if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
						builder.header(name, value);
					}
				}

				@Override
				public LowLevelHttpResponse execute() throws IOException {
					ByteArrayOutputStream content = new ByteArrayOutputStream();
					if (getStreamingContent() != null) {
						getStreamingContent().writeTo(content);
						builder.header("Content-Type", getContentType());
					}
					try {
						return response(Transport.this.client.send(
								builder.method(method, HttpRequest.BodyPublishers.ofByteArray(content.toByteArray())).build(),
								HttpResponse.BodyHandlers.ofByteArray()));
					}
					catch (InterruptedException ex) {
						throw new IOException(ex);
					}
				}

			};
		}

		static LowLevelHttpResponse response(HttpResponse<byte[]> response) {
			List<String[]> headers = new ArrayList<>();
			for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
				header.getValue().forEach(value -> headers.add(new String[] { header.getKey(), value }));
			}
			return new LowLevelHttpResponse() {

				@Override
				public InputStream getContent() {
					return new ByteArrayInputStream(response.body());
				}

				@Override
				public String getContentEncoding() {
					return response.headers().firstValue("content-encoding").orElse(null);
				}

				@Override
				public long getContentLength() {
					return response.body().length;
				}

				@Override
				public String getContentType() {
					return response.headers().firstValue("content-type").orElse(null);
				}

				@Override
				public String getStatusLine() {
					return "HTTP/1.1 " + response.statusCode();
				}

				@Override
				public int getStatusCode() {
					return response.statusCode();
				}

				@Override
				public String getReasonPhrase() {
					return null;
				}

				@Override
				public int getHeaderCount() {
					return headers.size();
				}

				@Override
				public String getHeaderName(int index) {
					return headers.get(index)[0];
				}

				@Override
				public String getHeaderValue(int index) {
					return headers.get(index)[1];
				}

			};
		}

	}

}

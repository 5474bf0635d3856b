package org.safesteps.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.safesteps.support.ApiTest;
import org.safesteps.support.ContractValidator;
import org.safesteps.support.RawHttp;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema-driven fuzzing: for every operation in api-spec/openapi.yaml, malformed variants of a
 * valid request (wrong types, missing and extra fields, huge and deeply nested bodies, control and
 * bidirectional characters, $ keys, bad parameters, bad headers, wrong media types), sent with
 * valid tokens. No answer is a 5xx, every error the service writes is a problem, and no rejected
 * request stores anything. The seed is fixed, so a failure can be replayed.
 */
@ApiTest
class FuzzTest {

	static final long SEED = 20261129L;

	/** A concrete, valid request path for every path of the spec: a new path needs one here. */
	static final Map<String, String> PATHS = Map.ofEntries(Map.entry("/v1/openapi.yaml", "/v1/openapi.yaml"),
			Map.entry("/docs", "/docs"), Map.entry("/docs/{asset}", "/docs/docs.js"),
			Map.entry("/v1/catalog", "/v1/catalog"), Map.entry("/v1/lessons", "/v1/lessons"),
			Map.entry("/v1/lessons/{id}", "/v1/lessons/child-privacy-9-12"),
			Map.entry("/v1/quizzes/{id}", "/v1/quizzes/quiz-child-privacy-9-12"),
			Map.entry("/v1/quizzes/{id}/attempts", "/v1/quizzes/quiz-child-privacy-9-12/attempts"),
			Map.entry("/v1/bundles/{locale}", "/v1/bundles/th"),
			Map.entry("/v1/images/{file}", "/v1/images/privacy-settings-toggle.svg"), Map.entry("/v1/locales", "/v1/locales"),
			Map.entry("/v1/help", "/v1/help"), Map.entry("/v1/me", "/v1/me"), Map.entry("/v1/me/progress", "/v1/me/progress"),
			Map.entry("/v1/polls", "/v1/polls"), Map.entry("/v1/polls/{id}", "/v1/polls/poll-feeling-safe-online"),
			Map.entry("/v1/polls/{id}/responses", "/v1/polls/poll-feeling-safe-online/responses"),
			Map.entry("/v1/polls/{id}/outcome", "/v1/polls/poll-feeling-safe-online/outcome"),
			Map.entry("/v1/feedback", "/v1/feedback"),
			Map.entry("/v1/polls/{id}/results", "/v1/polls/poll-feeling-safe-online/results"),
			Map.entry("/v1/statistics/participation", "/v1/statistics/participation"),
			Map.entry("/v1/statistics/learning", "/v1/statistics/learning"),
			Map.entry("/v1/statistics/polls/{id}", "/v1/statistics/polls/poll-feeling-safe-online"),
			Map.entry("/v1/statistics/public/participation", "/v1/statistics/public/participation?country=TH"),
			Map.entry("/dashboard", "/dashboard"), Map.entry("/dashboard/{asset}", "/dashboard/dashboard.js"),
			Map.entry("/v1/admin/content/import", "/v1/admin/content/import"),
			Map.entry("/v1/classroom/modules", "/v1/classroom/modules"),
			Map.entry("/v1/classroom/sessions", "/v1/classroom/sessions"),
			Map.entry("/v1/classroom/sessions/{id}", "/v1/classroom/sessions/00000000-0000-4000-8000-000000000000"),
			Map.entry("/v1/classroom/sessions/{id}/advance", "/v1/classroom/sessions/00000000-0000-4000-8000-000000000000/advance"),
			Map.entry("/v1/classroom/sessions/{id}/end", "/v1/classroom/sessions/00000000-0000-4000-8000-000000000000/end"),
			Map.entry("/v1/classroom/sessions/{id}/events", "/v1/classroom/sessions/00000000-0000-4000-8000-000000000000/events"),
			Map.entry("/v1/classroom/sessions/{id}/report", "/v1/classroom/sessions/00000000-0000-4000-8000-000000000000/report"),
			Map.entry("/v1/classroom/sessions/{id}/step", "/v1/classroom/sessions/00000000-0000-4000-8000-000000000000/step"),
			Map.entry("/v1/classroom/sessions/{id}/quiz-attempts", "/v1/classroom/sessions/00000000-0000-4000-8000-000000000000/quiz-attempts"),
			Map.entry("/v1/classroom/sessions/{id}/poll-responses", "/v1/classroom/sessions/00000000-0000-4000-8000-000000000000/poll-responses"),
			Map.entry("/v1/classroom/join", "/v1/classroom/join"), Map.entry("/classroom", "/classroom"),
			Map.entry("/classroom/{asset}", "/classroom/classroom.js"),
			Map.entry("/v1/devices/{id}", "/v1/devices/00000000-0000-4000-8000-000000000000"),
			Map.entry("/v1/campaigns/{id}", "/v1/campaigns/00000000-0000-4000-8000-000000000000"),
			Map.entry("/v1/campaigns/{id}/submit", "/v1/campaigns/00000000-0000-4000-8000-000000000000/submit"),
			Map.entry("/v1/campaigns/{id}/approve", "/v1/campaigns/00000000-0000-4000-8000-000000000000/approve"),
			Map.entry("/v1/campaigns/{id}/reject", "/v1/campaigns/00000000-0000-4000-8000-000000000000/reject"),
			Map.entry("/v1/campaigns/{id}/cancel", "/v1/campaigns/00000000-0000-4000-8000-000000000000/cancel"),
			Map.entry("/v1/campaigns/{id}/stats", "/v1/campaigns/00000000-0000-4000-8000-000000000000/stats"),
			Map.entry("/v1/devices", "/v1/devices"), Map.entry("/v1/campaigns", "/v1/campaigns"));

	/** Values of required query parameters that make the baseline request valid. */
	static final Map<String, String> QUERY_EXAMPLES = Map.of("audience", "child", "country", "TH");

	static final List<String> STAFF_ROLES = List.of("CONTENT_MANAGER", "TEACHER", "MINISTRY_ANALYST",
			"CAMPAIGN_MANAGER", "CAMPAIGN_APPROVER", "ADMIN");

	/**
	 * Collections changed on their own (background jobs, counters, and open-data releases made on
	 * their first read); they hold nothing a request stores.
	 */
	static final Set<String> BACKGROUND = Set.of("leases", "activity_dispatch", "activity_outbox", "statistics_counters",
			"statistics_polls", "statistics_public_releases", "statistics_privacy_budgets", "campaign_chunks",
			"campaign_chunk_devices", "campaign_deliveries");

	static final String[] NASTY_STRINGS = { "", " ", "-1", "0", "99999999999999999999", "abc", "\u0e44\u0e17\u0e22",
			"\u202eevil", "line\u2028break", "nul\u0000byte", "\u0085", "%00", "../../etc/passwd", "$where", "{\"$gt\":\"\"}",
			"<script>alert(1)</script>", "null", "true", "a".repeat(3000) };

	final Random random = new Random(SEED);

	final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	ReactiveMongoTemplate mongo;

	@LocalServerPort
	int port;

	int sent;

	/** Thousands of malformed requests over every operation: no 5xx, problems for every error, nothing stored. */
	@Test
	void malformedRequestsNeverBreakTheService() throws Exception {
		JsonNode spec = YAMLMapper.builder().build().readTree(Files.readString(Path.of(ContractValidator.SPEC)));
		List<String> failures = new ArrayList<>();
		Map<String, String> state = snapshot();
		for (var path : spec.path("paths").properties()) {
			String concrete = PATHS.get(path.getKey());
			assertThat(concrete).as("a concrete path for %s in FuzzTest.PATHS", path.getKey()).isNotNull();
			for (var operation : path.getValue().properties()) {
				Operation op = operation(spec, operation.getKey().toUpperCase(), path.getKey(), concrete,
						operation.getValue());
				List<String> rejectedGets = new ArrayList<>();
				for (Request request : mutations(op)) {
					RawHttp.Response response = RawHttp.send(this.port, request.method() + " " + request.target() + " HTTP/1.1",
							request.headers(), request.body());
					this.sent++;
					String where = request.method() + " " + abbreviate(request.target()) + " [" + request.what() + "]";
					check(where, response, failures);
					boolean accepted = response.status() >= 200 && response.status() < 300;
					if (request.method().equals("GET")) {
						if (!accepted) {
							rejectedGets.add(where + " -> " + response.status());
						}
					}
					else if (accepted) {
						state = settledSnapshot();
					}
					else {
						state = compare(state, List.of(where + " -> " + response.status()), failures);
					}
				}
				state = compare(state, rejectedGets, failures);
			}
		}
		assertThat(this.sent).as("requests sent").isGreaterThan(2000);
		assertThat(failures).isEmpty();
	}

	/** The state now; a failure if it changed although only these rejected requests were sent since {@code before}. */
	private Map<String, String> compare(Map<String, String> before, List<String> rejected, List<String> failures) {
		Map<String, String> after = snapshot();
		if (!after.equals(before) && !rejected.isEmpty()) {
			failures.add(rejected + " changed " + changed(before, after));
		}
		return after;
	}

	/**
	 * No 5xx and no connection closed without an answer. Every error the service writes is a
	 * problem. Responses without a request id were written by the HTTP server itself, before the
	 * service saw the request: only 400 (broken framing, such as a negative Content-Length or a NUL
	 * in a header), 414 and 431 may come from there, as the README and the spec say.
	 */
	private void check(String where, RawHttp.Response response, List<String> failures) {
		int status = response.status();
		if (status == RawHttp.CLOSED || status == 0 || status >= 500) {
			failures.add(where + " -> " + status + " " + abbreviate(response.body()));
		}
		else if (status >= 400 && response.header("x-request-id") == null) {
			if (status != 400 && status != 414 && status != 431) {
				failures.add(where + " -> " + status + " from the HTTP server");
			}
		}
		else if (status >= 400) {
			if (!"application/problem+json".equals(response.header("content-type"))
					|| !response.body().contains("\"type\":\"https://safesteps.org/problems/")) {
				failures.add(where + " -> " + status + " without a problem body");
			}
		}
	}

	private Operation operation(JsonNode spec, String method, String template, String concrete, JsonNode operation) {
		List<JsonNode> parameters = new ArrayList<>();
		for (JsonNode parameter : operation.path("parameters")) {
			parameters.add(parameter.has("$ref") ? resolve(spec, parameter.path("$ref").stringValue()) : parameter);
		}
		JsonNode example = operation.path("requestBody").path("content").path("application/json").path("example");
		String token = token(operation.path("security"), method, concrete);
		return new Operation(method, template, concrete, parameters, example.isMissingNode() ? null : example, token);
	}

	/** A token of the kind the operation takes, with a role that may call it. */
	private String token(JsonNode security, String method, String concrete) {
		String schemes = security.toString();
		if (schemes.contains("learner")) {
			return TestTokens.newLearner();
		}
		if (schemes.contains("staff")) {
			for (String role : STAFF_ROLES) {
				String token = TestTokens.staff(role, "TH");
				int status = RawHttp.send(this.port, method + " " + concrete + " HTTP/1.1",
						Map.of("Authorization", RawHttp.utf8("Bearer " + token)), null).status();
				if (status != 401 && status != 403) {
					return token;
				}
			}
		}
		return null;
	}

	private List<Request> mutations(Operation op) {
		List<Request> requests = new ArrayList<>();
		String query = baselineQuery(op);
		Supplier<Map<String, byte[]>> headers = () -> baseHeaders(op);

		// parameters: every declared one, set to nasty values
		for (JsonNode parameter : op.parameters()) {
			String name = parameter.path("name").stringValue();
			String in = parameter.path("in").stringValue();
			for (String value : NASTY_STRINGS) {
				String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
				if (in.equals("query")) {
					requests.add(new Request(op.method(), op.concrete() + "?" + replace(query, name, encoded),
							headers.get(), body(op), "query " + name + "=" + value));
				}
				else if (in.equals("path")) {
					requests.add(new Request(op.method(), pathWith(op, name, encoded) + query, headers.get(), body(op),
							"path " + name + "=" + value));
				}
				else if (in.equals("header")) {
					Map<String, byte[]> changed = headers.get();
					changed.put(name, RawHttp.utf8(value.replace("\u0000", "")));
					requests.add(new Request(op.method(), op.concrete() + query, changed, body(op), "header " + name));
				}
			}
		}
		// undeclared and repeated parameters
		requests.add(new Request(op.method(), op.concrete() + query + (query.isEmpty() ? "?" : "&") + "%24where=1",
				headers.get(), body(op), "unknown parameter"));
		requests.add(new Request(op.method(), op.concrete() + query + (query.isEmpty() ? "?" : "&") + "page=1&page=x",
				headers.get(), body(op), "repeated parameter"));

		// headers
		for (String[] header : new String[][] { { "Accept", "text/event-stream" }, { "Accept", "text/*" },
				{ "Accept", "application/json;q=abc" }, { "Accept", "///" }, { "Accept-Language", "\u0e44\u0e17\u0e22" },
				{ "Accept-Language", "th;q=2,*;q=-1,," + "x".repeat(1000) }, { "Accept-Language", "\u202eth" },
				{ "If-None-Match", "\"unterminated" }, { "If-None-Match", "*" }, { "Authorization", "Bearer" },
				{ "Authorization", "Bearer a.b.c" }, { "Authorization", "Basic dXNlcjpwYXNz" },
				{ "Authorization", "Bearer \u0e44\u0e17\u0e22" }, { "X-Forwarded-For", "\u0000, 999.1.1.1" },
				{ "Content-Length", "-5" }, { "Transfer-Encoding", "gzip" } }) {
			Map<String, byte[]> changed = headers.get();
			changed.put(header[0], RawHttp.utf8(header[1]));
			requests.add(new Request(op.method(), op.concrete() + query, changed, body(op),
					"header " + header[0] + ": " + abbreviate(header[1])));
		}

		// bodies, for operations that take JSON, and for those that take none
		if (op.example() != null) {
			for (JsonNode variant : bodyVariants(op.example())) {
				requests.add(new Request(op.method(), op.concrete() + query, headers.get(),
						RawHttp.utf8(variant.toString()), "body " + abbreviate(variant.toString())));
			}
			for (String raw : List.of("", "{", "[]", "null", "123", "\"text\"", "{\"a\":1,\"a\":2}",
					"[".repeat(3000) + "]".repeat(3000), "{\"answers\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
					"{\"pad\":\"" + "a".repeat(70_000) + "\"}")) {
				requests.add(new Request(op.method(), op.concrete() + query, headers.get(), RawHttp.utf8(raw),
						"raw body " + abbreviate(raw)));
			}
			requests.add(new Request(op.method(), op.concrete() + query, headers.get(),
					new byte[] { '{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}' }, "invalid UTF-8"));
			for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
					"multipart/form-data; boundary=x", "application/json; charset=utf-16", "garbage", "application/json;;")) {
				Map<String, byte[]> changed = headers.get();
				changed.put("Content-Type", RawHttp.utf8(type));
				requests.add(new Request(op.method(), op.concrete() + query, changed, RawHttp.utf8(op.example().toString()),
						"content type " + type));
			}
		}
		else if (!op.method().equals("GET")) {
			Map<String, byte[]> changed = headers.get();
			changed.put("Content-Type", RawHttp.utf8("application/json"));
			requests.add(new Request(op.method(), op.concrete() + query, changed,
					RawHttp.utf8("{\"$where\":\"" + "a".repeat(100) + "\"}"), "unexpected body"));
		}

		// random combinations of the above, two or three at a time
		List<Request> singles = new ArrayList<>(requests);
		for (int i = 0; i < 100; i++) {
			Request a = singles.get(this.random.nextInt(singles.size()));
			Request b = singles.get(this.random.nextInt(singles.size()));
			Map<String, byte[]> merged = new LinkedHashMap<>(a.headers());
			merged.putAll(b.headers());
			String target = a.target().contains("?") || !b.target().contains("?") ? a.target()
					: a.target() + b.target().substring(b.target().indexOf('?'));
			requests.add(new Request(op.method(), target, merged, (b.body() != null) ? b.body() : a.body(),
					a.what() + " + " + b.what()));
		}

		// wrong methods on the path
		for (String method : List.of("PUT", "PATCH", "OPTIONS", "TRACE", "PROPFIND")) {
			requests.add(new Request(method, op.concrete() + query, headers.get(), null, "method " + method));
		}
		return requests;
	}

	/** Missing and extra fields, wrong types, nasty strings and $ keys, at every place in the example body. */
	private List<JsonNode> bodyVariants(JsonNode example) {
		List<JsonNode> variants = new ArrayList<>();
		List<String> pointers = new ArrayList<>();
		collect(example, "", pointers);
		for (String pointer : pointers) {
			variants.add(remove(example, pointer));
			for (JsonNode wrong : List.of(JsonNodeFactory.instance.numberNode(123), JsonNodeFactory.instance.stringNode("x"),
					JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.nullNode(),
					JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode(),
					JsonNodeFactory.instance.stringNode(NASTY_STRINGS[this.random.nextInt(NASTY_STRINGS.length)]),
					JsonNodeFactory.instance.stringNode("\u202e\u2028\u0000\u0085" + "x".repeat(this.random.nextInt(500))))) {
				variants.add(replace(example, pointer, wrong));
			}
		}
		for (String pointer : pointers) {
			JsonNode target = example.at(pointer);
			if (target instanceof ObjectNode) {
				ObjectNode extra = (ObjectNode) example.deepCopy().at(pointer);
				extra.put("unexpected", 1);
				variants.add(rootOf(extra, example, pointer));
				ObjectNode operator = (ObjectNode) example.deepCopy().at(pointer);
				operator.putObject("$gt").put("$where", "1");
				variants.add(rootOf(operator, example, pointer));
			}
		}
		ObjectNode top = example.deepCopy() instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
		top.put("$where", "sleep(1000)");
		variants.add(top);
		return variants;
	}

	private static void collect(JsonNode node, String pointer, List<String> pointers) {
		if (!pointer.isEmpty()) {
			pointers.add(pointer);
		}
		if (node.isObject()) {
			node.properties().forEach(entry -> collect(entry.getValue(), pointer + "/" + entry.getKey(), pointers));
		}
		else if (node.isArray() && !node.isEmpty()) {
			collect(node.get(0), pointer + "/0", pointers);
		}
	}

	private static JsonNode remove(JsonNode example, String pointer) {
		JsonNode copy = example.deepCopy();
		JsonNode parent = copy.at(pointer.substring(0, pointer.lastIndexOf('/')));
		String last = pointer.substring(pointer.lastIndexOf('/') + 1);
		if (parent instanceof ObjectNode object) {
			object.remove(last);
		}
		else if (parent instanceof ArrayNode array) {
			array.remove(Integer.parseInt(last));
		}
		return copy;
	}

	private static JsonNode replace(JsonNode example, String pointer, JsonNode value) {
		JsonNode copy = example.deepCopy();
		JsonNode parent = copy.at(pointer.substring(0, pointer.lastIndexOf('/')));
		String last = pointer.substring(pointer.lastIndexOf('/') + 1);
		if (parent instanceof ObjectNode object) {
			object.set(last, value);
		}
		else if (parent instanceof ArrayNode array) {
			array.set(Integer.parseInt(last), value);
		}
		return copy;
	}

	private static JsonNode rootOf(JsonNode changed, JsonNode example, String pointer) {
		return replace(example, pointer, changed);
	}

	private Map<String, byte[]> baseHeaders(Operation op) {
		Map<String, byte[]> headers = new LinkedHashMap<>();
		if (op.token() != null) {
			headers.put("Authorization", RawHttp.utf8("Bearer " + op.token()));
		}
		if (op.example() != null) {
			headers.put("Content-Type", RawHttp.utf8("application/json"));
		}
		return headers;
	}

	private static byte[] body(Operation op) {
		return (op.example() != null) ? RawHttp.utf8(op.example().toString()) : null;
	}

	private static String baselineQuery(Operation op) {
		StringBuilder query = new StringBuilder();
		for (JsonNode parameter : op.parameters()) {
			String name = parameter.path("name").stringValue();
			if (parameter.path("in").stringValue().equals("query") && parameter.path("required").asBoolean(false)) {
				query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(QUERY_EXAMPLES.get(name));
			}
		}
		return query.toString();
	}

	private static String replace(String query, String name, String value) {
		String bare = query.isEmpty() ? "" : query.substring(1);
		List<String> pairs = new ArrayList<>();
		boolean found = false;
		for (String pair : bare.isEmpty() ? new String[0] : bare.split("&")) {
			if (pair.startsWith(name + "=")) {
				pairs.add(name + "=" + value);
				found = true;
			}
			else {
				pairs.add(pair);
			}
		}
		if (!found) {
			pairs.add(name + "=" + value);
		}
		return String.join("&", pairs);
	}

	private static String pathWith(Operation op, String name, String value) {
		String[] template = op.template().split("/");
		String[] concrete = op.concrete().split("/");
		for (int i = 0; i < template.length; i++) {
			if (template[i].equals("{" + name + "}")) {
				concrete[i] = value;
			}
		}
		return String.join("/", concrete);
	}

	/** Everything stored, per collection, but for what background jobs change on their own. */
	private Map<String, String> snapshot() {
		Map<String, String> digests = new TreeMap<>();
		for (String collection : this.mongo.getCollectionNames().collectList().block(Duration.ofSeconds(10))) {
			if (BACKGROUND.contains(collection)) {
				continue;
			}
			Query all = new Query();
			all.fields().exclude("payload"); // content's own bodies: their hash and version stand for them
			List<String> documents = this.mongo.find(all, Document.class, collection)
				.map(Document::toJson)
				.sort()
				.collectList()
				.block(Duration.ofSeconds(10));
			digests.put(collection, String.join("\n", documents));
		}
		return digests;
	}

	/** The state once a write that was accepted has settled (activity delivered). */
	private Map<String, String> settledSnapshot() throws InterruptedException {
		Thread.sleep(50);
		return snapshot();
	}

	private static String changed(Map<String, String> before, Map<String, String> after) {
		List<String> names = new ArrayList<>();
		after.forEach((name, digest) -> {
			if (!digest.equals(before.get(name))) {
				java.util.Set<String> b = new java.util.HashSet<>(List.of(String.valueOf(before.get(name)).split("\n")));
				java.util.Set<String> a = new java.util.HashSet<>(List.of(digest.split("\n")));
				java.util.Set<String> added = new java.util.HashSet<>(a); added.removeAll(b);
				java.util.Set<String> removed = new java.util.HashSet<>(b); removed.removeAll(a);
				names.add(name + " +" + added + " -" + removed);
			}
		});
		return names.toString();
	}


	private static String abbreviate(String text) {
		String printable = text.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() > 80) ? printable.substring(0, 80) + "..." : printable;
	}

	private static JsonNode resolve(JsonNode spec, String ref) {
		return spec.at(ref.substring(1));
	}

	record Operation(String method, String template, String concrete, List<JsonNode> parameters, JsonNode example,
			String token) {
	}

	/** A malformed request: a 4xx answer to it must leave the database as it was. */
	record Request(String method, String target, Map<String, byte[]> headers, byte[] body, String what) {
	}

}

package org.safesteps.statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.safesteps.activity.Activity;
import org.safesteps.activity.ActivityRecorder;
import org.safesteps.support.ApiTest;
import org.safesteps.support.ContentFolders;
import org.safesteps.support.TestPolls;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The statistics endpoints over HTTP with real tokens, on counters fed through the real path
 * (activity recorded through the port, delivered by the dispatcher, counted by the listener).
 * The data set is a past month in Thailand, with k = 5.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsApiTest {

	static final Path WORK = content();

	static final LocalDate DAY = LocalDate.of(2025, 3, 10);

	static final String MARCH = "from=2025-03-01&to=2025-03-31";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("safesteps.content.directory", () -> WORK.resolve("content").toString());
		registry.add("safesteps.localization.directory", () -> WORK.resolve("localization").toString());
		registry.add("safesteps.statistics.k", () -> "5");
		registry.add("safesteps.statistics.budget-per-period", () -> "1.0");
	}

	@Autowired
	WebTestClient http;

	@Autowired
	ActivityRecorder recorder;

	@BeforeAll
	void seed() {
		// quiz attempts on privacy: TH-10 9-12: 6 passed (90) and 6 not (50); TH-10 13-17: 7;
		// TH-20 9-12: 3 (under k); TH-20 13-17: 9
		attempts("TH-10", "9-12", 6, 90);
		attempts("TH-10", "9-12", 6, 50);
		attempts("TH-10", "13-17", 7, 80);
		attempts("TH-20", "9-12", 3, 80);
		attempts("TH-20", "13-17", 9, 80);
		// the closed poll: 8 in TH 9-12 felt "4" and worry about strangers; 6 in TH 13-17 felt "2"
		// and worry about unkind messages and strangers; 2 in VN felt "5"
		responses("TH", "TH-10", "9-12", 8, "4", List.of("strangers"));
		responses("TH", "TH-20", "13-17", 6, "2", List.of("unkind", "strangers"));
		responses("VN", "VN-01", "9-12", 2, "5", List.of("nothing"));
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			Map<?, ?> total = totalRow(get("/v1/statistics/participation?country=TH&" + MARCH));
			Map<?, ?> values = (Map<?, ?>) total.get("values");
			return Long.valueOf(31).equals(number(values.get("quizAttempts")))
					&& Long.valueOf(14).equals(number(values.get("pollResponses")));
		});
	}

	/**
	 * A table asked for again after more activity counts it: a period's summed grid is kept only
	 * for as long as none of its days changes.
	 */
	@Test
	void aTableAskedForAgainCountsNewActivity() {
		String june = "/v1/statistics/participation?country=TH&from=2025-06-01&to=2025-06-30&groupBy=region";
		attempts("TH-30", "13-17", 12, 80, LocalDate.of(2025, 6, 10));
		await().atMost(Duration.ofSeconds(20)).until(() -> Long.valueOf(12)
			.equals(number(values(get(june), "region", "TH-30").get("quizAttempts"))));
		attempts("TH-30", "13-17", 12, 80, LocalDate.of(2025, 6, 20));
		await().atMost(Duration.ofSeconds(20)).until(() -> Long.valueOf(24)
			.equals(number(values(get(june), "region", "TH-30").get("quizAttempts"))));
		assertThat(number(((Map<?, ?>) totalRow(get(june)).get("values")).get("quizAttempts"))).isEqualTo(24);
	}

	/** Published cells carry the right numbers; a cell under k is suppressed; metadata says how. */
	@Test
	void participationByRegionAndAgeBand() {
		analyst("TH").get()
			.uri("/v1/statistics/participation?country=TH&from=2025-03-05&to=2025-03-20&groupBy=region,ageBand")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.metadata.k").isEqualTo(5)
			.jsonPath("$.metadata.from").isEqualTo("2025-03-01")
			.jsonPath("$.metadata.to").isEqualTo("2025-03-31")
			.jsonPath("$.metadata.granularity").isEqualTo("month")
			.jsonPath("$.metadata.groupBy[0]").isEqualTo("region")
			.jsonPath("$.metadata.contentVersion").isNumber()
			.jsonPath("$.metadata.generatedAt").isNotEmpty()
			.jsonPath("$.metadata.suppressedCells").value(count -> assertThat((Integer) count).isPositive());
		Map<?, ?> table = get("/v1/statistics/participation?country=TH&" + MARCH + "&groupBy=region,ageBand");
		assertThat(values(table, "region", "TH-10", "ageBand", "9-12").get("quizAttempts")).isEqualTo(12);
		assertThat(values(table, "region", "TH-10", "ageBand", "13-17").get("quizAttempts")).isEqualTo(7);
		assertThat(values(table, "region", "TH-20", "ageBand", "9-12")).containsEntry("quizAttempts", null);
		assertThat(row(table, "region", "TH-20", "ageBand", "9-12").get("suppressed")).asList().contains("quizAttempts");
		assertThat(((Map<?, ?>) totalRow(table).get("values")).get("quizAttempts")).isEqualTo(31);
		analyst("TH").get()
			.uri("/v1/statistics/participation?country=TH&" + MARCH + "&groupBy=ageBand")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rows[?(@.group.ageBand == '9-12')].values.quizAttempts")
			.isEqualTo(15)
			.jsonPath("$.rows[?(@.group.ageBand == '13-17')].values.quizAttempts")
			.isEqualTo(16);
	}

	@Test
	void learningByTopicWithRatesOnlyWhereSafe() {
		analyst("TH").get()
			.uri("/v1/statistics/learning?country=TH&" + MARCH + "&topic=privacy&groupBy=ageBand")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.metadata.filter.topic").isEqualTo("privacy")
			.jsonPath("$.metadata.columns[2]").isEqualTo("passRate");
		Map<?, ?> table = get("/v1/statistics/learning?country=TH&" + MARCH + "&topic=privacy&groupBy=ageBand");
		// 9-12: 9 of 15 attempts passed (6 at 90, 3 at 80), 6 did not (50)
		assertThat(values(table, "ageBand", "9-12")).containsEntry("passRate", 60).containsEntry("meanScore", 72);
		// all 16 older children passed: fewer than k did not, so no pass rate is published
		assertThat(values(table, "ageBand", "13-17")).containsEntry("passRate", null).containsEntry("meanScore", 80);
	}

	@Test
	void csvWithAcceptTextCsv() {
		String csv = analyst("TH").get()
			.uri("/v1/statistics/participation?country=TH&" + MARCH + "&groupBy=region,ageBand")
			.accept(MediaType.parseMediaType("text/csv"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectHeader()
			.valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"participation-TH.csv\"")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv).contains("# counts under k = 5 are suppressed")
			.contains("period,region,ageBand,quizAttempts,lessonCompletions,pollResponses,lessonFeedback")
			.contains("2025-03,TH-10,9-12,12,")
			.contains("2025-03,TH-20,9-12,suppressed,")
			.contains("2025-03,total,total,31,");
	}

	/** An analyst sees the countries of their token only; an admin sees all; learners and teachers none. */
	@Test
	void accessIsLimitedToTheTokensCountries() {
		analyst("TH").get()
			.uri("/v1/statistics/participation?country=VN")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/country-not-allowed");
		this.http.get()
			.uri("/v1/statistics/participation?country=TH")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("MINISTRY_ANALYST"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.http.get()
			.uri("/v1/statistics/learning?country=TH&" + MARCH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("ADMIN"))
			.exchange()
			.expectStatus()
			.isOk();
		for (String token : List.of(TestTokens.newLearner(), TestTokens.staff("TEACHER", "TH"))) {
			this.http.get()
				.uri("/v1/statistics/participation?country=TH")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		this.http.get().uri("/v1/statistics/participation?country=TH").exchange().expectStatus().isUnauthorized();
		analyst("TH").get()
			.uri("/v1/statistics/polls/poll-stats-closed?country=VN")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void badParametersAreNamed() {
		expectBad("/v1/statistics/participation?country=TH&groupBy=planet", "groupBy", "'planet' is not a dimension");
		expectBad("/v1/statistics/participation?country=TH&groupBy=region,gender", "groupBy",
				"cannot group region and gender together");
		expectBad("/v1/statistics/participation?country=TH&from=2025-05-01&to=2025-03-01", "from", "must not be after to");
		expectBad("/v1/statistics/participation?country=TH&from=2019-01-01&to=2025-01-01", "to", "longer than 5 years");
		expectBad("/v1/statistics/participation?country=TH&granularity=day", "granularity", "week, month, quarter or year");
		expectBad("/v1/statistics/participation?country=TH&from=yesterday", "from", "must be a date");
		expectBad("/v1/statistics/learning?country=TH&topic=astrology", "topic", "'astrology' is not a topic");
		expectBad("/v1/statistics/participation?country=XX", "country", "must be a country SafeSteps serves");
		expectBad("/v1/statistics/polls/poll-stats-closed?country=TH&groupBy=locale", "groupBy", "ageBand, region or gender");
	}

	/** Poll results are public once the poll has closed, per country and age band, suppressed the same way. */
	@Test
	void pollResultsOnceClosed() {
		this.http.get()
			.uri("/v1/polls/poll-stats-closed/results")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.metadata.countries").isEqualTo(List.of("TH", "VN"))
			.jsonPath("$.rows[?(@.country == 'TH' && @.question == 'feel-safe' && @.option == '4' && @.group.ageBand == '9-12')].count")
			.isEqualTo(8)
			.jsonPath("$.rows[?(@.country == 'TH' && @.question == 'what-worries' && @.option == 'strangers' && @.total == true)].count")
			.isEqualTo(14)
			.jsonPath("$.rows[?(@.country == 'VN' && @.question == null && @.total == true)].suppressed")
			.isEqualTo(true);
		this.http.get()
			.uri("/v1/polls/poll-stats-open/results")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/poll-still-open");
		analyst("TH").get()
			.uri("/v1/statistics/polls/poll-stats-closed?country=TH&groupBy=region")
			.accept(MediaType.parseMediaType("text/csv"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(csv -> assertThat(csv).contains("country,question,option,region,count")
				.contains("TH,feel-safe,4,TH-10,8"));
	}

	/**
	 * Open data needs no token; each release is made once (asking again gives the same noisy
	 * numbers), spends epsilon from its month's budget, and is refused once the budget is spent.
	 */
	@Test
	void publicOpenDataWithNoiseAndABudget() {
		Map<?, ?> first = publicData("");
		Map<?, ?> again = publicData("");
		assertThat(again.get("rows")).isEqualTo(first.get("rows"));
		Map<?, ?> metadata = (Map<?, ?>) first.get("metadata");
		assertThat(metadata.get("epsilon")).isEqualTo(0.5);
		assertThat(metadata.get("noise")).asString().contains("Laplace");
		Map<?, ?> total = ((List<Map<?, ?>>) first.get("rows")).get(0);
		long attempts = number(((Map<?, ?>) total.get("values")).get("quizAttempts"));
		assertThat(attempts).isBetween(0L, 31L + 60);
		assertThat(((Map<?, ?>) ((Map<?, ?>) publicData("&groupBy=region").get("metadata")).get("spent")).get("TH|2025-03"))
			.isEqualTo(1.0);
		this.http.get()
			.uri("/v1/statistics/public/participation?country=TH&from=2025-03&to=2025-03&groupBy=ageBand")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/privacy-budget-spent");
	}

	private Map<?, ?> publicData(String extra) {
		return this.http.get()
			.uri("/v1/statistics/public/participation?country=TH&from=2025-03&to=2025-03" + extra)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private void expectBad(String uri, String field, String message) {
		analyst("TH").get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[?(@.field == '" + field + "')].message")
			.value(messages -> assertThat((List<String>) messages).anySatisfy(m -> assertThat(m).contains(message)));
	}

	private WebTestClient analyst(String country) {
		return this.http.mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("MINISTRY_ANALYST", country))
			.build();
	}

	private Map<?, ?> get(String uri) {
		return analyst("TH").get().uri(uri).exchange().expectBody(Map.class).returnResult().getResponseBody();
	}

	private static Map<?, ?> totalRow(Map<?, ?> table) {
		List<Map<?, ?>> rows = (List<Map<?, ?>>) table.get("rows");
		return rows.get(rows.size() - 1);
	}

	/** The row of the grouping's categories, given as dimension, category, dimension, category. */
	private static Map<?, ?> row(Map<?, ?> table, String... group) {
		Map<String, String> wanted = new java.util.LinkedHashMap<>();
		for (int i = 0; i < group.length; i += 2) {
			wanted.put(group[i], group[i + 1]);
		}
		return ((List<Map<?, ?>>) table.get("rows")).stream()
			.filter(row -> wanted.equals(row.get("group")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + wanted));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> values(Map<?, ?> table, String... group) {
		return (Map<String, Object>) row(table, group).get("values");
	}

	private static Long number(Object value) {
		return (value != null) ? ((Number) value).longValue() : null;
	}

	private void attempts(String region, String ageBand, int count, int score) {
		attempts(region, ageBand, count, score, DAY);
	}

	private void attempts(String region, String ageBand, int count, int score, LocalDate day) {
		for (int i = 0; i < count; i++) {
			this.recorder.record(UUID.randomUUID().toString(), new Activity.QuizAttempted("quiz-child-privacy-9-12",
					"child-privacy-9-12", "privacy", "child", ageBand, "TH", region, "th", score, true, day))
				.block(Duration.ofSeconds(5));
		}
	}

	private void responses(String country, String region, String ageBand, int count, String feeling,
			List<String> worries) {
		for (int i = 0; i < count; i++) {
			this.recorder.record(UUID.randomUUID().toString(),
					new Activity.PollAnswered("poll-stats-closed", "policy",
							List.of(new Activity.PollAnswered.Answer("feel-safe", List.of(feeling), false),
									new Activity.PollAnswered.Answer("what-worries", worries, false)),
							country, region, ageBand, "girl", "en", DAY))
				.block(Duration.ofSeconds(5));
		}
	}

	private static Path content() {
		try {
			Path work = ContentFolders.temporaryCopy("safesteps-statistics");
			TestPolls.write(work, "poll-stats-closed", "2025-02-01", "2025-04-30");
			TestPolls.write(work, "poll-stats-open", "2020-01-01", "2099-12-31");
			return work;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

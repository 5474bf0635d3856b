package org.safesteps.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.safesteps.activity.Activity;
import org.safesteps.activity.ActivityRecorder;
import org.safesteps.support.ApiTest;
import org.safesteps.support.ContentFolders;
import org.safesteps.support.HeadlessChromium;
import org.safesteps.support.TestPolls;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in headless Chromium against the running service, with a real analyst token:
 * the charts are drawn with the numbers of the API, suppressed values drawn as such. A
 * screenshot is saved as target/dashboard.png.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {

	static final Path WORK = content();

	static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).withDayOfYear(15);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("safesteps.content.directory", () -> WORK.resolve("content").toString());
		registry.add("safesteps.localization.directory", () -> WORK.resolve("localization").toString());
		registry.add("safesteps.statistics.k", () -> "5");
	}

	@LocalServerPort
	int port;

	@Autowired
	ActivityRecorder recorder;

	@Autowired
	WebTestClient http;

	WebDriver browser;

	@BeforeAll
	void start() {
		HeadlessChromium.assumeInstalled();
		attempts("TH-10", "9-12", 12);
		attempts("TH-10", "13-17", 7);
		attempts("TH-20", "5-8", 2);
		responses("9-12", "4", 8);
		responses("13-17", "2", 3);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.http.get()
				.uri("/v1/statistics/participation?country=TH&from=" + DAY + "&to=" + DAY + "&granularity=year")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("MINISTRY_ANALYST", "TH"))
				.exchange()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody()
				.contains("\"quizAttempts\":21"));
		this.browser = HeadlessChromium.start(1280, 2600);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void chartsShowTheNumbersOfTheApi() throws IOException {
		this.browser.get("http://localhost:" + this.port + "/dashboard");
		this.browser.findElement(By.id("token")).sendKeys(TestTokens.staff("MINISTRY_ANALYST", "TH"));
		this.browser.findElement(By.id("year")).click();
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until(driver -> !driver.findElements(By.cssSelector("#poll option[value='poll-dashboard']")).isEmpty());
		new Select(this.browser.findElement(By.id("poll"))).selectByValue("poll-dashboard");
		this.browser.findElement(By.id("show")).click();
		wait.until(driver -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-loaded")));

		List<Map<String, Object>> byAge = series("by-age-band", 0);
		List<String> ages = categories("by-age-band");
		assertThat(ages).containsExactly("5-8", "9-12", "13-17", "unknown");
		assertThat(byAge.get(1)).containsEntry("value", 12L).containsEntry("suppressed", false);
		assertThat(byAge.get(2)).containsEntry("value", 7L);
		assertThat(byAge.get(0)).containsEntry("suppressed", true);
		List<Map<String, Object>> monthly = series("over-time", 0);
		assertThat(monthly.get(DAY.getMonthValue() - 1)).containsEntry("value", 21L);
		List<Map<String, Object>> pollAnswers = series("poll-question-0", 0);
		assertThat(categories("poll-question-0")).containsExactly("Not safe at all", "Not very safe", "In between",
				"Quite safe", "Very safe");
		assertThat(categories("by-region")).containsExactly("TH-10");
		assertThat(pollAnswers.get(3)).containsEntry("value", 8L);
		assertThat(pollAnswers.get(1)).containsEntry("suppressed", true);

		String svg = this.browser.findElement(By.id("by-age-band")).getDomProperty("innerHTML");
		assertThat(svg).contains("<svg").contains(">12<").contains(">suppressed<");
		assertThat(this.browser.findElement(By.id("status")).getText()).contains("Showing TH").contains("k = 5");
		assertThat(this.browser.findElement(By.id("download")).isEnabled()).isTrue();

		Path screenshot = Path.of("target", "dashboard.png");
		Files.write(screenshot, ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
		assertThat(Files.size(screenshot)).isGreaterThan(10_000);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> series(String chart, int index) {
		return (List<Map<String, Object>>) ((JavascriptExecutor) this.browser).executeScript(
				"return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().series[arguments[1]].data"
						+ ".map(d => ({ value: d.value, suppressed: d.suppressed }));",
				chart, index);
	}

	@SuppressWarnings("unchecked")
	private List<String> categories(String chart) {
		return (List<String>) ((JavascriptExecutor) this.browser).executeScript(
				"const option = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();"
						+ "return (option.xAxis[0].type === 'category' ? option.xAxis[0] : option.yAxis[0]).data;",
				chart);
	}

	private void attempts(String region, String ageBand, int count) {
		for (int i = 0; i < count; i++) {
			this.recorder.record(UUID.randomUUID().toString(), new Activity.QuizAttempted("quiz-child-privacy-9-12",
					"child-privacy-9-12", "privacy", "child", ageBand, "TH", region, "en", 80, true, DAY))
				.block(Duration.ofSeconds(5));
		}
	}

	private void responses(String ageBand, String feeling, int count) {
		for (int i = 0; i < count; i++) {
			this.recorder.record(UUID.randomUUID().toString(), new Activity.PollAnswered("poll-dashboard", "policy",
					List.of(new Activity.PollAnswered.Answer("feel-safe", List.of(feeling), false),
							new Activity.PollAnswered.Answer("what-worries", List.of("strangers"), false)),
					"TH", "TH-10", ageBand, null, "en", DAY))
				.block(Duration.ofSeconds(5));
		}
	}

	private static Path content() {
		try {
			Path work = ContentFolders.temporaryCopy("safesteps-dashboard");
			TestPolls.write(work, "poll-dashboard", "2020-01-01", "2099-12-31");
			return work;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

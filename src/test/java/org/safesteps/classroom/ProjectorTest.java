package org.safesteps.classroom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.safesteps.support.ApiTest;
import org.safesteps.support.HeadlessChromium;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projector page in headless Chromium with a real teacher token: it starts a session and
 * shows its code; a class of 5 joins and answers, and the bars reach the true counts. A
 * screenshot is saved as target/classroom.png.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectorTest {

	@LocalServerPort
	int port;

	@Autowired
	WebTestClient http;

	WebDriver browser;

	final String teacher = TestTokens.staffAs("teacher-" + UUID.randomUUID(), "TEACHER");

	@BeforeAll
	void start() {
		HeadlessChromium.assumeInstalled();
		this.browser = HeadlessChromium.start(1280, 1600);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void barsReachTheTrueCounts() throws IOException {
		this.browser.get("http://127.0.0.1:" + this.port + "/classroom");
		this.browser.findElement(By.id("token")).sendKeys(this.teacher);
		this.browser.findElement(By.id("load")).click();
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until(driver -> !driver.findElements(By.cssSelector("#module option[value='module-9-12-my-information']"))
			.isEmpty());
		new Select(this.browser.findElement(By.id("module"))).selectByValue("module-9-12-my-information");
		this.browser.findElement(By.id("start")).click();
		wait.until(driver -> driver.findElement(By.id("code")).getText().length() == 6);
		String code = this.browser.findElement(By.id("code")).getText();
		String id = this.http.get()
			.uri("/v1/classroom/sessions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.teacher)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("items")
			.toString()
			.replaceAll("(?s).*?id=([0-9a-f-]{36}).*", "$1");

		this.browser.findElement(By.id("next")).click();
		wait.until(driver -> driver.findElement(By.id("step")).getText().startsWith("2 /"));
		this.browser.findElement(By.id("next")).click();
		wait.until(driver -> driver.findElement(By.id("step")).getText().startsWith("3 /"));
		for (int i = 0; i < 5; i++) {
			String child = TestTokens.newLearner();
			this.http.post()
				.uri("/v1/classroom/join")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + child)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("code", code))
				.exchange()
				.expectStatus()
				.isOk();
			this.http.post()
				.uri("/v1/classroom/sessions/{id}/quiz-attempts", id)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + child)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("step", "quiz", "answers", List.of(Map.of("question", "private-info", "selected",
						List.of((i < 4) ? "address" : "pet")))))
				.exchange()
				.expectStatus()
				.isCreated();
		}

		String bars = "div.question[data-step='quiz'][data-question='private-info'] .bar[data-option='%s'] .count";
		wait.until(driver -> !driver.findElements(By.cssSelector(bars.formatted("address"))).isEmpty()
				&& driver.findElement(By.cssSelector(bars.formatted("address"))).getText().equals("4"));
		assertThat(this.browser.findElement(By.cssSelector(bars.formatted("pet"))).getText()).isEqualTo("1");
		assertThat(this.browser.findElement(By.cssSelector(bars.formatted("colour"))).getText()).isEqualTo("0");
		assertThat(this.browser.findElement(By.id("participants")).getText()).isEqualTo("5");
		assertThat(code).matches("[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}");

		Path screenshot = Path.of("target", "classroom.png");
		Files.write(screenshot, ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
		assertThat(Files.size(screenshot)).isGreaterThan(10_000);
	}

}

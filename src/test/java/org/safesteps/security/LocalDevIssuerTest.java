package org.safesteps.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.safesteps.SafeStepsApplication;
import org.safesteps.support.ContractCheckExtension;
import org.safesteps.support.OwnNettyResources;
import org.safesteps.support.TestConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The local profile as the README runs it: the dev key pair is created on first start, and
 * {@code scripts/dev-token} mints tokens that the service accepts, for learners and staff.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "safesteps.embedded-mongo.in-memory=true")
@AutoConfigureWebTestClient
@ActiveProfiles("local")
@ExtendWith(ContractCheckExtension.class)
@Import({ TestConfig.class, OwnNettyResources.class })
class LocalDevIssuerTest {

	static final Path KEYS = temporaryDirectory();

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("safesteps.security.dev-issuer.key-directory", KEYS::toString);
	}

	@Autowired
	WebTestClient http;

	/** The README's dev-token command reaches the endpoints its role allows. */
	@Test
	void devTokensWorkForEveryKindOfCaller() throws Exception {
		assertThat(KEYS.resolve("private-key.pem")).exists();
		this.http.get()
			.uri("/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + devToken("ministry-analyst", "--country", "TH"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.roles[0]")
			.isEqualTo("MINISTRY_ANALYST")
			.jsonPath("$.countries[0]")
			.isEqualTo("TH");
		this.http.get()
			.uri("/v1/me/progress")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + devToken("learner"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.attempts")
			.isEqualTo(0);
		this.http.get()
			.uri("/v1/me/progress")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + devToken("teacher"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody();
	}

	/** With the dev issuer switched on outside the local profile, the service refuses to start. */
	@Test
	void devIssuerOutsideLocalProfileRefusesToStart() {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(SafeStepsApplication.class)
			.profiles("test")
			.properties("safesteps.security.dev-issuer.enabled=true", "safesteps.embedded-mongo.in-memory=true",
					"server.port=0", "safesteps.security.dev-issuer.key-directory=" + KEYS)
			.run()
			.close())
			.satisfies(ex -> assertThat(rootMessage(ex)).contains("only allowed in the 'local' profile"));
	}

	private static String devToken(String... args) throws IOException, InterruptedException {
		String[] command = new String[args.length + 1];
		command[0] = "scripts/dev-token";
		System.arraycopy(args, 0, command, 1, args.length);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("SAFESTEPS_DEV_KEY_DIR", KEYS.toString());
		Process process = builder.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static String rootMessage(Throwable ex) {
		StringBuilder messages = new StringBuilder();
		for (Throwable current = ex; current != null; current = current.getCause()) {
			messages.append(current.getMessage()).append('\n');
		}
		return messages.toString();
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("safesteps-dev-issuer");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}

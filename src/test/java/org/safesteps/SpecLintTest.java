package org.safesteps;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract passes Spectral's spectral:oas ruleset with no error and no warning (scripts/lint-spec). */
class SpecLintTest {

	@Test
	void specHasNoLintErrorsOrWarnings() throws Exception {
		Process process = new ProcessBuilder("scripts/lint-spec").redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

}

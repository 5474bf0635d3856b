package org.safesteps.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.safesteps.support.ContentFolders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import as a command of its own (what {@code scripts/import-content} runs): a separate JVM
 * with no web server imports, logs what changed and exits with a meaningful code.
 */
class ContentImportCommandTest {

	/** It imports and exits 0; run again on the same database, it finds nothing changed. */
	@Test
	void importsThenFindsNothingChanged(@TempDir Path temp) throws Exception {
		Path database = temp.resolve("data/safesteps.mv.db");
		Result first = importContent(database, Path.of("content"));
		assertThat(first.exitCode()).as(first.output()).isZero();
		assertThat(first.output()).containsPattern("Content import to version 1: [0-9]+ added, 0 changed, 0 removed");
		Result second = importContent(database, Path.of("content"));
		assertThat(second.exitCode()).as(second.output()).isZero();
		assertThat(second.output()).contains("Content import: nothing changed, content version 1");
	}

	/** An invalid file makes it exit non-zero, naming the file, the place in it and the reason. */
	@Test
	void invalidContentExitsNonZero(@TempDir Path temp) throws Exception {
		Path content = ContentFolders.copy(Path.of("content"), temp.resolve("content"));
		Path lesson = content.resolve("lessons/child-privacy-9-12.yaml");
		Files.writeString(lesson, Files.readString(lesson).replace("audience: child", "audience: robots"));
		Result result = importContent(temp.resolve("data/safesteps.mv.db"), content);
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("lessons/child-privacy-9-12.yaml at /audience");
	}

	private static Result importContent(Path database, Path content) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), "org.safesteps.SafeStepsApplication",
				"--spring.main.web-application-type=none", "--safesteps.embedded-mongo.data-file=" + database,
				"--safesteps.content.directory=" + content,
				"--safesteps.security.subject-key-secret=command-test-secret-0123456789abcdef",
				"--safesteps.participation.marker-secret=command-test-marker-secret-0123456789abcdef",
				"--safesteps.classroom.marker-secret=command-test-classroom-secret-0123456789abcdef", "import-content"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	private record Result(int exitCode, String output) {
	}

}

package org.safesteps.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Private copies of content/ and localization/ that a test may change. */
public final class ContentFolders {

	private ContentFolders() {
	}

	/** A new temporary folder holding copies of content/ and localization/. */
	public static Path temporaryCopy(String prefix) {
		try {
			Path work = Files.createTempDirectory(prefix);
			copy(Path.of("content"), work.resolve("content"));
			copy(Path.of("localization"), work.resolve("localization"));
			return work;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Path copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		return to;
	}

}

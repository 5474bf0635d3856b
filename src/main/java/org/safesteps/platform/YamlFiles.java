package org.safesteps.platform;

import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the YAML files of {@code content/} and {@code localization/}, naming the file on error. */
public final class YamlFiles {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private YamlFiles() {
	}

	/**
	 * @param base the folder file names are reported relative to
	 */
	public static JsonNode read(Path base, Path file) {
		String name = base.relativize(file).toString().replace('\\', '/');
		try {
			byte[] bytes = Files.readAllBytes(file);
			JsonNode node = YAML.readTree(bytes);
			if (node == null || node.isMissingNode() || node.isNull()) {
				throw new InvalidContentException(name, "/", "the file is empty");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new InvalidContentException(name, "/", "not valid YAML: " + ex.getOriginalMessage());
		}
		catch (java.io.IOException ex) {
			throw new InvalidContentException(name, "/", "cannot be read: " + ex.getMessage());
		}
	}

	public static String relativeName(Path base, Path file) {
		return base.relativize(file).toString().replace('\\', '/');
	}

}

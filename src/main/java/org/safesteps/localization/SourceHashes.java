package org.safesteps.localization;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import org.safesteps.platform.InvalidContentException;
import org.safesteps.platform.YamlFiles;

/**
 * What each translated string was translated from: {@code localization/<locale>/source-hashes.yaml}
 * records, per content id and key, a hash of the English string (SHA-256, first 12 hex digits;
 * {@code scripts/content-check.py --stamp} writes it). A translation whose English has changed
 * since, or that records nothing, is stale. The file sits beside the translations, which stay plain
 * key-value YAML that Weblate or Crowdin read as they are.
 */
public final class SourceHashes {

	public static final String FILE = "source-hashes.yaml";

	private SourceHashes() {
	}

	/** The hash recorded for an English string. */
	public static String of(String english) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(english.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Content id (or {@code ui}) to key to recorded hash; empty when the locale records none. */
	public static Map<String, Map<String, String>> read(Path localizationDirectory, String locale) {
		Path file = localizationDirectory.resolve(locale).resolve(FILE);
		if (!Files.isRegularFile(file)) {
			return Map.of();
		}
		String name = locale + "/" + FILE;
		JsonNode root = YamlFiles.read(localizationDirectory, file);
		Map<String, Map<String, String>> byId = new LinkedHashMap<>();
		for (var item : root.properties()) {
			if (!item.getValue().isObject()) {
				throw new InvalidContentException(name, "/" + item.getKey(), "must map keys to source hashes");
			}
			Map<String, String> hashes = new LinkedHashMap<>();
			for (var key : item.getValue().properties()) {
				if (!key.getValue().isString()) {
					throw new InvalidContentException(name, "/" + item.getKey() + "/" + key.getKey(),
							"must be a source hash");
				}
				hashes.put(key.getKey(), key.getValue().stringValue());
			}
			byId.put(item.getKey(), Map.copyOf(hashes));
		}
		return byId;
	}

	/** The translated keys whose English changed since they were translated, or that record no hash. */
	public static Set<String> staleKeys(Map<String, String> english, Set<String> translatedKeys,
			Map<String, String> recorded) {
		Set<String> stale = new TreeSet<>();
		for (String key : translatedKeys) {
			String source = english.get(key);
			if (source != null && !of(source).equals(recorded.get(key))) {
				stale.add(key);
			}
		}
		return stale;
	}

}

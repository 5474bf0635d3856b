package org.safesteps.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.safesteps.content.ContentDocuments.ClassroomModule;
import org.safesteps.content.ContentDocuments.HelpEntry;
import org.safesteps.content.ContentDocuments.Lesson;
import org.safesteps.content.ContentDocuments.Poll;
import org.safesteps.content.ContentDocuments.Topic;
import org.safesteps.content.ContentDocuments.Topics;
import org.safesteps.content.ContentSnapshot.ContentItem;
import org.safesteps.content.ContentSnapshot.Translation;
import org.safesteps.localization.LocalizationCatalog;
import org.safesteps.localization.LocalizationProperties;
import org.safesteps.localization.SourceHashes;
import org.safesteps.platform.InvalidContentException;
import org.safesteps.platform.YamlFiles;
import org.springframework.stereotype.Component;

/**
 * Reads {@code content/} and {@code localization/<locale>/content/}, checks every file against
 * its schema and every reference between files, and builds a {@link ContentSnapshot}. The first
 * problem stops the load with the file, the place in it and the reason.
 */
@Component
class ContentLoader {

	private final ContentProperties properties;

	private final LocalizationProperties localization;

	private final JsonMapper json;

	ContentLoader(ContentProperties properties, LocalizationProperties localization, JsonMapper json) {
		this.properties = properties;
		this.localization = localization;
		this.json = json;
	}

	ContentSnapshot load(LocalizationCatalog.State locales) {
		Path base = this.properties.directory();
		ContentSchemas schemas = ContentSchemas.load(base.resolve("schema"));
		Map<String, Loaded> loaded = new TreeMap<>();

		Path topicsFile = base.resolve("topics.yaml");
		JsonNode topicsNode = YamlFiles.read(base, topicsFile);
		schemas.validate(ContentKind.TOPICS.schema(), "topics.yaml", topicsNode);
		loaded.put("topics", new Loaded(ContentKind.TOPICS, "topics", "topics.yaml", topicsNode));

		for (ContentKind kind : ContentKind.values()) {
			if (kind == ContentKind.TOPICS) {
				continue;
			}
			for (Path file : yamlFiles(base.resolve(kind.folder()))) {
				String name = YamlFiles.relativeName(base, file);
				JsonNode node = YamlFiles.read(base, file);
				schemas.validate(kind.schema(), name, node);
				String id = node.path("id").stringValue();
				if (!file.getFileName().toString().equals(id + ".yaml")) {
					throw new InvalidContentException(name, "/id", "the id '" + id + "' must equal the file name");
				}
				Loaded previous = loaded.put(id, new Loaded(kind, id, name, node));
				if (previous != null) {
					throw new InvalidContentException(name, "/id",
							"the id '" + id + "' is already used by " + previous.file());
				}
			}
		}

		Map<String, Map<String, Translation>> translations = readTranslations(schemas, locales, loaded);

		Map<String, ContentItem> items = new LinkedHashMap<>();
		Map<String, Lesson> lessons = new LinkedHashMap<>();
		Map<String, Quiz> quizzes = new LinkedHashMap<>();
		Map<String, ClassroomModule> modules = new LinkedHashMap<>();
		Map<String, Poll> polls = new LinkedHashMap<>();
		Map<String, HelpEntry> help = new TreeMap<>();
		List<Topic> topics = this.json.treeToValue(topicsNode, Topics.class).topics();
		MessageDigest all = sha256();
		for (Loaded item : loaded.values()) {
			Map<String, Translation> itemTranslations = translations.getOrDefault(item.id(), Map.of());
			String hash = hash(item.node(), itemTranslations);
			all.update(item.id().getBytes(StandardCharsets.UTF_8));
			all.update(hash.getBytes(StandardCharsets.UTF_8));
			items.put(item.id(), new ContentItem(item.kind(), item.id(), item.file(), item.node(),
					TranslatableStrings.of(item.kind(), item.node()), itemTranslations, hash));
			switch (item.kind()) {
				case LESSON -> lessons.put(item.id(), this.json.treeToValue(item.node(), Lesson.class));
				case QUIZ -> quizzes.put(item.id(), this.json.treeToValue(item.node(), Quiz.class));
				case MODULE -> modules.put(item.id(), this.json.treeToValue(item.node(), ClassroomModule.class));
				case POLL -> polls.put(item.id(), this.json.treeToValue(item.node(), Poll.class));
				case HELPLINE -> {
					HelpEntry entry = this.json.treeToValue(item.node(), HelpEntry.class);
					if (help.put(entry.country(), entry) != null) {
						throw new InvalidContentException(item.file(), "/country",
								"another file already covers " + entry.country());
					}
				}
				case TOPICS -> {
				}
			}
		}
		Map<String, ContentSnapshot.Image> images = images(base, lessons.values());
		images.values().forEach(image -> {
			all.update(image.fileName().getBytes(StandardCharsets.UTF_8));
			all.update(image.bytes());
		});
		ContentSnapshot snapshot = new ContentSnapshot(Map.copyOf(items), Map.copyOf(lessons), Map.copyOf(quizzes),
				Map.copyOf(modules), Map.copyOf(polls), Map.copyOf(help), List.copyOf(topics), Map.copyOf(images),
				HexFormat.of().formatHex(all.digest()));
		new ContentReferences(snapshot).check();
		return snapshot;
	}

	/** The images lessons show, read once; a reference to a missing file stops the load. */
	private Map<String, ContentSnapshot.Image> images(Path base, java.util.Collection<Lesson> lessons) {
		Map<String, ContentSnapshot.Image> images = new TreeMap<>();
		for (Lesson lesson : lessons) {
			for (int s = 0; s < lesson.sections().size(); s++) {
				List<ContentDocuments.Block> blocks = lesson.sections().get(s).blocks();
				for (int b = 0; b < blocks.size(); b++) {
					String src = blocks.get(b).src();
					if (src == null) {
						continue;
					}
					Path file = base.resolve(src).normalize();
					String where = "/sections/" + s + "/blocks/" + b + "/src";
					if (!file.startsWith(base.resolve("images").normalize()) || !Files.isRegularFile(file)) {
						throw new InvalidContentException("lessons/" + lesson.id() + ".yaml", where,
								"the image '" + src + "' is not a file under content/images/");
					}
					try {
						String name = file.getFileName().toString();
						images.putIfAbsent(name, new ContentSnapshot.Image(name, Files.readAllBytes(file)));
					}
					catch (IOException ex) {
						throw new InvalidContentException("lessons/" + lesson.id() + ".yaml", where,
								"the image cannot be read: " + ex.getMessage());
					}
				}
			}
		}
		return images;
	}

	private Map<String, Map<String, Translation>> readTranslations(ContentSchemas schemas,
			LocalizationCatalog.State locales, Map<String, Loaded> loaded) {
		Path base = this.localization.directory();
		Map<String, Map<String, Translation>> byItem = new LinkedHashMap<>();
		for (var locale : locales.locales()) {
			if (locale.tag().equals(locales.source())) {
				continue;
			}
			Map<String, Map<String, String>> sourceHashes = SourceHashes.read(base, locale.tag());
			for (Path file : yamlFiles(base.resolve(locale.tag()).resolve("content"))) {
				String name = YamlFiles.relativeName(base, file);
				JsonNode node = YamlFiles.read(base, file);
				schemas.validate("translation", name, node);
				String id = node.path("id").stringValue();
				if (!file.getFileName().toString().equals(id + ".yaml")) {
					throw new InvalidContentException(name, "/id", "the id '" + id + "' must equal the file name");
				}
				Loaded source = loaded.get(id);
				if (source == null) {
					throw new InvalidContentException(name, "/id", "there is no content with the id '" + id + "'");
				}
				Map<String, String> sourceStrings = TranslatableStrings.of(source.kind(), source.node());
				Map<String, String> recorded = sourceHashes.getOrDefault(id, Map.of());
				Map<String, String> strings = new LinkedHashMap<>();
				for (var property : node.path("strings").properties()) {
					if (!sourceStrings.containsKey(property.getKey())) {
						throw new InvalidContentException(name, "/strings/" + property.getKey(),
								"the key is not in the English source " + source.file());
					}
					strings.put(property.getKey(), property.getValue().stringValue());
				}
				byItem.computeIfAbsent(id, key -> new TreeMap<>())
					.put(locale.tag(), new Translation(node.path("status").stringValue(), Map.copyOf(strings),
							Set.copyOf(SourceHashes.staleKeys(sourceStrings, strings.keySet(), recorded))));
			}
		}
		return byItem;
	}

	private String hash(JsonNode source, Map<String, Translation> translations) {
		MessageDigest digest = sha256();
		digest.update(this.json.writeValueAsBytes(source));
		translations.forEach((locale, translation) -> {
			digest.update(locale.getBytes(StandardCharsets.UTF_8));
			digest.update(translation.status().getBytes(StandardCharsets.UTF_8));
			digest.update(this.json.writeValueAsBytes(new TreeMap<>(translation.strings())));
			digest.update(String.join(",", new java.util.TreeSet<>(translation.staleKeys())).getBytes(StandardCharsets.UTF_8));
		});
		return HexFormat.of().formatHex(digest.digest());
	}

	private static List<Path> yamlFiles(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList());
		}
		catch (IOException ex) {
			throw new InvalidContentException(folder.toString(), "/", "cannot list the folder: " + ex.getMessage());
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Loaded(ContentKind kind, String id, String file, JsonNode node) {
	}

}

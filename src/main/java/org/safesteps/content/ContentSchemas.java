package org.safesteps.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

import org.safesteps.platform.InvalidContentException;

/** The JSON Schemas in {@code content/schema/}, applied to every content and translation file. */
final class ContentSchemas {

	private static final String BASE = "https://safesteps.org/schema/";

	private static final java.util.Set<String> COMBINATORS = java.util.Set.of("not", "oneOf", "anyOf", "allOf", "if",
			"then", "else", "contains");

	private final SchemaRegistry registry;

	private final Map<String, Schema> schemas = new HashMap<>();

	private ContentSchemas(SchemaRegistry registry) {
		this.registry = registry;
	}

	static ContentSchemas load(Path schemaDirectory) {
		Map<String, String> texts = new HashMap<>();
		try (Stream<Path> files = Files.list(schemaDirectory)) {
			for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".schema.json")).toList()) {
				texts.put(BASE + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new InvalidContentException("schema/", "/", "cannot read the schemas: " + ex.getMessage());
		}
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				builder -> builder.schemas(texts));
		return new ContentSchemas(registry);
	}

	/** @throws InvalidContentException naming the first problem by its place in the file */
	void validate(String schemaName, String file, JsonNode document) {
		Schema schema = this.schemas.computeIfAbsent(schemaName,
				name -> this.registry.getSchema(SchemaLocation.of(BASE + name + ".schema.json")));
		List<Error> errors = schema.validate(document);
		if (!errors.isEmpty()) {
			// The most specific error: a plain keyword (type, enum, required...) rather than a
			// combinator (not, oneOf...), and the deepest place in the file.
			Error first = errors.stream()
				.min(Comparator.comparing((Error e) -> COMBINATORS.contains(e.getKeyword()))
					.thenComparing(e -> -e.getInstanceLocation().toString().length())
					.thenComparing(e -> e.getInstanceLocation().toString()))
				.orElseThrow();
			String more = (errors.size() > 1) ? " (and " + (errors.size() - 1) + " more)" : "";
			throw new InvalidContentException(file, pointer(first), first.getMessage() + more);
		}
	}

	private static String pointer(Error error) {
		String location = error.getInstanceLocation().toString();
		// NodePath renders as "$.sections[0].blocks"; authors read JSON pointers more easily.
		String pointer = location.replaceFirst("^\\$", "").replaceAll("\\[(\\d+)\\]", "/$1").replace('.', '/');
		return pointer.isEmpty() ? "/" : pointer;
	}

}

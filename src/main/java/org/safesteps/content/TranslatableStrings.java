package org.safesteps.content;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Names every translatable string of a content document with a stable key (such as
 * {@code sections.intro.blocks.tip.text}) and applies translations by those keys.
 * {@code content/AUTHORING.md} documents the keys; {@code scripts/content-check.py} mirrors them.
 */
final class TranslatableStrings {

	private TranslatableStrings() {
	}

	@FunctionalInterface
	interface Slot {

		void visit(String key, String value, Consumer<String> replacement);

	}

	/** The source strings of a document by key. */
	static Map<String, String> of(ContentKind kind, JsonNode document) {
		Map<String, String> strings = new LinkedHashMap<>();
		visit(kind, document, (key, value, replacement) -> strings.put(key, value));
		return strings;
	}

	/** A copy of the document with every translated string replaced; untranslated strings stay in the source language. */
	static JsonNode translate(ContentKind kind, JsonNode document, Map<String, String> translations) {
		JsonNode copy = document.deepCopy();
		visit(kind, copy, (key, value, replacement) -> {
			String translated = translations.get(key);
			if (translated != null) {
				replacement.accept(translated);
			}
		});
		return copy;
	}

	static void visit(ContentKind kind, JsonNode document, Slot slot) {
		ObjectNode root = (ObjectNode) document;
		switch (kind) {
			case LESSON -> {
				put(slot, "title", root, "title");
				put(slot, "summary", root, "summary");
				for (JsonNode section : root.path("sections")) {
					String s = "sections." + section.path("key").stringValue();
					put(slot, s + ".title", section, "title");
					for (JsonNode block : section.path("blocks")) {
						String b = s + ".blocks." + block.path("key").stringValue();
						put(slot, b + ".title", block, "title");
						put(slot, b + ".text", block, "text");
						put(slot, b + ".alt", block, "alt");
					}
				}
			}
			case QUIZ -> {
				put(slot, "title", root, "title");
				for (JsonNode question : root.path("questions")) {
					String q = "questions." + question.path("key").stringValue();
					put(slot, q + ".prompt", question, "prompt");
					put(slot, q + ".scenario", question, "scenario");
					for (JsonNode option : question.path("options")) {
						String o = q + ".options." + option.path("key").stringValue();
						put(slot, o + ".text", option, "text");
						put(slot, o + ".feedback", option, "feedback");
					}
				}
			}
			case MODULE -> {
				put(slot, "title", root, "title");
				put(slot, "summary", root, "summary");
				if (root.path("objectives") instanceof ArrayNode objectives) {
					for (int i = 0; i < objectives.size(); i++) {
						int index = i;
						if (objectives.get(i).isString()) {
							slot.visit("objectives." + (i + 1), objectives.get(i).stringValue(),
									translated -> objectives.set(index, translated));
						}
					}
				}
				for (JsonNode step : root.path("steps")) {
					String k = "steps." + step.path("key").stringValue();
					put(slot, k + ".title", step, "title");
					put(slot, k + ".facilitatorNotes", step, "facilitatorNotes");
				}
			}
			case POLL -> {
				put(slot, "title", root, "title");
				put(slot, "policyQuestion", root, "policyQuestion");
				put(slot, "askedBy", root, "askedBy");
				for (JsonNode question : root.path("questions")) {
					String q = "questions." + question.path("key").stringValue();
					put(slot, q + ".prompt", question, "prompt");
					for (JsonNode option : question.path("options")) {
						put(slot, q + ".options." + option.path("key").stringValue() + ".text", option, "text");
					}
				}
			}
			case HELPLINE -> {
				put(slot, "countryName", root, "countryName");
				for (JsonNode service : root.path("services")) {
					String k = "services." + service.path("key").stringValue();
					put(slot, k + ".name", service, "name");
					put(slot, k + ".hours", service, "hours");
					put(slot, k + ".notes", service, "notes");
				}
			}
			case TOPICS -> {
				for (JsonNode topic : root.path("topics")) {
					put(slot, "topics." + topic.path("id").stringValue(), topic, "title");
				}
			}
		}
	}

	private static void put(Slot slot, String key, JsonNode parent, String field) {
		if (parent instanceof ObjectNode object && object.path(field).isString()) {
			slot.visit(key, object.path(field).stringValue(), translated -> object.put(field, translated));
		}
	}

}

#!/usr/bin/env python3
"""Checks content/ and localization/ the way the loader and the Java tests do.

For authors: run `python3 scripts/content-check.py` before committing content.
It validates every file against content/schema, checks references between files,
and checks every translation against the keys of its English source.
The Java build runs the same rules (ContentSchemaTest, TranslationKeysTest,
CurriculumTest); this script only gives authors a quick answer without Maven.
"""
import json
import pathlib
import sys

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

ROOT = pathlib.Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
LOCALIZATION = ROOT / "localization"
KINDS = {"lessons": "lesson", "quizzes": "quiz", "modules": "module", "polls": "poll", "helplines": "helpline"}
IDENTICAL_ALLOWED_LENGTH = 20

errors = []


def load_schemas():
    resources = []
    schemas = {}
    for path in (CONTENT / "schema").glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
        schemas[path.name.removesuffix(".schema.json")] = schema
    registry = Registry().with_resources(resources)
    return {name: Draft202012Validator(s, registry=registry) for name, s in schemas.items()}


def translatable_keys(kind, doc):
    keys = {}

    def put(key, value):
        if value is not None:
            keys[key] = value

    if kind == "lesson":
        put("title", doc.get("title"))
        put("summary", doc.get("summary"))
        for s in doc.get("sections", []):
            put(f"sections.{s['key']}.title", s.get("title"))
            for b in s.get("blocks", []):
                for field in ("title", "text", "alt"):
                    put(f"sections.{s['key']}.blocks.{b['key']}.{field}", b.get(field))
    elif kind == "quiz":
        put("title", doc.get("title"))
        for q in doc.get("questions", []):
            put(f"questions.{q['key']}.prompt", q.get("prompt"))
            put(f"questions.{q['key']}.scenario", q.get("scenario"))
            for o in q.get("options", []):
                put(f"questions.{q['key']}.options.{o['key']}.text", o.get("text"))
                put(f"questions.{q['key']}.options.{o['key']}.feedback", o.get("feedback"))
    elif kind == "module":
        put("title", doc.get("title"))
        put("summary", doc.get("summary"))
        for i, o in enumerate(doc.get("objectives", []), start=1):
            put(f"objectives.{i}", o)
        for st in doc.get("steps", []):
            put(f"steps.{st['key']}.title", st.get("title"))
            put(f"steps.{st['key']}.facilitatorNotes", st.get("facilitatorNotes"))
    elif kind == "poll":
        put("title", doc.get("title"))
        for q in doc.get("questions", []):
            put(f"questions.{q['key']}.prompt", q.get("prompt"))
            for o in q.get("options", []):
                put(f"questions.{q['key']}.options.{o['key']}.text", o.get("text"))
    elif kind == "helpline":
        put("countryName", doc.get("countryName"))
        for sv in doc.get("services", []):
            for field in ("name", "hours", "notes"):
                put(f"services.{sv['key']}.{field}", sv.get(field))
    elif kind == "topics":
        for t in doc.get("topics", []):
            put(f"topics.{t['id']}", t.get("title"))
    return keys


def read_yaml(path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        errors.append(f"{path.relative_to(ROOT)}: not valid YAML: {e}")
        return None


def validate(validator, path, doc):
    for err in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
        where = "/" + "/".join(str(p) for p in err.absolute_path)
        errors.append(f"{path.relative_to(ROOT)} at {where}: {err.message}")


def main():
    validators = load_schemas()
    sources = {}  # id -> (kind, doc, path)
    topics_path = CONTENT / "topics.yaml"
    topics = read_yaml(topics_path) or {}
    validate(validators["topics"], topics_path, topics)
    topic_ids = {t["id"] for t in topics.get("topics", [])}
    sources["topics"] = ("topics", topics, topics_path)

    for folder, kind in KINDS.items():
        for path in sorted((CONTENT / folder).glob("*.yaml")):
            doc = read_yaml(path)
            if doc is None:
                continue
            validate(validators[kind], path, doc)
            if doc.get("id") != path.stem:
                errors.append(f"{path.relative_to(ROOT)}: id '{doc.get('id')}' must equal the file name")
            if doc.get("id") in sources:
                errors.append(f"{path.relative_to(ROOT)}: id '{doc.get('id')}' is used twice")
            sources[doc.get("id")] = (kind, doc, path)

    def rel(p):
        return p.relative_to(ROOT)

    for cid, (kind, doc, path) in sources.items():
        if kind in ("lesson", "quiz", "poll", "module") and doc.get("topic") not in topic_ids:
            errors.append(f"{rel(path)}: topic '{doc.get('topic')}' is not in content/topics.yaml")
        if kind == "lesson" and doc.get("quiz"):
            quiz = sources.get(doc["quiz"])
            if not quiz or quiz[0] != "quiz":
                errors.append(f"{rel(path)}: quiz '{doc['quiz']}' does not exist")
            elif quiz[1].get("lesson") != cid:
                errors.append(f"{rel(path)}: quiz '{doc['quiz']}' must name this lesson in its 'lesson' field")
        if kind == "quiz":
            if doc.get("lesson") and (doc["lesson"] not in sources or sources[doc["lesson"]][0] != "lesson"):
                errors.append(f"{rel(path)}: lesson '{doc['lesson']}' does not exist")
            prompts = [(q.get("prompt"), q.get("scenario")) for q in doc.get("questions", [])]
            if len(prompts) != len(set(prompts)):
                errors.append(f"{rel(path)}: a question is repeated")
            qkeys = [q.get("key") for q in doc.get("questions", [])]
            if len(qkeys) != len(set(qkeys)):
                errors.append(f"{rel(path)}: a question key is repeated")
            for q in doc.get("questions", []):
                okeys = [o.get("key") for o in q.get("options", [])]
                if len(okeys) != len(set(okeys)):
                    errors.append(f"{rel(path)}: question '{q.get('key')}' repeats an option key")
        if kind == "lesson":
            skeys = [s.get("key") for s in doc.get("sections", [])]
            if len(skeys) != len(set(skeys)):
                errors.append(f"{rel(path)}: a section key is repeated")
            for s in doc.get("sections", []):
                bkeys = [b.get("key") for b in s.get("blocks", [])]
                if len(bkeys) != len(set(bkeys)):
                    errors.append(f"{rel(path)}: section '{s.get('key')}' repeats a block key")
        if kind == "module":
            total = sum(st.get("minutes", 0) for st in doc.get("steps", []))
            if total != doc.get("totalMinutes"):
                errors.append(f"{rel(path)}: steps add up to {total} minutes, totalMinutes says {doc.get('totalMinutes')}")
            for st in doc.get("steps", []):
                ref = st.get("ref")
                want = {"lesson": "lesson", "quiz": "quiz", "poll": "poll"}.get(st.get("kind"))
                if ref and (ref not in sources or sources[ref][0] != want):
                    errors.append(f"{rel(path)}: step '{st.get('key')}' refers to missing {want} '{ref}'")

    ui_source = read_yaml(LOCALIZATION / "en" / "ui.yaml") or {}
    validate(validators["translation"], LOCALIZATION / "en" / "ui.yaml", ui_source)

    for locale_dir in sorted(p for p in LOCALIZATION.iterdir() if p.is_dir() and p.name != "en"):
        for path in sorted((locale_dir / "content").glob("*.yaml")):
            doc = read_yaml(path)
            if doc is None:
                continue
            validate(validators["translation"], path, doc)
            if path.stem not in sources:
                errors.append(f"{rel(path)}: no content with id '{path.stem}'")
                continue
            kind, src, _ = sources[path.stem]
            compare(path, translatable_keys(kind, src), doc.get("strings") or {})
        ui = locale_dir / "ui.yaml"
        if ui.exists():
            doc = read_yaml(ui)
            if doc is not None:
                validate(validators["translation"], ui, doc)
                compare(ui, ui_source.get("strings") or {}, doc.get("strings") or {})

    counts = {}
    for kind, doc, _ in sources.values():
        counts[kind] = counts.get(kind, 0) + 1
    if errors:
        print("\n".join(errors))
        print(f"{len(errors)} problem(s)")
        return 1
    print(f"content OK: {counts}")
    return 0


def compare(path, source_keys, strings):
    rel = path.relative_to(ROOT)
    for key in sorted(set(source_keys) - set(strings)):
        errors.append(f"{rel}: missing key '{key}'")
    for key in sorted(set(strings) - set(source_keys)):
        errors.append(f"{rel}: extra key '{key}' (not in the English source)")
    for key, value in strings.items():
        if not isinstance(value, str) or not value.strip():
            errors.append(f"{rel}: key '{key}' is empty")
        elif key in source_keys and value == source_keys[key] and len(value) > IDENTICAL_ALLOWED_LENGTH:
            errors.append(f"{rel}: key '{key}' is left identical to English")


if __name__ == "__main__":
    sys.exit(main())

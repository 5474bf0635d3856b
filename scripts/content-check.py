#!/usr/bin/env python3
"""Checks content/ and localization/ the way the loader and the Java tests do.

For authors: run `python3 scripts/content-check.py` before committing content.
It validates every file against content/schema, checks references between files
(image files included), checks every translation against the keys of its English
source and against its locale's glossary, and reports stale translations.
The Java build runs the same rules (ContentFilesTest); this script only gives
authors a quick answer without Maven.

  python3 scripts/content-check.py                     check everything
  python3 scripts/content-check.py --stale [LOCALE...]  list stale strings per locale
  python3 scripts/content-check.py --stamp LOCALE [ID...]
        record that LOCALE's translation of these items (all, if no id is given)
        was made from the current English: run it after translating or updating
        an item. See localization/README.md.
"""
import argparse
import hashlib
import json
import pathlib
import re
import sys

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

ROOT = pathlib.Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
LOCALIZATION = ROOT / "localization"
KINDS = {"lessons": "lesson", "quizzes": "quiz", "modules": "module", "polls": "poll", "helplines": "helpline"}
IDENTICAL_ALLOWED_LENGTH = 20
SOURCE_HASHES = "source-hashes.yaml"
GLOSSARY = "glossary.yaml"
REQUIRED_TERMS = {"grooming", "sextortion", "trusted-adult", "helpline"}

errors = []


def source_hash(text):
    """The hash a translation records of the English it was made from (the Java loader computes the same)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def glossary_exempt(kind, key):
    """Help services keep their proper names (\"Kids Helpline\"), so names are not held to the glossary."""
    return kind == "helpline" and key.endswith(".name")


def term_pattern(forms):
    return re.compile("|".join(r"(?<![\w])" + re.escape(f) for f in forms), re.IGNORECASE)


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
        put("policyQuestion", doc.get("policyQuestion"))
        put("askedBy", doc.get("askedBy"))
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

    for cid, (kind, doc, path) in sources.items():
        if kind == "lesson":
            for s in doc.get("sections", []):
                for b in s.get("blocks", []):
                    if b.get("type") == "image" and not (CONTENT / b.get("src", "")).is_file():
                        errors.append(f"{rel(path)}: image '{b.get('src')}' of block '{b.get('key')}' "
                                      f"is not a file under content/")

    ui_source = read_yaml(LOCALIZATION / "en" / "ui.yaml") or {}
    validate(validators["translation"], LOCALIZATION / "en" / "ui.yaml", ui_source)
    sources["ui"] = ("ui", None, LOCALIZATION / "en" / "ui.yaml")

    translations = {}  # locale -> id -> (kind, English strings by key, translated strings by key)
    for locale_dir in sorted(p for p in LOCALIZATION.iterdir() if p.is_dir() and p.name != "en"):
        found = translations.setdefault(locale_dir.name, {})
        for path in sorted((locale_dir / "content").glob("*.yaml")):
            doc = read_yaml(path)
            if doc is None:
                continue
            validate(validators["translation"], path, doc)
            if path.stem not in sources:
                errors.append(f"{rel(path)}: no content with id '{path.stem}'")
                continue
            kind, src, _ = sources[path.stem]
            source_keys = translatable_keys(kind, src)
            compare(path, source_keys, doc.get("strings") or {})
            found[path.stem] = (kind, source_keys, doc.get("strings") or {})
        ui = locale_dir / "ui.yaml"
        if ui.exists():
            doc = read_yaml(ui)
            if doc is not None:
                validate(validators["translation"], ui, doc)
                compare(ui, ui_source.get("strings") or {}, doc.get("strings") or {})
                found["ui"] = ("ui", ui_source.get("strings") or {}, doc.get("strings") or {})
        check_glossary(validators["glossary"], locale_dir, found)

    args = arguments()
    if args.stamp:
        return stamp(args.stamp[0], args.stamp[1:], translations)
    stale = {locale: stale_strings(locale, found) for locale, found in translations.items()}

    counts = {}
    for kind, doc, _ in sources.values():
        counts[kind] = counts.get(kind, 0) + 1
    if args.stale is not None:
        for locale in (args.stale or sorted(stale)):
            if locale not in stale:
                errors.append(f"no translations for locale '{locale}'")
                continue
            print(f"{locale}: {len(stale[locale])} stale string(s)")
            for cid, key, why in stale[locale]:
                print(f"  {cid}: {key} ({why})")
    if errors:
        print("\n".join(errors))
        print(f"{len(errors)} problem(s)")
        return 1
    summary = ", ".join(f"{locale} {len(items)}" for locale, items in sorted(stale.items()))
    print(f"content OK: {counts}; stale translated strings: {summary or 'none'}"
          + (" (list them with --stale)" if any(stale.values()) else ""))
    return 0


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stale", nargs="*", metavar="LOCALE", help="list stale strings per locale")
    parser.add_argument("--stamp", nargs="+", metavar="LOCALE [ID]",
                        help="record that LOCALE's translation of these items was made from the current English")
    return parser.parse_args()


def read_source_hashes(locale):
    path = LOCALIZATION / locale / SOURCE_HASHES
    if not path.exists():
        return {}
    doc = read_yaml(path) or {}
    if not isinstance(doc, dict) or not all(isinstance(v, dict) for v in doc.values()):
        errors.append(f"{path.relative_to(ROOT)}: must map each content id to its keys' source hashes")
        return {}
    return doc


def stale_strings(locale, found):
    """(id, key, reason) for every translated string whose English changed since it was translated."""
    recorded = read_source_hashes(locale)
    stale = []
    for cid, (kind, source_keys, strings) in sorted(found.items()):
        hashes = recorded.get(cid) or {}
        for key in sorted(strings):
            if key not in source_keys:
                continue
            if key not in hashes:
                stale.append((cid, key, "no source hash recorded"))
            elif hashes[key] != source_hash(source_keys[key]):
                stale.append((cid, key, "the English changed"))
    return stale


def stamp(locale, ids, translations):
    if errors:
        print("\n".join(errors))
        print(f"{len(errors)} problem(s) elsewhere; stamping anyway")
    found = translations.get(locale)
    if found is None:
        print(f"no translations for locale '{locale}'")
        return 2
    unknown = [cid for cid in ids if cid not in found]
    if unknown:
        print(f"{locale} has no translation of: {', '.join(unknown)}")
        return 2
    recorded = read_source_hashes(locale)
    for cid in (ids or found):
        _, source_keys, strings = found[cid]
        recorded[cid] = {key: source_hash(source_keys[key]) for key in sorted(strings) if key in source_keys}
    path = LOCALIZATION / locale / SOURCE_HASHES
    lines = ["# For each translated string, a hash of the English it was translated from (SHA-256 of the",
             "# English string, first 12 hex digits). A string whose English has changed since is stale.",
             "# Written by `python3 scripts/content-check.py --stamp " + locale + " ID...`; see localization/README.md."]
    for cid in sorted(recorded):
        lines.append(f"{cid}:")
        for key in sorted(recorded[cid]):
            lines.append(f"  {json.dumps(key)}: \"{recorded[cid][key]}\"")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"stamped {len(ids) or len(found)} item(s) of {locale} in {path.relative_to(ROOT)}")
    return 0


def check_glossary(validator, locale_dir, found):
    path = locale_dir / GLOSSARY
    if not path.exists():
        errors.append(f"{path.relative_to(ROOT)}: every language needs a glossary of its key terms")
        return
    glossary = read_yaml(path)
    if glossary is None:
        return
    validate(validator, path, glossary)
    missing = REQUIRED_TERMS - {term.get("key") for term in glossary.get("terms") or []}
    if missing:
        errors.append(f"{path.relative_to(ROOT)}: lacks the key terms {', '.join(sorted(missing))}")
    if glossary.get("locale") != locale_dir.name:
        errors.append(f"{path.relative_to(ROOT)}: locale must be '{locale_dir.name}'")
    for term in glossary.get("terms") or []:
        english = term_pattern(term.get("en") or [])
        use = [form.casefold() for form in term.get("use") or []]
        avoid = [form.casefold() for form in term.get("avoid") or []]
        for cid, (kind, source_keys, strings) in sorted(found.items()):
            for key, text in sorted(strings.items()):
                if not isinstance(text, str) or glossary_exempt(kind, key):
                    continue
                folded = text.casefold()
                where = f"{(locale_dir / 'content' / (cid + '.yaml')).relative_to(ROOT) if cid != 'ui' else (locale_dir / 'ui.yaml').relative_to(ROOT)}"
                for form in avoid:
                    if form in folded:
                        errors.append(f"{where}: '{key}' uses '{form}'; the glossary term for "
                                      f"'{term.get('key')}' is '{term['use'][0]}'")
                if key in source_keys and english.search(source_keys[key]) and not any(f in folded for f in use):
                    errors.append(f"{where}: '{key}' translates '{english.search(source_keys[key]).group(0)}' "
                                  f"without the glossary term '{term['use'][0]}'")


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

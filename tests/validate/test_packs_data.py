"""The built-in packs are well-formed data: valid pack.json, valid JSON Schemas, every rule
annotated with id, severity, message, source URL and as-of date, every check known."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from ldpress.validate.packs import builtin_packs
from ldpress.validate.packs.checks import CHECKS
from ldpress.validate.packs.model import ANNOTATION, BUILTIN_DIR, PACK_SCHEMA

PACK_DIRS = sorted(p.parent for p in BUILTIN_DIR.glob("*/pack.json"))
# Sources named in ../shared/docs/RULES.md (the facts every rule must come from).
RULE_SOURCES = {
    "https://developers.google.com/search/docs/appearance/structured-data/article",
    "https://developers.google.com/search/docs/appearance/structured-data/event",
    "https://developers.google.com/search/docs/appearance/structured-data/factcheck",
    "https://developers.google.com/search/docs/appearance/structured-data/profile-page",
    "https://developers.google.com/search/docs/appearance/structured-data/speakable",
    "https://developers.google.com/search/docs/appearance/structured-data/sd-policies",
}
ASSERTIONS = {"required", "pattern", "maxLength", "minimum", "not", "anyOf", "const", "enum"}


def test_builtin_packs_are_the_documented_ones() -> None:
    ids = {p.id for p in builtin_packs()}
    assert ids == {
        "factcheck",
        "google-article",
        "google-event",
        "google-profilepage",
        "google-speakable",
    }


@pytest.mark.parametrize("pack_dir", PACK_DIRS, ids=lambda p: p.name)
def test_pack_json_is_valid(pack_dir: Path) -> None:
    meta = json.loads((pack_dir / "pack.json").read_text())
    Draft202012Validator(json.loads(PACK_SCHEMA.read_text())).validate(meta)
    assert meta["id"] == pack_dir.name
    assert meta["source"] in RULE_SOURCES
    for target in meta["targets"]:
        for c in target.get("checks", ()):
            assert c["check"] in CHECKS, c
            assert c["source"] in RULE_SOURCES


def _walk(node: Any, rule: dict[str, Any] | None, path: str) -> Iterator[tuple[str, str, Any]]:
    """(path, keyword, enclosing rule) for every assertion keyword of a schema."""
    if isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, rule, f"{path}/{i}")
        return
    if not isinstance(node, dict):
        return
    rule = node.get(ANNOTATION, rule)
    for key, value in node.items():
        if key in ASSERTIONS:
            yield path, key, rule
        if key not in ("properties", "$defs"):
            yield from _walk(value, rule, f"{path}/{key}")
        else:
            for name, sub in value.items():
                yield from _walk(sub, rule, f"{path}/{key}/{name}")


@pytest.mark.parametrize(
    "schema_file",
    sorted(p for d in PACK_DIRS for p in d.glob("*.schema.json")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_schema_is_valid_and_every_assertion_is_a_rule(schema_file: Path) -> None:
    schema = json.loads(schema_file.read_text())
    Draft202012Validator.check_schema(schema)
    rule_ids = set()
    for path, keyword, rule in _walk(schema, None, ""):
        if "/if" in f"{path}/":
            continue  # inside a condition: not an assertion
        assert rule is not None, f"{path}/{keyword} belongs to no x-ldpress rule"
        assert set(rule) >= {"rule", "severity", "message", "source", "as_of"}
        assert rule["source"] in RULE_SOURCES
        assert rule["severity"] in ("required", "recommended", "advice")
        rule_ids.add(rule["rule"])
    assert rule_ids, "a schema with no rules"


def test_rule_ids_are_unique_per_pack() -> None:
    for pack in builtin_packs():
        seen: dict[str, str] = {}
        for target in pack.targets:
            anns = [r for _, _, r in _walk(target.schema, None, "") if r is not None]
            for r in [
                *anns,
                *({"rule": c.rule.id, "message": c.rule.message} for c in target.checks),
            ]:
                assert seen.setdefault(r["rule"], r["message"]) == r["message"], r["rule"]


def test_headline_length_is_never_an_error() -> None:
    """RULES.md: the old 110-character headline limit is obsolete (info at most)."""
    article = next(p for p in builtin_packs() if p.id == "google-article")
    rules = [r for _, _, r in _walk(article.targets[0].schema, None, "") if r]
    assert {r["severity"] for r in rules if r["rule"] == "headline_long"} == {"advice"}
    assert not any("publisher" in r["rule"] for r in rules)

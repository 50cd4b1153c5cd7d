"""The plain ``required`` rules answered in Python: the same errors, in the same order, as
jsonschema-rs gives for the whole schema, on generated entities and on every entity of the
golden cases, Google's samples and the corpus pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ldpress.validate.packs.fastschema import RequiredSplit, rs_errors, split_required
from tests.conftest import CORPUS, needs_shared
from tests.validate.packs_support import entity_targets

rs = pytest.importorskip("jsonschema_rs")

RULE = {"x-ldpress": {"rule": "r"}}
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "allOf": [
        {**RULE, "required": ["a", "b"]},
        {**RULE, "properties": {"a": {"type": "string", "maxLength": 3}}},
        {**RULE, "required": ["c"]},
        {**RULE, "properties": {"b": {"anyOf": [{"required": ["x"]}, {"required": ["y"]}]}}},
        {**RULE, "required": ["b"], "properties": {"b": {"type": "object"}}},  # not plain
    ],
}


def _whole(validator: Any, data: Any) -> list[tuple[Any, ...]]:
    return [e[:3] for e in rs_errors(validator, data)]


def _split(split: RequiredSplit, data: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [e[:3] for e in split.errors(data)]


def test_plain_required_rules_are_split_off_and_the_others_keep_their_index() -> None:
    split = split_required(rs, SCHEMA)
    assert split is not None
    assert split.required == {0: ("a", "b"), 2: ("c",)}
    assert _split(split, {"a": "long", "b": {}}) == [
        (("allOf", 1, "properties", "a", "maxLength"), ("a",), "maxLength"),
        (("allOf", 2, "required"), (), "required"),
        (("allOf", 3, "properties", "b", "anyOf"), ("b",), "anyOf"),
    ]


@pytest.mark.parametrize(
    "schema",
    [
        {"allOf": [{"properties": {"a": {"type": "string"}}}]},  # no plain required rule
        {**SCHEMA, "properties": {"a": {}}},  # a keyword beside allOf
        {**SCHEMA, "type": "array"},
        {"required": ["a"]},  # no allOf
        {"allOf": [{"required": ["a"], "minProperties": 2}]},
    ],
)
def test_schemas_whose_errors_could_come_otherwise_are_not_split(schema: Any) -> None:
    assert split_required(rs, schema) is None


def test_messages_are_masked() -> None:
    split = split_required(rs, SCHEMA)
    assert split is not None
    [error] = split.rest.iter_errors({"a": "secret-value", "b": {"x": 1}})
    assert "secret-value" not in error.message


keys = st.sampled_from(["a", "b", "c", "x"])
values = st.none() | st.text(max_size=5) | st.dictionaries(keys, st.integers(), max_size=3)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(keys, values, max_size=4))
def test_generated_entities_get_the_whole_schemas_errors_in_order(data: dict[str, Any]) -> None:
    split = split_required(rs, SCHEMA)
    assert split is not None
    assert _split(split, data) == _whole(rs.validator_for(SCHEMA), data)


def _compare(paths: list[Path]) -> int:
    compared = 0
    for path, target, data in entity_targets(paths):
        if target.split is None:
            continue
        whole = _whole(rs.validator_for(target.schema), data)
        assert _split(target.split, data) == whole, path
        compared += len(whole)
    return compared


def test_golden_cases_get_the_whole_schemas_errors_in_order() -> None:
    cases = Path(__file__).resolve().parents[1] / "cases" / "packs"
    assert _compare(sorted(cases.glob("*/input.*"))) > 20


@needs_shared
def test_corpus_pages_get_the_whole_schemas_errors_in_order() -> None:
    pages = [p for p in sorted(CORPUS.rglob("*")) if p.suffix in {".html", ".htm"}]
    assert _compare(pages) > 300

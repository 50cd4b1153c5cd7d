"""The JSON position walker: every path of a value is located at its member's key or, for
list items and the root, at the value itself, whatever the spacing and escapes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ldpress.validate.jsonpos import locate_paths, max_depth
from ldpress.validate.model import PathTuple

text = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
    max_leaves=30,
)
_DECODER = json.JSONDecoder()


def _paths(value: Any, path: PathTuple = ()) -> dict[PathTuple, Any]:
    """Every path of a parsed value: what sits at each (the key for object members)."""
    out: dict[PathTuple, Any] = {path: value}
    if isinstance(value, dict):
        for k, v in value.items():
            out.update(_paths(v, (*path, k)))
            out[(*path, k)] = k
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.update(_paths(v, (*path, i)))
            out[(*path, i)] = v
    return out


@settings(max_examples=200, deadline=None)
@given(json_values, st.sampled_from([None, 0, 2]), st.booleans(), st.sampled_from(["", " \n"]))
def test_every_path_points_at_its_key_or_value(
    value: Any, indent: int | None, ascii_only: bool, lead: str
) -> None:
    doc = lead + json.dumps(value, indent=indent, ensure_ascii=ascii_only) + " [1]"
    found = locate_paths(doc)
    expected = _paths(value)
    assert set(found) == set(expected)
    for path, at in expected.items():
        decoded, _ = _DECODER.raw_decode(doc, found[path])
        assert decoded == at or (at != at and decoded != decoded)


def test_a_start_and_prefix_locate_a_later_value() -> None:
    doc = '{"a": 1} {"b": [[], {}, "x"], "c\\u0022d": null}'
    found = locate_paths(doc, 8, (1,))
    assert found == {
        (1,): 9,
        (1, "b"): 10,
        (1, "b", 0): 16,
        (1, "b", 1): 20,
        (1, "b", 2): 24,
        (1, 'c"d'): 30,
    }


def test_escaped_quotes_and_backslash_runs_end_strings_where_json_does() -> None:
    doc = r'{"a\\": "x\\\"y", "b\"c": ["\\", 1], "d": "\u0022"}'
    found = locate_paths(doc)
    assert found == {
        (): 0,
        ("a\\",): 1,
        ('b"c',): doc.index('"b'),
        ('b"c', 0): doc.index('["') + 1,
        ('b"c', 1): doc.index("1]"),
        ("d",): doc.index('"d'),
    }


def test_empty_containers_and_a_root_scalar() -> None:
    assert locate_paths('{"a": [], "b": {}, "c": 1}') == {(): 0, ("a",): 1, ("b",): 10, ("c",): 19}
    assert locate_paths("  42") == {(): 2}
    assert locate_paths("[]") == {(): 0}


def test_text_that_is_not_json_keeps_the_paths_found_before_it() -> None:
    found = locate_paths('{"a": 1, 2: 3}')
    assert found == {(): 0, ("a",): 1}


def test_a_repeated_key_is_located_at_its_last_occurrence() -> None:
    # orjson (like JSON.parse) keeps the last value of a repeated key, so that is the member
    # a finding talks about; a walk that stopped at the first occurrence would point at the
    # discarded one (schema.org's example eg-0491 repeats "incentivizedItem").
    doc = '{"a": {"b": 1}, "c": 2, "a": {"b": 3}}'
    found = locate_paths(doc)
    assert found[("a",)] == doc.rindex('"a"')
    assert found[("a", "b")] == doc.rindex('"b"')


@pytest.mark.parametrize(
    ("value", "limit", "depth"),
    [
        ("x", 5, 1),
        ({}, 5, 1),
        ([[], {"a": [1]}], 5, 3),
        ({"a": {"b": {"c": [{}]}}, "d": 1}, 9, 5),
        ([[[[[1]]]]], 2, 3),  # counting stops once the limit is passed
        ([[1]], 0, 1),
    ],
)
def test_max_depth(value: object, limit: int, depth: int) -> None:
    assert max_depth(value, limit) == depth

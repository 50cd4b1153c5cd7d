"""Hypothesis properties: reading never raises; strict JSON parses exactly as orjson with no
findings, and the locator points at each member's key and each item's value."""

from __future__ import annotations

import gzip
import json
from typing import Any

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ldpress.validate import syntax
from ldpress.validate.model import Context, Options, PathTuple
from ldpress.validate.sources import load_source
from ldpress.validate.tolerant import parse_block

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

text = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | text
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
    max_leaves=25,
)
fragments = st.sampled_from(
    [
        b'<script type="application/ld+json">',
        b"</script>",
        b"<!--",
        b"-->",
        b"<![CDATA[",
        b"]]>",
        b"{",
        b"}",
        b"[",
        b"]",
        b'"',
        b"'",
        b"\\",
        b",",
        b";",
        b"//",
        b"/*",
        b"*/",
        b"&quot;",
        b"\n",
        b"\xff",
        b"\xef\xbb\xbf",
        b'<meta charset="shift_jis">',
        b'<link rel="canonical" href="x">',
        b'<div itemscope itemtype="https://schema.org/Thing" itemref="r">',
        b'<span itemprop="name" id="r">',
        b'<p vocab="https://schema.org/" typeof="Person" property="name">',
        b"</div>",
    ]
)
page_bytes = st.lists(fragments | st.binary(max_size=8), max_size=40).map(b"".join)


@SETTINGS
@given(
    data=st.binary(max_size=300) | page_bytes,
    name=st.sampled_from(["a.html", "a.json", "-", "a.html.gz"]),
)
def test_load_source_never_raises(data: bytes, name: str) -> None:
    if name.endswith(".gz") and data[:1] == b"<":
        data = gzip.compress(data)
    source = load_source(name, data)
    for block in source.blocks:
        block.locate(("@graph", 0, "x"))
    for finding in syntax.check(source, Context(Options())):
        assert finding.file == name


@SETTINGS
@given(value=json_values, indent=st.sampled_from([None, 2, "\t"]), ascii_=st.booleans())
def test_strict_json_parses_as_orjson_without_findings(
    value: Any, indent: Any, ascii_: bool
) -> None:
    doc = json.dumps(value, indent=indent, ensure_ascii=ascii_)
    block = parse_block(doc, file="f.json", index=0, kind="jsonld-file", line=1, column=1)
    assert block.parsed and not block.findings
    assert block.data == orjson.loads(doc)
    _check_locations(doc, block.data, block.locate)


def _offset(doc: str, line: int, column: int) -> int:
    lines = doc.split("\n")
    return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1


def _check_locations(doc: str, value: Any, locate: Any, path: PathTuple = ()) -> None:
    """A dict member is located at its key, a list item at the item's value."""
    if isinstance(value, dict):
        for key, child in value.items():
            at = _offset(doc, *locate((*path, key)))
            assert json.JSONDecoder().raw_decode(doc, at)[0] == key
            _check_locations(doc, child, locate, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            at = _offset(doc, *locate((*path, i)))
            assert json.JSONDecoder().raw_decode(doc, at)[0] == child
            _check_locations(doc, child, locate, (*path, i))

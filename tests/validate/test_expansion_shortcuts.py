"""The JSON-LD layer's shortcut: a block the fast check saw whole, with nothing the walk of
the block as written would report, skips that walk and the context-URL walk.

The findings must be the same with and without the shortcut: a Hypothesis property compares
the layer against itself with the shortcut disabled, and every schema.org example and corpus
block the shortcut takes is walked to show the walk has nothing to say there.
"""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ldpress.validate import expansion
from ldpress.validate.fastcheck import fast_check_closed
from ldpress.validate.jsonldwalk import BlockWalk
from ldpress.validate.model import Block
from tests.conftest import needs_shared
from tests.support.blocks import doc_source, make_context
from tests.validate.test_expansion import JSON, _corpus_blocks, _example_blocks

CTX = "https://schema.org"
VALUES = st.sampled_from(
    [
        None,
        "",
        "x",
        "https://a.example/b",
        "www.a.example/b",
        "a b",
        "_:b0",
        "#frag",
        "/rel",
        "schema:Thing",
        1,
        [None, "x"],
        ["https://a.example/", "rel"],
    ]
)
NODE = st.recursive(
    st.dictionaries(
        st.sampled_from(
            ["@id", "@type", "id", "url", "sameAs", "name", "@typ", "@1", "x:y", "x y"]
        ),
        VALUES,
        max_size=4,
    ),
    lambda inner: st.dictionaries(
        st.sampled_from(["author", "publisher", "itemListElement", "@graph", "@value"]),
        inner | st.lists(inner, max_size=2),
        max_size=2,
    ),
    max_leaves=6,
)
DOCS = (NODE.map(lambda d: {"@context": CTX, **d}) | JSON).flatmap(
    lambda d: st.sampled_from([d, [d, {"@context": {"@vocab": "https://schema.org/"}}]])
)


def _findings(doc: Any, kind: str, url: str | None, shortcut: bool) -> list[Any]:
    src = doc_source(doc, kind=kind, url=url)
    if shortcut:
        return list(expansion.check(src, make_context()))
    with mock.patch.object(expansion, "fast_check_closed", return_value=0):
        return list(expansion.check(src, make_context()))


@settings(max_examples=400, deadline=None)
@given(
    doc=DOCS,
    kind=st.sampled_from(["jsonld", "html"]),
    url=st.sampled_from([None, "https://n.example/a"]),
)
def test_shortcut_changes_no_finding(doc: Any, kind: str, url: str | None) -> None:
    assert _findings(doc, kind, url, True) == _findings(doc, kind, url, False)


@pytest.mark.parametrize(
    "doc",
    [
        {"@context": CTX, "@type": "Thing", "name": None},
        {"@context": CTX, "@type": "Thing", "sameAs": [None]},
        {"@context": CTX, "@typ": "Thing"},
        {"@context": CTX, "@1": "x"},
        {"@context": CTX, "x y": "v"},
        {"@context": CTX, "url": "www.a.example/b"},
        {"@context": CTX, "@id": "a b"},
        {"@context": CTX, "@id": "rel"},
    ],
    ids=[
        "null",
        "null-item",
        "keyword-typo",
        "at-term",
        "dropped",
        "host-like",
        "bad-iri",
        "relative",
    ],
)
def test_what_the_walk_reports_is_never_cut_short(doc: Any) -> None:
    assert fast_check_closed(doc, None, False) == 1
    assert _findings(doc, "jsonld", None, True)


@needs_shared
@pytest.mark.parametrize("has_base", [False, True])
def test_the_walk_finds_nothing_where_the_shortcut_is_taken(has_base: bool) -> None:
    base = "https://news.example/a/b" if has_base else None
    taken = 0
    docs = _example_blocks() + _corpus_blocks()
    for name, doc in docs:
        if fast_check_closed(doc, base, has_base) != 2:
            continue
        taken += 1
        block = Block(file="x", index=0, kind="jsonld-file", line=1, column=1, data=doc)
        block.parsed = True
        out: list[Any] = []
        BlockWalk(block, has_base, out).run(expansion.block_terms(block, make_context()))
        assert out == [], name
    assert taken > len(docs) // 2  # the shortcut carries most real blocks

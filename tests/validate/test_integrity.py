"""The graph layer across the blocks of one source."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ldpress.validate import integrity
from ldpress.validate.pageids import Page
from tests.support.blocks import doc_source, make_context

CTX = "https://schema.org"


def codes(*docs: Any, **kw: Any) -> list[tuple[str, str | None]]:
    return [(f.code, f.path) for f in integrity.check(doc_source(*docs, **kw), make_context())]


def test_reference_resolves_across_blocks() -> None:
    a = {"@context": CTX, "@type": "NewsArticle", "author": {"@id": "#ana"}}
    b = {"@context": CTX, "@type": "Person", "@id": "#ana", "name": "Ana"}
    assert codes(a, b) == []
    assert codes(a) == [("graph.dangling_ref", "$.author['@id']")]


def test_external_and_page_level_references_are_fine() -> None:
    doc = {
        "@context": CTX,
        "@type": "NewsArticle",
        "publisher": {"@id": "https://o.example/#org"},
        "mainEntityOfPage": {"@id": "https://news.example/a"},
    }
    assert codes(doc, kind="html", url="https://news.example/a") == []


def test_page_url_makes_absolute_fragments_local() -> None:
    doc = {"@context": CTX, "@type": "NewsArticle", "author": {"@id": "https://news.example/a#x"}}
    assert codes(doc, kind="html", url="https://news.example/a") == [
        ("graph.dangling_ref", "$.author['@id']")
    ]
    assert codes(doc) == []  # without the page URL it is someone else's document


def test_relative_ids_resolve_against_the_page_url() -> None:
    a = {"@context": CTX, "@type": "NewsArticle", "author": {"@id": "https://news.example/a#p"}}
    b = {"@context": CTX, "@type": "Person", "@id": "#p", "name": "Ana"}
    assert codes(a, b, kind="html", url="https://news.example/a") == []


def test_string_reference_only_for_literal_properties() -> None:
    a = {"@context": CTX, "@type": "NewsArticle", "author": "#p", "url": "#p"}
    b = {"@context": CTX, "@type": "Person", "@id": "#p", "name": "Ana"}
    assert codes(a, b) == [("graph.string_ref", "$.author")]


def test_same_values_twice_are_no_conflict() -> None:
    a = {"@context": CTX, "@type": "Person", "@id": "#p", "name": "Ana"}
    assert codes(a, dict(a)) == []
    b = {**a, "name": "Bea"}
    assert codes(a, b) == [("graph.conflict", "$.name")]


_BASES = st.sampled_from(
    [
        "https://news.example/a/b",
        "https://news.example",
        "https://news.example/dir/?q=1#top",
        "http://news.example/a/../b;p",
        "https://news.example/x/",
        "foo://host/path",
    ]
)
_TOKENS = ["a", "b", ".", "/", "#", "?", ";", ":", " ", "\t", "\n", "\x00", "%", "é", "-"]
_TEXT = st.lists(st.sampled_from([*_TOKENS, "http", "HTTPS", "foo", "2024"]), max_size=6).map(
    "".join
)


@given(base=_BASES, ids=st.lists(_TEXT, max_size=4), value=_TEXT)
@example(base="https://news.example/a/b", ids=["a"], value="HTTPS:a")  # taken as a scheme
@example(base="https://news.example/a/b", ids=["a:b"], value="a:b")
@example(base="https://news.example/a/b", ids=["#x"], value="#x")
@example(base="https://news.example/a/b", ids=["a"], value="a;")
@settings(max_examples=400, deadline=None)
def test_string_lookup_resolves_as_urljoin_does(base: str, ids: list[str], value: str) -> None:
    """The shortcuts of _Page (one urljoin for all ``#...`` ids, no urljoin for a string no
    described @id can end with) give what resolving every string with urljoin gives."""
    page = Page(base)
    for raw in ids:
        assert page.norm(raw) == (
            raw if "://" in raw or raw.startswith("_:") else urljoin(base, raw)
        )
        page.described.setdefault(page.norm(raw), [])
    expected = value if "://" in value or value.startswith("_:") else urljoin(base, value)
    assert page.is_described(value) == (expected in page.described)

"""The graph layer across the blocks of one source."""

from __future__ import annotations

from typing import Any

from ldpress.validate import integrity
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

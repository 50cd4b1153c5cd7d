"""Microdata and RDFa → JSON-LD blocks: conversion, positions, pre-check, failures."""

from __future__ import annotations

import itertools
import json

import pytest

from ldpress.findings import Severity
from ldpress.validate import expansion, markup, syntax
from ldpress.validate.markup_convert import microdata_node, rdfa_nodes
from ldpress.validate.model import Context, Options
from ldpress.validate.sources import load_source, read_source
from tests.conftest import CORPUS, is_compiled, needs_shared

MICRODATA = """<html><head><title>x</title></head><body>
<div itemscope itemtype="https://schema.org/NewsArticle" itemid="https://e.org/a#article">
  <h1 itemprop="headline">Title</h1>
  <span itemprop="author" itemscope itemtype="http://schema.org/Person">
    <span itemprop="name">Jane
      Doe</span></span>
  <a itemprop="url" href="https://e.org/a">link</a>
  <meta itemprop="datePublished" content="2024-01-05">
</div>
<p>text <span itemscope itemtype="http://data-vocabulary.org/Breadcrumb"><a href="/x" itemprop="url">x</a></span>
<span itemscope itemtype="https://schema.org/Person"><b itemprop="name">B</b></span></p>
</body></html>
"""


def test_microdata_items_become_located_jsonld_blocks() -> None:
    source = load_source("m.html", MICRODATA.encode())
    assert [(b.kind, b.index, b.line, b.column, b.parsed) for b in source.blocks] == [
        ("microdata", 0, 2, 1, True),
        ("microdata", 1, 10, 9, True),
        ("microdata", 2, 11, 1, True),
    ]
    article = source.blocks[0].data
    assert article == {
        "@context": "https://schema.org",
        "@id": "https://e.org/a#article",
        "@type": "NewsArticle",
        "headline": "Title",
        "author": {"@type": "Person", "name": "Jane Doe"},
        "url": "https://e.org/a",
        "datePublished": "2024-01-05",
    }
    # Another vocabulary's terms stay absolute IRIs: read with the schema.org context they
    # keep their meaning instead of turning into schema.org terms.
    assert source.blocks[1].data == {
        "@context": "https://schema.org",
        "@type": "http://data-vocabulary.org/Breadcrumb",
        "http://data-vocabulary.org/url": "/x",
    }
    assert source.blocks[2].data["name"] == "B"
    assert list(syntax.check(source, Context(Options()))) == []


def test_microdata_conversion_of_lists_and_untyped_items() -> None:
    item = {
        "type": ["http://schema.org/Event", "http://schema.org/SportsEvent"],
        "properties": {
            "name": ["A", "B"],
            "location": {"properties": {"name": "Hall"}},
            "http://schema.org/url": "u",
        },
    }
    assert microdata_node(item) == {
        "@type": ["Event", "SportsEvent"],
        "name": ["A", "B"],
        "location": {"name": "Hall"},
        "url": "u",
    }


RDFA = """<html><head><title>x</title></head><body>
<div vocab="http://schema.org/" typeof="Person" resource="#manu">
  <span property="name">Manu</span>
  <img property="image" src="http://e.org/m.png">
  <div property="address" typeof="PostalAddress"><span property="addressLocality">Blacksburg</span></div>
  <span property="knows" typeof="Person" resource="#dave"><span property="name">Dave</span></span>
</div>
<p><img typeof="foaf:Image" src="x.png"></p>
</body></html>
"""


def test_rdfa_items_become_jsonld_blocks() -> None:
    source = load_source("r.html", RDFA.encode())
    blocks = [(b.kind, b.line, b.column, b.data) for b in source.blocks]
    assert blocks == [
        (
            "rdfa",
            2,
            1,
            {
                "@context": "https://schema.org",
                "@id": "#manu",
                "@type": "Person",
                "address": {"@type": "PostalAddress", "addressLocality": "Blacksburg"},
                "image": "http://e.org/m.png",
                "knows": {"@id": "#dave"},
                "name": "Manu",
            },
        ),
        (
            "rdfa",
            6,
            3,
            {"@context": "https://schema.org", "@id": "#dave", "@type": "Person", "name": "Dave"},
        ),
    ]


def test_rdfa_blank_nodes_shared_by_two_nodes_get_stable_labels() -> None:
    expanded = [
        {"@id": "_:x9", "@type": ["http://schema.org/Place"]},
        {
            "@id": "_:a",
            "@type": ["http://schema.org/Event"],
            "http://schema.org/location": [{"@id": "_:x9"}],
        },
        {
            "@id": "_:b",
            "@type": ["http://schema.org/Event"],
            "http://schema.org/name": [{"@value": "B"}],
            "http://schema.org/location": [{"@id": "_:x9"}],
        },
    ]
    nodes = rdfa_nodes(expanded)
    assert nodes == rdfa_nodes(list(reversed(expanded)))
    labels = {json.dumps(n, sort_keys=True) for n in nodes}
    assert len(labels) == 3 and all("_:x9" not in label for label in labels)
    assert {"@id": "_:b0", "@type": "Place"} in nodes


def test_pages_without_markup_never_parse_a_dom(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("DOM parsed")

    monkeypatch.setattr(markup, "_add_microdata", boom)
    monkeypatch.setattr(markup, "_add_rdfa", boom)
    page = '<p>if (typeof x === "y") {}</p><meta property="og:title" content="t">'
    assert load_source("p.html", page.encode()).blocks == []
    assert markup.markup_hints(page) == (False, False)
    assert markup.markup_hints('<img typeof="foaf:Image">') == (False, False)
    assert markup.markup_hints('<p vocab="https://schema.org/" typeof="Person">') == (False, True)


@pytest.mark.skipif(
    is_compiled(markup),
    reason="a compiled module calls its own functions directly: monkeypatching cannot break one",
)
def test_extruct_failure_is_a_finding_and_jsonld_blocks_survive(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("lxml exploded")

    monkeypatch.setattr(markup, "_add_microdata", broken)
    page = MICRODATA.replace(
        "<title>x</title>", '<script type="application/ld+json">{"a": 1}</script>'
    )
    source = load_source("f.html", page.encode())
    assert [b.kind for b in source.blocks] == ["jsonld-script"]
    assert [f.code for f in syntax.check(source, Context(Options()))] == [
        "syntax.markup_unreadable"
    ]


@needs_shared
def test_google_microdata_sample_equals_its_jsonld_twin() -> None:
    md = read_source(CORPUS / "google-samples" / "article-newsarticle-microdata.html")
    ld = read_source(CORPUS / "google-samples" / "article-newsarticle-jsonld.html")
    (md_block,) = md.blocks
    (ld_block,) = ld.blocks
    expected = dict(ld_block.data)
    expected["headline"] = "Title of News Article"  # the two samples differ in this word
    assert md_block.data == expected


@needs_shared
def test_corpus_markup_blocks_point_at_their_elements() -> None:
    checked = {"microdata": 0, "rdfa": 0}
    attribute = {"microdata": ("itemscope",), "rdfa": ("typeof", "resource", "about")}
    for path in sorted((CORPUS / "html").rglob("*.htm*")):
        source = read_source(path)
        page = source.text or ""
        if "itemscope" not in page and "typeof=" not in page:
            continue
        starts = [0, *itertools.accumulate(len(x) + 1 for x in page.split("\n"))]
        for block in source.blocks:
            if block.kind in attribute:
                at = starts[block.line - 1] + block.column - 1
                tag = page[at : page.find(">", at)]
                assert tag.startswith("<"), (path, block.line)
                assert any(a in tag.lower() for a in attribute[block.kind]), (path, block.line)
                checked[block.kind] += 1
        for block in source.blocks:
            if block.kind == "microdata":  # each located property is at its element
                for path_, (line, column) in block.locator().items() if block.locator else []:
                    at = starts[line - 1] + column - 1
                    assert page[at] == "<", (path, path_)
    assert checked["microdata"] > 300 and checked["rdfa"] > 10


def test_rdfa_vocab_without_trailing_slash_is_read_with_a_warning() -> None:
    page = '<div vocab="https://schema.org" typeof="Person"><span property="name">A</span></div>'
    source = load_source("s.html", page.encode())
    assert [b.data for b in source.blocks] == [
        {"@context": "https://schema.org", "@type": "Person", "name": "A"}
    ]
    assert [(f.code, f.severity) for f in source.findings] == [
        ("syntax.rdfa_vocab_slash", Severity.WARNING)
    ]


def test_rdfa_of_other_vocabularies_is_reported_not_dropped_silently() -> None:
    page = (
        '<div vocab="http://schema.org/" typeof="Person"><span property="name">A</span></div>'
        '<div vocab="http://xmlns.com/foaf/0.1/" typeof="Document"><span property="title">T</span></div>'
    )
    source = load_source("o.html", page.encode())
    assert [b.data["@type"] for b in source.blocks] == ["Person"]
    (finding,) = source.findings
    assert finding.code == "syntax.rdfa_other_vocabulary" and finding.severity is Severity.INFO
    assert "http://xmlns.com/foaf/0.1/Document" in finding.message


def _schemaorg_examples() -> list[tuple[str, dict[str, str]]]:
    import re

    path = CORPUS.parent / "schemaorg" / "schemaorg-all-examples.txt"
    if not path.exists():
        return []
    sections = re.compile(
        r"^(PRE-MARKUP|MICRODATA|RDFA|JSON):\n(.*?)(?=^(?:PRE-MARKUP|MICRODATA|RDFA|JSON):|\Z)",
        re.DOTALL | re.MULTILINE,
    )
    out = []
    for chunk in re.split(r"\n(?=TYPES:)", path.read_text(encoding="utf-8")):
        m = re.search(r"^TYPES: (#\S+)", chunk)
        if m:
            out.append((m.group(1), dict(sections.findall(chunk))))
    return out


@needs_shared
def test_schemaorg_examples_markup_is_read() -> None:
    """schema.org's own microdata and RDFa examples, written by the vocabulary's authors:
    every one with markup gives blocks, and nothing fails."""
    md = rdfa = 0
    for eid, parts in _schemaorg_examples():
        for section, kind, marker in (
            ("MICRODATA", "microdata", "itemscope"),
            ("RDFA", "rdfa", "vocab="),
        ):
            body = parts.get(section, "").strip()
            # eg-3475's itemscope is a class name; RDFa without typeof= types nothing.
            if (
                marker not in body
                or eid == "#eg-3475"
                or (kind == "rdfa" and "typeof=" not in body)
            ):
                continue
            source = load_source(f"{eid}.html", body.encode())
            assert [b for b in source.blocks if b.kind == kind], (eid, section)
            assert "syntax.markup_unreadable" not in {f.code for f in source.findings}
            md, rdfa = md + (kind == "microdata"), rdfa + (kind == "rdfa")
    assert md > 200 and rdfa > 150


_TEXT_VALUES = """<html><head><title>t</title><link rel="canonical" href="https://e.org/p"></head>
<body><div itemscope itemtype="https://schema.org/VideoGame">
<span itemprop="name">Game</span>
<li itemprop="gameLocation">Rivet City</li>
<span itemprop="url">A title, not a URL</span>
<meta itemprop="image" content="https://e.org/a b.jpg">
</div></body></html>"""


def _iri_warnings(page: str) -> list[str | None]:
    source = load_source("p.html", page.encode())
    found = expansion.check(source, Context(Options()))
    return sorted(f.path for f in found if f.code == "jsonld.invalid_iri")


def test_microdata_text_naming_an_entity_is_no_bad_iri() -> None:
    # gameLocation's range is Place | PostalAddress | URL: text there names a place (a
    # literal in microdata), not an IRI.  url's range is URL only, and an absolute URL with
    # a space is a URL with a space: both are still reported.
    assert _iri_warnings(_TEXT_VALUES) == ["$.image", "$.url"]


def test_the_same_text_in_jsonld_is_an_iri_as_the_context_says() -> None:
    block = {
        "@context": "https://schema.org",
        "@type": "VideoGame",
        "name": "Game",
        "gameLocation": "Rivet City",
    }
    page = f'<script type="application/ld+json">{json.dumps(block)}</script>'
    assert _iri_warnings(page) == ["$.gameLocation"]

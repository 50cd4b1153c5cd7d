"""Round trip over every page of ../shared/corpus/html: embed, re-embed, parse, extract.

For each page: the bytes outside the inserted element equal the original, a second embed
changes nothing, lexbor (a spec-conformant HTML5 parser, through selectolax) finds exactly one
ldpress element whose text parses to the bundle, and extract returns every node of the bundle
(compared as expanded JSON-LD).  The only pages refused are those with neither a head nor a
body tag (fragments), as the embed contract says.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

from ldpress.html.embed import embed_page
from ldpress.jsonld import expand
from ldpress.validate.extract import extract_bytes
from tests.conftest import CORPUS, needs_shared

ROOT = Path(__file__).resolve().parents[2]
# The one bundle embedded everywhere: the seed bundle ldpress builds.
BUNDLE_PATH = ROOT / "output" / "japan-dprk-talks.jsonld"
HTML_DIR = CORPUS / "html"
_HEAD_OR_BODY = re.compile(rb"<(head|body)[\t\n\f\r />]", re.IGNORECASE)


def _pages() -> list[Path]:
    if not HTML_DIR.is_dir():
        return []
    return sorted(p for p in HTML_DIR.rglob("*") if p.suffix.lower() in (".html", ".htm"))


PAGES = _pages()
IDS = [str(p.relative_to(HTML_DIR)) for p in PAGES]


@pytest.fixture(scope="module")
def bundle() -> Any:
    return json.loads(BUNDLE_PATH.read_text(encoding="utf-8"))


def _ldpress_elements(page: bytes) -> list[Any]:
    return list(LexborHTMLParser(page).css('script[type="application/ld+json"][data-ldpress]'))


@needs_shared
def test_the_corpus_is_there() -> None:
    assert len(PAGES) > 300


@needs_shared
@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_embed_preserves_the_page_and_is_idempotent(page: Path, bundle: Any) -> None:
    raw = page.read_bytes()
    result = embed_page(raw, bundle, name=page.name)
    if result.page is None:
        assert [f.code for f in result.findings] == ["embed.no_head_or_body"]
        assert not _HEAD_OR_BODY.search(raw), "refused a page that has a head or body tag"
        return
    assert result.span is not None
    start, end = result.span
    assert result.page[:start] + result.page[end:] == raw
    assert result.page[start:end].count(b"data-ldpress=") == 1
    again = embed_page(result.page, bundle)
    assert again.action == "unchanged" and again.page == result.page
    found = _ldpress_elements(result.page)
    assert len(found) == 1
    assert json.loads(found[0].text(deep=True)) == bundle
    assert found[0].parent is not None and found[0].parent.tag in ("head", "body")


def _node_facts(expanded: list[Any]) -> dict[str, set[tuple[str, str]]]:
    """@id → {(property, value as canonical JSON)}, nested nodes replaced by their @id."""
    facts: dict[str, set[tuple[str, str]]] = {}

    def ref(value: Any) -> Any:
        if isinstance(value, dict) and "@id" in value and len(value) > 1:
            visit(value)
            return {"@id": value["@id"]}
        if isinstance(value, dict):
            return {
                k: [ref(v) for v in vs] if isinstance(vs, list) else vs for k, vs in value.items()
            }
        return value

    def visit(node: dict[str, Any]) -> None:
        own = facts.setdefault(node.get("@id", ""), set())
        for key, values in node.items():
            if key in ("@id", "@graph"):
                continue
            for v in values if isinstance(values, list) else [values]:
                own.add((key, json.dumps(ref(v), sort_keys=True)))
        for inner in node.get("@graph", []):
            visit(inner)

    for top in expanded:
        visit(top)
    return facts


@needs_shared
@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_extract_returns_every_node_of_the_bundle(page: Path, bundle: Any) -> None:
    result = embed_page(page.read_bytes(), bundle)
    if result.page is None:
        # a fragment without head or body: refused (nothing to extract), as tested above
        assert [f.code for f in result.findings] == ["embed.no_head_or_body"]
        return
    doc, _findings = extract_bytes(result.page, name=page.name)
    wanted = _node_facts(expand(bundle))
    got = _node_facts(expand(doc))
    for node_id, facts in wanted.items():
        missing = facts - got.get(node_id, set())
        assert not missing, f"{node_id}: extract lost {sorted(missing)[:3]}"


def test_node_facts_sees_through_nesting_and_catches_a_lost_property() -> None:
    """The comparison the extract check relies on (runs without ../shared or extract)."""
    person = {"@type": "Person", "@id": "https://ex.org/p", "name": "P"}
    article = {"@type": "NewsArticle", "@id": "https://ex.org/a", "headline": "</script>"}
    nested = {"@context": "https://schema.org", **article, "author": person}
    flat = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "https://ex.org/page", "name": "the page's own node"},
            {**article, "author": {"@id": person["@id"]}},
            dict(person),
        ],
    }
    wanted, got = _node_facts(expand(nested)), _node_facts(expand(flat))
    assert set(wanted) == {"https://ex.org/a", "https://ex.org/p"}
    assert all(facts <= got[node_id] for node_id, facts in wanted.items())
    del flat["@graph"][2]["name"]
    got = _node_facts(expand(flat))
    assert not wanted["https://ex.org/p"] <= got["https://ex.org/p"]

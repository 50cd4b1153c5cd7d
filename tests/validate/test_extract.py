"""extract: one JSON-LD document per page that means what the page's blocks meant."""

from __future__ import annotations

from typing import Any

import pytest
from pyld.jsonld import JsonLdError

from ldpress.errors import RemoteDocumentRefused
from ldpress.jsonld import canonical_nquads, expand
from ldpress.validate.extract import extract_bytes, extract_page, extract_path
from tests.conftest import CORPUS, needs_shared


def page(*blocks: str, body: str = "") -> str:
    scripts = "\n".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    return f"<html><head>\n{scripts}\n</head><body>{body}</body></html>\n"


def blocks_nquads(block_datas: list[Any]) -> str:
    """Canonical N-Quads of a page's blocks: each block is its own JSON-LD document (so a
    top-level ``@graph`` is the default graph), their expanded forms taken together."""
    expanded = [node for data in block_datas for node in expand(data)]
    return canonical_nquads(expanded)


def same_rdf(document: dict[str, Any], block_datas: list[Any]) -> None:
    """The extracted document and the page's blocks denote the same RDF dataset."""
    assert canonical_nquads(document) == blocks_nquads(block_datas)


def test_graphs_are_flattened_and_references_kept() -> None:
    blocks = [
        '{"@context": "https://schema.org", "@graph": [{"@type": "Organization", "@id": "#o", "name": "O"}, {"@type": "WebSite", "publisher": {"@id": "#o"}}]}',
        '[{"@context": "http://schema.org/", "@type": "NewsArticle", "headline": "h", "publisher": {"@id": "#o"}}]',
    ]
    doc, findings = extract_page(page(*blocks), "p.html")
    assert findings == []
    assert doc == {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "@id": "#o", "name": "O"},
            {"@type": "WebSite", "publisher": {"@id": "#o"}},
            {"@type": "NewsArticle", "headline": "h", "publisher": {"@id": "#o"}},
        ],
    }


CONTEXT_CASES = [
    '{"@context": {"@vocab": "http://example.org/"}, "@type": "T", "name": "foreign"}',
    '{"@type": "Thing", "name": "no context at all"}',
    '{"@context": ["https://schema.org", {"extra": "http://example.org/extra"}], "@type": "Thing", "extra": "x", "name": "n"}',
    '{"@context": "https://schema.org", "@graph": [{"@context": {"@vocab": "http://example.org/"}, "name": "inner"}, {"@type": "Person", "name": "P"}]}',
    '{"@context": {"@vocab": "http://example.org/"}, "@graph": [{"@type": "T", "name": "under a foreign graph context"}]}',
    '{"@context": "https://schema.org", "@id": "http://e.org/g", "@graph": [{"@type": "Thing", "name": "named graph"}]}',
    '{"@context": "https://schema.org", "@type": "Thing", "name": "x", "sameAs": {"@context": null, "@id": "http://e.org/"}}',
]


@pytest.mark.parametrize("block", CONTEXT_CASES)
def test_nodes_keep_their_meaning_whatever_their_context(block: str) -> None:
    import orjson

    doc, _ = extract_page(
        page(block, '{"@context": "https://schema.org", "@type": "Person", "name": "other"}')
    )
    same_rdf(
        doc,
        [
            orjson.loads(block),
            {"@context": "https://schema.org", "@type": "Person", "name": "other"},
        ],
    )


def test_repairs_are_reported_and_one_bad_block_hides_nothing() -> None:
    text = page(
        '{"@context": "https://schema.org", "@type": "Thing",}',
        '{"@type": x}',
        '"just a string"',
        body='<p itemscope itemtype="https://schema.org/Person"><b itemprop="name">M</b></p>',
    )
    doc, findings = extract_page(text, "p.html")
    assert [(f.code, f.line) for f in findings] == [
        ("syntax.trailing_comma", 2),
        ("syntax.invalid_json", 3),
        ("extract.not_a_node", 4),
    ]
    assert doc["@graph"] == [{"@type": "Thing"}, {"@type": "Person", "name": "M"}]


def test_bytes_and_json_files(tmp_path: Any) -> None:
    doc, findings = extract_bytes(
        b'{"@context": "https://schema.org", "@type": "Thing"}', "x.jsonld"
    )
    assert doc["@graph"] == [{"@type": "Thing"}] and not findings
    missing, findings = extract_path(tmp_path / "missing.html")
    assert missing["@graph"] == [] and [f.code for f in findings] == ["input.not_found"]


@needs_shared
def test_corpus_pages_extract_to_the_same_rdf_as_their_blocks() -> None:
    """Every corpus page whose blocks pyld can expand offline: same canonical dataset."""
    compared = 0
    for path in sorted((CORPUS / "html").rglob("*.htm*")):
        doc, _ = extract_path(path)
        from ldpress.validate.sources import read_source

        datas = [b.data for b in read_source(path).blocks if b.parsed]
        try:
            expected = blocks_nquads(datas)
        except (JsonLdError, RemoteDocumentRefused):
            continue  # a block pyld cannot process offline: nothing to compare against
        assert canonical_nquads(doc) == expected, path
        compared += 1
    assert compared > 200

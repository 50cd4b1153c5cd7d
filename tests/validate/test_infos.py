"""``Options(infos=False)``: the same errors and warnings as a full run, and no infos."""

from __future__ import annotations

import json
from pathlib import Path

from ldpress.findings import Finding, Severity
from ldpress.validate.layers import default_layers
from ldpress.validate.model import Options
from ldpress.validate.pipeline import validate_source
from ldpress.validate.sources import load_source
from tests.conftest import CORPUS, needs_shared

# A pending term (vocab.pending), a number where only entities fit (vocab.range_mismatch
# info), a mentioned Event (pack hints), a superseded term (warning) and an unknown
# property (error).
DOC = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "A headline",
    "datePublished": "2024-01-02",
    "author": {"@type": "Person", "name": "A. Writer"},
    "mentions": {"@type": "Event", "name": "A summit"},
    "image": {"@type": "ImageObject", "url": "https://example.org/a.jpg", "width": 800},
    "isAccessibleForFree": True,
    "hasCredential": "x",
    "headlne": "typo",
    "publisherImprint": {"@type": "Organization", "name": "Imprint"},
    "interactionCount": "5",
}


def _run(name: str, data: bytes, infos: bool) -> list[Finding]:
    return validate_source(load_source(name, data), Options(infos=infos), default_layers())


def _same_without_infos(name: str, data: bytes) -> list[Finding]:
    full = _run(name, data, True)
    lean = _run(name, data, False)
    assert lean == [f for f in full if f.severity is not Severity.INFO]
    return full


def test_hand_written_document_keeps_errors_and_warnings_only() -> None:
    full = _same_without_infos("doc.jsonld", json.dumps(DOC).encode())
    codes = {f.code for f in full if f.severity is Severity.INFO}
    assert {"vocab.pending", "vocab.range_mismatch"} <= codes
    assert any(f.message.endswith("(hint only: not a main entity)") for f in full)
    assert any(f.severity is Severity.ERROR for f in full)
    assert any(f.severity is Severity.WARNING for f in full)


@needs_shared
def test_corpus_pages_keep_errors_and_warnings_only() -> None:
    pages = sorted(p for p in (CORPUS / "html").rglob("*") if p.suffix in {".html", ".htm"})
    infos = 0
    for page in pages[::7]:
        full = _same_without_infos(str(page), Path(page).read_bytes())
        infos += sum(f.severity is Severity.INFO for f in full)
    assert infos > 0  # the comparison covered pages that do have infos

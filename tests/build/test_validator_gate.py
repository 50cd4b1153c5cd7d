"""The build validates the bytes it would write with the validator's layers: an error there
writes nothing (DESIGN.md: the build validates its own output with the validator)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ldpress.build import pipeline
from ldpress.build.check import validate_bundle_bytes
from ldpress.findings import Finding, Severity

BUNDLE = {
    "@context": "https://schema.org",
    "@graph": [
        {
            "@id": "https://example.org/a#article",
            "@type": "NewsArticle",
            "headline": "A",
            "datePublishd": "2012-11-15T20:00:00+08:00",
            "author": {"@id": "https://example.org/a#city"},
        },
        {"@id": "https://example.org/a#city", "@type": "City", "name": "Ulan Bator"},
    ],
}


def test_validator_reports_vocabulary_and_range_errors_located_in_the_bytes() -> None:
    data = json.dumps(BUNDLE, indent=2).encode()
    found = {(f.code, f.line) for f in validate_bundle_bytes(data, "a.jsonld")}
    assert ("vocab.unknown_property", 8) in found
    assert ("vocab.range_mismatch", 9) in found
    assert all(f.severity is not Severity.INFO for f in validate_bundle_bytes(data, "a.jsonld"))


def test_a_validator_error_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "a.yaml"
    data.write_text(
        "url: https://example.org/a\nslug: a\nnodes:\n  article:\n"
        '    "@type": NewsArticle\n    headline: A\n',
        encoding="utf-8",
    )
    err = Finding("vocab.unknown_property", Severity.ERROR, "injected", "a.jsonld", 1, 1)
    monkeypatch.setattr(pipeline, "validate_bundle_bytes", lambda _data, _name: [err])
    out = tmp_path / "out"
    report = pipeline.build_paths([data], out)
    assert not report.ok and err in report.findings
    assert not out.exists() or not any(out.iterdir())

"""Baselines: round trip, stability across line shifts, counting, bad files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ldpress.errors import InputError
from ldpress.findings import Finding, Severity
from ldpress.validate.baseline import (
    apply_baseline,
    fingerprint,
    load_baseline,
    render_baseline,
    write_baseline,
)

A = Finding(
    "vocab.unknown_property",
    Severity.ERROR,
    "unknown property 'headlne'",
    file="site/a.html",
    line=12,
    column=5,
    path="$['@graph'][0].headlne",
    node_id="https://example.org/a#article",
)
B = Finding("graph.dangling_ref", Severity.WARNING, "nothing defines #author", file="site/b.html")


def test_round_trip_suppresses_exactly_the_recorded_findings(tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    write_baseline(base, [A, B])
    new = replace(A, code="vocab.unknown_type", message="unknown type 'NewsArticel'")
    kept, suppressed = apply_baseline([B, new, A], load_baseline(base))
    assert kept == [new]
    assert suppressed == 2


def test_fingerprint_survives_line_shifts_and_path_spelling() -> None:
    moved = replace(A, line=40, column=9, file="./site//a.html")
    assert fingerprint(moved) == fingerprint(A)
    assert fingerprint(replace(A, message="unknown  property\n'headlne'")) == fingerprint(A)


@pytest.mark.parametrize(
    "change",
    [
        {"file": "site/other.html"},
        {"code": "vocab.unknown_type"},
        {"path": "$['@graph'][1].headlne"},
        {"node_id": "https://example.org/b#article"},
        {"message": "unknown property 'headlin'"},
    ],
)
def test_fingerprint_changes_with_each_identity_field(change: dict[str, str]) -> None:
    assert fingerprint(replace(A, **change)) != fingerprint(A)  # type: ignore[arg-type]


def test_identical_findings_are_counted(tmp_path: Path) -> None:
    base = tmp_path / "b.json"
    write_baseline(base, [A, A])
    kept, suppressed = apply_baseline([A, A, A], load_baseline(base))
    assert (kept, suppressed) == ([A], 2)


def test_baseline_file_is_sorted_readable_and_deterministic() -> None:
    text = render_baseline([B, A])
    assert text == render_baseline([A, B])
    assert text.endswith(b"\n")
    assert b'"file": "site/a.html"' in text
    assert text.index(b"site/a.html") < text.index(b"site/b.html")


@pytest.mark.parametrize(
    "content",
    [b"not json", b"[]", b'{"version": 2, "findings": []}', b'{"version": 1, "findings": [{}]}'],
)
def test_bad_baseline_files_abort(tmp_path: Path, content: bytes) -> None:
    base = tmp_path / "b.json"
    base.write_bytes(content)
    with pytest.raises(InputError):
        load_baseline(base)


def test_missing_baseline_aborts(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read baseline"):
        load_baseline(tmp_path / "nope.json")

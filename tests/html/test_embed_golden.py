"""Golden cases: tests/cases/embed/<name>/input.html + expected.html (or expected.json).

A page that can be embedded has ``expected.html``, the exact bytes after embedding
tests/cases/embed/bundle.jsonld; a refused page has ``expected.json``, the findings.  Set
``LDPRESS_REGEN=1`` to rewrite the expected files, then read the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ldpress.html.embed import embed_page

CASES = Path(__file__).resolve().parents[1] / "cases" / "embed"
BUNDLE = json.loads((CASES / "bundle.jsonld").read_text(encoding="utf-8"))
REGEN = os.environ.get("LDPRESS_REGEN") == "1"


def _case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if (p / "input.html").is_file())


@pytest.mark.parametrize("name", _case_names())
def test_golden(name: str) -> None:
    folder = CASES / name
    page = (folder / "input.html").read_bytes()
    result = embed_page(page, BUNDLE, name="input.html")
    if result.page is None:
        actual = json.dumps([f.to_dict() for f in result.findings], indent=2) + "\n"
        _compare(folder / "expected.json", actual.encode(), folder / "expected.html")
        return
    _compare(folder / "expected.html", result.page, folder / "expected.json")
    again = embed_page(result.page, BUNDLE)
    assert again.page == result.page and again.action == "unchanged"


def _compare(expected: Path, actual: bytes, other: Path) -> None:
    if REGEN:
        other.unlink(missing_ok=True)
        expected.write_bytes(actual)
    assert not other.exists(), f"{other} is stale: rerun with LDPRESS_REGEN=1"
    assert expected.exists(), f"{expected} is missing: run with LDPRESS_REGEN=1"
    assert actual == expected.read_bytes()


def test_cases_cover_the_brief() -> None:
    wanted = {"head", "marker", "body-only", "crlf", "bom", "xhtml", "re-embed", "no-head-no-body"}
    assert wanted <= set(_case_names())

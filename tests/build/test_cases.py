"""Golden cases of bad (and good) data files: tests/cases/build/<name>/input.* + expected.json.

Each case's expected.json lists the findings (code, severity, message, line, column, path)
that building its input must give, in order.  ``LDPRESS_REGEN=1`` rewrites them from the
current behaviour, for a reviewer to read as a diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ldpress.build import build_file

CASES = Path(__file__).resolve().parents[1] / "cases" / "build"
FIELDS = ("code", "severity", "message", "line", "column", "path", "hint")


def _cases() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if p.is_dir())


def _input(case: Path) -> Path:
    (found,) = [p for p in case.iterdir() if p.name.startswith("input.")]
    return found


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_case(case: Path) -> None:
    source = _input(case)
    result = build_file(source, display=source.name)
    got = [{k: f.to_dict()[k] for k in FIELDS} for f in result.findings]
    expected_file = case / "expected.json"
    if os.environ.get("LDPRESS_REGEN") == "1":
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n")
    expected = json.loads(expected_file.read_text())
    assert got == expected
    # A case with an error must produce no output; a clean one must produce both files.
    if any(f["severity"] == "error" for f in expected):
        assert result.outputs == {}
    else:
        assert sorted(result.outputs) == [f"{result.slug}.html", f"{result.slug}.jsonld"]


def test_every_case_has_an_expectation() -> None:
    assert len(_cases()) >= 10
    for case in _cases():
        assert (case / "expected.json").is_file(), case.name

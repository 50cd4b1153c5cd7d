"""Golden cases: tests/cases/packs/<name>/input.(jsonld|html) + expected.json.

Each case runs the pack and page-consistency layers; expected.json lists the findings' code,
severity, location and path (not the prose).  ``LDPRESS_REGEN=1`` rewrites expected.json so
a reviewer reads a diff instead of writing JSON by hand.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.validate.packs_support import load_source, run_layers

CASES = Path(__file__).resolve().parents[1] / "cases" / "packs"
CASE_DIRS = sorted(p for p in CASES.iterdir() if p.is_dir())


def _actual(case: Path) -> list[dict[str, Any]]:
    (path,) = [p for p in case.iterdir() if p.name.startswith("input.")]
    findings = run_layers(load_source(path))
    return [
        {"code": f.code, "severity": str(f.severity), "line": f.line, "path": f.path}
        for f in findings
    ]


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: p.name)
def test_case(case: Path) -> None:
    actual = _actual(case)
    expected_file = case / "expected.json"
    if os.environ.get("LDPRESS_REGEN") == "1":
        expected_file.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n")
    expected = json.loads(expected_file.read_text())
    assert actual == expected


def test_good_cases_have_no_findings_above_info() -> None:
    for case in CASE_DIRS:
        if case.name.endswith("-good"):
            assert [f for f in _actual(case) if f["severity"] != "info"] == [], case.name

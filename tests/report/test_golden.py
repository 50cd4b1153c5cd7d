"""Whole-output snapshots of every format for each case in tests/cases/report/.

``LDPRESS_REGEN=1 python -m pytest tests/report/test_golden.py`` rewrites the expected
files; review the diff before committing it.
"""

from __future__ import annotations

import os

import pytest

from ldpress.report import SourceLines, render
from tests.report.cases import CASES, SRCROOT, case_names, load_case

EXPECTED = {
    "text": "expected.text",
    "json": "expected.json",
    "sarif": "expected.sarif",
    "junit": "expected.junit.xml",
    "github": "expected.github",
}


@pytest.mark.parametrize("fmt", list(EXPECTED))
@pytest.mark.parametrize("name", case_names())
def test_golden(name: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = CASES / name
    monkeypatch.chdir(folder)  # findings name files relative to the case folder
    report, profiles = load_case(name)
    stdin = folder / "stdin.txt"
    lines = SourceLines({"-": stdin.read_bytes()} if stdin.exists() else None)
    got = render(report, fmt, profiles=profiles, files=report.names, root=SRCROOT, lines=lines)
    expected = folder / EXPECTED[fmt]
    if os.environ.get("LDPRESS_REGEN") == "1":
        expected.write_bytes(got.encode("utf-8"))
    assert expected.exists(), f"run with LDPRESS_REGEN=1 to create {expected}"
    # Bytes, not text: universal newlines would hide a stray carriage return.
    assert got == expected.read_bytes().decode("utf-8")

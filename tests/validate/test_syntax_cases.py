"""Golden cases: tests/cases/syntax/<name>/input.{html,jsonld} → expected.json.

``expected.json`` lists each block (kind, position, parsed, data) and every finding of the
syntax layer (code, severity, line, column).  ``LDPRESS_REGEN=1`` rewrites the expected
files from the current behaviour; review the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from ldpress.validate import syntax
from ldpress.validate.model import Context, Options
from ldpress.validate.sources import read_source

CASES = Path(__file__).resolve().parents[1] / "cases" / "syntax"


def case_dirs() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if p.is_dir())


def observe(case: Path) -> dict[str, Any]:
    (page,) = sorted(case.glob("input.*"))
    source = read_source(page, name=page.name)
    return {
        "blocks": [
            {
                "kind": b.kind,
                "line": b.line,
                "column": b.column,
                "parsed": b.parsed,
                "data": b.data,
            }
            for b in source.blocks
        ],
        "findings": [
            {"code": f.code, "severity": str(f.severity), "line": f.line, "column": f.column}
            for f in syntax.check(source, Context(Options()))
        ],
    }


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_syntax_case(case: Path) -> None:
    got = observe(case)
    expected_file = case / "expected.json"
    if os.environ.get("LDPRESS_REGEN") == "1":
        text = json.dumps(got, indent=2, ensure_ascii=False) + "\n"
        expected_file.write_text(text, encoding="utf-8")
    assert got == json.loads(expected_file.read_text(encoding="utf-8"))


def test_every_repair_kind_has_a_case() -> None:
    codes = {f["code"] for case in case_dirs() for f in observe(case)["findings"]}
    kinds = {
        "syntax.trailing_comma",
        "syntax.js_comment",
        "syntax.html_comment",
        "syntax.cdata",
        "syntax.trailing_semicolon",
        "syntax.control_character",
        "syntax.bad_escape",
        "syntax.single_quotes",
        "syntax.stray_bracket",
        "syntax.html_entities",
        "syntax.concatenated_values",
        "syntax.empty_block",
        "syntax.byte_order_mark",
        "syntax.invalid_json",
        "syntax.unterminated_script",
    }
    assert kinds <= codes

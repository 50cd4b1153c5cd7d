"""Load the report golden cases: ``tests/cases/report/<name>/input.json`` is a report."""

from __future__ import annotations

import json
from pathlib import Path

from ldpress.findings import Finding
from ldpress.validate.pipeline import ValidationReport

CASES = Path(__file__).resolve().parents[1] / "cases" / "report"
SRCROOT = Path("/srv/site")  # a fixed root keeps SARIF output independent of the machine


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if (p / "input.json").exists())


def load_case(name: str) -> tuple[ValidationReport, list[str]]:
    doc = json.loads((CASES / name / "input.json").read_text(encoding="utf-8"))
    report = ValidationReport(
        findings=[Finding.from_dict(d) for d in doc["findings"]],
        files=len(doc["files"]),
        blocks=doc["blocks"],
        names=list(doc["files"]),
    )
    return report, list(doc["profiles"])

"""The ``--format sarif`` report: SARIF 2.1.0 for GitHub code scanning and other viewers.

One run; one rule per finding code (``helpUri`` from the findings' ``rule_url`` when they
agree on one); one result per finding with its physical location (URI relative to the
``%SRCROOT%`` base, 1-based ``startLine``/``startColumn`` in Unicode code points), the JSONPath
as a logical location, and a line-shift-stable ``partialFingerprints`` entry (the baseline
fingerprint) so code scanning tracks an alert across edits.  Files outside the source root
get an absolute ``file:`` URI; stdin has no physical location.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

import orjson

from ldpress.findings import Finding, Report, Severity
from ldpress.validate.baseline import fingerprint

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "ldpressFingerprint/v1"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_location(file: str, root: Path | None) -> dict[str, str] | None:
    """A relative URI under %SRCROOT% when possible, else an absolute ``file:`` URI."""
    if not file or file == "-":
        return None
    p = Path(file)
    if p.is_absolute():
        if root is None or not p.is_relative_to(root):
            return {"uri": p.as_uri()}
        p = p.relative_to(root)
    rel = PurePosixPath(Path(os.path.normpath(p)).as_posix())
    if rel.parts and rel.parts[0] == "..":
        return {"uri": Path(file).resolve().as_uri()}
    return {"uri": quote(str(rel)), "uriBaseId": SRCROOT}


def describe_code(code: str) -> str:
    """``pack.google_event.missing_start_date`` -> ``Missing start date (pack.google_event)``."""
    family, _, name = code.rpartition(".")
    text = name.replace("_", " ").capitalize()
    return f"{text} ({family})" if family else text


def _rules(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    urls: dict[str, set[str | None]] = {}
    worst: dict[str, Severity] = {}
    for f in findings:
        urls.setdefault(f.code, set()).add(f.rule_url)
        if f.code not in worst or f.severity.at_least(worst[f.code]):
            worst[f.code] = f.severity
    rules = []
    for code in sorted(urls):
        rule: dict[str, Any] = {
            "id": code,
            "shortDescription": {"text": describe_code(code)},
            "defaultConfiguration": {"level": _LEVEL[worst[code]]},
            "properties": {"tags": [code.split(".", 1)[0]]},
        }
        (url,) = urls[code] if len(urls[code]) == 1 else (None,)
        if url:
            rule["helpUri"] = url
        rules.append(rule)
    return rules


def _result(f: Finding, rule_index: int, root: Path | None) -> dict[str, Any]:
    text = f.message if not f.hint else f"{f.message} (hint: {f.hint})"
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[f.severity],
        "message": {"text": text or f.code},
    }
    location: dict[str, Any] = {}
    artifact = artifact_location(f.file or "", root)
    if artifact is not None:
        physical: dict[str, Any] = {"artifactLocation": artifact}
        if f.line is not None and f.line >= 1:
            region = {"startLine": f.line}
            if f.column is not None and f.column >= 1:
                region["startColumn"] = f.column
            physical["region"] = region
        location["physicalLocation"] = physical
    if f.path:
        location["logicalLocations"] = [{"fullyQualifiedName": f.path, "kind": "element"}]
    if location:
        result["locations"] = [location]
    result["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint(f)}
    return result


def build_sarif(report: Report, *, root: Path | None = None) -> dict[str, Any]:
    from ldpress import __version__

    rules = _rules(report.findings)
    index = {r["id"]: i for i, r in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "ldpress",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.code], root) for f in report.findings],
    }
    if root is not None:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": root.as_uri().rstrip("/") + "/"}}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report, *, root: Path | None = None) -> str:
    # orjson: same bytes as json.dumps(indent=2, ensure_ascii=False), several times faster.
    return (
        orjson.dumps(build_sarif(report, root=root), option=orjson.OPT_INDENT_2).decode("utf-8")
        + "\n"
    )

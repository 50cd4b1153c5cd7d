"""The ``--format junit`` report: JUnit XML for CI test dashboards.

One ``testsuite`` named ``ldpress validate``; one ``testcase`` per file read (a file without
findings is a passing test case); one ``failure`` per error finding, its text giving the
location, path and hint.  Warnings and infos go to the test case's ``system-out`` so they
are visible without failing the build.  XML is written by :mod:`xml.etree.ElementTree`, so
messages are escaped, and characters XML 1.0 cannot carry at all are replaced.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ldpress.findings import Finding, Report, Severity

# XML 1.0 forbids these code points even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(s: str) -> str:
    return _NOT_XML.sub("\ufffd", s)


def _describe(f: Finding) -> str:
    where = f"{f.file or '-'}:{f.line or 0}:{f.column or 0}"
    parts = [f"{where} {f.severity} {f.code}: {f.message}"]
    if f.path:
        parts.append(f"path: {f.path}")
    if f.node_id:
        parts.append(f"node: {f.node_id}")
    if f.hint:
        parts.append(f"hint: {f.hint}")
    if f.rule_url:
        parts.append(f"rule: {f.rule_url}")
    return _clean("\n".join(parts))


def _testcase(name: str, findings: list[Finding]) -> ET.Element:
    case = ET.Element(
        "testcase", classname="ldpress.validate", name=_clean(name), file=_clean(name)
    )
    others = []
    for f in findings:
        if f.severity is Severity.ERROR:
            fail = ET.SubElement(case, "failure", type=f.code, message=_clean(f.message))
            fail.text = _describe(f)
        else:
            others.append(_describe(f))
    if others:
        ET.SubElement(case, "system-out").text = "\n".join(others)
    return case


def render_junit(report: Report, *, files: Sequence[str] | None = None) -> str:
    """``files``: every file read, in order; default: the files that have findings."""
    by_file: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_file.setdefault(f.file or "-", []).append(f)
    names = list(dict.fromkeys([*(files or ()), *by_file]))
    suite = ET.Element("testsuite", name="ldpress validate")
    failures = 0
    for name in names:
        case = _testcase(name, by_file.get(name, []))
        failures += len(case.findall("failure"))
        suite.append(case)
    counts = {"tests": str(len(names)), "failures": str(failures), "errors": "0"}
    suite.attrib.update({**counts, "skipped": "0"})
    root = ET.Element("testsuites", {"name": "ldpress", **counts})
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

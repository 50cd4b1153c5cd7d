"""Format-specific guarantees: JSON shape, SARIF schema and locations, junit XML, github
escaping, text colour and excerpts."""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ldpress.errors import UsageError
from ldpress.findings import Finding, Severity
from ldpress.report import render
from ldpress.report.github import escape_data, escape_property
from ldpress.report.sarif import artifact_location
from ldpress.report.text import SourceLines, excerpt, render_text
from ldpress.validate.pipeline import ValidationReport
from tests.conftest import SHARED
from tests.report.cases import SRCROOT, case_names, load_case

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
FINDING_KEYS = [
    "file", "line", "column", "severity", "code", "message", "path", "node_id", "rule_url", "hint",
]  # fmt: skip


def test_json_has_exactly_the_design_shape() -> None:
    report, profiles = load_case("mixed")
    doc = json.loads(render(report, "json", profiles=profiles))
    assert list(doc) == ["version", "tool", "summary", "findings"]
    assert doc["version"] == 1
    assert list(doc["tool"]) == ["name", "version", "vocabulary", "profiles"]
    assert doc["tool"]["name"] == "ldpress"
    assert doc["tool"]["vocabulary"] == "schema.org 30.0"
    assert doc["tool"]["profiles"] == ["google-article", "google-event"]
    assert doc["summary"] == {"files": 3, "blocks": 3, "errors": 3, "warnings": 1, "infos": 1}
    assert list(doc["summary"]) == ["files", "blocks", "errors", "warnings", "infos"]
    for item in doc["findings"]:
        assert list(item) == FINDING_KEYS
    assert [Finding.from_dict(d) for d in doc["findings"]] == report.findings


@pytest.mark.skipif(not SARIF_SCHEMA.exists(), reason=f"needs {SARIF_SCHEMA}")
@pytest.mark.parametrize("name", case_names())
def test_sarif_is_valid_against_the_oasis_schema(name: str) -> None:
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    report, _ = load_case(name)
    doc = json.loads(render(report, "sarif", root=SRCROOT))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(doc))
    assert errors == []


def test_sarif_locations_rules_and_fingerprints() -> None:
    report, _ = load_case("mixed")
    run = json.loads(render(report, "sarif", root=SRCROOT))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({f.code for f in report.findings})
    by_id = {r["id"]: r for r in rules}
    assert by_id["pack.google_article.missing_headline"]["helpUri"].startswith("https://")
    # Two findings of one code with different URLs: no single help page to name.
    assert "helpUri" not in by_id["vocab.unknown_property"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///srv/site/"
    for result, f in zip(run["results"], report.findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == f.code
        assert result["partialFingerprints"]["ldpressFingerprint/v1"]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": f.file, "uriBaseId": "%SRCROOT%"}
        if f.line is not None:
            assert physical["region"] == {"startLine": f.line, "startColumn": f.column}
        else:
            assert "region" not in physical
    levels = [r["level"] for r in run["results"]]
    assert levels == ["error", "warning", "error", "error", "note"]


def test_sarif_uris_are_relative_encoded_or_absolute(tmp_path: Path) -> None:
    assert artifact_location("./site/a b.html", tmp_path) == {
        "uri": "site/a%20b.html",
        "uriBaseId": "%SRCROOT%",
    }
    inside = tmp_path / "site" / "x.html"
    assert artifact_location(str(inside), tmp_path) == {
        "uri": "site/x.html",
        "uriBaseId": "%SRCROOT%",
    }
    assert artifact_location("/elsewhere/x.html", tmp_path) == {"uri": "file:///elsewhere/x.html"}
    assert artifact_location("-", tmp_path) is None


def test_junit_parses_with_one_testcase_per_file_and_one_failure_per_error() -> None:
    report, _ = load_case("escaping")
    root = ET.fromstring(render(report, "junit", files=report.names).encode("utf-8"))
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == report.names
    failures = root.findall(".//failure")
    assert len(failures) == report.errors == 1
    assert (
        failures[0].get("message")
        == "100% broken: expected ',' or '}'\r\nafter <value> & \"quote\""
    )
    assert root.get("failures") == "1" and root.get("tests") == "2"


def test_junit_lists_clean_files_as_passing_cases() -> None:
    report, _ = load_case("clean")
    root = ET.fromstring(render(report, "junit", files=report.names))
    assert [c.get("name") for c in root.iter("testcase")] == ["a.jsonld", "b.html"]
    assert root.find(".//failure") is None


def test_github_escaping_follows_actions_core() -> None:
    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    f = Finding("x.y", Severity.WARNING, "line one\n::error::injected", file="a,b.html", line=3)
    (line,) = render(ValidationReport(findings=[f]), "github").splitlines()
    assert line == "::warning file=a%2Cb.html,line=3,title=x.y::line one%0A::error::injected"


def test_text_colour_only_when_asked() -> None:
    report, _ = load_case("mixed")
    plain = render(report, "text", color=False, lines=lambda name, n: None)
    coloured = render(report, "text", color=True, lines=lambda name, n: None)
    assert "\x1b[" not in plain
    assert "\x1b[1;31merror" in coloured
    assert coloured.replace("\x1b[0m", "").count("error") == plain.count("error")


def test_text_never_passes_control_characters_to_the_terminal() -> None:
    f = Finding("x.y", Severity.ERROR, "evil \x1b[2J title", file="-", line=1, column=1)
    lines = SourceLines({"-": b"\x1b]0;pwned\x07 rest"})
    out = render_text(ValidationReport(findings=[f]), lines=lines)
    assert "\x1b" not in out and "\x07" not in out
    assert "evil \\x1b[2J title" in out


def test_text_excerpt_windows_long_lines_around_the_column() -> None:
    line = "a" * 1000 + "X" + "b" * 1000
    shown, caret = excerpt(line, 1001)
    assert shown[caret] == "X"
    assert len(shown) < 130
    assert excerpt("\tkey", 2) == (" key", 1)


def test_text_reads_gzip_pages(tmp_path: Path) -> None:
    page = tmp_path / "p.html.gz"
    page.write_bytes(gzip.compress(b"<html>\n  <script>{bad}</script>\n"))
    assert SourceLines()(str(page), 2) == "  <script>{bad}</script>"
    assert SourceLines()(str(page), 9) is None


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        render(ValidationReport(), "yaml")

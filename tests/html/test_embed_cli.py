"""``ldpress embed`` through the CLI: exit codes, --dry-run, --out refusals, site mode."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ldpress.cli import app
from ldpress.cli import embed as embed_cli
from ldpress.findings import Finding, Severity

PAGE = b"<html>\n<head>\n<title>t</title>\n</head>\n<body></body>\n</html>\n"
BUNDLE = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "</script>"}
runner = CliRunner()


@pytest.fixture
def checker_findings(monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    """What the injected bundle checker reports (empty: the bundle is fine)."""
    found: list[Finding] = []

    def check(bundle: Any) -> list[Finding]:
        return list(found)

    monkeypatch.setattr(embed_cli, "bundle_checker", lambda: check)
    return found


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("b.jsonld").write_text(json.dumps(BUNDLE))
    Path("site").mkdir()
    Path("site/a.html").write_bytes(PAGE)
    Path("site/b.html").write_bytes(PAGE)
    Path("site/data.json").write_bytes(b'{"not": "html"}')
    return tmp_path


def run(*args: str) -> Any:
    return runner.invoke(app, ["embed", *args])


def test_in_place_then_idempotent(work: Path, checker_findings: list[Finding]) -> None:
    first = run("b.jsonld", "site/a.html", "site/b.html", "--in-place")
    assert first.exit_code == 0, first.stderr
    once = Path("site/a.html").read_bytes()
    assert b'data-ldpress="1"' in once and once != PAGE
    assert "2 changed, 0 unchanged, 0 refused" in first.stderr
    second = run("b.jsonld", "site/a.html", "--in-place")
    assert second.exit_code == 0 and "0 changed, 1 unchanged" in second.stderr
    assert Path("site/a.html").read_bytes() == once


def test_batch_goes_on_after_a_refusal_and_exits_1(
    work: Path, checker_findings: list[Finding]
) -> None:
    result = run("b.jsonld", "site/data.json", "site/a.html", "--in-place")
    assert result.exit_code == 1
    assert b"data-ldpress" in Path("site/a.html").read_bytes()
    assert Path("site/data.json").read_bytes() == b'{"not": "html"}'
    assert "refused: site/data.json (embed.not_html)" in result.stderr
    assert result.stdout == ""


def test_dry_run_prints_a_diff_and_writes_nothing(
    work: Path, checker_findings: list[Finding]
) -> None:
    result = run("b.jsonld", "site/a.html", "--dry-run")
    assert result.exit_code == 0
    assert result.stdout.startswith("--- site/a.html\n+++ site/a.html\n@@ ")
    assert '+<script type="application/ld+json" data-ldpress="1">\n' in result.stdout
    assert "\\u003c/script\\u003e" in result.stdout
    assert Path("site/a.html").read_bytes() == PAGE


def test_out_dir_keeps_paths_and_refuses_traversal(
    work: Path, checker_findings: list[Finding]
) -> None:
    Path("site/sub").mkdir()
    Path("site/sub/c.html").write_bytes(PAGE)
    result = run("b.jsonld", "site/sub/c.html", "../escape.html", "--out", "public")
    assert result.exit_code == 1
    assert b"data-ldpress" in Path("public/site/sub/c.html").read_bytes()
    assert Path("site/sub/c.html").read_bytes() == PAGE
    assert "refused: ../escape.html (embed.outside_output_dir)" in result.stderr
    assert not (work.parent / "escape.html").exists()


@pytest.mark.parametrize(
    ("severity", "force", "code"),
    [(Severity.ERROR, True, 1), (Severity.WARNING, False, 1), (Severity.WARNING, True, 0)],
)
def test_bundle_checks_gate_the_embed(
    work: Path, checker_findings: list[Finding], severity: Severity, force: bool, code: int
) -> None:
    checker_findings.append(Finding("bundle.test", severity, "a problem", path="$.headline"))
    result = run("b.jsonld", "site/a.html", "--in-place", *(["--force"] if force else []))
    assert result.exit_code == code
    assert f"b.jsonld: {severity} bundle.test at $.headline: a problem" in result.stderr
    assert (Path("site/a.html").read_bytes() == PAGE) is (code == 1)


def test_invalid_bundle_json_refuses(work: Path, checker_findings: list[Finding]) -> None:
    Path("b.jsonld").write_text("{")
    result = run("b.jsonld", "site/a.html", "--in-place")
    assert result.exit_code == 1 and "embed.bundle_not_json" in result.stderr
    assert Path("site/a.html").read_bytes() == PAGE


@pytest.mark.parametrize(
    "args",
    [
        ["b.jsonld", "site/a.html"],  # nowhere to write
        ["b.jsonld", "site/a.html", "--in-place", "--out", "x"],
        ["b.jsonld", "--in-place"],  # no page
        ["--site", "site", "--in-place"],  # no map
        ["--site", "site", "--map", "m.yaml", "b.jsonld", "--in-place"],
    ],
)
def test_usage_errors_exit_2(work: Path, args: list[str]) -> None:
    assert run(*args).exit_code == 2


def test_site_mode(work: Path, checker_findings: list[Finding]) -> None:
    Path("other.jsonld").write_text(json.dumps({**BUNDLE, "headline": "other"}))
    Path("cfg").mkdir()
    Path("cfg/map.yaml").write_text("a.html: ../b.jsonld\n'[b].html': ../other.jsonld\n")
    result = run("--site", "site", "--map", "cfg/map.yaml", "--out", "public")
    assert result.exit_code == 0, result.stderr
    assert b"&quot;" not in Path("public/a.html").read_bytes()
    assert b'"headline": "other"' in Path("public/b.html").read_bytes()
    assert b'"headline": "\\u003c/script\\u003e"' in Path("public/a.html").read_bytes()
    assert Path("site/a.html").read_bytes() == PAGE


def test_site_mode_reports_map_problems(work: Path, checker_findings: list[Finding]) -> None:
    Path("map.json").write_text('{"*.html": "b.jsonld", "a.html": "other.jsonld"}')
    result = run("--site", "site", "--map", "map.json", "--in-place")
    assert result.exit_code == 1
    assert "embed.map_conflict" in result.stderr
    assert Path("site/a.html").read_bytes() == PAGE
    assert b"data-ldpress" in Path("site/b.html").read_bytes()

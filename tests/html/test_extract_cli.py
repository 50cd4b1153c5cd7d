"""``ldpress extract`` through the CLI: formats, diagnostics on stderr, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from ldpress.cli import app

runner = CliRunner()

PAGE = (
    "<html><head>\n"
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Thing",}</script>\n'
    '<script type="application/ld+json">{"@type": x}</script>\n'
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Person"}</script>\n'
    "</head></html>\n"
)
GOOD = '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Thing"}</script>'


def test_jsonld_document_warnings_and_exit_1(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(PAGE)
    result = runner.invoke(app, ["extract", str(page)])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "@context": "https://schema.org",
        "@graph": [{"@type": "Thing"}, {"@type": "Person"}],
    }
    assert result.stderr.splitlines() == [
        f"{page}:2:87: warning syntax.trailing_comma trailing comma before a closing bracket: removed a trailing comma",
        f"{page}:3:46: error syntax.invalid_json invalid JSON that could not be repaired: unexpected character, expected a JSON value",
    ]


def test_json_format_lists_blocks_with_positions(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(PAGE)
    result = runner.invoke(app, ["extract", "--format", "json", str(page), "-v"])
    records = json.loads(result.stdout)
    assert [(r["kind"], r["line"], r["column"], r["parsed"]) for r in records] == [
        ("jsonld-script", 2, 36, True),
        ("jsonld-script", 3, 36, False),
        ("jsonld-script", 4, 36, True),
    ]
    assert records[2]["data"] == {"@context": "https://schema.org", "@type": "Person"}
    assert f"{page}:3:36: block 1 (jsonld-script, not parsed)" in result.stderr.splitlines()


def test_clean_page_exits_0_and_stdin_works() -> None:
    result = runner.invoke(app, ["extract", "-"], input=GOOD)
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads(result.stdout)["@graph"] == [{"@type": "Thing"}]


def test_directory_gives_one_document_per_page(tmp_path: Path) -> None:
    (tmp_path / "b.html").write_text(GOOD)
    (tmp_path / "a.html").write_text(GOOD.replace("Thing", "Person"))
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 0
    docs = json.loads(result.stdout)
    assert [d["@graph"][0]["@type"] for d in docs] == ["Person", "Thing"]


def test_usage_errors_exit_2() -> None:
    assert runner.invoke(app, ["extract", "--format", "xml", "x.html"]).exit_code == 2
    assert runner.invoke(app, ["extract"]).exit_code == 2

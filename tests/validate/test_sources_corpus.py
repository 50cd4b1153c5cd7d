"""Reading real pages no one here wrote: every corpus page loads, block counts match the
corpus manifest, every page of the broken-JSON-LD index gets a finding on the broken line
with its other blocks parsed, and extruct's ``*.invalid`` cases recover to extruct's
expected output."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from ldpress.findings import Severity
from ldpress.validate import syntax
from ldpress.validate.model import Block, Context, Options, Source
from ldpress.validate.sources import iter_files, read_source
from tests.conftest import CORPUS, needs_shared

pytestmark = [needs_shared, pytest.mark.shared]

INDEX = CORPUS / "invalid" / "real_world_broken_jsonld_index.json"
_POSITION = re.compile(r"line (\d+) column (\d+) \(char (\d+)\)")


def html_pages() -> list[str]:
    return list(iter_files(str(CORPUS / "html"), include=["*.html", "*.htm", "*.html.gz"]))


def manifest_html() -> list[dict[str, Any]]:
    if not (CORPUS / "manifest.jsonl").exists():
        return []
    rows = [json.loads(line) for line in (CORPUS / "manifest.jsonl").read_text().splitlines()]
    return [r for r in rows if r["kind"] == "html"]


def test_every_corpus_page_loads_with_its_manifest_block_count() -> None:
    pages = html_pages()
    assert len(pages) == 313
    loaded = {str(Path(p).relative_to(CORPUS)): read_source(p) for p in pages}
    for name, source in loaded.items():
        assert source.kind == "html", name
        assert not [f for f in source.findings if f.code.startswith("input.")], name
        list(syntax.check(source, Context(Options())))
    counted = 0
    for row in manifest_html():
        if row["file"] in loaded and row["jsonld_blocks"] is not None:
            blocks = [b for b in loaded[row["file"]].blocks if b.kind == "jsonld-script"]
            assert len(blocks) == row["jsonld_blocks"], row["file"]
            counted += 1
    assert counted >= 300


def strict_error(block: Block) -> json.JSONDecodeError | None:
    try:
        json.loads(block.text)
    except json.JSONDecodeError as exc:
        return exc
    return None


def expected_lines(block: Block, message: str) -> tuple[int, set[int]]:
    """The page line(s) where the index says the block breaks.

    The index records Python's json error position inside the block; for a trailing comma
    that is the bracket after the comma, and ldpress points at the comma itself, so the line
    of the last significant character before the position counts as well.
    """
    m = _POSITION.search(message)
    exc = strict_error(block)
    assert exc is not None
    if m is None:  # one index entry is truncated before its position: use json's own
        line, pos = exc.lineno, exc.pos
    else:
        line, pos = int(m.group(1)), int(m.group(3))
        assert (line, pos) == (exc.lineno, exc.pos), "the index describes another block"
    page_line = block.line + line - 1
    before = len(block.text[:pos].rstrip()) - 1
    lines = {page_line}
    if before >= 0 and block.text[before] == ",":
        lines.add(block.line + block.text.count("\n", 0, before))
    return page_line, lines


def index_pages() -> list[dict[str, Any]]:
    if not INDEX.exists():
        return []
    pages: list[dict[str, Any]] = json.loads(INDEX.read_text())["pages"]
    return pages


@pytest.mark.parametrize("entry", index_pages(), ids=lambda e: Path(e["file"]).name)
def test_broken_page_gets_a_finding_on_the_broken_line(entry: dict[str, Any]) -> None:
    path = CORPUS / entry["file"]
    if not path.exists():
        pytest.skip(f"{entry['file']} is listed in the index but not shipped in the corpus")
    source = read_source(path)
    broken = [b for b in source.blocks if strict_error(b) is not None]
    assert broken, "the index lists this page as broken"
    block = broken[0]
    _, lines = expected_lines(block, entry["errors"][0])
    found = [f for f in syntax.check(source, Context(Options())) if f.line in lines]
    assert found and all(f.code.startswith("syntax.") for f in found), (lines, block.findings)
    # Recovered, or refused with an error, or empty (a warning: nothing to validate).
    codes = {f.code for f in block.findings}
    if block.parsed:
        assert not any(f.severity is Severity.ERROR for f in block.findings)
    else:
        assert "syntax.invalid_json" in codes or codes == {"syntax.empty_block"}
    for other in source.blocks:
        if other not in broken:
            assert other.parsed and not other.findings
    _all_findings_are_located(source)


def _all_findings_are_located(source: Source) -> None:
    for f in syntax.check(source, Context(Options())):
        assert f.line is not None and f.column is not None and f.file == source.file


def extruct_invalid_cases() -> list[Path]:
    root = CORPUS / "html" / "scrapinghub-extruct"
    return sorted(root.glob("*.invalid/*.html")) if root.exists() else []


@pytest.mark.parametrize("page", extruct_invalid_cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_extruct_invalid_cases_recover_to_the_expected_output(page: Path) -> None:
    expected = json.loads(page.with_suffix(".jsonld").read_text(encoding="utf-8"))
    source = read_source(page)
    assert [b.data for b in source.blocks if b.parsed] == expected
    warnings = list(syntax.check(source, Context(Options())))
    assert warnings and all(f.severity is Severity.WARNING for f in warnings)

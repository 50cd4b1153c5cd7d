"""Test support for the pack and consistency layers: build Sources without the page loader.

The page loader belongs to another layer (not merged yet); until it is, corpus tests read
JSON-LD script elements with a small regex and parse them with json.  Blocks that do not
parse are kept unparsed (the layers must skip them), as the real loader would after syntax.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ldpress.findings import Finding
from ldpress.validate import consistency, packs
from ldpress.validate.model import Block, Context, Options, Source

SCRIPT_RE = re.compile(
    r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)


def _block(file: str, index: int, kind: Any, line: int, column: int, text: str) -> Block:
    try:
        data, parsed = json.loads(text), True
    except ValueError:
        data, parsed = None, False
    return Block(file, index, kind, line, column, text=text, data=data, parsed=parsed)


def html_source(name: str, html: str, url: str | None = None) -> Source:
    blocks = []
    for i, m in enumerate(SCRIPT_RE.finditer(html)):
        start = m.start(1)
        line = html.count("\n", 0, start) + 1
        column = start - (html.rfind("\n", 0, start) + 1) + 1
        blocks.append(_block(name, i, "jsonld-script", line, column, m.group(1)))
    return Source(name, "html", blocks, text=html, url=url)


def jsonld_source(name: str, text: str) -> Source:
    return Source(name, "jsonld", [_block(name, 0, "jsonld-file", 1, 1, text)])


def load_source(path: Path, name: str | None = None, url: str | None = None) -> Source:
    text = path.read_text(encoding="utf-8", errors="replace")
    shown = name or path.name
    if path.suffix in (".html", ".htm"):
        return html_source(shown, text, url)
    return jsonld_source(shown, text)


def run_layers(source: Source, options: Options | None = None) -> list[Finding]:
    """Findings of the pack and consistency layers, sorted."""
    ctx = Context(options or Options())
    found = [*packs.check(source, ctx), *consistency.check(source, ctx)]
    return sorted(found, key=Finding.sort_key)


def codes(findings: list[Finding]) -> list[str]:
    return sorted(f.code for f in findings)

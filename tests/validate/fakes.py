"""Small stand-ins for the source loader and the layers, to test the pipeline on its own.

The real loader and layers are other modules' work; these follow the same contract
(``load(name, data) -> Source``; ``check(source, ctx) -> Iterable[Finding]``) with rules
simple enough that a test can say exactly which findings each input must give.
"""

from __future__ import annotations

import fnmatch
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ldpress.findings import Finding, Severity, json_path
from ldpress.validate.model import Block, Context, Layer, Source

CALLS: list[str] = []  # files the layers ran on (in-process runs only)


def load_json(name: str, data: bytes, kind: Any = None) -> Source:
    """A JSON file is one block; a top-level array is one block per item."""
    text = data.decode("utf-8")
    source = Source(file=name, kind="jsonld", text=text)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        source.findings.append(
            Finding(
                "syntax.invalid_json",
                Severity.ERROR,
                f"invalid JSON: {exc.msg}",
                line=exc.lineno,
                column=exc.colno,
                path="$",
            )
        )
        return source
    items = doc if isinstance(doc, list) else [doc]
    for i, item in enumerate(items):
        block = Block(name, i, "jsonld-file", 1, 1, text=text, data=item, parsed=True)
        source.blocks.append(block)
    return source


def walk_sorted(root: str, include: Sequence[str], exclude: Sequence[str]) -> Iterator[str]:
    """Files under ``root`` sorted by relative path, ``*.json*`` or ``include`` globs on the
    base name, minus ``exclude``; hidden directories skipped."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            wanted = include or ("*.json", "*.jsonld")
            if any(fnmatch.fnmatch(name, g) for g in wanted) and not any(
                fnmatch.fnmatch(name, g) for g in exclude
            ):
                path = os.path.join(dirpath, name)  # noqa: PTH118
                found.append((Path(path).relative_to(root).parts, path))
    for _, path in sorted(found):
        yield path


def loader_findings(source: Source, ctx: Context) -> Iterator[Finding]:
    """Like the syntax layer: what the loader found."""
    yield from source.findings
    for block in source.blocks:
        yield from block.findings


def _position(text: str, needle: str) -> tuple[int, int]:
    at = text.find(needle)
    if at < 0:
        return 1, 1
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


def require_headline(source: Source, ctx: Context) -> Iterator[Finding]:
    """An error for each NewsArticle block without a headline."""
    CALLS.append(source.file)
    for block in source.blocks:
        data = block.data
        if not isinstance(data, dict) or data.get("@type") != "NewsArticle":
            continue
        if "headline" not in data:
            line, col = _position(source.text or "", '"@type"')
            yield Finding(
                "test.missing_headline",
                Severity.ERROR,
                "NewsArticle has no headline",
                line=line,
                column=col,
                path=json_path(),
                node_id=data.get("@id"),
                rule_url="https://developers.google.com/search/docs/appearance/structured-data/article",
            )


def flag_old_keys(source: Source, ctx: Context) -> Iterator[Finding]:
    """A warning for each key spelled ``old<Name>``, reported in reverse order on purpose
    (the pipeline must sort)."""
    found = []
    for block in source.blocks:
        if isinstance(block.data, dict):
            for key in block.data:
                if key.startswith("old"):
                    line, col = _position(source.text or "", f'"{key}"')
                    found.append(
                        Finding(
                            "test.old_property",
                            Severity.WARNING,
                            f"property '{key}' is old",
                            line=line,
                            column=col,
                            path=json_path(key),
                            hint=f"did you mean {key[3:].lower()}?",
                        )
                    )
    return reversed(found)


def note_blocks(source: Source, ctx: Context) -> Iterator[Finding]:
    """An info per block, without a location (the pipeline fills the file)."""
    for block in source.blocks:
        yield Finding("test.block_seen", Severity.INFO, f"block {block.index} seen")


def crash(source: Source, ctx: Context) -> Iterator[Finding]:
    raise RuntimeError("boom")


LAYERS: list[Layer] = [loader_findings, require_headline, flag_old_keys, note_blocks]

GOOD = '{"@type": "NewsArticle", "headline": "Floods close the bridge"}\n'
BAD = '{\n  "@type": "NewsArticle",\n  "oldName": "x",\n  "oldTitle": "y"\n}\n'
BROKEN = '{\n  "@type": "NewsArticle",,\n}\n'

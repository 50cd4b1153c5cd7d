"""Reporters: turn a validation report into text, json, sarif, junit or github output.

:func:`render` is the one entry point the CLI uses; each format lives in its own module
with a ``render_*`` function.  Reporters return strings: they never print.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal, get_args

from ldpress.errors import UsageError
from ldpress.findings import Report
from ldpress.report.github import render_github
from ldpress.report.json import render_json
from ldpress.report.junit import render_junit
from ldpress.report.sarif import render_sarif
from ldpress.report.text import LineReader, SourceLines, render_text

Format = Literal["text", "json", "sarif", "junit", "github"]
FORMATS: tuple[str, ...] = get_args(Format)


def render(
    report: Report,
    fmt: str,
    *,
    profiles: Sequence[str] = (),
    files: Sequence[str] | None = None,
    root: Path | None = None,
    color: bool = False,
    lines: LineReader | None = None,
) -> str:
    """``report`` in format ``fmt``.  ``profiles`` go into json's tool object; ``files``
    (every file read) into junit's test cases; ``root`` is SARIF's %SRCROOT%; ``color`` and
    ``lines`` (a source-line reader) are for text."""
    if fmt == "text":
        return render_text(report, color=color, lines=lines)
    if fmt == "json":
        return render_json(report, profiles=profiles)
    if fmt == "sarif":
        return render_sarif(report, root=root)
    if fmt == "junit":
        return render_junit(report, files=files)
    if fmt == "github":
        return render_github(report)
    raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "Format", "SourceLines", "render"]

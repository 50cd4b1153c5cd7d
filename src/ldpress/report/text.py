"""The ``--format text`` report: findings grouped by file, readable in a terminal.

Each finding is ``line:col severity code message``, then the offending source line with a
caret under the column, then the hint.  Source lines are read back from the file (gzip pages
too) only for files that have findings; very long lines (minified pages) are cut to a window
around the column.  Colour is ANSI, used only when the caller says so (the CLI decides:
a TTY and no ``NO_COLOR``).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from ldpress.findings import Finding, Report

LineReader = Callable[[str, int], str | None]
WINDOW_BEFORE = 40
WINDOW_AFTER = 80

_COLOURS = {
    "error": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "info": "\x1b[1;34m",
    "file": "\x1b[1m",
    "dim": "\x1b[2m",
    "caret": "\x1b[1;36m",
}
_RESET = "\x1b[0m"
# Page content must not drive the terminal (an ESC in a message could recolour or move the
# cursor), and a raw newline would break the layout: control characters are shown escaped.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def visible(s: str) -> str:
    """``s`` with control characters (other than tab) shown as ``\\n``-style escapes."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], s)


class SourceLines:
    """Reads line N of a file, keeping the lines of the last file read (findings come
    grouped by file, so each file is read once).  ``overrides`` supplies bytes for names
    that cannot be read back, such as ``-`` for stdin."""

    def __init__(self, overrides: Mapping[str, bytes] | None = None) -> None:
        self.overrides = dict(overrides or {})
        self._name: str | None = None
        self._lines: list[str] = []

    def _load(self, name: str) -> list[str]:
        data = self.overrides.get(name)
        if data is None:
            try:
                data = Path(name).read_bytes()
            except OSError:
                return []
        if data[:2] == b"\x1f\x8b":
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError):
                return []
        return data.decode("utf-8", "replace").split("\n")

    def __call__(self, name: str, line: int) -> str | None:
        if name != self._name:
            self._name, self._lines = name, self._load(name)
        if 1 <= line <= len(self._lines):
            return self._lines[line - 1].rstrip("\r")
        return None


def excerpt(text: str, column: int) -> tuple[str, int]:
    """The part of ``text`` to show and the 0-based caret offset in it for 1-based
    ``column``; tabs become spaces so the caret lines up."""
    text = visible(text.replace("\t", " "))
    col = max(column - 1, 0)
    start = max(col - WINDOW_BEFORE, 0)
    end = col + WINDOW_AFTER
    shown = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + shown + suffix, col - start + len(prefix)


class _Painter:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, style: str, s: str) -> str:
        return f"{_COLOURS[style]}{s}{_RESET}" if self.color else s


def _render_finding(f: Finding, lines: LineReader, paint: _Painter) -> list[str]:
    where = "-" if f.line is None else f"{f.line}:{f.column or 1}"
    sev = paint(str(f.severity), f"{f.severity!s:<7}")
    head = f"  {where:>8}  {sev}  {paint('dim', f.code)}  {visible(f.message)}"
    if f.path:
        head += paint("dim", f"  {visible(f.path)}")
    out = [head]
    text = lines(f.file, f.line) if f.file and f.line else None
    if text is not None and f.line is not None:
        gutter = f"{f.line:>10} | "
        shown, caret = excerpt(text, f.column or 1)
        out.append(gutter + shown)
        out.append(" " * 10 + " | " + " " * caret + paint("caret", "^"))
    if f.hint:
        out.append(" " * 10 + " = hint: " + visible(f.hint))
    return out


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render_summary(report: Report) -> str:
    return (
        f"{_plural(report.errors, 'error')}, {_plural(report.warnings, 'warning')}, "
        f"{_plural(report.infos, 'info')} in {_plural(report.files, 'file')} "
        f"({_plural(report.blocks, 'block')})"
    )


def render_text(report: Report, *, color: bool = False, lines: LineReader | None = None) -> str:
    paint = _Painter(color)
    read = lines or SourceLines()
    out: list[str] = []
    current: str | None = None
    for f in report.findings:
        name = f.file or "-"
        if name != current:
            if current is not None:
                out.append("")
            out.append(paint("file", visible(name)))
            current = name
        out.extend(_render_finding(f, read, paint))
    if out:
        out.append("")
    out.append(render_summary(report))
    return "\n".join(out) + "\n"


__all__ = ["SourceLines", "render_summary", "render_text"]

"""Find the JSON-LD script elements of an HTML page without building a DOM.

A page is scanned once for comment openers and ``<script``/``<style`` start tags: comments
are skipped whole (ending as HTML ends them: ``-->``, ``--!>``, or abruptly at ``<!-->`` and
``<!--->``), script and style contents are skipped up to the first
matching end tag (HTML's script-data and raw-text rules, so JavaScript holding ``<!--`` or
``"<script>"`` never confuses the scan), and the script elements whose ``type`` is
``application/ld+json`` (any case, with parameters, quoted or not) are reported with the
1-based line and column of their first content character.  The same pass records the spans
where a tag is not a tag (comments, script and style contents), which the microdata
locator needs.  A DOM parse costs ~1 ms per news page; this scan costs ~0.1 ms.

The scan runs over the page's UTF-8 bytes and an ASCII-lower-cased copy of them, jumping
between ``<!--``, ``<script`` and ``<style`` with a vectorised search; its rules are written
as one regex over the text in the tests (``tests/validate/htmlscan_reference.py``), which
it must agree with on any text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ldpress.validate.bytefind import (
    ascii_lower,
    char_at,
    char_offsets,
    count,
    find,
    utf8_length,
)

# The rest of a script/style start tag after its name: its attributes (values may hold ">"
# inside quotes) as group 1 and its ">" as group 2, absent when the page ends first.
# (Written unrolled and possessive: a run of plain characters is one step, not one each.)
_TAG_REST = re.compile(rb"""([^>"']*+(?:(?:"[^"]*+"|'[^']*+')[^>"']*+)*+)(>)?""")
# What the scan's word boundary and whitespace tests count as such among ASCII characters
# (Python's str.isalnum()/"_" and str.isspace(), which the scan follows for every character).
_WORD_ASCII = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_SPACE_ASCII = frozenset(b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f")
_ATTR = re.compile(
    r"""(?:^|[\s"'/])([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"""
)


@dataclass(frozen=True, slots=True)
class ScriptBlock:
    """One JSON-LD script element: its content and where that content starts in the page."""

    text: str
    start: int  # offset of the first content character in the page
    line: int
    column: int
    terminated: bool  # False when the page ended before ``</script``


def parse_attributes(tag: str) -> dict[str, str]:
    """Attributes of a start tag's inner text (after the tag name), names lowercased, first
    occurrence wins (as in HTML), entity references in values decoded."""
    attrs: dict[str, str] = {}
    for m in _ATTR.finditer(tag):
        name = m.group(1).lower()
        if name not in attrs:
            raw = m.group(2) if m.group(2) is not None else m.group(3) or m.group(4) or ""
            attrs[name] = html.unescape(raw) if "&" in raw else raw
    return attrs


def is_jsonld_type(value: str | None) -> bool:
    """``application/ld+json`` with any case, whitespace and parameters."""
    if value is None:
        return False
    return value.split(";", 1)[0].strip().lower() == "application/ld+json"


class PageScan:
    """What one pass over a page finds: its JSON-LD scripts and its raw spans."""

    __slots__ = ("_raw", "data", "lower", "raw_bytes", "scripts", "wide")

    def __init__(self, data: bytes = b"", wide: bool = False, lower: bytes = b"") -> None:
        self.scripts: list[ScriptBlock] = []
        # comments and script/style contents, as (start, end) offsets in the UTF-8 bytes
        self.raw_bytes: list[tuple[int, int]] = []
        self.data = data  # the page's UTF-8 bytes
        self.wide = wide  # whether they hold non-ASCII characters (offsets differ)
        self.lower = lower  # their ASCII-lower-cased copy
        self._raw: list[tuple[int, int]] | None = None

    def char_offsets(self, offsets: list[int]) -> list[int]:
        """Increasing byte offsets in :attr:`data` → character offsets in the page text."""
        return char_offsets(self.data, offsets) if self.wide else offsets

    @property
    def raw(self) -> list[tuple[int, int]]:
        """The raw spans as character offsets in the page text, converted when first asked
        (only pages with microdata or RDFa need them)."""
        if self._raw is None:
            if not self.wide:  # ASCII: bytes and characters agree
                self._raw = self.raw_bytes
            else:
                data, out = self.data, list[tuple[int, int]]()
                byte = char = 0
                for a, b in self.raw_bytes:
                    start = char + utf8_length(data, byte, a)
                    char = start + utf8_length(data, a, b)
                    byte = b
                    out.append((start, char))
                self._raw = out
        return self._raw


def _word_at(data: bytes, at: int) -> bool:
    """Whether the character at byte ``at`` is a word character (what ``\\b`` tests)."""
    lead = data[at]
    if lead < 0x80:
        return lead in _WORD_ASCII
    char = char_at(data, at)
    return char.isalnum() or char == "_"


def _space_at(data: bytes, at: int) -> int:
    """The byte length of the whitespace character at byte ``at``, 0 if it is not one."""
    lead = data[at]
    if lead < 0x80:
        return 1 if lead in _SPACE_ASCII else 0
    char = char_at(data, at)
    return len(char.encode("utf-8", "surrogatepass")) if char.isspace() else 0


def _comment_end(data: bytes, at: int) -> int:
    """Where a comment whose body starts at ``at`` ends: after its ``-->`` or ``--!>``, or
    at the end of the page."""
    while (at := find(data, b"--", at)) >= 0:
        if data[at + 2 : at + 3] == b">":
            return at + 3
        if data[at + 2 : at + 4] == b"!>":
            return at + 4
        at += 1
    return len(data)


def _end_tag(data: bytes, low: bytes, needle: bytes, at: int) -> tuple[int, int]:
    """(start, end) of the first ``</script`` / ``</style`` end tag (``needle``, any case)
    from ``at`` that a whitespace character, ``/`` or ``>`` follows; (-1, -1) when none."""
    size = len(needle)
    while (at := find(low, needle, at)) >= 0:
        after = at + size
        if after < len(data):
            if data[after] in b"/>":
                return at, after + 1
            space = _space_at(data, after)
            if space:
                return at, after + space
        at += 1
    return -1, -1


class _Positions:
    """Byte offsets of a page's UTF-8 → (line, column, character offset), for increasing
    offsets (a page has few JSON-LD blocks)."""

    __slots__ = ("_data", "_line", "_offset", "_wide")

    def __init__(self, data: bytes, wide: bool) -> None:
        self._data = data
        self._wide = wide
        self._offset = 0
        self._line = 1

    def at(self, offset: int) -> tuple[int, int, int]:
        data = self._data
        self._line += count(data, b"\n", self._offset, offset)
        self._offset = offset
        line_start = data.rfind(b"\n", 0, offset) + 1
        if not self._wide:
            return self._line, offset - line_start + 1, offset
        column = utf8_length(data, line_start, offset) + 1
        return self._line, column, utf8_length(data, 0, offset)


def scan_page(page: str, utf8: bytes | None = None) -> PageScan:
    """The JSON-LD script elements of ``page`` and its raw spans, in page order.

    The scan runs over the page's UTF-8 bytes (``utf8`` when the caller has them, else
    encoded here) and an ASCII-lower-cased copy of them: finding the next ``<!--``,
    ``<script`` and ``<style`` with a vectorised search skips everything between them, where
    a regex tries a match at every ``<`` of the page (4 times slower on news pages, whose
    text is mostly stored two bytes per character).  Every decision is taken at an ASCII
    byte, or on the whole character there, so the result is what the same rules give on
    the text."""
    data = utf8 if utf8 is not None else page.encode("utf-8", "surrogatepass")
    wide = len(data) != len(page)
    low = ascii_lower(data)
    out = PageScan(data, wide, low)
    raw = out.raw_bytes
    size = len(data)
    positions = _Positions(data, wide)
    comment, script, style = find(low, b"<!--"), find(low, b"<script"), find(low, b"<style")
    pos = 0
    while True:
        if 0 <= comment < pos:
            comment = find(low, b"<!--", pos)
        if 0 <= script < pos:
            script = find(low, b"<script", pos)
        if 0 <= style < pos:
            style = find(low, b"<style", pos)
        at = _first(comment, script, style)
        if at < 0:
            break
        if at == comment:  # ends as HTML ends a comment (">", "->", "-->" or "--!>")
            body = at + 4
            if data[body : body + 1] == b">":
                pos = body + 1
            elif data[body : body + 2] == b"->":
                pos = body + 2
            else:
                pos = _comment_end(data, body)
            raw.append((at, pos))
            continue
        is_style = at == style
        name_end = at + (6 if is_style else 7)
        if name_end < size and _word_at(data, name_end):  # "<scripts", "<styled": no tag
            if is_style:
                style = find(low, b"<style", at + 1)
            else:
                script = find(low, b"<script", at + 1)
            continue
        rest = _TAG_REST.match(data, name_end)
        if rest is None or rest.group(2) is None:  # no closing ">": the parser drops it
            raw.append((at, size))
            break
        tag_end, start = rest.end(1), rest.end()
        close, pos = _end_tag(data, low, b"</style" if is_style else b"</script", start)
        stop = size if close < 0 else close
        raw.append((at, stop))
        if (
            not is_style
            and low.find(b"ld+json", name_end, tag_end) >= 0
            and is_jsonld_type(_attributes(data, name_end, tag_end).get("type"))
        ):
            line, column, offset = positions.at(start)
            text = data[start:stop].decode("utf-8", "surrogatepass")
            out.scripts.append(ScriptBlock(text, offset, line, column, close >= 0))
        if close < 0:
            break
    return out


def _first(a: int, b: int, c: int) -> int:
    """The smallest of the offsets that are not -1, or -1."""
    best = a
    if b >= 0 and (best < 0 or b < best):
        best = b
    if c >= 0 and (best < 0 or c < best):
        best = c
    return best


def _attributes(data: bytes, start: int, end: int) -> dict[str, str]:
    return parse_attributes(data[start:end].decode("utf-8", "surrogatepass"))


def iter_jsonld_scripts(page: str) -> Iterator[ScriptBlock]:
    """Every ``<script type="application/ld+json">`` element of ``page``, in page order."""
    yield from scan_page(page).scripts

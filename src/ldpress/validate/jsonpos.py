"""Positions for JSON text: offset maps for repaired text, page coordinates, and a
position-tracking JSON walker.

Tolerant parsing rewrites a block (drops comments, escapes raw control characters, decodes
entities); an :class:`OffsetMap` takes an offset in the rewritten text back to the original.
:class:`TextPlace` turns an offset in a block's original text into a 1-based line and column
in the page.  :func:`locate_paths` walks *valid* JSON text and returns, for every JSON path,
the offset of the member's key (dict members) or of the value (list items and the root).
Locating is rare, so all of this runs lazily, only when a finding needs a position.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from typing import Any

import orjson

from ldpress.validate.model import PathTuple

_WS = re.compile(r"[ \t\n\r]*")
_NEWLINE = re.compile("\n")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null")


class OffsetMap:
    """Maps offsets of a rewritten text back to the text it was made from.

    ``anchors`` are (rewritten offset, original offset) pairs, sorted, starting at (0, 0):
    between two anchors the texts advance together, one character for one.
    """

    __slots__ = ("_new", "_old")

    def __init__(self, anchors: list[tuple[int, int]] | None = None) -> None:
        pairs = anchors or [(0, 0)]
        self._new = [a for a, _ in pairs]
        self._old = [b for _, b in pairs]

    def to_source(self, offset: int) -> int:
        i = bisect.bisect_right(self._new, offset) - 1
        if i < 0:
            return offset
        return self._old[i] + (offset - self._new[i])


def map_back(maps: list[OffsetMap], offset: int) -> int:
    """Apply maps innermost (last) first: the last map made the text that was parsed."""
    for m in reversed(maps):
        offset = m.to_source(offset)
    return offset


class TextPlace:
    """Offsets of a block's text → (line, column) in the page the block sits in."""

    __slots__ = ("_column", "_line", "_newlines")

    def __init__(self, text: str, line: int, column: int) -> None:
        self._line = line
        self._column = column
        # One step per line, not per character (blocks run to tens of kilobytes).
        self._newlines = [m.start() for m in _NEWLINE.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        n = bisect.bisect_left(self._newlines, offset)
        if n == 0:
            return self._line, self._column + offset
        return self._line + n, offset - self._newlines[n - 1]


def _key(token: str) -> str:
    if "\\" in token:
        value = orjson.loads(token)
        return value if isinstance(value, str) else token[1:-1]
    return token[1:-1]


def _skip(text: str, pos: int) -> int:
    m = _WS.match(text, pos)
    return pos if m is None else m.end()


def _value(text: str, pos: int, path: PathTuple, out: dict[PathTuple, int]) -> int:
    """Walk the value starting at ``pos`` (no leading whitespace); return the offset after."""
    ch = text[pos : pos + 1]
    if ch == "{":
        pos = _skip(text, pos + 1)
        if text.startswith("}", pos):
            return pos + 1
        while True:
            m = _STRING.match(text, pos)
            if m is None:
                raise ValueError(f"expected a key at {pos}")
            child = (*path, _key(m.group()))
            out[child] = pos
            pos = _skip(text, m.end())
            pos = _skip(text, pos + 1)  # the ":"
            pos = _skip(text, _value(text, pos, child, out))
            if text.startswith("}", pos):
                return pos + 1
            pos = _skip(text, pos + 1)  # the ","
    if ch == "[":
        pos = _skip(text, pos + 1)
        index = 0
        if text.startswith("]", pos):
            return pos + 1
        while True:
            child = (*path, index)
            out[child] = pos
            pos = _skip(text, _value(text, pos, child, out))
            if text.startswith("]", pos):
                return pos + 1
            pos = _skip(text, pos + 1)
            index += 1
    m = _STRING.match(text, pos) if ch == '"' else _SCALAR.match(text, pos)
    if m is None:
        raise ValueError(f"expected a value at {pos}")
    return m.end()


def locate_paths(text: str, start: int = 0, prefix: PathTuple = ()) -> dict[PathTuple, int]:
    """Offsets in ``text`` of every path of the JSON value starting at or after ``start``.

    ``text`` must hold valid JSON there (it is the text orjson accepted); a walker error on
    anything else leaves the paths found so far.
    """
    out: dict[PathTuple, int] = {}
    pos = _skip(text, start)
    out[prefix] = pos
    with contextlib.suppress(ValueError, IndexError, orjson.JSONDecodeError):
        _value(text, pos, prefix, out)
    return out


def max_depth(value: Any, limit: int) -> int:
    """Nesting depth of a parsed value, counting stops once ``limit`` is passed."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                return deepest
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values() if isinstance(v, dict | list))
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item if isinstance(v, dict | list))
    return deepest

"""Positions for JSON text: offset maps for repaired text, page coordinates, and a
position-tracking JSON walker.

Tolerant parsing rewrites a block (drops comments, escapes raw control characters, decodes
entities); an :class:`OffsetMap` takes an offset in the rewritten text back to the original.
:class:`TextPlace` turns an offset in a block's original text into a 1-based line and column
in the page.  :func:`locate_paths` walks *valid* JSON text and returns, for every JSON path,
the offset of the member's key (dict members) or of the value (list items and the root).
Locating is rare, so all of this runs lazily, only when a finding needs a position.
"""

# The walk compares character codes with chains of ==, which mypyc compiles to integer
# compares; ``o in (...)`` measured 9% slower.
# ruff: noqa: SIM109

from __future__ import annotations

import bisect
import contextlib
import re
from typing import Any, Final

import orjson

from ldpress.validate.model import PathTuple

_WS = re.compile(r"[ \t\n\r]*")
_NEWLINE = re.compile("\n")


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


# The walk reads the text one character code at a time (compiled, a comparison of ints, no
# string object per character) and jumps over a string's content with str.find for its
# closing quote: 4.6 times faster on the corpus pages' blocks than one regex match per token,
# whose engine steps through every character of every string.
_QUOTE: Final = 34  # "
_BACKSLASH: Final = 92
_COLON: Final = 58
_COMMA: Final = 44
_OPEN_OBJECT: Final = 123  # {
_OPEN_LIST: Final = 91  # [
_CLOSE_OBJECT: Final = 125  # }
_CLOSE_LIST: Final = 93  # ]
_SPACE: Final = 32
_NEWLINE_CODE: Final = 10
_TAB: Final = 9
_RETURN: Final = 13


def _key(text: str, start: int, end: int) -> str:
    """The key whose string token is ``text[start:end]`` (quotes included)."""
    raw = text[start + 1 : end - 1]
    if "\\" in raw:
        value = orjson.loads(text[start:end])
        return value if isinstance(value, str) else raw
    return raw


def _string_end(text: str, at: int) -> int:
    """The offset after the string whose opening quote is at ``at``: its first quote not
    escaped (preceded by an even number of backslashes)."""
    end = text.find('"', at + 1)
    while end > 0 and ord(text[end - 1]) == _BACKSLASH:
        back = end - 2
        while ord(text[back]) == _BACKSLASH:
            back -= 1
        if (end - back) % 2:
            break
        end = text.find('"', end + 1)
    if end < 0:
        raise ValueError(f"unterminated string at {at}")
    return end + 1


def _skip(text: str, pos: int) -> int:
    m = _WS.match(text, pos)
    return pos if m is None else m.end()


def _walk(text: str, pos: int, root: PathTuple, out: dict[PathTuple, int]) -> None:
    """Record the paths of the value at ``pos`` (no leading whitespace) until it closes.

    ``paths`` holds the open containers' paths and ``nexts`` the index of each one's next
    item (-1 for an object); a member is located at its key, a list item at its first
    character.  Commas are skipped like whitespace: the text is valid JSON."""
    paths: list[PathTuple] = []
    nexts: list[int] = []
    size = len(text)
    i = pos
    while True:
        o = ord(text[i])
        while o == _SPACE or o == _NEWLINE_CODE or o == _TAB or o == _RETURN or o == _COMMA:
            i += 1
            o = ord(text[i])
        if o == _CLOSE_OBJECT or o == _CLOSE_LIST:
            paths.pop()
            nexts.pop()
            if not paths:
                return
            i += 1
            continue
        if paths:
            top = nexts[-1]
            if top < 0:  # an object member: its key, a colon, its value
                if o != _QUOTE:
                    raise ValueError(f"expected a key at {i}")
                end = _string_end(text, i)
                path: PathTuple = paths[-1] + (_key(text, i, end),)
                out[path] = i
                o = ord(text[end])
                while o == _SPACE or o == _NEWLINE_CODE or o == _TAB or o == _RETURN:
                    end += 1
                    o = ord(text[end])
                if o != _COLON:
                    raise ValueError(f"expected a colon at {end}")
                i = end + 1
                o = ord(text[i])
                while o == _SPACE or o == _NEWLINE_CODE or o == _TAB or o == _RETURN:
                    i += 1
                    o = ord(text[i])
            else:
                path = paths[-1] + (top,)
                nexts[-1] = top + 1
                out[path] = i
        else:
            path = root
        if o == _OPEN_OBJECT or o == _OPEN_LIST:
            paths.append(path)
            nexts.append(-1 if o == _OPEN_OBJECT else 0)
            i += 1
        elif o == _QUOTE:
            i = _string_end(text, i)
        else:  # a number, true, false or null: up to the next delimiter
            i += 1
            while i < size:
                o = ord(text[i])
                if (
                    o == _SPACE
                    or o == _NEWLINE_CODE
                    or o == _TAB
                    or o == _RETURN
                    or o == _COMMA
                    or o == _CLOSE_LIST
                    or o == _CLOSE_OBJECT
                ):
                    break
                i += 1
        if not paths:
            return  # the root was a scalar


def locate_paths(text: str, start: int = 0, prefix: PathTuple = ()) -> dict[PathTuple, int]:
    """Offsets in ``text`` of every path of the JSON value starting at or after ``start``:
    of the member's key for object members, of the value for list items and the root.

    ``text`` must hold valid JSON there (it is the text orjson accepted); a walker error on
    anything else leaves the paths found so far.
    """
    out: dict[PathTuple, int] = {}
    pos = _skip(text, start)
    out[prefix] = pos
    with contextlib.suppress(ValueError, IndexError, orjson.JSONDecodeError):
        _walk(text, pos, prefix, out)
    return out


def max_depth(value: Any, limit: int) -> int:
    """Nesting depth of a parsed value, counting stops once ``limit`` is passed."""
    # Level by level: half the cost of a stack of (value, depth) pairs on a built bundle,
    # which has enough brackets to be measured on every validation.
    depth = 1
    level = [value] if isinstance(value, dict | list) else []
    while depth <= limit and level:
        deeper = []
        for item in level:
            for v in item.values() if isinstance(item, dict) else item:
                if isinstance(v, dict | list):
                    deeper.append(v)
        if not deeper:
            break
        depth += 1
        level = deeper
    return depth

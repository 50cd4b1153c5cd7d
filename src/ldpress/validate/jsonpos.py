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


# One step of a walk over JSON text, whitespace skipped by finditer: an object member with
# a scalar value and its comma (group 1 the key), a member opening a container (group 2 the
# bracket), a bracket opening a list item or the root (group 3), a closing bracket and its
# comma (group 4), or a scalar list item and its comma.  A member or item is one match
# instead of a token each for key, colon, value and comma: a third of the steps on
# JSON-LD, and each step is a match object and a few tests.
_STRING = r'"[^"\\]*+(?:\\.[^"\\]*+)*+"'
_SCALAR = r'[^\s{}\[\],:"]++'
_STEP = re.compile(
    rf"({_STRING})\s*+:\s*+(?:([{{\[])|(?:{_STRING}|{_SCALAR})\s*+,?+)"
    rf"|([{{\[])"
    rf"|([}}\]])\s*+,?+"
    rf"|(?:{_STRING}|{_SCALAR})\s*+,?+",
    re.DOTALL,
)


def _key(token: str) -> str:
    if "\\" in token:
        value = orjson.loads(token)
        return value if isinstance(value, str) else token[1:-1]
    return token[1:-1]


def _skip(text: str, pos: int) -> int:
    m = _WS.match(text, pos)
    return pos if m is None else m.end()


def _walk(text: str, pos: int, root: PathTuple, out: dict[PathTuple, int]) -> None:
    """Record the paths of the value at ``pos`` (no leading whitespace) until it closes.

    ``stack`` holds the open containers as [path, index of the next item] (index -1 for an
    object); a member is located at its key, a list item at its first character."""
    stack: list[list[Any]] = []
    for m in _STEP.finditer(text, pos):
        key, member_opens, opens, closes = m.groups()
        if key is not None:
            if not stack or stack[-1][1] >= 0:
                raise ValueError(f"unexpected key at {m.start()}")
            path: PathTuple = (*stack[-1][0], _key(key))
            out[path] = m.start()
            if member_opens is not None:
                stack.append([path, -1 if member_opens == "{" else 0])
            continue
        if closes is not None:
            stack.pop()
            if not stack:
                return
            continue
        if stack:  # a list item (an object wants a key)
            top = stack[-1]
            if top[1] < 0:
                raise ValueError(f"expected a key at {m.start()}")
            path = (*top[0], top[1])
            top[1] += 1
            out[path] = m.start()
        else:
            path = root
        if opens is not None:
            stack.append([path, -1 if opens == "{" else 0])
        elif not stack:
            return  # a scalar at the root


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

"""The next tag the page scan stops at, found by a vectorised search per tag name.

:mod:`ldpress.validate.pagescan` stops only at comment openers and at the start tags of the
elements it reads or must skip (title, h1, meta, link, time; script, style and the other
raw-text elements; template, svg, math; plaintext).  A regex search for them tries a match at
every ``<`` of the page (~8,000 on a news page: ~0.6 ms to read one to its end, which the
``<time>`` and ``<h1>`` checks need on one page in five).  Here each opener is searched for
on its own in the page's lower-cased bytes with StringZilla (a few microseconds per 100 KB),
in windows that double as the scan moves on, so a scan that stops in the head searches little
more than the head.  :func:`next_opener` gives what the regex in the tests
(``tests/validate/pagescan_reference.py``) matches at the same place.
"""

from __future__ import annotations

import re

from ldpress.validate.bytefind import find

# The tag names, in the order of their needles after the comment opener (index 0).
NAMES = (
    *("script", "style", "svg", "title", "time", "textarea", "template", "h1", "meta"),
    *("math", "link", "iframe", "xmp", "noembed", "noframes", "plaintext"),
)
_NEEDLES = (b"<!--", *(b"<" + name.encode("ascii") for name in NAMES))
DELIMITER = frozenset(b" \t\n\r\x0b\x0c/>")  # what "[\s/>]" matches over bytes
# A start tag's attributes up to its ">" (possessive: a failed match never backtracks into
# splitting a name), and one attribute: name, then a quoted or unquoted value.
ATTRS_RE = r"""(?:[\s/]*+(?:[^\s/>"'=<][^\s/>=]*+)(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>"'=<`][^\s>]*+))?+)*+[\s/]*+>"""
ATTRS_BYTES = re.compile(ATTRS_RE.encode("ascii"))
_FIRST_WINDOW = 8192


class Opener:
    """A comment opener (``name`` None) or a start tag the scan stops at."""

    __slots__ = ("abrupt", "end", "name", "name_end", "start")

    def __init__(
        self, start: int, name: str | None, name_end: int, end: int, abrupt: bytes | None
    ) -> None:
        self.start = start  # offset of its "<"
        self.name = name
        self.name_end = name_end  # just past "<!--" or the tag name
        # Just past the tag's ">" (-1: its attributes are malformed, or the page ends
        # first), or past "<!--" and the ">"/"->" that closes a comment at once (``abrupt``).
        self.end = end
        self.abrupt = abrupt


class Openers:
    """Every opener's next occurrence at or after the scan's position, each found by its
    own search and kept until the scan passes it."""

    __slots__ = ("_found", "_horizon", "_lower", "_page", "_window")

    def __init__(self, page: bytes, lower: bytes, window: int = _FIRST_WINDOW) -> None:
        self._page = page  # UTF-8
        self._lower = lower  # its ASCII-lower-cased copy (HTML matches names in ASCII case)
        # Each needle's first occurrence from where it was last searched, before the
        # horizon; -1 when there is none before it.
        self._found = [-1] * len(_NEEDLES)
        self._horizon = 0
        self._window = max(1, window)  # the first window's size (the tests make it tiny)

    def _search(self, i: int, start: int) -> int:
        needle = _NEEDLES[i]
        # An occurrence starting before the horizon is found even if it ends after it.
        end = min(len(self._lower), self._horizon + len(needle) - 1)
        return find(self._lower, needle, start, end) if start < end else -1

    def next_opener(self, pos: int) -> Opener | None:
        """The first opener starting at or after ``pos``; None when there is none."""
        page, found = self._page, self._found
        size = len(page)
        while True:
            if pos >= self._horizon:
                if pos >= size:
                    return None
                self._horizon = min(size, pos + self._window)
                self._window *= 2
                for i in range(len(_NEEDLES)):
                    found[i] = self._search(i, pos)
            best = kind = -1
            for i in range(len(_NEEDLES)):
                at = found[i]
                if 0 <= at < pos:
                    at = found[i] = self._search(i, pos)
                if at >= 0 and (best < 0 or at < best):
                    best, kind = at, i
            if best < 0:  # nothing before the horizon: search the next window
                pos = self._horizon
                continue
            name_end = best + len(_NEEDLES[kind])
            if kind == 0:
                abrupt = b">" if page[name_end : name_end + 1] == b">" else None
                if abrupt is None and page[name_end : name_end + 2] == b"->":
                    abrupt = b"->"
                return Opener(best, None, name_end, name_end + len(abrupt or b""), abrupt)
            if name_end < size and page[name_end] in DELIMITER:
                attrs = ATTRS_BYTES.match(page, name_end)
                return Opener(best, NAMES[kind - 1], name_end, attrs.end() if attrs else -1, None)
            found[kind] = self._search(kind, best + 1)  # "<scripts", "<h12": another name

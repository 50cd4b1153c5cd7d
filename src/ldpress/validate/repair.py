"""Repair the breakage real pages put into JSON-LD blocks, recording what was repaired where.

:func:`repair` runs only after a strict parse failed.  One pass over the text, string-aware,
blanks what must go (HTML comment and CDATA wrappers, ``//`` and ``/* */`` comments, trailing
commas, top-level semicolons, stray closing brackets) with spaces so offsets and line breaks
stay put, and rewrites what must change inside strings (raw control characters → escapes, bad
escapes → the character JavaScript would read).  Rewrites that change the length are recorded
in an :class:`~ldpress.validate.jsonpos.OffsetMap`.  ``value_starts`` lists where each
top-level object or array begins, so concatenated values can be parsed one by one.
:func:`decode_entities` undoes an HTML-entity-encoded body (``{&quot;@context&quot;: ...``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ldpress.validate.jsonpos import OffsetMap

_PLAIN = re.compile(r"""[^"'{}\[\],;/<\-\ufeff]+""")
_IN_STRING = re.compile(r'["\\\x00-\x1f]')
_IN_SINGLE = re.compile(r"['\"\\\x00-\x1f]")
_HEX4 = re.compile(r"[0-9a-fA-F]{4}")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_VALID_ESCAPE = set('"\\/bfnrtu')
_WRAPPERS = (("<!--", "-->", "html_comment"), ("<![CDATA[", "]]>", "cdata"))


@dataclass(slots=True)
class Repair:
    """One repair: its kind (the finding code's last part), offset in the input text, note."""

    kind: str
    offset: int
    note: str


@dataclass(slots=True)
class Repaired:
    text: str
    offsets: OffsetMap
    repairs: list[Repair] = field(default_factory=list)
    value_starts: list[int] = field(default_factory=list)


def _blank(chunk: str) -> str:
    """Spaces for every character except line breaks, which keep line numbers right."""
    return re.sub(r"[^\n]", " ", chunk)


class _Scanner:
    def __init__(self, text: str) -> None:
        self.s = text
        self.out: list[str] = []
        self.out_len = 0
        self.anchors: list[tuple[int, int]] = [(0, 0)]
        self.repairs: list[Repair] = []
        self.stack: list[str] = []
        self.value_starts: list[int] = []
        self.last_comma: int | None = None  # index in ``out`` of a comma not yet followed

    def emit(self, chunk: str, src_start: int, src_end: int) -> None:
        if len(chunk) != src_end - src_start:
            self.anchors.append((self.out_len, src_start))
            self.anchors.append((self.out_len + len(chunk), src_end))
        self.out.append(chunk)
        self.out_len += len(chunk)

    def note(self, kind: str, offset: int, note: str) -> None:
        self.repairs.append(Repair(kind, offset, note))

    def run(self) -> Repaired:
        s, i, n = self.s, 0, len(self.s)
        while i < n:
            m = _PLAIN.match(s, i)
            if m is not None:
                if m.group().strip():
                    self.last_comma = None
                self.emit(m.group(), i, m.end())
                i = m.end()
                continue
            i = self.token(i)
        return Repaired("".join(self.out), OffsetMap(self.anchors), self.repairs, self.value_starts)

    def token(self, i: int) -> int:
        s, ch = self.s, self.s[i]
        if ch == '"':
            self.last_comma = None
            return self.string(i)
        if ch == "'":
            self.last_comma = None
            return self.single_quoted(i)
        for opener, closer, kind in _WRAPPERS:
            if s.startswith(opener, i) or s.startswith(closer, i):
                return self.wrapper(i, opener, closer, kind)
        if s.startswith("//", i) or s.startswith("/*", i):
            end = s.find("\n", i) if s[i + 1] == "/" else s.find("*/", i + 2)
            end = len(s) if end < 0 else end + (0 if s[i + 1] == "/" else 2)
            self.note("js_comment", i, "removed a JavaScript comment")
            self.emit(_blank(s[i:end]), i, end)
            return end
        if ch == "\ufeff":
            self.note("byte_order_mark", i, "removed a byte order mark")
            self.emit(" ", i, i + 1)
            return i + 1
        if ch in "{[":
            if not self.stack:
                self.value_starts.append(self.out_len)
            self.stack.append(ch)
            self.last_comma = None
        elif ch in "}]":
            return self.closer(i, ch)
        elif ch == ",":
            if not self.stack:
                self.emit(" ", i, i + 1)  # a separator between concatenated values
                return i + 1
            self.last_comma = len(self.out)
        elif ch == ";" and not self.stack:
            self.note("trailing_semicolon", i, "removed a semicolon after the JSON value")
            self.emit(" ", i, i + 1)
            return i + 1
        else:
            self.last_comma = None
        self.emit(ch, i, i + 1)
        return i + 1

    def wrapper(self, i: int, opener: str, closer: str, kind: str) -> int:
        """``<!-- {...} -->`` wraps data: drop the markers; ``<!-- words -->`` is a comment:
        drop it whole.  CDATA always wraps data."""
        s = self.s
        if s.startswith(closer, i):
            self.note(kind, i, f"removed {closer!r} around the JSON")
            self.emit(" " * len(closer), i, i + len(closer))
            return i + len(closer)
        end = s.find(closer, i + len(opener))
        inner = s[i + len(opener) : end if end >= 0 else len(s)].lstrip()
        if kind == "cdata" or inner[:1] in ("{", "[", "") or end < 0:
            self.note(kind, i, f"removed {opener!r} around the JSON")
            self.emit(" " * len(opener), i, i + len(opener))
            return i + len(opener)
        stop = end + len(closer)
        self.note(kind, i, "removed an HTML comment")
        self.emit(_blank(s[i:stop]), i, stop)
        return stop

    def closer(self, i: int, ch: str) -> int:
        if not self.stack:
            self.note("stray_bracket", i, f"removed a stray {ch!r}")
            self.emit(" ", i, i + 1)
            return i + 1
        if self.last_comma is not None:
            comma = self.last_comma
            self.out[comma] = " "
            self.note("trailing_comma", self._src_of_out(comma), "removed a trailing comma")
        self.last_comma = None
        self.stack.pop()
        self.emit(ch, i, i + 1)
        return i + 1

    def _src_of_out(self, index: int) -> int:
        return OffsetMap(self.anchors).to_source(sum(len(c) for c in self.out[:index]))

    def string(self, i: int) -> int:
        s, n = self.s, len(self.s)
        self.emit('"', i, i + 1)
        pos, control_noted = i + 1, False
        while pos < n:
            m = _IN_STRING.search(s, pos)
            if m is None:
                self.emit(s[pos:], pos, n)
                return n
            k = m.start()
            if k > pos:
                self.emit(s[pos:k], pos, k)
            ch = s[k]
            if ch == '"':
                self.emit('"', k, k + 1)
                return k + 1
            if ch == "\\":
                pos = self.escape(k)
                continue
            if not control_noted:
                self.note("control_character", k, "escaped a raw control character in a string")
                control_noted = True
            self.emit(_ESCAPES.get(ch, f"\\u{ord(ch):04x}"), k, k + 1)
            pos = k + 1
        return n

    def single_quoted(self, i: int) -> int:
        """A JavaScript-style ``'...'`` string, rewritten as a JSON string."""
        s, n = self.s, len(self.s)
        self.note("single_quotes", i, "read a single-quoted string as a JSON string")
        self.emit('"', i, i + 1)
        pos = i + 1
        while pos < n:
            m = _IN_SINGLE.search(s, pos)
            if m is None:
                break
            k = m.start()
            if k > pos:
                self.emit(s[pos:k], pos, k)
            ch = s[k]
            if ch == "'":
                self.emit('"', k, k + 1)
                return k + 1
            if ch == "\\" and s[k + 1 : k + 2] == "'":
                self.emit("'", k, k + 2)
                pos = k + 2
            elif ch == "\\":
                pos = self.escape(k)
            else:
                self.emit(_ESCAPES.get(ch, f"\\u{ord(ch):04x}") if ch != '"' else '\\"', k, k + 1)
                pos = k + 1
        self.emit(s[pos:], pos, n)
        return n

    def escape(self, k: int) -> int:
        s = self.s
        nxt = s[k + 1 : k + 2]
        if nxt == "u":
            if _HEX4.match(s, k + 2) is None:
                self.note("bad_escape", k, "kept a backslash before an incomplete \\u escape")
                self.emit("\\\\", k, k + 1)
                return k + 1
            return self.unicode_escape(k)
        if nxt in _VALID_ESCAPE:
            self.emit(s[k : k + 2], k, k + 2)
            return k + 2
        if nxt == "":
            self.emit("\\\\", k, k + 1)
            return k + 1
        self.note("bad_escape", k, f"read the invalid escape \\{nxt} as {nxt!r}")
        self.emit(_ESCAPES.get(nxt, nxt if nxt >= " " else f"\\u{ord(nxt):04x}"), k, k + 2)
        return k + 2

    def unicode_escape(self, k: int) -> int:
        """Keep valid ``\\uXXXX``; a lone surrogate becomes U+FFFD, as browsers decode it."""
        s = self.s
        code = int(s[k + 2 : k + 6], 16)
        if 0xD800 <= code <= 0xDBFF:
            low = s[k + 6 : k + 12]
            if (
                low[:2] == "\\u"
                and _HEX4.fullmatch(low[2:])
                and 0xDC00 <= int(low[2:], 16) <= 0xDFFF
            ):
                self.emit(s[k : k + 12], k, k + 12)
                return k + 12
        if 0xD800 <= code <= 0xDFFF:
            self.note("bad_escape", k, "replaced a lone surrogate escape with U+FFFD")
            self.emit("\\ufffd", k, k + 6)
            return k + 6
        self.emit(s[k : k + 6], k, k + 6)
        return k + 6


def repair(text: str) -> Repaired:
    """Repair ``text`` (see the module docstring); never raises."""
    return _Scanner(text).run()


def looks_entity_encoded(text: str) -> bool:
    """A body whose quotes are all ``&quot;`` (or numeric references): HTML-escaped JSON."""
    return '"' not in text and bool(re.search(r"&(?:quot|#34|#x22);", text, re.IGNORECASE))


def decode_entities(text: str) -> tuple[str, OffsetMap, int]:
    """Decode every character reference; the map and the offset of the first one."""
    out: list[str] = []
    anchors: list[tuple[int, int]] = [(0, 0)]
    pos = out_len = 0
    first = -1
    for m in _ENTITY.finditer(text):
        first = m.start() if first < 0 else first
        out.append(text[pos : m.start()])
        out_len += m.start() - pos
        decoded = html.unescape(m.group())
        anchors.append((out_len, m.start()))
        out.append(decoded)
        out_len += len(decoded)
        anchors.append((out_len, m.end()))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), OffsetMap(anchors), first

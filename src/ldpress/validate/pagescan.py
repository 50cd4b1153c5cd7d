"""Read a page's title, headings, meta tags and ``<time>`` elements without building a DOM.

The page-consistency layer compares the JSON-LD with what the page shows; a full DOM parse
(selectolax/lexbor) costs ~0.75 ms on a 94 KB news page, more than every other layer
together.  :func:`scan_page` finds the few elements that layer reads with one compiled regex
that stops only at comments, raw-text elements and the tags of interest, and reproduces the
HTML parser's view of them: comments and the contents of script, style, textarea, iframe,
xmp, noembed, noframes and template are skipped, ``<noscript>`` content counts (lexbor parses
with scripting off), entity references are decoded as HTML does.  Whenever the page holds
something whose parse this scan does not reproduce exactly (a heading not closed by its own
end tag, markup inside a heading other than plain inline tags, an SVG title before the page
title, an unusual comment, ``<plaintext>``, NUL bytes, an ambiguous character reference in an
attribute) it returns None and the caller parses the DOM.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.entities import html5

from ldpress.validate.bytefind import uncased_find


def _anycase(pattern: str) -> str:
    return "".join(f"[{c}{c.upper()}]" if c.isalpha() else c for c in pattern)


# Comment openers and the start tags the scan handles, as a trie behind a one-character
# lookahead: most "<" (end tags, div, a, span) fail at once.  Spelled-out case classes, not
# re.IGNORECASE, keep the literal "<" prefix the engine jumps between (0.13 ms on a 94 KB
# page against 0.45 ms for a flat IGNORECASE alternation).
_TRIE = (
    "s(?:cript|tyle|vg)|t(?:i(?:tle|me)|e(?:xtarea|mplate))|h1|m(?:eta|ath)|link|iframe|xmp"
    "|no(?:embed|frames)|plaintext"
)
# A start tag's attributes up to its ">" (possessive: a failed match never backtracks into
# splitting a name), and one attribute: name, then a quoted or unquoted value.
_ATTRS_RE = r"""(?:[\s/]*+(?:[^\s/>"'=<][^\s/>=]*+)(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>"'=<`][^\s>]*+))?+)*+[\s/]*+>"""
_ATTRS = re.compile(_ATTRS_RE)


def _skippable(name: str, exclude: str, allowed: str) -> str:
    """A well-formed ``name`` tag none of whose characters is in ``exclude`` except as the
    pattern ``allowed`` matches it: the attributes' grammar with each character class
    narrowed."""

    def narrow(m: re.Match[str]) -> str:
        run = "++" if m.group(2) else ""  # a run of plain characters is one step, not many
        return f"(?:[^{m.group(1)}{exclude}]{run}|{allowed}){m.group(2) or ''}"

    narrowed = re.sub(r"\[\^([^\]]*)\](\*\+)?", narrow, _ATTRS_RE)
    return _anycase(name) + r"(?=[\s/>])" + narrowed


# Most metas and links are none the checks read: a meta without "&" or a wanted key (each
# holds a ":" after "og" or "article") and a link without "&" or "canonical" are not stopped
# at, as the scan would skip them (a "<" in them would be scanned as a tag: not skipped).
_SKIP = (
    _skippable("meta", "&<:", r"(?!(?<=og):(?:title|url)|(?<=article):published_time):")
    + "|"
    + _skippable("link", "&<cC", "[cC](?!" + _anycase("anonical") + ")")
)
# A comment opener takes the '>' or '->' that would close it at once as group 1; a tag's
# name is group 2, its attributes group 3 (None when malformed): one search reads a tag.
_OPENER = re.compile(
    r"<(?=[!sStTmMhHlLiIxXnNpP])(?!"
    + _SKIP
    + r")(?:!--(-?>)?|("
    + _anycase(_TRIE)
    + r")(?=[\s/>])("
    + _ATTRS_RE
    + r")?+)"
)
_ATTR = re.compile(r"""([^\s/>=][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_RAW = frozenset({"script", "style", "textarea", "iframe", "xmp", "noembed", "noframes"})
_VOID = frozenset({"meta", "link", "time"})
_INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "br",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
    ]
)
_INNER_TAG = re.compile(r"</?([A-Za-z][^\s/>]*)")
_REF = re.compile(r"&([A-Za-z][A-Za-z0-9]*)(;?)")
_BREAKOUT = re.compile(r"<(?:[hH]1|[mM][eE][tT][aA]|[tT][iI][mM][eE]|[lL][iI][nN][kK])[\s/>]")


class Unsupported(Exception):
    """The page holds markup whose parse this scan does not reproduce: parse the DOM."""


@dataclass(slots=True)
class PageScan:
    """What the consistency layer reads of a page, as lexbor's DOM would give it."""

    title: str | None = None
    h1: list[str] = field(default_factory=list)
    # The content of the first <meta> with each wanted (WANTED_META) property= / name=
    # value, as CSS css_first finds it; no other meta is ever asked for.
    by_property: dict[str, str | None] = field(default_factory=dict)
    by_name: dict[str, str | None] = field(default_factory=dict)
    times: list[str] = field(default_factory=list)
    canonical: str | None = None
    canonical_seen: bool = False

    def meta(self, prop: str) -> str | None:
        """As PageDom: the first meta with ``property=prop`` if its content is not empty,
        else the first with ``name=prop``."""
        for table in (self.by_property, self.by_name):
            content = table.get(prop)
            if content:
                return content
        return None


def _text(raw: str) -> str:
    if "\x00" in raw:  # the tree builder drops or replaces NUL depending on context
        raise Unsupported("NUL character")
    # HTML turns CR LF and CR into LF before tokenizing, so before references are decoded.
    text = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
    return html.unescape(text) if "&" in text else text


def _attr_value(raw: str) -> str:
    if "&" in raw:
        # In attributes HTML leaves "&amp" followed by a letter, digit or "=" alone, unlike
        # html.unescape: only decode when every named reference is complete.
        for m in _REF.finditer(raw):
            if not m.group(2) or m.group(1) + ";" not in html5:
                raise Unsupported("ambiguous character reference in an attribute")
    return _text(raw)


def _attributes(inner: str) -> dict[str, str]:
    """A start tag's attributes, values as written: only those read are decoded (through
    :func:`_attr_value`), so a character reference elsewhere in the tag costs nothing."""
    attrs: dict[str, str] = {}
    for m in _ATTR.finditer(inner):
        name, double, single, bare = m.groups()
        name = name.lower()
        if name not in attrs:
            if double is not None:
                attrs[name] = double
            elif single is not None:
                attrs[name] = single
            else:
                attrs[name] = bare or ""
    return attrs


def _decoded(attrs: dict[str, str], name: str) -> str | None:
    raw = attrs.get(name)
    return None if raw is None else _attr_value(raw)


# End tags with ASCII case classes, as HTML matches tag names (re.IGNORECASE would also take
# "\u017f" for "s" and loses the literal "</" prefix the engine searches for fast).
_END = {
    name: re.compile(rf"</{_anycase(name)}[\s/>]")
    for name in (*_RAW, "template", "svg", "math", "title", "h1")
}
# Only these meta keys are read; a tag whose text holds none of them (and no character
# reference that could spell one) cannot be one of them, so its attributes are not parsed.
WANTED_META = ("og:title", "og:url", "article:published_time")
_WANTED = re.compile("|".join(map(re.escape, WANTED_META)))


def _comment_end(page: str, start: int, abrupt: str | None) -> int:
    """Offset just past a comment whose text starts at ``start``; Unsupported for the
    comments HTML ends otherwise than at the first "-->"."""
    if abrupt is not None:
        raise Unsupported("abruptly closed comment")
    end = page.find("-->", start)
    if end < 0 or page.find("--!>", start, end) >= 0:
        raise Unsupported("unterminated or unusual comment")
    return end + 3


def _end(page: str, name: str, start: int) -> int:
    """Offset of ``</name`` (any case) at or after ``start``; Unsupported when missing."""
    m = _END[name].search(page, start)
    if m is None:
        raise Unsupported(f"<{name}> is not closed")
    return m.start()


def _heading_text(inner: str) -> str:
    """Text of an h1's inner HTML holding only inline tags: text nodes joined with a space,
    as lexbor's ``text(deep=True, separator=" ")`` does."""
    pieces: list[str] = []
    pos = 0
    for m in _INNER_TAG.finditer(inner):
        if m.group(1).lower() not in _INLINE:
            raise Unsupported("heading holds more than inline markup")
        if m.start() > pos:
            pieces.append(inner[pos : m.start()])
        close = _ATTRS.match(inner, m.end())
        if close is None:
            raise Unsupported("malformed tag in a heading")
        pos = close.end()
    if "<" in inner[pos:] or any("<" in p for p in pieces):
        raise Unsupported("stray '<' in a heading")
    pieces.append(inner[pos:])
    return " ".join(_text(p) for p in pieces if p)


class _Scanner:
    """The scan, one element at a time, so a question is answered from a prefix."""

    def __init__(self, page: str) -> None:
        self.page = page
        self.out = PageScan()
        self.pos = 0
        self.finished = False

    def run(self, done: Callable[[], bool]) -> None:
        """Scan until ``done()`` or the end of the page.  ``done`` reads only what the scan
        records, so it is asked again only after a step that recorded something (most steps
        skip a comment, a script or an unwanted meta)."""
        page, search, ends = self.page, _OPENER.search, _END
        pos = self.pos
        try:
            while not done():
                while True:
                    m = search(page, pos)
                    if m is None:
                        self.finished = True
                        return
                    abrupt, raw, tag_end = m.groups()
                    if raw is None:  # a comment
                        pos = _comment_end(page, m.end(), abrupt)
                        continue
                    if tag_end is None:
                        raise Unsupported(f"malformed <{raw}> tag")
                    name, after = raw.lower(), m.end()
                    if name in _RAW:  # skipped up to its end tag
                        close = ends[name].search(page, after)
                        if close is None:
                            raise Unsupported(f"<{name}> is not closed")
                        pos = close.start()
                    elif name in _VOID:
                        pos = after
                        if self.void(name, page[m.start(3) : after - 1]):
                            break
                    else:
                        pos = self.element(name, after)
                        break
        finally:
            self.pos = pos

    def element(self, name: str, after: int) -> int:
        page, out = self.page, self.out
        if name == "plaintext":
            raise Unsupported("<plaintext>")
        end = _end(page, name, after)
        body = page[after:end]
        if name == "h1":
            out.h1.append(_heading_text(body))
            return after  # a <time> inside the heading still counts
        if name == "title":
            if out.title is None:
                out.title = _text(body)
        elif name == "template":
            if re.search("<template", body, re.IGNORECASE):
                raise Unsupported("nested template")
        else:  # svg, math: foreign content
            if _BREAKOUT.search(body) or re.search(rf"<{name}[\s/>]", body, re.IGNORECASE):
                raise Unsupported(f"<{name}> content this scan does not follow")
            if out.title is None and re.search(r"<title[\s/>]", body, re.IGNORECASE):
                raise Unsupported("foreign <title> before the page title")
        return end

    def void(self, name: str, tag: str) -> bool:
        """Record a meta, time or link tag; False when it certainly recorded nothing."""
        out = self.out
        if name == "meta":
            if "&" not in tag and _WANTED.search(tag) is None:
                return False
            attrs = _attributes(tag)
            for key, table in (("property", out.by_property), ("name", out.by_name)):
                value = _decoded(attrs, key)
                # Only the wanted keys are ever asked for: the others are not recorded.
                if value in WANTED_META and value not in table:
                    table[value] = _decoded(attrs, "content")
        elif name == "time":
            if "datetime" in tag.lower() and (stamp := _decoded(_attributes(tag), "datetime")):
                out.times.append(stamp)
        elif "canonical" in tag.lower() or "&" in tag:
            attrs = _attributes(tag)
            rel = _decoded(attrs, "rel")
            if rel is None:
                return False
            if rel != "canonical" and rel.strip().lower() == "canonical":
                raise Unsupported("rel=canonical spelled unusually")
            if rel == "canonical" and not out.canonical_seen:
                out.canonical_seen = True
                out.canonical = _decoded(attrs, "href")
        else:
            return False
        return True


class LazyScan:
    """The page as the consistency layer asks about it, scanned only as far as each question
    needs: the title and the head's metas are near the top, so a page whose headline matches
    its title is never scanned to the end.  A value is returned only once no later markup
    can change it (the first title, the first meta of each kind); the h1s and times need the
    whole page.  Raises :class:`Unsupported` when the part scanned needs a real parse."""

    def __init__(self, page: str, utf8: bytes | None = None) -> None:
        self._scanner = _Scanner(page)
        self.found = self._scanner.out
        self._utf8 = utf8  # the bytes ``page`` is the UTF-8 decoding of, when known

    def _absent(self, tag: bytes) -> bool:
        """Whether the page certainly holds no ``tag`` element: no ``<tag`` in any case in
        its bytes (~15 us) answers the question without scanning to the end of the page.
        An element needs its start tag written out, and a case-folding match is a superset
        of the ASCII case-insensitive ones the tag names are compared with."""
        return self._utf8 is not None and uncased_find(self._utf8, tag) < 0

    def _until(self, done: Callable[[], bool]) -> None:
        if not self._scanner.finished:
            self._scanner.run(done)

    def finish(self) -> PageScan:
        self._until(lambda: False)
        return self.found

    @property
    def title(self) -> str | None:
        self._until(lambda: self.found.title is not None)
        return self.found.title

    def meta(self, prop: str) -> str | None:
        found = self.found

        def settled() -> bool:  # the first property= meta has content, or both are known
            if prop not in found.by_property:
                return False
            return bool(found.by_property[prop]) or prop in found.by_name

        self._until(settled)
        return found.meta(prop)

    @property
    def og_title(self) -> str | None:
        return self.meta("og:title")

    @property
    def og_url(self) -> str | None:
        return self.meta("og:url")

    @property
    def published_time(self) -> str | None:
        return self.meta("article:published_time")

    @property
    def canonical(self) -> str | None:
        self._until(lambda: self.found.canonical_seen)
        return self.found.canonical

    @property
    def h1(self) -> list[str]:
        return [] if self._absent(b"<h1") else self.finish().h1

    @property
    def times(self) -> list[str]:
        return [] if self._absent(b"<time") else self.finish().times

    def iter_headings(self) -> Iterator[tuple[str, str]]:
        """(label, text) of the title, og:title and every h1, as PageDom.headings, read
        lazily: a caller that stops at the title never makes the scan read the h1s."""
        if self.title:
            yield "<title>", self.title
        if self.og_title:
            yield "og:title", self.og_title
        yield from (("<h1>", h) for h in self.h1 if h)


def scan_page(page: str) -> LazyScan | None:
    """The page scanned to the end (title, h1 texts, metas, ``<time datetime>`` values,
    canonical link), or None when the page needs a real HTML parse to read them exactly."""
    scan = LazyScan(page)
    try:
        scan.finish()
    except Unsupported:
        return None
    return scan

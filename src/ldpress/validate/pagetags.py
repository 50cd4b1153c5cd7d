"""The tags the page scan stops at, and their values read as HTML reads them.

:mod:`ldpress.validate.pagescan` walks a page with :data:`OPENER`, one compiled regex that
stops only at comments, raw-text elements and the tags the consistency layer reads (title,
h1, meta, link, time, and the foreign and raw elements whose content must be skipped).  The
helpers here turn what it matched into the values lexbor's DOM gives: character references
decoded as HTML decodes them (in text and in attribute values, which differ), CR LF
normalised, an h1's inline markup dropped.  What they cannot read exactly raises
:class:`Unsupported`, and the caller parses the DOM instead.
"""

from __future__ import annotations

import html
import re
from html.entities import html5

from ldpress.validate.bytefind import find


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
# It runs over the page's UTF-8 bytes: half the work of the text of a page with a single
# character outside Latin-1 (stored two bytes per character), and its whitespace is ASCII
# whitespace, as in HTML (over the text, "\s" also took a no-break space for one).
OPENER = re.compile(
    (
        r"<(?=[!sStTmMhHlLiIxXnNpP])(?!"
        + _SKIP
        + r")(?:!--(-?>)?|("
        + _anycase(_TRIE)
        + r")(?=[\s/>])("
        + _ATTRS_RE
        + r")?+)"
    ).encode("ascii")
)
_ATTR = re.compile(r"""([^\s/>=][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
RAW = frozenset({"script", "style", "textarea", "iframe", "xmp", "noembed", "noframes"})
VOID = frozenset({"meta", "link", "time"})
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
# The start tags that end foreign content (svg, math) where the scan would miss them.
BREAKOUT = re.compile(rb"<(?:[hH]1|[mM][eE][tT][aA]|[tT][iI][mM][eE]|[lL][iI][nN][kK])[\s/>]")


class Unsupported(Exception):
    """The page holds markup whose parse this scan does not reproduce: parse the DOM."""


def text_value(raw: str) -> str:
    if "\x00" in raw:  # the tree builder drops or replaces NUL depending on context
        raise Unsupported("NUL character")
    # HTML turns CR LF and CR into LF before tokenizing, so before references are decoded.
    text = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
    return html.unescape(text) if "&" in text else text


def attr_value(raw: str) -> str:
    if "&" in raw:
        # In attributes HTML leaves "&amp" followed by a letter, digit or "=" alone, unlike
        # html.unescape: only decode when every named reference is complete.
        for m in _REF.finditer(raw):
            if not m.group(2) or m.group(1) + ";" not in html5:
                raise Unsupported("ambiguous character reference in an attribute")
    return text_value(raw)


def attributes(inner: str) -> dict[str, str]:
    """A start tag's attributes, values as written: only those read are decoded (through
    :func:`attr_value`), so a character reference elsewhere in the tag costs nothing."""
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


def decoded(attrs: dict[str, str], name: str) -> str | None:
    raw = attrs.get(name)
    return None if raw is None else attr_value(raw)


# End tags are found with a vectorised search for "</name" in the page's lower-cased bytes
# (HTML matches tag names in ASCII case): scripts and styles are most of a page's head.
_END_NEEDLES = {
    name: b"</" + name.encode("ascii") for name in (*RAW, "template", "svg", "math", "title", "h1")
}
DELIMITER = frozenset(b" \t\n\r\x0b\x0c/>")  # what "[\s/>]" matches over bytes
# Only these meta keys are read; a tag whose text holds none of them (and no character
# reference that could spell one) cannot be one of them, so its attributes are not parsed.
WANTED_META = ("og:title", "og:url", "article:published_time")
WANTED = re.compile("|".join(map(re.escape, WANTED_META)).encode("ascii"))


def comment_end(page: bytes, start: int, abrupt: bytes | None) -> int:
    """Offset just past a comment whose text starts at ``start``; Unsupported for the
    comments HTML ends otherwise than at the first "-->"."""
    if abrupt is not None:
        raise Unsupported("abruptly closed comment")
    end = find(page, b"-->", start)
    if end < 0 or page.find(b"--!>", start, end) >= 0:
        raise Unsupported("unterminated or unusual comment")
    return end + 3


def end_tag(page: bytes, lower: bytes, name: str, start: int) -> int:
    """Offset of ``</name`` (any case; ``lower`` is the page's lower-cased copy) followed by
    whitespace, ``/`` or ``>``, at or after ``start``; Unsupported when there is none."""
    needle = _END_NEEDLES[name]
    size = len(needle)
    at = find(lower, needle, start)
    while at >= 0:
        after = at + size
        if after < len(page) and page[after] in DELIMITER:
            return at
        at = find(lower, needle, at + 1)
    raise Unsupported(f"<{name}> is not closed")


def heading_text(inner: str) -> str:
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
    return " ".join(text_value(p) for p in pieces if p)


_ATTRS_BYTES = re.compile(_ATTRS_RE.encode("ascii"))


def meta_absent(page: bytes, lower: bytes, value: str, start: int = 0) -> bool:
    """Whether no ``<meta>`` tag of ``page`` from offset ``start`` on (``lower``: the page's
    ASCII-lower-cased copy) has ``value`` as its ``property`` or ``name``, read as the scan
    reads them (only tags that spell it out or hold a character reference are parsed).  A
    tag whose end or attributes this cannot read exactly counts as having it, so True is
    certain.

    A meta the consistency layer reads but the page lacks (``article:published_time`` on a
    quarter of the corpus pages) would otherwise take a scan to the end of the page; finding
    each ``<meta`` with a vectorised search and matching its attributes costs a fraction.
    """
    needle = value.encode("utf-8")
    at = find(lower, b"<meta", start)
    while at >= 0:
        after = at + 5
        if after < len(page) and page[after] in DELIMITER:
            m = _ATTRS_BYTES.match(page, after)
            if m is None:
                return False
            end = m.end()
            if page.find(b"&", after, end) >= 0 or page.find(needle, after, end) >= 0:
                attrs = attributes(page[after : end - 1].decode("utf-8", "surrogatepass"))
                try:
                    if value in (decoded(attrs, "property"), decoded(attrs, "name")):
                        return False
                except Unsupported:
                    return False
            at = find(lower, b"<meta", end)
        else:  # "<metadata": not a meta
            at = find(lower, b"<meta", after)
    return True

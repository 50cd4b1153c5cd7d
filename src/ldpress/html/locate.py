"""Find where a JSON-LD block can go in a page, with a small HTML-tokenizer-aware scan.

``embed`` must never re-serialise a page, so it needs byte positions, not a DOM.  A naive
``find("</head>")`` is wrong on real pages: the string also occurs inside comments, inside
scripts (``document.write("</head>")``) and inside attribute values.  This scanner follows the
WHATWG tokenizer as far as positions need it: comments (``-->``, ``--!>``, the abrupt
``<!-->``), bogus comments (``<!...>``, ``<?...>``, ``</ ...>``), quoted attribute values,
raw-text and RCDATA elements (``script``, ``style``, ``title``, ``textarea``, ...) and the
script-data escaped and double-escaped states, where ``</script>`` does not always end a script.
It reads a ``str`` in which every markup character is ASCII; callers decode ASCII-compatible
pages as Latin-1 so that string offsets equal byte offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BLOCK_ATTR = "data-ldpress"
# scripting is on in browsers, so <noscript> is raw text there too.
_RAWTEXT = frozenset({"style", "xmp", "iframe", "noembed", "noframes", "noscript"})
_RCDATA = frozenset({"title", "textarea"})
# in HTML a trailing "/" does not close these: their content follows (XML is different)
_NOT_VOID_IN_HTML = _RAWTEXT | _RCDATA | {"script"}
_TAG_NAME = re.compile(r"[^\s/>]*")
# start tags the parser keeps in <head>; any other one ends a head that has no end tag
_IN_HEAD = frozenset(
    {"base", "basefont", "bgsound", "link", "meta", "title", "noscript", "noframes", "style"}
    | {"script", "template", "head"}
)
_NOT_SPACE = re.compile(r"[^\t\n\f\r ]")
_COMMENT_CLOSE = re.compile(r"--!?>")
_TAG_STOP = re.compile(r"[>\"']")
_SCRIPT_EVENT = re.compile(r"<!--|-->|<(/?)script(?=[\t\n\f\r />]|\Z)", re.IGNORECASE)
_ATTR = re.compile(
    r"""[\s/]*(?P<name>[^\s/>][^\s/>=]*)\s*(?:=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<uq>[^\s>]*)))?"""
)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of offsets in the scanned text."""

    start: int
    end: int


@dataclass(slots=True)
class Layout:
    """Where the landmarks of a page are; ``None`` when the page does not have one."""

    head_open: Span | None = None
    head_close: Span | None = None
    body_open: Span | None = None
    body_close: Span | None = None
    html_close: Span | None = None
    markers: list[Span] = field(default_factory=list)
    blocks: list[Span] = field(default_factory=list)
    """Whole ``<script ... data-ldpress ...>...</script>`` elements a previous embed wrote."""
    head_implied_end: int | None = None
    """Where the head ends when ``<head>`` has no end tag: the first thing not allowed in it."""
    xml: bool = False

    @property
    def head_open_ended(self) -> bool:
        """True while scanning a head that started, has not ended and has no known end yet."""
        return (
            self.head_open is not None
            and self.head_close is None
            and self.head_implied_end is None
            and self.body_open is None
        )


def scan_page(text: str, marker: str | None = "ldpress", *, xml: bool = False) -> Layout:
    """Scan ``text`` once and record the landmarks ``embed`` needs.

    ``xml`` is for XHTML documents parsed as XML, where ``<script/>`` is an empty element.
    """
    layout = Layout(xml=xml)
    pos, n = 0, len(text)
    while pos < n:
        lt = text.find("<", pos)
        if layout.head_open_ended:
            _note_head_text(text, pos, n if lt < 0 else lt, layout)
        if lt < 0 or lt + 1 >= n:
            break
        nxt = text[lt + 1]
        if nxt == "!":
            pos = _markup_declaration(text, lt, layout, marker)
        elif nxt == "?":
            pos = _to_gt(text, lt + 2)
        elif nxt == "/":
            pos = _end_tag(text, lt, layout)
        elif nxt.isascii() and nxt.isalpha():
            pos = _start_tag(text, lt, layout)
        else:
            pos = lt + 1
    return layout


def _note_head_text(text: str, start: int, end: int, layout: Layout) -> None:
    """Character data other than whitespace ends a head that has no end tag."""
    m = _NOT_SPACE.search(text, start, end)
    if m is not None:
        layout.head_implied_end = m.start()


def _to_gt(text: str, pos: int) -> int:
    gt = text.find(">", pos)
    return len(text) if gt < 0 else gt + 1


def _markup_declaration(text: str, lt: int, layout: Layout, marker: str | None) -> int:
    if not text.startswith("<!--", lt):
        return _to_gt(text, lt + 2)  # doctype, CDATA outside foreign content, bogus comment
    body_start = lt + 4
    for abrupt in (">", "->"):
        if text.startswith(abrupt, body_start):
            return body_start + len(abrupt)
    content_end, end = _comment_end(text, body_start)
    if marker is not None and text[body_start:content_end].strip().lower() == marker.lower():
        layout.markers.append(Span(lt, end))
    return end


def _comment_end(text: str, pos: int) -> tuple[int, int]:
    """Where the content of a comment starting at ``pos`` ends, and just past its close."""
    m = _COMMENT_CLOSE.search(text, pos)
    return (m.start(), m.end()) if m is not None else (len(text), len(text))


def _end_tag(text: str, lt: int, layout: Layout) -> int:
    if lt + 2 >= len(text):
        return len(text)
    first = text[lt + 2]
    if first == ">":
        return lt + 3
    if not (first.isascii() and first.isalpha()):
        return _to_gt(text, lt + 2)  # bogus comment
    name, end = _tag_extent(text, lt + 2)
    span = Span(lt, end)
    if layout.head_open_ended and name in ("body", "html", "br"):
        layout.head_implied_end = lt
    if name == "head" and layout.head_close is None:
        layout.head_close = span
    elif name == "body" and layout.body_close is None:
        layout.body_close = span
    elif name == "html" and layout.html_close is None:
        layout.html_close = span
    return end


def _start_tag(text: str, lt: int, layout: Layout) -> int:
    name, end = _tag_extent(text, lt + 1)
    if layout.head_open_ended and name not in _IN_HEAD:
        layout.head_implied_end = lt
    if name == "head" and layout.head_open is None:
        layout.head_open = Span(lt, end)
    elif name == "body" and layout.body_open is None:
        layout.body_open = Span(lt, end)
    if text[end - 2 : end] == "/>" and (layout.xml or name not in _NOT_VOID_IN_HTML):
        return end
    if name == "script":
        close = _script_end(text, end)
        attrs = parse_attrs(text[lt:end])
        is_jsonld = attrs.get("type", "").strip().lower() == "application/ld+json"
        if is_jsonld and BLOCK_ATTR in attrs:
            layout.blocks.append(Span(lt, close))
        return close
    if name in _RAWTEXT or name in _RCDATA:
        return _raw_text_end(text, end, name)
    if name == "plaintext":
        return len(text)
    return end


def _tag_extent(text: str, pos: int) -> tuple[str, int]:
    """Lower-cased tag name at ``pos`` and the offset just past the tag's ``>``."""
    m = _TAG_NAME.match(text, pos)
    assert m is not None  # the pattern matches the empty string
    name = m.group().lower()
    p = m.end()
    while (hit := _TAG_STOP.search(text, p)) is not None:
        q = hit.start()
        ch = text[q]
        if ch == ">":
            return name, q + 1
        if not _after_equals(text, q):
            p = q + 1
            continue
        close = text.find(ch, q + 1)
        if close < 0:
            return name, len(text)
        p = close + 1
    return name, len(text)


def _after_equals(text: str, p: int) -> bool:
    """True when the quote at ``p`` opens an attribute value (``name = "...``)."""
    q = p - 1
    while q >= 0 and text[q] in " \t\n\f\r":
        q -= 1
    return q >= 0 and text[q] == "="


def parse_attrs(tag: str) -> dict[str, str]:
    """Attributes of a start tag's source text (first occurrence of a name wins, as in HTML)."""
    inner = tag[1:-1] if tag.endswith(">") else tag[1:]
    name_m = _TAG_NAME.match(inner)
    rest = inner[name_m.end() if name_m else 0 :]
    attrs: dict[str, str] = {}
    for m in _ATTR.finditer(rest):
        value = m.group("dq") or m.group("sq") or m.group("uq") or ""
        attrs.setdefault(m.group("name").lower(), value)
    return attrs


def _raw_text_end(text: str, pos: int, name: str) -> int:
    end = re.compile(rf"</{name}(?=[\t\n\f\r />]|\Z)", re.IGNORECASE).search(text, pos)
    return len(text) if end is None else _tag_extent(text, end.start() + 2)[1]


def _script_end(text: str, pos: int) -> int:
    """Offset just past the ``</script>`` that ends a script whose content starts at ``pos``.

    Follows the script-data states: after ``<!--`` the content is "escaped"; a ``<script``
    there makes it "double escaped", where ``</script>`` only returns to escaped; ``-->``
    returns to plain script data.
    """
    escaped = double = False
    p = pos
    while (m := _SCRIPT_EVENT.search(text, p)) is not None:
        token = m.group()
        if token == "-->":
            escaped = double = False
            p = m.end()
        elif token == "<!--":
            escaped = True
            p = m.start() + 2  # "<!-->" and "<!--->" end the escape at once: let "-->" match
        elif m.group(1):  # </script
            if not double:
                return _tag_extent(text, m.start() + 2)[1]
            double = False
            p = m.end()
        else:  # <script
            double = double or escaped
            p = m.end()
    return len(text)

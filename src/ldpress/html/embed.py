"""Put a JSON-LD bundle into an HTML page without touching any other byte.

:func:`embed_page` is pure: page bytes and a bundle in, new bytes and what happened out.  It
inserts one ``<script type="application/ld+json" data-ldpress="1">`` element, rendered by the
shared :func:`ldpress.html.script.script_tag` (so the data can never end the element, open a
comment or change the parser state, in HTML and in XHTML).  Where it goes, first match wins:

1. over the element a previous run inserted (identified by its ``data-ldpress`` attribute), so
   running twice gives the same bytes;
2. right after a marker comment the page provides, ``<!-- ldpress -->``;
3. at the end of ``<head>``, before ``</head>``;
4. where the head ends when it has no end tag: before the first tag or text a parser does not
   keep in ``<head>`` (often ``<body>``), or at the end of the page;
5. at the end of ``<body>``, before ``</body>``; before ``</html>`` or at the end of the page
   when only ``<body>`` is there.

A page with none of these, or that is not HTML, is refused with a finding.  When the landmark
starts its own line the element gets its own line too, indented like the line before it and
ended with the page's own line ending (CRLF pages get CRLF); otherwise it goes inline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ldpress.findings import Finding, Severity
from ldpress.html.locate import BLOCK_ATTR, Layout, Span, scan_page
from ldpress.html.pagebytes import read_page_bytes
from ldpress.html.script import script_tag

DEFAULT_MARKER = "ldpress"
BLOCK_ATTRS = f'{BLOCK_ATTR}="1"'  # a value, not a bare attribute: XHTML needs one
Action = Literal["inserted", "replaced", "unchanged", "refused"]


@dataclass(frozen=True, slots=True)
class EmbedResult:
    """The new page (``None`` when refused), what was done, and where the element is."""

    page: bytes | None
    action: Action
    placement: str | None = None
    span: tuple[int, int] | None = None
    """Byte range of the inserted or replaced text in ``page``."""
    findings: list[Finding] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        return self.page is None

    @property
    def changed(self) -> bool:
        return self.action in ("inserted", "replaced")


@dataclass(frozen=True, slots=True)
class _Plan:
    start: int
    end: int
    where: str
    indent: str | None  # None: inline, no line of its own
    lead: bool = False  # the line break goes before the element (after a marker)


def embed_page(
    page: bytes, bundle: Any, *, marker: str | None = DEFAULT_MARKER, name: str = "-"
) -> EmbedResult:
    """Embed ``bundle`` into ``page``; every byte outside the element's range is kept."""
    doc = read_page_bytes(page, name)
    if isinstance(doc, Finding):
        return EmbedResult(None, "refused", findings=[doc])
    layout = scan_page(doc.text, marker, xml=doc.xml)
    plan = _plan(layout, doc.text, name)
    if isinstance(plan, Finding):
        return EmbedResult(None, "refused", findings=[plan])
    inserted = _render(bundle, plan, doc.newline)
    start, end = doc.byte_offset(plan.start), doc.byte_offset(plan.end)
    data = doc.encode_block(inserted)
    out = page[:start] + data + page[end:]
    action: Action = "inserted" if plan.start == plan.end else "replaced"
    if out == page:
        action = "unchanged"
    return EmbedResult(out, action, plan.where, (start, start + len(data)))


def _render(bundle: Any, plan: _Plan, newline: str) -> str:
    indent = plan.indent or ""
    element = (newline + indent).join(script_tag(bundle, attrs=BLOCK_ATTRS).split("\n"))
    if plan.indent is None or plan.where == "existing":
        return element
    if plan.lead:
        return newline + indent + element
    return indent + element + newline


def _plan(layout: Layout, text: str, name: str) -> _Plan | Finding:
    if len(layout.blocks) > 1:
        return Finding(
            "embed.duplicate_block",
            Severity.ERROR,
            f"{name} has {len(layout.blocks)} ldpress script elements; remove all but one",
            file=name,
            line=_line_of(text, layout.blocks[1].start),
        )
    if layout.blocks:
        block = layout.blocks[0]
        return _Plan(block.start, block.end, "existing", _line_prefix_ws(text, block.start))
    if layout.markers:
        mark = layout.markers[0]
        indent = _line_prefix_ws(text, mark.start)
        return _Plan(mark.end, mark.end, "marker", indent, lead=indent is not None)
    anchor = _anchor(layout, text)
    if anchor is None:
        return Finding(
            "embed.no_head_or_body",
            Severity.ERROR,
            f"{name} has no <head> and no <body> to put the script element in",
            file=name,
            hint=f"add a </head> or </body> tag, or a <!-- {DEFAULT_MARKER} --> comment",
        )
    where, pos = anchor
    if _line_prefix_ws(text, pos) is None:
        return _Plan(pos, pos, where, None)
    line_start = text.rfind("\n", 0, pos) + 1
    return _Plan(line_start, line_start, where, _child_indent(text, line_start))


def _anchor(layout: Layout, text: str) -> tuple[str, int] | None:
    """Where a new element goes when there is no marker and no earlier element."""
    if layout.head_close is not None:
        return "head", layout.head_close.start
    if layout.head_open is not None:
        if layout.head_implied_end is not None:
            return "head", layout.head_implied_end
        if layout.body_open is None:
            closing = layout.html_close
            return "head", closing.start if closing is not None else len(text)
    if layout.body_close is not None:
        return "body", layout.body_close.start
    if layout.body_open is not None:
        closing = layout.html_close
        return "body", closing.start if closing is not None else len(text)
    return None


def _line_prefix_ws(text: str, pos: int) -> str | None:
    """The whitespace before ``pos`` on its line, or ``None`` when the line has other text."""
    prefix = text[text.rfind("\n", 0, pos) + 1 : pos]
    return prefix if prefix.strip() == "" else None


def _child_indent(text: str, line_start: int) -> str:
    """Indent for a new line before the line at ``line_start``: the previous line's indent."""
    own = _leading_ws(text, line_start)
    prev_end = line_start - 1
    while prev_end > 0:
        prev_start = text.rfind("\n", 0, prev_end) + 1
        line = text[prev_start:prev_end].rstrip("\r")
        if line.strip():
            prev = _leading_ws(text, prev_start)
            return prev if prev.startswith(own) else own
        prev_end = prev_start - 1
    return own


def _leading_ws(text: str, pos: int) -> str:
    end = pos
    while end < len(text) and text[end] in " \t":
        end += 1
    return text[pos:end]


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


__all__ = ["DEFAULT_MARKER", "EmbedResult", "Span", "embed_page"]

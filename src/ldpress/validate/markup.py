"""Microdata and RDFa items of a page, converted to JSON-LD blocks.

extruct reads the markup (lxml for microdata, pyRdfa for RDFa); this module turns each
top-level item into a JSON-LD node with ``"@context": "https://schema.org"`` and schema.org
short names (terms of other vocabularies stay full IRIs, so nothing is lost), located at the
item's element.  The DOM is only built for pages that carry the markup, found by a cheap
pre-check (:mod:`ldpress.validate.markuphints`): microdata needs ``itemscope``; RDFa yields schema.org data only with a
schema.org ``vocab``/``prefix`` or ``schema:`` types, and pyRdfa costs ~50 ms per page, so
pages whose RDFa is only Drupal's ``foaf:Image``/``sioc:Item`` boilerplate are not parsed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

from ldpress.findings import Finding, Severity
from ldpress.validate.htmlscan import PageScan, parse_attributes, scan_page
from ldpress.validate.markup_convert import (
    fix_slashless_vocab,
    microdata_node,
    node_path,
    other_vocabulary_types,
    rdfa_nodes,
    untyped_namespace,
)
from ldpress.validate.markuphints import markup_hints
from ldpress.validate.mdlocate import tag_offsets
from ldpress.validate.microdata import Item, Mark, read_items
from ldpress.validate.model import Block, BlockKind, PathTuple, Source

SCHEMA_CONTEXT = "https://schema.org"

# Attributes that make or name an RDFa node (RDFa pages are few: a regex pass is fine).
_RDFA_NODE_ATTR = re.compile(r"""[\s"'](?:typeof|resource|about)\s*=""", re.IGNORECASE)


class _Lines:
    """Offsets of a page → (line, column), counted lazily from the nearest known offset.

    A markup page asks for a few dozen positions; a full index of line starts (thousands of
    entries on a news page) cost more than the rest of the microdata step.  Each answer is
    kept as a checkpoint ``(offset, line, line start)``, so positions asked in page order
    count every newline once.
    """

    def __init__(self, page: str, scan: PageScan) -> None:
        self.page = page
        self.scan = scan  # the page's bytes and raw spans, for tag_offsets
        self._offsets = [0]
        self._marks = [(1, 0)]  # (line, offset of its first character) per checkpoint
        self._props: list[int] | None = None
        self.props_needed: int | None = None  # how many itemprop tags the items reach

    def itemprops(self) -> list[int]:
        """Offsets of the page's ``itemprop`` tags, scanned once for all its items and only
        as far as the last one an item names (footers hold a third of a news page)."""
        if self._props is None:
            needed = self.props_needed
            self._props = (
                [] if needed == 0 else tag_offsets(self.page, "itemprop", self.scan, needed)
            )
        return self._props

    def position(self, offset: int) -> tuple[int, int]:
        offset = min(max(offset, 0), len(self.page))
        i = bisect.bisect_right(self._offsets, offset) - 1
        base = self._offsets[i]
        line, start = self._marks[i]
        newlines = self.page.count("\n", base, offset)
        if newlines:
            line += newlines
            start = self.page.rfind("\n", base, offset) + 1
        if offset != base:
            self._offsets.insert(i + 1, offset)
            self._marks.insert(i + 1, (line, start))
        return line, offset - start + 1


_SLASHLESS_MESSAGE = (
    'RDFa vocab "https://schema.org" lacks its trailing slash, so its terms become IRIs '
    'like https://schema.orgPerson; read them as schema.org terms (write vocab="https://schema.org/")'
)


def _note(source: Source, code: str, severity: Severity, message: str) -> None:
    source.findings.append(Finding(code, severity, message, file=source.file))


def _failed(source: Source, syntax: str, exc: Exception) -> None:
    source.findings.append(
        Finding(
            "syntax.markup_unreadable",
            Severity.WARNING,
            f"could not read the page's {syntax} ({type(exc).__name__}: {exc}); "
            "its items are not validated",
            file=source.file,
        )
    )


def _block(source: Source, kind: BlockKind, data: dict[str, Any], pos: tuple[int, int]) -> Block:
    block = Block(
        file=source.file,
        index=len(source.blocks),
        kind=kind,
        line=pos[0],
        column=pos[1],
        data={"@context": SCHEMA_CONTEXT, **data},
        parsed=True,
    )
    block.positions[()] = pos
    return block


def add_markup_blocks(
    source: Source, scan: PageScan | None = None, utf8: bytes | None = None
) -> None:
    """Append a block per top-level microdata and schema.org RDFa item of an HTML source;
    ``scan`` is the page's script scan when the caller has it (its comments and script/style
    spans), ``utf8`` the bytes the page text was decoded from when they were read as UTF-8."""
    page = source.text
    if not page:
        return
    md, rdfa = markup_hints(page, utf8)
    if not (md or rdfa):
        return
    lines = _Lines(page, scan if scan is not None else scan_page(page, utf8))
    if md:
        try:
            _add_microdata(source, page, lines, utf8)
        except Exception as exc:  # extruct and lxml raise anything on odd pages
            _failed(source, "microdata", exc)
    if rdfa:
        try:
            _add_rdfa(source, page, lines)
        except Exception as exc:
            _failed(source, "RDFa", exc)


def _add_microdata(source: Source, page: str, lines: _Lines, utf8: bytes | None) -> None:
    items = read_items(page, source.url, utf8, lines.scan.lower if utf8 is not None else None)
    # Only top-level items are placed by their itemscope tag (nested ones by itemprop), so
    # the search stops at the last of them instead of reading the rest of the page.
    last = max((item.mark[1] for item in items), default=-1)
    scopes = tag_offsets(page, "itemscope", lines.scan, last + 1) if items else []
    ranks = [m[1] for item in items for m in item.marks.values() if m[0] == "itemprop"]
    lines.props_needed = max(ranks, default=-1) + 1
    for item in items:
        pos = lines.position(_offset(scopes, item.mark))
        top = untyped_namespace(item.data, source.url)
        block = _block(source, "microdata", microdata_node(item.data, top), pos)
        block.locator = _microdata_locator(lines, item, scopes, top)
        source.blocks.append(block)


def _offset(offsets: list[int], mark: Mark) -> int:
    """Where the element a mark names starts.  The DOM and the text scan agree on every
    corpus page; should they not (an upper-case ``ITEMSCOPE`` in the source), the nearest
    known element stands in rather than a wrong line far away."""
    _, rank = mark
    return offsets[min(rank, len(offsets) - 1)] if offsets else 0


def _microdata_locator(
    lines: _Lines, item: Item, scopes: list[int], top: str | None
) -> Callable[[], dict[PathTuple, tuple[int, int]]]:
    def locate() -> dict[PathTuple, tuple[int, int]]:
        props = lines.itemprops()
        out = {}
        for path, mark in item.marks.items():
            offsets = props if mark[0] == "itemprop" else scopes
            out[node_path(item.data, path, top)] = lines.position(_offset(offsets, mark))
        return out

    return locate


def _add_rdfa(source: Source, page: str, lines: _Lines) -> None:
    from extruct.rdfa import RDFaExtractor
    from extruct.utils import parse_xmldom_html

    tree = parse_xmldom_html(page.encode("utf-8"), encoding="utf-8")
    expanded = RDFaExtractor().extract_items(tree, base_url=source.url or "")
    if fix_slashless_vocab(expanded):
        _note(source, "syntax.rdfa_vocab_slash", Severity.WARNING, _SLASHLESS_MESSAGE)
    others = other_vocabulary_types(expanded)
    if others:
        message = f"RDFa items of other vocabularies are not validated: {', '.join(others[:5])}"
        _note(source, "syntax.rdfa_other_vocabulary", Severity.INFO, message)
    elements = _typeof_elements(page)
    used: set[int] = set()
    placed = [(_place(elements, used, node), node) for node in rdfa_nodes(expanded)]
    placed.sort(key=lambda p: p[0])
    for offset, node in placed:
        block = _block(source, "rdfa", node, lines.position(offset))
        block.locator = _rdfa_locator(lines, node, offset)
        source.blocks.append(block)


def _rdfa_locator(
    lines: _Lines, node: dict[str, Any], offset: int
) -> Callable[[], dict[PathTuple, tuple[int, int]]]:
    """Positions of a node's properties: the first ``property`` attribute naming each,
    after the element of the node that holds it.  pyRdfa keeps no positions and the
    converter sorts values, so list items are located at their property only."""

    def walk(obj: dict[str, Any], path: PathTuple, start: int, out: dict[PathTuple, int]) -> None:
        for key, value in obj.items():
            if key.startswith("@"):
                continue
            name = re.escape(_local_name(key))
            found = re.compile(rf"""\sproperty\s*=\s*["']?[^"'>]*?\b{name}\b""").search(
                lines.page, start
            )
            if found is None:
                continue
            out[(*path, key)] = max(lines.page.rfind("<", 0, found.start()), 0)  # its element
            if isinstance(value, dict):
                walk(value, (*path, key), found.start(), out)

    def locate() -> dict[PathTuple, tuple[int, int]]:
        out: dict[PathTuple, int] = {}
        walk(node, (), offset, out)
        return {path: lines.position(at) for path, at in out.items()}

    return locate


def _local_name(term: str) -> str:
    return term.rsplit("/", 1)[-1].rsplit("#", 1)[-1].rsplit(":", 1)[-1]


def _typeof_elements(page: str) -> list[tuple[int, set[str], set[str]]]:
    """(offset of ``<``, local type names, resource/about values) of each element with
    typeof, resource or about."""
    out = []
    last = -1
    for m in _RDFA_NODE_ATTR.finditer(page):
        start = page.rfind("<", 0, m.start())
        if start == last:  # another of these attributes on the same element
            continue
        last = start
        end = page.find(">", m.end())
        attrs = parse_attributes(page[start + 1 : end if end >= 0 else len(page)])
        names = {_local_name(t) for t in attrs.get("typeof", "").split()}
        ids = {attrs[a] for a in ("resource", "about") if attrs.get(a)}
        out.append((max(start, 0), names, ids))
    return out


def _place(
    elements: list[tuple[int, set[str], set[str]]], used: set[int], node: dict[str, Any]
) -> int:
    """Offset of the element a node came from: the first unused typeof element naming the
    node's ``@id`` (resource/about), else the first naming one of its types."""
    raw = node.get("@type", [])
    wanted = {_local_name(t) for t in ([raw] if isinstance(raw, str) else raw)}
    node_id = node.get("@id")
    candidates = [e for e in elements if e[0] not in used and (e[1] & wanted or not wanted)]
    if isinstance(node_id, str) and not node_id.startswith("_:"):
        by_id = [e for e in candidates if any(node_id.endswith(i) for i in e[2])]
        candidates = by_id or candidates
    if not candidates:
        return 0
    used.add(candidates[0][0])
    return candidates[0][0]

"""Parse one structured-data block: strict JSON first, tolerant recovery second.

:func:`parse_block` turns the text of a JSON-LD script element (or a whole JSON-LD file) into
a :class:`~ldpress.validate.model.Block`.  Valid JSON costs one orjson call.  Anything else
goes through :mod:`ldpress.validate.repair`; each repair becomes a ``syntax.<kind>`` warning
at its line and column in the page, and what still cannot be parsed becomes a
``syntax.invalid_json`` error where parsing failed, with ``parsed=False`` — never a pass.
The block's ``locator`` computes JSON-path positions only when a finding first needs one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import orjson

from ldpress.findings import Finding, Severity
from ldpress.validate.jsonpos import OffsetMap, TextPlace, locate_paths, map_back, max_depth
from ldpress.validate.model import Block, BlockKind, PathTuple
from ldpress.validate.repair import Repair, decode_entities, looks_entity_encoded, repair

MAX_DEPTH = 100
"""Deepest nesting a block may have; deeper blocks are refused (recursive JSON-LD processors
such as pyld would otherwise exhaust the stack)."""
MAX_REPAIR_FINDINGS = 20
"""Per repair kind and block: a page with 500 raw newlines needs one line of report, not 500."""

_MESSAGES = {
    "html_comment": "HTML comment in a JSON-LD block",
    "cdata": "CDATA marker in a JSON-LD block",
    "js_comment": "JavaScript comment in a JSON-LD block (JSON has no comments)",
    "trailing_comma": "trailing comma before a closing bracket",
    "trailing_semicolon": "semicolon after the JSON value",
    "control_character": "raw control character (such as a line break) inside a string",
    "bad_escape": "invalid escape sequence in a string",
    "stray_bracket": "closing bracket with nothing to close",
    "byte_order_mark": "byte order mark inside the block",
    "single_quotes": "single-quoted string (JSON strings use double quotes)",
    "html_entities": "JSON body is HTML-entity encoded (&quot;); decoded it",
    "concatenated_values": "several JSON values in one block; read them as a list",
}


class _Located:
    """Builds findings located in the page from offsets in (possibly rewritten) block text."""

    def __init__(self, block: Block, maps: list[OffsetMap]) -> None:
        self.block = block
        self.maps = maps
        self._place: TextPlace | None = None

    def position(self, offset: int, maps: list[OffsetMap] | None = None) -> tuple[int, int]:
        if self._place is None:
            self._place = TextPlace(self.block.text, self.block.line, self.block.column)
        return self._place.position(map_back(self.maps if maps is None else maps, offset))

    def add(self, code: str, severity: Severity, message: str, offset: int, **kw: Any) -> None:
        line, column = self.position(offset, kw.pop("maps", None))
        self.block.findings.append(
            Finding(code, severity, message, file=self.block.file, line=line, column=column, **kw)
        )


def parse_block(
    text: str, *, file: str, index: int, kind: BlockKind, line: int, column: int
) -> Block:
    """A located, parsed (or explicitly unparsed) block for ``text``; never raises."""
    block = Block(file=file, index=index, kind=kind, line=line, column=column, text=text)
    if not text or text.isspace():  # what "not text.strip()" says, without copying the text
        block.findings.append(_empty(block))
        return block
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        _parse_tolerant(block)
    else:
        _accept(block, data, [], text, [0])
    return block


def _empty(block: Block) -> Finding:
    return Finding(
        "syntax.empty_block",
        Severity.WARNING,
        "empty JSON-LD block: nothing to validate",
        file=block.file,
        line=block.line,
        column=block.column,
    )


def _parse_tolerant(block: Block) -> None:
    work, maps = block.text, list[OffsetMap]()
    loc = _Located(block, maps)
    if looks_entity_encoded(work):
        work, entity_map, first = decode_entities(work)
        loc.add("syntax.html_entities", Severity.WARNING, _MESSAGES["html_entities"], first)
        maps.append(entity_map)
    outer = list(maps)
    fixed = repair(work)
    maps.append(fixed.offsets)
    text = fixed.text
    starts = fixed.value_starts[1:] if len(fixed.value_starts) > 1 else []
    bounds = [0, *starts, len(text)]
    values: list[Any] = []
    failure: tuple[int, str] | None = None
    if not text.strip():  # only comments or wrappers: reported, then nothing to parse
        _report_repairs(loc, fixed.repairs, outer)
        block.findings.append(_empty(block))
        return
    for start, end in itertools.pairwise(bounds):
        try:
            values.append(orjson.loads(text[start:end]))
        except orjson.JSONDecodeError as exc:
            failure = (start + exc.pos, exc.msg)
            break
    # Past the point where parsing failed the scanner may have misread the text (an
    # unescaped quote flips inside and outside of strings): its repairs there are noise.
    limit = fixed.offsets.to_source(failure[0]) if failure else len(work)
    _report_repairs(loc, [r for r in fixed.repairs if r.offset <= limit], outer)
    if failure is not None:
        message = f"invalid JSON that could not be repaired: {failure[1]}"
        loc.add("syntax.invalid_json", Severity.ERROR, message, failure[0])
        return
    for start in starts:
        loc.add(
            "syntax.concatenated_values", Severity.WARNING, _MESSAGES["concatenated_values"], start
        )
    data = values[0] if len(values) == 1 else values
    _accept(block, data, maps, text, bounds[:-1] if starts else [0])


def _report_repairs(loc: _Located, repairs: list[Repair], maps: list[OffsetMap]) -> None:
    counts: dict[str, int] = {}
    for r in repairs:
        counts[r.kind] = counts.get(r.kind, 0) + 1
        if counts[r.kind] <= MAX_REPAIR_FINDINGS:
            message = f"{_MESSAGES.get(r.kind, r.kind)}: {r.note}"
            loc.add(f"syntax.{r.kind}", Severity.WARNING, message, r.offset, maps=maps)


def _accept(block: Block, data: Any, maps: list[OffsetMap], text: str, starts: list[int]) -> None:
    """Keep ``data`` unless it is nested too deeply; install the lazy locator."""
    if text.count("{") + text.count("[") > MAX_DEPTH and max_depth(data, MAX_DEPTH) > MAX_DEPTH:
        block.findings.append(
            Finding(
                "input.too_deep",
                Severity.ERROR,
                f"JSON nested deeper than {MAX_DEPTH} levels; the block is not validated",
                file=block.file,
                line=block.line,
                column=block.column,
            )
        )
        return
    block.data = data
    block.parsed = True
    block.locator = _locator(block, maps, text, starts)


def _locator(
    block: Block, maps: list[OffsetMap], text: str, starts: list[int]
) -> Callable[[], Mapping[PathTuple, tuple[int, int]]]:
    def locate() -> Mapping[PathTuple, tuple[int, int]]:
        offsets: dict[PathTuple, int] = {}
        several = len(starts) > 1
        for i, start in enumerate(starts):
            offsets.update(locate_paths(text, start, (i,) if several else ()))
        # Several values read as one list: the list itself sits where the block does,
        # which Block.locate answers when no path matches.
        return _Positions(offsets, _Located(block, maps))

    return locate


class _Positions(Mapping[PathTuple, tuple[int, int]]):
    """A block's JSON paths → page positions, each converted from its offset when asked:
    a block has thousands of paths and its findings ask for a handful."""

    def __init__(self, offsets: dict[PathTuple, int], loc: _Located) -> None:
        self._offsets = offsets
        self._loc = loc

    def __getitem__(self, path: PathTuple) -> tuple[int, int]:
        return self._loc.position(self._offsets[path])

    def get(self, path: PathTuple, default: Any = None) -> Any:
        offset = self._offsets.get(path)
        return default if offset is None else self._loc.position(offset)

    def __iter__(self) -> Iterator[PathTuple]:
        return iter(self._offsets)

    def __len__(self) -> int:
        return len(self._offsets)

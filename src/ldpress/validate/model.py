"""The data the validation layers share: a source (file or page), its blocks, the options.

A :class:`Source` is one input (a JSON-LD file, an HTML page, stdin).  It holds one
:class:`Block` per structured-data block found in it (each JSON-LD script element, each
top-level microdata/RDFa item converted to JSON-LD, or the whole JSON-LD file), located by
1-based line and column in the source.  Each layer is a function ``check(source, ctx)``
yielding :class:`ldpress.findings.Finding`; layers never raise on bad content.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ldpress.findings import Finding

BlockKind = Literal["jsonld-file", "jsonld-script", "microdata", "rdfa"]
PathTuple = tuple[str | int, ...]


@dataclass(slots=True)
class Block:
    """One structured-data block, parsed (after any tolerated repairs) and located."""

    file: str
    index: int
    kind: BlockKind
    line: int
    column: int
    text: str = ""
    data: Any = None
    parsed: bool = False
    positions: dict[PathTuple, tuple[int, int]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    # Computes the block's positions on first use: most blocks never need a location, and
    # tracking positions while parsing costs far more than a plain orjson parse.  What it
    # returns may convert each position only when asked (a block has thousands of paths
    # and its findings ask for a few); ``positions`` set directly take precedence.
    locator: Callable[[], Mapping[PathTuple, tuple[int, int]]] | None = None
    located: Mapping[PathTuple, tuple[int, int]] | None = None
    # What layers derive from ``data`` and share (e.g. the node list of nodes.iter_nodes):
    # computed once per block instead of once per layer.
    memo: dict[str, Any] = field(default_factory=dict)

    def locate(self, path: PathTuple) -> tuple[int, int]:
        """(line, column) in the source of the value at ``path`` (or of the key holding it),
        else of its nearest located ancestor, else of the block itself."""
        if self.locator is not None:
            self.located = self.locator()
            self.locator = None
        located = self.located
        p = tuple(path)
        while True:
            pos = self.positions.get(p)
            if pos is None and located is not None:
                pos = located.get(p)
            if pos is not None:
                return pos
            if not p:
                return self.line, self.column
            p = p[:-1]


@dataclass(slots=True)
class Source:
    """One input: its display name, kind, blocks and (for HTML) the page text."""

    file: str
    kind: Literal["jsonld", "html"]
    blocks: list[Block] = field(default_factory=list)
    text: str | None = None
    url: str | None = None
    findings: list[Finding] = field(default_factory=list)
    # The bytes ``text`` is the exact UTF-8 decoding of, when it was read so: searches for
    # ASCII needles run on them (see ldpress.validate.bytefind).
    utf8: bytes | None = None
    # ``utf8`` with its ASCII letters lower-cased (HTML compares tag names so), when known.
    lower: bytes | None = None


@dataclass(slots=True)
class Options:
    """What the user chose on the command line (or the library caller passed)."""

    profiles: tuple[str, ...] | None = None  # None: every pack that applies
    pack_dirs: tuple[str, ...] = ()
    allow_context: tuple[str, ...] = ()
    base_url: str | None = None
    # False: info-level findings are not wanted (the build keeps only errors and warnings),
    # so layers may skip work whose only possible output is info; the pipeline drops any
    # info that is still made.  Every error and warning is the same either way.
    infos: bool = True


@dataclass(slots=True)
class Context:
    """Per-run state shared by the layers of one source: options, loader, vocabulary, and
    results a later layer reuses (``scratch``: e.g. expanded blocks keyed by block index)."""

    options: Options
    scratch: dict[str, Any] = field(default_factory=dict)


Layer = Callable[[Source, Context], Iterable[Finding]]

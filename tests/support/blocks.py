"""Build located blocks and sources for layer tests (the real loader lives in another package).

:func:`positions` is a small JSON parser that records the 1-based line and column of every
value (of the key, for object members), keyed by JSON path tuple, so tests can assert where
a finding lands without the production loader.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from ldpress.validate.model import Block, Context, Options, PathTuple, Source

_WS = re.compile(r"[ \t\n\r]*")
_decoder = json.JSONDecoder()


def positions(text: str) -> dict[PathTuple, tuple[int, int]]:
    """(line, column) of each value in ``text``, keyed by its path."""
    out: dict[PathTuple, tuple[int, int]] = {}
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(i: int) -> tuple[int, int]:
        lo = max(n for n, s in enumerate(line_starts) if s <= i)
        return lo + 1, i - line_starts[lo] + 1

    def value(i: int, path: PathTuple, at: int | None = None) -> int:
        i = _WS.match(text, i).end()  # type: ignore[union-attr]
        out[path] = where(at if at is not None else i)
        if text[i] == "{":
            i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
            while text[i] != "}":
                key, j = _decoder.raw_decode(text, i)
                j = _WS.match(text, j).end() + 1  # type: ignore[union-attr]
                i = value(j, (*path, key), at=i)
                i = _WS.match(text, i).end()  # type: ignore[union-attr]
                if text[i] == ",":
                    i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
            return i + 1
        if text[i] == "[":
            i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
            n = 0
            while text[i] != "]":
                i = value(i, (*path, n))
                n += 1
                i = _WS.match(text, i).end()  # type: ignore[union-attr]
                if text[i] == ",":
                    i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
            return i + 1
        _, end = _decoder.raw_decode(text, i)
        return int(end)

    value(0, ())
    return out


def make_block(text: str, index: int = 0, file: str = "input.jsonld") -> Block:
    return Block(
        file=file,
        index=index,
        kind="jsonld-file",
        line=1,
        column=1,
        text=text,
        data=json.loads(text),
        parsed=True,
        positions=positions(text),
    )


def make_source(
    *texts: str,
    kind: Literal["jsonld", "html"] = "jsonld",
    url: str | None = None,
    file: str = "input.jsonld",
) -> Source:
    blocks = [make_block(t, i, file) for i, t in enumerate(texts)]
    return Source(file=file, kind=kind, blocks=blocks, url=url)


def make_context(**options: Any) -> Context:
    return Context(Options(**options))


def doc_source(*docs: Any, **kw: Any) -> Source:
    """A source with one block per document (serialised with a 2-space indent)."""
    return make_source(*(json.dumps(d, indent=2) for d in docs), **kw)

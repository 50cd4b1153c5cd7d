"""The syntax layer: what reading a source found — input problems, repairs, unparsable JSON.

Parsing itself happens once, when :mod:`ldpress.validate.sources` builds the blocks; this
layer reports the source's and each block's findings, with the file filled in and, for
findings that carry no position, the block's position.
"""

from __future__ import annotations

from collections.abc import Iterator

from ldpress.findings import Finding
from ldpress.validate.model import Context, Source


def check(source: Source, ctx: Context) -> Iterator[Finding]:
    """Every finding recorded while reading ``source`` and parsing its blocks."""
    for finding in source.findings:
        yield finding.located(file=source.file)
    for block in source.blocks:
        for finding in block.findings:
            yield finding.located(file=source.file, line=block.line, column=block.column)

"""What a validation run reads: the inputs named on the command line or by a caller.

Files are taken as given, directories are walked (with include/exclude globs) in a
deterministic order, and ``-`` stands for stdin.  Only names are listed up front; the bytes
are read one input at a time, when the pipeline gets to it.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from ldpress.errors import InputError
from ldpress.fsutil import read_limited

STDIN = "-"
# Far above the loader's own size limit (which turns a huge input into a finding), so a
# multi-gigabyte file is never read whole into memory only to be refused.
READ_LIMIT = 256 * 1024 * 1024


class Walker(Protocol):
    """``iter_files(root, include, exclude) -> Iterator[str]`` of ldpress.validate.sources:
    the files of a directory to validate, in a deterministic order."""

    def __call__(
        self, root: str, include: Sequence[str], exclude: Sequence[str], /
    ) -> Iterable[str]: ...


@dataclass(frozen=True, slots=True)
class InputItem:
    """One input to validate: its display name and where its bytes come from."""

    name: str
    path: str | None = None  # None: ``data`` holds the bytes (stdin)
    data: bytes | None = None

    def read(self) -> bytes:
        """The input's bytes (at most :data:`READ_LIMIT`); raises OSError."""
        if self.data is not None:
            return self.data
        assert self.path is not None
        return read_limited(self.path, READ_LIMIT)


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]],
    walker: Walker,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    *,
    stdin: bytes | None = None,
) -> Iterator[InputItem]:
    """The inputs named by ``paths`` in order: files as given (always taken), directories
    through ``walker`` (with the ``include``/``exclude`` globs), ``-`` for stdin (``stdin``
    bytes, else read from sys.stdin).  A path that does not exist aborts the run."""
    for raw in paths:
        p = os.fspath(raw)
        if p == STDIN:
            data = stdin if stdin is not None else sys.stdin.buffer.read(READ_LIMIT)
            yield InputItem(STDIN, data=data)
            continue
        try:  # one stat, not a Path and two (is_dir, exists): callers pass thousands
            is_dir = stat.S_ISDIR(os.stat(p).st_mode)  # noqa: PTH116
        except (OSError, ValueError):
            raise InputError(f"no such file or directory: {p}") from None
        if is_dir:
            for f in walker(p, include, exclude):
                yield InputItem(f, path=f)
        else:
            yield InputItem(p, path=p)

"""File reads with a size limit, and atomic file writes.

Writes: a crash, a full disk or an interrupt never leaves a half-written file.  The data
goes to a temporary file in the target's directory, is flushed and fsynced, then renamed
over the target (atomic on POSIX).  When the target exists its permission bits are kept.

Reads: ``open(path, "rb").read(limit)`` allocates ``limit`` bytes before reading and
shrinks the result; with the validator's 256 MB limit that costs ~30 us for a small file
and 0.1-0.25 ms for a news page (the allocation's page faults and unmapping), more than
reading the page.  :func:`read_limited` reads the size ``fstat`` reports instead.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

# Reads after the size fstat reported: a growing file, a pipe or a /proc file (size 0).
# Below malloc's mmap threshold, so the final empty read allocates nothing costly.
_STEP = 64 * 1024


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The file's bytes, at most ``limit`` of them; raises OSError as ``open`` does."""
    return read_with_stat(path, limit)[0]


def read_with_stat(path: str | os.PathLike[str], limit: int) -> tuple[bytes, os.stat_result]:
    """:func:`read_limited`, and the file's stat taken before reading."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        return read_fd(fd, limit, info.st_size), info
    finally:
        os.close(fd)


def read_fd(fd: int, limit: int, size: int) -> bytes:
    """At most ``limit`` bytes from ``fd``, whose size was reported as ``size``: that many
    in one read, then on until the end of the file."""
    chunks: list[bytes] = []
    remaining = limit
    step = size if size > 0 else _STEP
    while remaining > 0:
        chunk = os.read(fd, min(step, remaining))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
        step = _STEP
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new bytes, never a mix."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise

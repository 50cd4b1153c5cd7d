"""A stat index for the findings cache: file metadata -> digest of the file's bytes.

A cached re-run must still learn each file's content digest to find its entry; reading and
hashing every page costs more than everything else in a fully cached run.  The index maps a
file's absolute path and its ``stat`` (size, mtime_ns, ctime_ns, inode, device) to the
sha256 of its bytes, so an unchanged file is never re-read.  Any change to the bytes changes
at least mtime or ctime (ctime cannot be set back by a user, unlike mtime), so the index
hands out a digest only for the exact bytes it was computed from.  As in git's "racily
clean" rule, a file modified less than :data:`RACY_NS` before it was read is not indexed:
a second write within the file system's timestamp granularity could keep every field equal.

The stat is taken on the open descriptor before reading, so a change racing the read leaves
the recorded stat older than the bytes (a miss next time), never newer.  The index is one
file written atomically at the end of a run and sealed with its own sha256; a torn or
foreign index is ignored (every file is re-hashed once) and rewritten.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from ldpress import fsutil
from ldpress.fsutil import write_atomic

RACY_NS = 2_000_000_000  # FAT's 2 s mtime resolution is the coarsest in common use
FORMAT = 1
StatKey = tuple[int, int, int, int, int]


def stat_key(st: os.stat_result) -> StatKey:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


@dataclass(slots=True)
class StatIndex:
    """``path -> (stat key, hex digest)`` loaded from and saved to ``file``."""

    file: Path
    entries: dict[str, list[Any]] = field(default_factory=dict)
    changed: bool = False

    @classmethod
    def load(cls, file: Path) -> StatIndex:
        index = cls(file)
        try:
            raw = file.read_bytes()
        except OSError:
            return index
        digest, _, body = raw.partition(b"\n")
        if hashlib.sha256(body).hexdigest().encode() != digest:
            return index
        try:
            doc = orjson.loads(body)
        except orjson.JSONDecodeError:
            return index
        if isinstance(doc, dict) and doc.get("format") == FORMAT:
            entries = doc.get("entries")
            index.entries = entries if isinstance(entries, dict) else {}
        return index

    def digest(self, path: str, key: StatKey) -> str | None:
        """The recorded digest of ``path`` if its stat is exactly ``key``."""
        got = self.entries.get(path)
        if got is None or len(got) != 6 or tuple(got[:5]) != key:
            return None
        return got[5] if isinstance(got[5], str) else None

    def record(self, path: str, key: StatKey, digest: str, now_ns: int | None = None) -> None:
        """Remember ``digest`` for ``path`` at ``key`` unless the file is too fresh to trust."""
        now = time.time_ns() if now_ns is None else now_ns
        if now - max(key[1], key[2]) < RACY_NS:
            return
        self.entries[path] = [*key, digest]
        self.changed = True

    def save(self) -> None:
        """Write the index atomically (no-op when nothing was recorded); errors only cost
        speed next time."""
        if not self.changed:
            return
        body = orjson.dumps({"format": FORMAT, "entries": self.entries})
        try:
            write_atomic(self.file, hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
        except OSError:
            return
        self.changed = False


def read_with_stat(path: str, limit: int) -> tuple[bytes, StatKey]:
    """The file's bytes (at most ``limit``) and its stat taken before reading."""
    data, info = fsutil.read_with_stat(path, limit)
    return data, stat_key(info)


def stat_path(path: str) -> StatKey:
    return stat_key(os.stat(path))  # noqa: PTH116 (hot path: no Path object per file)

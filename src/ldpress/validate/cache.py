"""A content-addressed on-disk cache of each file's findings, so unchanged files are skipped.

An entry's key is the sha256 of the run key and the file's name and bytes.  The run key
covers everything that can change a file's findings: the ldpress version, a digest of the
code and data that produce findings (every package file outside ``cli/`` and ``report/``,
which covers the built-in rule packs and the vocabulary shipped with the package), the
vocabulary release and its compiled index in use (``LDPRESS_VOCAB``), the options (profiles,
allowed contexts, base URL), the contents of user pack directories, and the layers run.
Change any of them and every key changes; change one file and only its key changes.  The
name is part of the key because the loader picks the format by suffix and findings carry it.

A stat index (:mod:`ldpress.validate.statindex`) maps each file's path and stat to the digest
of its bytes, so a re-run does not re-read or re-hash unchanged files.

Entries are written atomically (a temporary file renamed into place, so an interrupted run
leaves no entry or a whole one) and verify themselves: a first line with the sha256 of the
rest, which holds the entry's own key.  An entry that is unreadable, torn, truncated or not
ours is ignored (a miss) and rewritten.  Unlike :func:`ldpress.fsutil.write_atomic` the
write is not fsynced: durability is not needed when a damaged entry is detected on read,
and an fsync per entry cost 5-7 ms on this machine under load (395 entries: 1.9-2.7 s with
fsync, 0.06 s without), more than validating the page.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import orjson

from ldpress.findings import Finding
from ldpress.fsutil import read_limited
from ldpress.validate.model import Layer, Options
from ldpress.validate.statindex import StatIndex, read_with_stat, stat_path

DEFAULT_DIR = Path(".ldpress-cache")
# An entry read back is cut here; a longer one fails its digest and is a miss (a file would
# need ~200,000 findings to write one).
MAX_ENTRY = 64 << 20
FORMAT = 2  # 2: findings stored as rows (Finding.to_row)
_PACKAGE = Path(__file__).resolve().parents[1]
_NOT_FINDING_CODE = ("cli", "report")  # these subpackages never change a file's findings


@dataclass(slots=True)
class FileResult:
    """What the pipeline keeps of one file: its block count and its findings."""

    blocks: int
    findings: list[Finding] = field(default_factory=list)


def _digest_tree(root: Path, skip: Sequence[str] = ()) -> str:
    h = hashlib.sha256()
    if not root.is_dir():
        return "-"
    for f in sorted(root.rglob("*")):
        rel = f.relative_to(root)
        if not f.is_file() or rel.parts[0] in skip or "__pycache__" in rel.parts:
            continue
        h.update(rel.as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


@cache
def _code_digest() -> str:
    return _digest_tree(_PACKAGE, _NOT_FINDING_CODE)


def _vocabulary_key() -> dict[str, str]:
    from ldpress.vocab import load_vocabulary
    from ldpress.vocab.store import INDEX_NAME, vocab_dir

    index = vocab_dir() / INDEX_NAME
    digest = hashlib.sha256(index.read_bytes()).hexdigest() if index.exists() else "-"
    return {"release": load_vocabulary().label, "index": digest}


def run_key(options: Options, layers: Sequence[Layer], extra: str = "") -> str:
    """The digest of everything but the file that decides a file's findings."""
    from ldpress import __version__

    parts: dict[str, Any] = {
        "format": FORMAT,
        "ldpress": __version__,
        "code": _code_digest(),
        "vocabulary": _vocabulary_key(),
        "profiles": None if options.profiles is None else list(options.profiles),
        "packs": {d: _digest_tree(Path(d)) for d in options.pack_dirs},
        "allow_context": sorted(options.allow_context),
        "base_url": options.base_url,
        "layers": [
            f"{getattr(x, '__module__', '?')}.{getattr(x, '__qualname__', '?')}" for x in layers
        ],
        "extra": extra,
    }
    return hashlib.sha256(orjson.dumps(parts, option=orjson.OPT_SORT_KEYS)).hexdigest()


def _encode(doc: dict[str, Any]) -> bytes:
    body = orjson.dumps(doc)
    return hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def _write_entry(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _decode(raw: bytes, key: str) -> FileResult | None:
    digest, _, body = raw.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode() != digest:
        return None
    try:
        doc = orjson.loads(body)
        if not isinstance(doc, dict) or doc.get("key") != key or doc.get("format") != FORMAT:
            return None
        return FileResult(
            blocks=int(doc["blocks"]), findings=[Finding.from_row(r) for r in doc["findings"]]
        )
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
        return None


@dataclass(frozen=True, slots=True)
class BoundCache:
    """The cache for one run: entries under ``directory`` keyed with ``key`` (see module),
    and the stat index that spares re-reading unchanged files (see statindex)."""

    directory: Path
    key: str
    index: StatIndex = field(default_factory=lambda: StatIndex(Path(os.devnull)))

    @classmethod
    def open(cls, directory: Path, key: str) -> BoundCache:
        return cls(directory, key, StatIndex.load(directory / f"v{FORMAT}" / "stat.idx"))

    def entry_key(self, name: str, data: bytes) -> str:
        return self._entry_key(name, hashlib.sha256(data).digest())

    def _entry_key(self, name: str, content_digest: bytes) -> str:
        h = hashlib.sha256(self.key.encode())
        h.update(b"\0" + name.encode("utf-8", "surrogateescape") + b"\0")
        h.update(content_digest)
        return h.hexdigest()

    def lookup(self, name: str, path: str, limit: int) -> FileResult | None:
        """The cached result of the file at ``path`` (shown as ``name``), reading it only
        when the stat index does not know its current bytes; raises OSError."""
        # abspath, not resolve(): a retargeted symlink must not reuse the old file's stat.
        where = os.path.abspath(path)  # noqa: PTH100
        digest = self.index.digest(where, stat_path(path))
        if digest is None:
            data, key = read_with_stat(path, limit)
            digest = hashlib.sha256(data).hexdigest()
            self.index.record(where, key, digest)
        return self._read(self._entry_key(name, bytes.fromhex(digest)))

    def save_index(self) -> None:
        self.index.save()

    def entry_path(self, key: str) -> Path:
        return Path(self._entry_file(key))

    def _entry_file(self, key: str) -> str:
        # A string: three Path joins a file were 9% of a cached re-run (profiled).
        return f"{self.directory}{os.sep}v{FORMAT}{os.sep}{key[:2]}{os.sep}{key}.json"

    def get(self, name: str, data: bytes) -> FileResult | None:
        return self._read(self.entry_key(name, data))

    def _read(self, key: str) -> FileResult | None:
        try:
            # os-level reads: open() and read() stat the file twice, ask whether it is a
            # terminal and seek twice, nine system calls an entry where these make five
            raw = read_limited(self._entry_file(key), MAX_ENTRY)
        except OSError:
            return None
        return _decode(raw, key)

    def put(self, name: str, data: bytes, result: FileResult) -> None:
        key = self.entry_key(name, data)
        doc = {
            "format": FORMAT,
            "key": key,
            "blocks": result.blocks,
            # rows, not objects: half the JSON to parse and a quicker rebuild on a re-run
            "findings": [f.to_row() for f in result.findings],
        }
        # A read-only or full disk only costs speed: the findings are still reported.
        with contextlib.suppress(OSError):
            _write_entry(self.entry_path(key), _encode(doc))


@dataclass(frozen=True, slots=True)
class FindingCache:
    """An on-disk cache directory (default ``.ldpress-cache/``); ``bind`` it to a run."""

    directory: Path = DEFAULT_DIR
    extra: str = ""

    def bind(self, options: Options, layers: Sequence[Layer]) -> BoundCache:
        return BoundCache.open(Path(self.directory), run_key(options, layers, self.extra))


def cache_dir_from_env() -> Path:
    """``LDPRESS_CACHE_DIR`` when set, else ``.ldpress-cache`` in the working directory."""
    return Path(os.environ.get("LDPRESS_CACHE_DIR") or DEFAULT_DIR)

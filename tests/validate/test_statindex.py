"""The cache's stat index: unchanged files are not re-read, and any change to the bytes,
however sneaky (same size, mtime set back), is a miss; fresh files and damaged indexes are
never trusted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ldpress.validate import cache as cache_mod
from ldpress.validate.cache import FindingCache
from ldpress.validate.model import Options
from ldpress.validate.pipeline import ValidationReport, validate_paths
from ldpress.validate.statindex import RACY_NS, StatIndex, stat_key
from tests.validate import fakes

OLD = 1_600_000_000  # seconds: long before any test runs


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    for name, text in (("a.json", fakes.BAD), ("b.json", fakes.GOOD)):
        (root / name).write_text(text)
        os.utime(root / name, (OLD, OLD))
    return root


def _run(site: Path, cache: FindingCache) -> ValidationReport:
    fakes.CALLS.clear()
    return validate_paths(
        [site],
        Options(),
        layers=fakes.LAYERS,
        loader=fakes.load_json,
        walker=fakes.walk_sorted,
        cache=cache,
    )


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Files the cache look-up read (the stat index could not vouch for them)."""
    seen: list[str] = []
    real = cache_mod.read_with_stat

    def spy(path: str, limit: int) -> tuple[bytes, tuple[int, int, int, int, int]]:
        seen.append(Path(path).name)
        return real(path, limit)

    monkeypatch.setattr(cache_mod, "read_with_stat", spy)
    return seen


def _ctime_old_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    # ctime cannot be set back; pretend the run happens well after the files were written.
    real = StatIndex.record

    def later(self: StatIndex, path: str, key: tuple[int, ...], digest: str) -> None:
        real(self, path, key, digest, now_ns=max(key[1], key[2]) + RACY_NS)  # type: ignore[arg-type]

    monkeypatch.setattr(StatIndex, "record", later)


def test_unchanged_files_are_not_reread(
    site: Path, tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _ctime_old_enough(monkeypatch)
    cache = FindingCache(tmp_path / "cache")
    first = _run(site, cache)
    assert sorted(reads) == ["a.json", "b.json"]
    reads.clear()
    second = _run(site, cache)
    assert reads == [] and fakes.CALLS == []
    assert second.findings == first.findings


def test_same_size_and_mtime_but_new_bytes_is_a_miss(
    site: Path, tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _ctime_old_enough(monkeypatch)
    cache = FindingCache(tmp_path / "cache")
    _run(site, cache)
    target = site / "a.json"
    before = target.stat()
    target.write_text(fakes.BAD.replace("a", "b", 1) if "a" in fakes.BAD else fakes.BAD + " ")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    reads.clear()
    report = _run(site, cache)
    assert "a.json" in reads
    fresh = validate_paths(
        [site], Options(), layers=fakes.LAYERS, loader=fakes.load_json, walker=fakes.walk_sorted
    )
    assert report.findings == fresh.findings


def test_files_written_just_now_are_not_indexed(tmp_path: Path) -> None:
    index = StatIndex(tmp_path / "stat.idx")
    f = tmp_path / "x.html"
    f.write_text("x")
    key = stat_key(f.stat())
    index.record(str(f), key, "00" * 32)
    assert index.digest(str(f), key) is None
    index.record(str(f), key, "00" * 32, now_ns=max(key[1], key[2]) + RACY_NS)
    assert index.digest(str(f), key) == "00" * 32
    assert index.digest(str(f), (key[0] + 1, *key[1:])) is None


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "other_format"])
def test_a_damaged_index_is_ignored_and_rewritten(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "stat.idx"
    index = StatIndex(path)
    index.record("/p", (1, 2, 3, 4, 5), "ab" * 32, now_ns=10**19)
    index.save()
    raw = path.read_bytes()
    assert StatIndex.load(path).digest("/p", (1, 2, 3, 4, 5)) == "ab" * 32
    damaged = {
        "truncate": raw[: len(raw) // 2],
        "flip": raw.replace(b"abab", b"abac", 1),
        "garbage": b"\x00\xff not an index",
        "other_format": raw.replace(b'"format":1', b'"format":9'),
    }[damage]
    path.write_bytes(damaged)
    assert StatIndex.load(path).entries == {}

"""The findings cache: hits skip the layers, each key part invalidates, corruption is a miss."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ldpress.validate import cache as cache_mod
from ldpress.validate.cache import FileResult, FindingCache
from ldpress.validate.model import Options
from ldpress.validate.pipeline import ValidationReport, validate_paths
from tests.validate import fakes


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "a.json").write_text(fakes.BAD)
    (root / "b.json").write_text(fakes.GOOD)
    (root / "c.json").write_text(fakes.BROKEN)
    return root


def _run(
    site: Path, cache: FindingCache | None, options: Options | None = None
) -> ValidationReport:
    fakes.CALLS.clear()
    return validate_paths(
        [site],
        options or Options(),
        layers=fakes.LAYERS,
        loader=fakes.load_json,
        walker=fakes.walk_sorted,
        cache=cache,
    )


def _entries(directory: Path) -> list[Path]:
    return sorted(directory.rglob("*.json"))


def test_second_run_hits_and_gives_the_same_report(site: Path, tmp_path: Path) -> None:
    cache = FindingCache(tmp_path / "cache")
    first = _run(site, cache)
    assert sorted(fakes.CALLS) == sorted(str(p) for p in site.iterdir())
    assert len(_entries(tmp_path / "cache")) == 3
    second = _run(site, cache)
    assert fakes.CALLS == []  # every file came from the cache
    assert second.findings == first.findings
    assert (second.files, second.blocks) == (first.files, first.blocks)


def test_changing_one_file_misses_only_that_file(site: Path, tmp_path: Path) -> None:
    cache = FindingCache(tmp_path / "cache")
    _run(site, cache)
    (site / "b.json").write_text(fakes.BAD)
    report = _run(site, cache)
    assert [str(site / "b.json")] == fakes.CALLS
    assert sum(f.code == "test.old_property" for f in report.findings) == 4


@pytest.mark.parametrize(
    "options",
    [
        Options(profiles=("google-article",)),
        Options(allow_context=("https://example.org/ctx.jsonld",)),
        Options(base_url="https://example.org/"),
    ],
)
def test_options_are_part_of_the_key(site: Path, tmp_path: Path, options: Options) -> None:
    cache = FindingCache(tmp_path / "cache")
    _run(site, cache)
    _run(site, cache, options)
    assert len(fakes.CALLS) == 3


def test_pack_directory_contents_are_part_of_the_key(site: Path, tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "rule.json").write_text('{"required": ["headline"]}')
    options = Options(pack_dirs=(str(packs),))
    cache = FindingCache(tmp_path / "cache")
    _run(site, cache, options)
    _run(site, cache, options)
    assert fakes.CALLS == []
    (packs / "rule.json").write_text('{"required": ["headline", "image"]}')
    _run(site, cache, options)
    assert len(fakes.CALLS) == 3


def test_version_vocabulary_and_layers_are_part_of_the_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    layers = fakes.LAYERS
    base = cache_mod.run_key(Options(), layers)
    assert cache_mod.run_key(Options(), layers) == base
    assert cache_mod.run_key(Options(), layers[:2]) != base
    monkeypatch.setattr("ldpress.__version__", "99.0")
    assert cache_mod.run_key(Options(), layers) != base
    monkeypatch.undo()
    monkeypatch.setattr(
        cache_mod, "_vocabulary_key", lambda: {"release": "schema.org 31.0", "index": "x"}
    )
    assert cache_mod.run_key(Options(), layers) != base


def test_the_file_name_is_part_of_the_entry_key(tmp_path: Path) -> None:
    bound = FindingCache(tmp_path).bind(Options(), fakes.LAYERS)
    assert bound.entry_key("a.json", b"{}") != bound.entry_key("a.html", b"{}")
    assert bound.entry_key("a.json", b"{}") != bound.entry_key("a.json", b"{ }")


def _sealed(body: bytes) -> bytes:
    return hashlib.sha256(body).hexdigest().encode() + b"\n" + body


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"\x00" * 64,
        b'{"format": 1, "key": "',
        _sealed(b'{"format": 1}'),
        _sealed(b"[]"),
        _sealed(b'{"format": 1, "key": "x", "blocks": 1, "findings": []}'),
    ],
)
def test_corrupt_entries_are_misses_and_get_rewritten(
    site: Path, tmp_path: Path, garbage: bytes
) -> None:
    cache = FindingCache(tmp_path / "cache")
    first = _run(site, cache)
    for entry in _entries(tmp_path / "cache"):
        entry.write_bytes(garbage)
    second = _run(site, cache)
    assert len(fakes.CALLS) == 3  # every corrupt entry was recomputed...
    assert second.findings == first.findings
    _run(site, cache)
    assert fakes.CALLS == []  # ...and rewritten whole


def test_an_entry_with_another_key_is_not_read(tmp_path: Path) -> None:
    bound = FindingCache(tmp_path).bind(Options(), fakes.LAYERS)
    bound.put("a.json", b"1", FileResult(blocks=1))
    key_a = bound.entry_key("a.json", b"1")
    key_b = bound.entry_key("b.json", b"1")
    target = bound.entry_path(key_b)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(bound.entry_path(key_a).read_bytes())
    assert bound.get("b.json", b"1") is None
    assert bound.get("a.json", b"1") == FileResult(blocks=1)


def test_an_interrupted_write_leaves_no_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bound = FindingCache(tmp_path).bind(Options(), fakes.LAYERS)

    def interrupted_replace(src: str, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("ldpress.validate.cache.os.replace", interrupted_replace)
    with pytest.raises(KeyboardInterrupt):
        bound.put("a.json", b"1", FileResult(blocks=1))
    monkeypatch.undo()
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]  # no entry, no temp file
    assert bound.get("a.json", b"1") is None


def test_an_unwritable_cache_only_costs_speed(site: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache directory should be")
    report = _run(site, FindingCache(blocker))
    assert report.files == 3 and report.errors == 2


def test_a_torn_entry_fails_its_checksum(tmp_path: Path) -> None:
    bound = FindingCache(tmp_path).bind(Options(), fakes.LAYERS)
    bound.put("a.json", b"1", FileResult(blocks=3))
    entry = bound.entry_path(bound.entry_key("a.json", b"1"))
    whole = entry.read_bytes()
    entry.write_bytes(whole[:-1] + b" ")  # same length, last byte lost
    assert bound.get("a.json", b"1") is None
    entry.write_bytes(whole)
    assert bound.get("a.json", b"1") == FileResult(blocks=3)

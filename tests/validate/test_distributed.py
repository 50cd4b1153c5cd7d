"""Distributed validation without a cluster: dask's in-process scheduler, the bag layout,
what crosses the wire, the missing extra, and the CLI's usage errors.

The runs on a real ``LocalCluster`` are in test_distributed_cluster.py; :func:`write_site`
is shared with it.
"""

from __future__ import annotations

import gzip
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import dask
import dask.bag as db
import pytest
from typer.testing import CliRunner

from ldpress.cli import app
from ldpress.errors import LdpressError, UsageError
from ldpress.findings import Finding, Severity
from ldpress.validate.distributed import (
    FileOutcome,
    bag_from_inputs,
    validate_bag,
    validate_distributed,
)
from ldpress.validate.inputs import InputItem
from ldpress.validate.model import Options
from ldpress.validate.pipeline import ValidationReport, validate_paths
from ldpress.validate.warc import bag_from_warcs
from tests.validate.test_warc import write_warc

ARTICLE = """{
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  "@id": "https://news.example/%(i)d#article",
  "headline": "Story %(i)d",
  "datePublished": "2026-01-%(day)02d",
  "author": {"@type": "Person", "name": "Reporter %(i)d"}%(extra)s
}"""
EXTRAS = [
    "",
    ',\n  "headlin": "typo"',  # unknown property
    ',\n  "publisher": {"@id": "https://news.example/#missing"}',  # dangling reference
    ",",  # trailing comma: a tolerated syntax error
    ',\n  "datePublished": "yesterday"',  # duplicate key, bad date
]


def page(i: int) -> str:
    block = ARTICLE % {"i": i, "day": i % 28 + 1, "extra": EXTRAS[i % len(EXTRAS)]}
    second = '\n<script type="application/ld+json">{"@type": "Persn"}</script>' * (i % 3 == 0)
    return (
        f"<!doctype html>\n<html><head><title>Story {i}</title>\n"
        f'<script type="application/ld+json">\n{block}\n</script>{second}\n'
        f"</head><body><h1>Story {i}</h1></body></html>\n"
    )


def write_site(root: Path, pages: int = 24) -> Path:
    """A generated site: HTML pages with assorted problems, a JSON-LD file, a gzipped one,
    a windows-1252 page, a broken symlink (unreadable) and a file the walker skips."""
    for i in range(pages):
        sub = root / f"section{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"story{i:03d}.html").write_text(page(i), encoding="utf-8")
    (root / "data.jsonld").write_text(ARTICLE % {"i": 99, "day": 3, "extra": ',\n  "x": 1'})
    (root / "data2.json.gz").write_bytes(gzip.compress(b'{"@type": "Event", "name": "E"}'))
    (root / "latin.html").write_bytes(page(7).replace("Story", "Caf\xe9").encode("cp1252"))
    (root / "gone.html").symlink_to(root / "does-not-exist.html")
    (root / "notes.txt").write_text("not structured data")
    return root


def assert_same_report(got: ValidationReport, want: ValidationReport) -> None:
    """Identical reports, and not trivially so."""
    assert got.names == want.names
    assert (got.files, got.blocks) == (want.files, want.blocks)
    assert got.findings == want.findings
    assert want.files > 0 and want.blocks > 0 and want.findings


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site")


@pytest.fixture
def sync_scheduler() -> object:
    with dask.config.set(scheduler="sync"):
        yield


@pytest.mark.usefixtures("sync_scheduler")
def test_bag_of_paths_gives_the_local_report(site: Path) -> None:
    local = validate_paths([site], Options(), jobs=1)
    assert "input.unreadable" in {f.code for f in local.findings}  # the broken symlink
    bag = db.from_sequence(local.names, partition_size=5)
    assert_same_report(validate_bag(bag, Options()), local)


@pytest.mark.usefixtures("sync_scheduler")
def test_bag_of_records_gives_the_local_report(site: Path) -> None:
    options = Options(profiles=("google-article",))
    readable = [n for n in validate_paths([site], options, jobs=1).names if Path(n).exists()]
    records = [(n, Path(n).read_bytes()) for n in readable]
    want = validate_paths(readable, options, jobs=1)
    got = validate_bag(db.from_sequence(records, npartitions=4), options)
    assert_same_report(got, want)


@pytest.mark.usefixtures("sync_scheduler")
def test_progress_follows_partitions(site: Path) -> None:
    names = validate_paths([site], Options(), jobs=1).names
    steps: list[tuple[int, int]] = []
    bag = db.from_sequence(names, partition_size=10)
    validate_bag(bag, Options(), progress=lambda p: steps.append((p.done, p.total)), total=50)
    assert steps == [(10, 50), (20, 50), (len(names), 50)]


def test_bag_mixes_files_stdin_and_warcs_in_input_order(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "c.warc.gz", [("https://w.example/", "text/html", b"<p>")])
    items = [
        InputItem("a.html", path="a.html"),
        InputItem("-", data=b"{}"),
        InputItem(str(warc), path=str(warc)),
        InputItem("b.html", path="b.html"),
    ]
    bag = bag_from_inputs(items, partition_size=1)
    assert bag.npartitions == 4
    assert bag.compute(scheduler="sync") == [
        "a.html",
        ("-", b"{}"),
        ("https://w.example/", b"<p>"),
        "b.html",
    ]


@pytest.mark.usefixtures("sync_scheduler")
def test_a_bad_bag_item_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="must be a path or a"):
        validate_bag(db.from_sequence([b"bytes alone"]), Options())


def test_worker_results_pickle() -> None:
    finding = Finding("vocab.unknown_property", Severity.WARNING, "m", "f", 3, 4, "$.x", "#a")
    outcome = FileOutcome("f", 2, [finding])
    assert pickle.loads(pickle.dumps(outcome)) == outcome


@pytest.fixture
def no_dask(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("dask", "dask.bag", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)


@pytest.mark.usefixtures("no_dask")
def test_missing_extra_names_the_install_command(site: Path) -> None:
    with pytest.raises(UsageError, match=r"pip install 'ldpress\[dask\]'"):
        validate_distributed([site], Options())
    with pytest.raises(UsageError, match=r"pip install 'ldpress\[dask\]'"):
        bag_from_warcs(["x.warc"])


@pytest.mark.usefixtures("no_dask")
def test_cli_without_the_extra_exits_2(site: Path) -> None:
    result = CliRunner().invoke(app, ["validate", "--dask", "local", str(site)])
    assert result.exit_code == 2
    assert "pip install 'ldpress[dask]'" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        ["--dask", "local", "--scheduler", "tcp://127.0.0.1:1"],  # both
        ["--dask", "cloud"],  # not a mode
        [],  # a WARC without a cluster
    ],
)
def test_cli_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    warc = write_warc(tmp_path / "c.warc.gz", [("https://w.example/", "text/html", b"<p>")])
    result = CliRunner().invoke(app, ["validate", *args, str(warc)])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    if not args:
        assert "add --dask local or --scheduler" in result.stderr


def test_json_report_of_a_sync_run_is_byte_identical(site: Path) -> None:
    from ldpress.report import render

    local = validate_paths([site], Options(), jobs=1)
    with dask.config.set(scheduler="sync"):
        dist = validate_bag(db.from_sequence(local.names, npartitions=3), Options())
    texts = [render(r, "json", profiles=(), files=r.names, root=site) for r in (local, dist)]
    assert texts[0] == texts[1]
    assert json.loads(texts[0])["summary"]["files"] == local.files


class _LostFuture:
    def result(self) -> object:
        raise OSError("Timed out during handshake while connecting to tcp://127.0.0.1:1")


class _BrokenClient:
    """A client whose cluster answers the worker check, then loses every partition."""

    def run(self, func: Any, *args: Any) -> dict[str, Any]:
        return {"tcp://127.0.0.1:1": func(*args)}

    def scheduler_info(self) -> dict[str, Any]:
        return {"workers": {"tcp://127.0.0.1:1": {}}}

    def compute(self, parts: list[Any]) -> list[_LostFuture]:
        return [_LostFuture() for _ in parts]


def test_a_failing_cluster_is_an_abort_with_a_message(site: Path) -> None:
    with pytest.raises(LdpressError, match="the Dask cluster failed: OSError: Timed out"):
        validate_distributed([site], Options(), client=_BrokenClient())


def test_an_empty_directory_gives_the_local_empty_report(tmp_path: Path) -> None:
    local = validate_paths([tmp_path], Options(), jobs=1)
    got = validate_distributed([tmp_path], Options(), client=_BrokenClient())
    assert (
        (got.files, got.blocks, got.findings, got.names)
        == (0, 0, [], [])
        == (local.files, local.blocks, local.findings, local.names)
    )

"""Validation on a real Dask ``LocalCluster`` (2 worker processes, 127.0.0.1 only): the report
equals the local ``--jobs 1`` run for corpus pages, generated pages and WARC crawls, through
the library and the CLI.

pytest-socket blocks sockets in every test; this module allows connections to 127.0.0.1 and
nowhere else (``allow_hosts``; ``enable_socket`` would lift every restriction).  One cluster
serves the module; the ``--dask local`` test starts and stops its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import psutil
import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from ldpress.cli import app
from ldpress.errors import UsageError
from ldpress.validate.dask_cluster import open_client
from ldpress.validate.distributed import validate_distributed
from ldpress.validate.model import Options
from ldpress.validate.pipeline import ValidationReport, validate_paths
from tests.conftest import CORPUS, needs_shared
from tests.validate.test_distributed import assert_same_report, page, write_site
from tests.validate.test_warc import write_warc

pytestmark = pytest.mark.allow_hosts(["127.0.0.1"])
LOOPBACK = "127.0.0.1"


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host=LOOPBACK,
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": f"{LOOPBACK}:0"},
        ) as cluster,
        Client(cluster, set_as_default=False) as c,
    ):
        yield c


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site")


def listening_hosts() -> set[str]:
    """The addresses this process and its children (the workers) listen on."""
    me = psutil.Process()
    hosts = set()
    for proc in [me, *me.children(recursive=True)]:
        for conn in proc.net_connections(kind="inet"):
            if conn.status == psutil.CONN_LISTEN:
                hosts.add(conn.laddr.ip)
    return hosts


def test_the_cluster_listens_on_loopback_only(client: Client) -> None:
    workers = client.scheduler_info()["workers"]
    assert len(workers) == 2
    assert client.scheduler.address.startswith(f"tcp://{LOOPBACK}:")
    assert all(addr.startswith(f"tcp://{LOOPBACK}:") for addr in workers)
    assert listening_hosts() == {LOOPBACK}


def test_a_local_cluster_of_the_cli_listens_on_loopback_only() -> None:
    with open_client(local_workers=1) as c:
        assert len(c.scheduler_info()["workers"]) == 1
        assert listening_hosts() == {LOOPBACK}


@needs_shared
def test_corpus_pages_give_the_local_report(client: Client) -> None:
    paths = [str(CORPUS / "html" / "meedan-fetch"), str(CORPUS / "html" / "scrapinghub-extruct")]
    local = validate_paths(paths, Options(), jobs=1)
    assert_same_report(validate_distributed(paths, Options(), client=client), local)


def test_generated_pages_and_stdin_give_the_local_report(client: Client, site: Path) -> None:
    paths = [str(site / "latin.html"), "-", str(site)]
    stdin = page(3).encode()
    options = Options(profiles=("google-article",))
    local = validate_paths(paths, options, jobs=1, stdin=stdin)
    got = validate_distributed(paths, options, client=client, stdin=stdin)
    assert_same_report(got, local)
    assert got.names[1] == "-"


def _warc_reference(tmp_path: Path, inputs: list[Any]) -> ValidationReport:
    """The local ``--jobs 1`` report for ``inputs`` (paths, or lists of ``(uri, body)``
    pages written to files here), with each page's file renamed to its URI."""
    paths, uri_of = [], {}
    for i, entry in enumerate(inputs):
        if isinstance(entry, str):
            paths.append(entry)
            continue
        for j, (uri, body) in enumerate(entry):
            ref = tmp_path / "ref" / f"{i}-{j}.html"
            ref.parent.mkdir(parents=True, exist_ok=True)
            ref.write_bytes(body)
            paths.append(str(ref))
            uri_of[str(ref)] = uri
    report = validate_paths(paths, Options(), jobs=1)
    report.names = [uri_of.get(n, n) for n in report.names]
    report.findings = [replace(f, file=uri_of.get(f.file or "", f.file)) for f in report.findings]
    return report


def test_warc_crawls_give_the_local_report(client: Client, site: Path, tmp_path: Path) -> None:
    first = [(f"https://news.example/{i}", page(i).encode()) for i in range(8)]
    second = [(f"https://news.example/late/{i}", page(i).encode()) for i in range(8, 12)]
    noise = [("https://news.example/logo.png", "image/png", b"\x89PNG")]
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    warc1 = write_warc(crawl / "one.warc.gz", [*noise, *((u, "text/html", b) for u, b in first)])
    warc2 = write_warc(
        crawl / "two.warc", [(u, "text/html", b) for u, b in second], gzip_records=False
    )
    middle = str(site / "data.jsonld")
    want = _warc_reference(tmp_path, [first, middle, second])
    got = validate_distributed([str(warc1), middle, str(warc2)], Options(), client=client)
    assert_same_report(got, want)
    assert got.files == 13 and got.names[8] == middle
    # WARC files found in a directory (taken with --include) are read the same way.
    in_dir = validate_distributed([crawl], Options(), include=["*.warc*"], client=client)
    assert_same_report(in_dir, _warc_reference(tmp_path / "2", [first, second]))


def _swap_code_digest(fake: str | None) -> None:
    """In a worker: make run_key see other ldpress code (``fake``), or the real code again."""
    from ldpress.validate import cache

    real = cache.__dict__.setdefault("_real_code_digest", cache._code_digest)
    cache._code_digest = real if fake is None else (lambda: fake)  # type: ignore[assignment]


def test_a_worker_with_other_code_is_refused(client: Client, site: Path) -> None:
    odd = sorted(client.scheduler_info()["workers"])[0]
    client.run(_swap_code_digest, "not the same code", workers=[odd])
    try:
        with pytest.raises(UsageError, match=f"1 Dask worker.*{odd}"):
            validate_distributed([site], Options(), client=client)
    finally:
        client.run(_swap_code_digest, None, workers=[odd])
    assert validate_distributed([site], Options(), client=client).files > 0


def test_unreachable_scheduler_is_a_usage_error(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ldpress.validate.dask_cluster.CONNECT_TIMEOUT", "1s")
    with pytest.raises(UsageError, match="cannot connect to the Dask scheduler"):
        validate_distributed([site], Options(), scheduler=f"tcp://{LOOPBACK}:9")


def _cli(*args: str, stdin: str | None = None, fmt: str = "json") -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", "--format", fmt, *args], input=stdin)
    return result.exit_code, result.stdout


@pytest.mark.parametrize("fmt", ["json", "text", "sarif", "junit", "github"])
def test_cli_scheduler_gives_the_local_output(client: Client, site: Path, fmt: str) -> None:
    local = _cli("--jobs", "1", "--no-cache", str(site), fmt=fmt)
    assert local[0] == 1 and "unknown_property" in local[1]
    assert _cli("--scheduler", client.scheduler.address, str(site), fmt=fmt) == local


def test_cli_dask_local_end_to_end(site: Path, tmp_path: Path) -> None:
    uri = "https://w.example/"
    warc = write_warc(tmp_path / "c.warc.gz", [(uri, "text/html", page(1).encode())])
    stdin = page(2)
    code, out = _cli("--jobs", "1", "--no-cache", str(site), "-", stdin=stdin)
    got_code, got_out = _cli("--dask", "local", "-j", "2", str(site), "-", str(warc), stdin=stdin)
    assert got_code == code == 1
    local, dist = json.loads(out), json.loads(got_out)
    assert dist["summary"]["files"] == local["summary"]["files"] + 1
    assert [f for f in dist["findings"] if f["file"] != uri] == local["findings"]
    assert any(f["code"] == "vocab.unknown_property" for f in dist["findings"] if f["file"] == uri)

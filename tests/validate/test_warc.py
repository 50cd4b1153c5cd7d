"""WARC input: which records become pages, their names and bodies, errors, the dask bag.

The WARC files are written here with warcio, so each test knows exactly which records a
file holds; the cluster run over WARC files is in test_distributed_cluster.py.
"""

from __future__ import annotations

import gzip
import io
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ldpress.errors import InputError, UsageError
from ldpress.validate.warc import bag_from_warcs, is_warc, iter_warc_pages

Record = tuple[str, str, bytes]  # (target URI, Content-Type, body); "request" for a request


def write_warc(path: Path, records: Sequence[Record], *, gzip_records: bool = True) -> Path:
    """A WARC file with one response record per ``(uri, content type, body)``; the content
    type ``request`` writes a request record instead (never a page)."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip_records)
        for uri, ctype, body in records:
            if ctype == "request":
                headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
                rec = writer.create_warc_record(uri, "request", http_headers=headers)
            else:
                status = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
                payload = io.BytesIO(body)
                rec = writer.create_warc_record(
                    uri, "response", payload=payload, http_headers=status
                )
            writer.write_record(rec)
            rec.raw_stream.close()  # warcio spools the digested body to a temporary file
    return path


PAGE = b"<html><head><title>%d</title></head><body>page %d</body></html>"
MIXED: list[Record] = [
    ("https://news.example/a", "text/html; charset=utf-8", PAGE % (1, 1)),
    ("https://news.example/a", "request", b""),
    ("https://news.example/logo.png", "image/png", b"\x89PNG..."),
    ("https://news.example/b.xhtml", "application/xhtml+xml", PAGE % (2, 2)),
    ("https://news.example/api.json", "application/json", b'{"@type": "Thing"}'),
    ("https://news.example/c", "TEXT/HTML", PAGE % (3, 3)),
]
HTML_ONLY = [(uri, body) for uri, ctype, body in MIXED if "html" in ctype.lower()]


@pytest.mark.parametrize("gzip_records", [True, False])
def test_only_html_responses_are_pages_in_file_order(tmp_path: Path, gzip_records: bool) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz", MIXED, gzip_records=gzip_records)
    assert list(iter_warc_pages(warc)) == HTML_ONLY


def test_content_encoding_is_undone(tmp_path: Path) -> None:
    body = PAGE % (9, 9)
    warc = tmp_path / "enc.warc"
    with warc.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
        status = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            "https://x.example/",
            "response",
            payload=io.BytesIO(gzip.compress(body)),
            http_headers=status,
        )
        writer.write_record(rec)
        rec.raw_stream.close()
    assert list(iter_warc_pages(warc)) == [("https://x.example/", body)]


def test_missing_and_non_warc_files_abort(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read WARC file"):
        list(iter_warc_pages(tmp_path / "nope.warc"))
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"<html>not-a-WARC-file</html>\n")
    with pytest.raises(InputError, match="not a readable WARC file"):
        list(iter_warc_pages(junk))


def test_missing_warcio_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    with pytest.raises(UsageError, match=r"pip install 'ldpress\[warc\]'"):
        list(iter_warc_pages(tmp_path / "x.warc"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.warc", True), ("A.WARC.GZ", True), ("a.warc.gz.html", False), ("warc", False)],
)
def test_is_warc(name: str, expected: bool) -> None:
    assert is_warc(name) is expected


def test_bag_has_one_partition_per_warc_in_order(tmp_path: Path) -> None:
    first = write_warc(tmp_path / "1.warc.gz", MIXED)
    second = write_warc(tmp_path / "2.warc.gz", [("https://z.example/", "text/html", b"<p>")])
    bag = bag_from_warcs([second, first])
    assert bag.npartitions == 2
    assert bag.compute(scheduler="sync") == [("https://z.example/", b"<p>"), *HTML_ONLY]


def test_bag_needs_at_least_one_warc() -> None:
    with pytest.raises(UsageError, match="no WARC files"):
        bag_from_warcs([])

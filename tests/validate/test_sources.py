"""Reading inputs: kinds, gzip, decoding, directories, stdin, limits, unreadable files."""

from __future__ import annotations

import gzip
import io
import os
import sys
from fnmatch import fnmatch
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ldpress.findings import Severity
from ldpress.validate import sources
from ldpress.validate.decode import decode_html_utf8
from ldpress.validate.sources import _matches, iter_files, iter_sources, load_source, read_source

PAGE = (
    '<html><head><meta charset="utf-8"><link rel="canonical" href="https://e.org/a">\n'
    '<script type="application/ld+json">{"@type": "Thing", "name": "caf\u00e9"}</script>\n'
    "</head><body>\n<script type='application/ld+json'>[1,]</script></body></html>\n"
)


def test_html_page_blocks_text_and_url() -> None:
    source = load_source("a.html", PAGE.encode())
    assert source.kind == "html" and source.text == PAGE and source.url == "https://e.org/a"
    assert [(b.kind, b.index, b.line, b.parsed) for b in source.blocks] == [
        ("jsonld-script", 0, 2, True),
        ("jsonld-script", 1, 4, True),
    ]
    assert source.blocks[0].data["name"] == "caf\u00e9"
    assert [f.code for f in source.blocks[1].findings] == ["syntax.trailing_comma"]
    assert not source.findings


def test_jsonld_file_is_one_block() -> None:
    source = load_source("x.jsonld", b'\xef\xbb\xbf{"@type": "Thing"}')
    assert source.kind == "jsonld" and source.text is None
    (block,) = source.blocks
    assert (block.kind, block.line, block.column, block.data) == (
        "jsonld-file",
        1,
        1,
        {"@type": "Thing"},
    )


def test_gzip_pages_and_bad_gzip() -> None:
    source = load_source("a.html.gz", gzip.compress(PAGE.encode()))
    assert source.kind == "html" and len(source.blocks) == 2
    broken = load_source("a.html.gz", gzip.compress(PAGE.encode())[:40])
    assert [f.code for f in broken.findings] == ["input.bad_gzip"] and not broken.blocks
    garbage = load_source("a.html.gz", b"\x1f\x8bnot gzip at all")
    assert [f.code for f in garbage.findings] == ["input.bad_gzip"]


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b'  {"a": 1}', "jsonld"), (b"[1]", "jsonld"), (b"<!doctype html><p>", "html"), (b"", "html")],
)
def test_stdin_is_sniffed(data: bytes, kind: str) -> None:
    assert load_source("-", data).kind == kind


def test_explicit_kind_wins() -> None:
    assert load_source("page.txt", b'{"a": 1}', kind="html").kind == "html"


def test_cp1252_fallback_warns_at_the_first_bad_byte() -> None:
    data = '<p>\n<script type="application/ld+json">{"name": "caf\u00e9"}</script>'.encode("cp1252")
    source = load_source("old.html", data)
    assert source.blocks[0].data == {"name": "caf\u00e9"}
    (finding,) = source.findings
    assert (finding.code, finding.severity, finding.line, finding.column) == (
        "input.encoding_fallback",
        Severity.WARNING,
        2,
        data.split(b"\n")[1].index(b"\xe9") + 1,
    )


def test_meta_charset_is_honoured() -> None:
    page = (
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>\u201cx\u201d'
    )
    source = load_source("l.html", page.encode("cp1252"))
    assert source.text == page and not source.findings
    jp = '<meta charset="shift_jis"><p>\u65e5\u672c'
    assert load_source("j.html", jp.encode("cp932")).text == jp


@pytest.mark.parametrize(
    ("data", "utf8"),
    [
        ("<p>caf\u00e9".encode(), "<p>caf\u00e9".encode()),
        (b"\xef\xbb\xbf<p>caf\xc3\xa9", b"<p>caf\xc3\xa9"),  # the BOM is not text
        ('<meta charset="utf8"><p>\u00e9'.encode(), '<meta charset="utf8"><p>\u00e9'.encode()),
        ("<p>caf\u00e9".encode("cp1252"), None),  # fell back to windows-1252
        (b'<meta charset="latin1"><p>abc', None),  # read as windows-1252
        (b"\xff\xfe" + "<p>".encode("utf-16-le"), None),
    ],
)
def test_decoding_says_when_the_text_is_exactly_its_utf8_bytes(
    data: bytes, utf8: bytes | None
) -> None:
    text, _, body = decode_html_utf8(data, "p.html")
    assert body == utf8
    if body is not None:  # what the DOM parser is handed instead of the text
        assert body.decode("utf-8") == text


def test_utf16_bom_page() -> None:
    page = '<script type="application/ld+json">{"a": "\u00e9"}</script>'
    source = load_source("u.html", b"\xff\xfe" + page.encode("utf-16-le"))
    assert source.blocks[0].data == {"a": "\u00e9"}


def test_size_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sources, "MAX_INPUT_BYTES", 100)
    assert [f.code for f in load_source("a.json", b" " * 101).findings] == ["input.too_large"]
    bomb = gzip.compress(b" " * 1000)
    assert [f.code for f in load_source("a.json.gz", bomb).findings] == ["input.too_large"]
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 200)
    assert [f.code for f in read_source(big).findings] == ["input.too_large"]


def test_unreadable_inputs_are_findings(tmp_path: Path) -> None:
    missing = read_source(tmp_path / "nope.html")
    assert [f.code for f in missing.findings] == ["input.not_found"] and missing.kind == "html"
    assert [f.code for f in read_source(tmp_path).findings] == ["input.unreadable"]
    if os.geteuid() != 0:  # root reads anything
        locked = tmp_path / "locked.json"
        locked.write_text("{}")
        locked.chmod(0)
        assert [f.code for f in read_source(locked).findings] == ["input.unreadable"]


def make_site(root: Path) -> None:
    for rel in [
        "b.html",
        "a.jsonld",
        "sub/z.htm",
        "sub/a.html.gz",
        "sub/deeper/c.json",
        "notes.txt",
        ".hidden/x.html",
        ".x.html",
        "drafts/d.html",
    ]:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(gzip.compress(b"{}") if rel.endswith(".gz") else b"{}")


def rel(paths: list[str], root: Path) -> list[str]:
    return [Path(p).relative_to(root).as_posix() for p in paths]


def test_directory_walk_is_sorted_and_filtered(tmp_path: Path) -> None:
    make_site(tmp_path)
    assert rel(list(iter_files(str(tmp_path))), tmp_path) == [
        "a.jsonld",
        "b.html",
        "drafts/d.html",
        "sub/a.html.gz",
        "sub/deeper/c.json",
        "sub/z.htm",
    ]
    assert rel(list(iter_files(str(tmp_path), exclude=["drafts", "*.json"])), tmp_path) == [
        "a.jsonld",
        "b.html",
        "sub/a.html.gz",
        "sub/z.htm",
    ]
    assert rel(list(iter_files(str(tmp_path), include=["*.txt", "sub/*.htm"])), tmp_path) == [
        "notes.txt",
        "sub/z.htm",
    ]


def test_iter_sources_order_names_and_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_site(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"from": "stdin"}')))
    names = [s.file for s in iter_sources([str(tmp_path / "b.html"), "-", str(tmp_path / "sub")])]
    assert names == [
        str(tmp_path / "b.html"),
        "-",
        str(tmp_path / "sub" / "a.html.gz"),
        str(tmp_path / "sub" / "deeper" / "c.json"),
        str(tmp_path / "sub" / "z.htm"),
    ]
    again = [s.file for s in iter_sources([str(tmp_path)])]
    assert again == [s.file for s in iter_sources([str(tmp_path)])]


_GLOB_CHARS = st.sampled_from(["a", "b", ".", "/", "*", "?", "[a]", "[!b]", "json", "\\", "x"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(_GLOB_CHARS, max_size=6).map("".join), max_size=3),
    st.lists(st.sampled_from(["a", "b", ".", "/", "x", "json", "["]), max_size=8).map("".join),
)
def test_globs_match_as_fnmatch_does(patterns: list[str], rel: str) -> None:
    """The walker's one-regex glob test agrees with fnmatch on the path and on its name."""
    name = rel.rsplit("/", 1)[-1]
    expected = any(fnmatch(rel, p) or fnmatch(name, p) for p in patterns)
    assert _matches(rel, patterns) == expected


@pytest.mark.parametrize("spelling", ["{root}", "{root}/", "./site", "./site/", "site//"])
def test_directory_walk_keeps_the_root_as_spelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    make_site(site)
    monkeypatch.chdir(tmp_path)
    root = spelling.format(root=site)
    relative = ["a.jsonld", "b.html", "drafts/d.html", "sub/a.html.gz", "sub/deeper/c.json"]
    relative.append("sub/z.htm")
    expected = [os.path.join(root, *r.split("/")) for r in relative]  # noqa: PTH118
    assert list(iter_files(root)) == expected

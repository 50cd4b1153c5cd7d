"""embed_page: placement, byte preservation, idempotence, encodings and refusals."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from ldpress.html.embed import EmbedResult, embed_page
from ldpress.html.locate import scan_page

BUNDLE: dict[str, Any] = {
    "@context": "https://schema.org",
    "@graph": [{"@type": "NewsArticle", "@id": "#a", "headline": "Caf\u00e9 </script> 😀"}],
}
_BLOCK_RE = re.compile(
    rb'<script type="application/ld\+json" data-ldpress="1">(.*?)</script>', re.S
)


def split_insert(old: bytes, result: EmbedResult) -> tuple[bytes, bytes, bytes]:
    """(prefix, inserted, suffix) of the new page: ``old`` with one element's range inserted.

    The range is the one the embedder reports; the assertions make sure that removing it
    gives back ``old`` exactly and that it holds exactly one ldpress script element.
    """
    new = result.page
    assert new is not None and result.span is not None, result.findings
    start, end = result.span
    prefix, inserted, suffix = new[:start], new[start:end], new[end:]
    assert prefix + suffix == old, "bytes outside the inserted range changed"
    assert len(_BLOCK_RE.findall(inserted)) == 1
    return prefix, inserted, suffix


def embedded(page: bytes, bundle: Any = BUNDLE, **kw: Any) -> bytes:
    result = embed_page(page, bundle, **kw)
    assert result.page is not None, result.findings
    return result.page


def block_json(page: bytes, encoding: str = "utf-8") -> Any:
    blocks = _BLOCK_RE.findall(page)
    assert len(blocks) == 1
    return json.loads(blocks[0].decode(encoding))


def test_inserts_at_end_of_head_on_its_own_indented_line() -> None:
    page = b"<html>\n  <head>\n    <title>t</title>\n  </head>\n  <body>x</body>\n</html>\n"
    result = embed_page(page, BUNDLE)
    assert result.action == "inserted" and result.placement == "head"
    assert result.page is not None and result.span is not None
    _, inserted, suffix = split_insert(page, result)
    assert inserted.startswith(b'    <script type="application/ld+json" data-ldpress="1">\n    {')
    assert inserted.endswith(b"\n    </script>\n")
    assert suffix.startswith(b"  </head>")
    start, end = result.span
    assert result.page[start:end] == inserted
    assert block_json(result.page) == BUNDLE


def test_second_run_gives_the_same_bytes_and_replaces_on_change() -> None:
    page = b"<html><head><title>t</title></head><body></body></html>"
    once = embedded(page)
    again = embed_page(once, BUNDLE)
    assert again.action == "unchanged" and again.page == once
    changed = {"@context": "https://schema.org", "@type": "Thing", "name": "other"}
    replaced = embed_page(once, changed)
    assert replaced.action == "replaced" and replaced.page is not None
    assert block_json(replaced.page) == changed
    assert embedded(replaced.page, BUNDLE) == once


@pytest.mark.parametrize(
    "trap",
    [
        b"<!-- </head> -->",
        b"<script>document.write('</head>')</script>",
        b"<script><!-- <script> </script> </head> --></script>",
        b'<meta content="</head>">',
        b"<meta content='a </head> b'>",
        b"<title></head></title>",
        b"<style>/* </head> */</style>",
        b"<noscript></head></noscript>",
        b"<!-- x --!>",  # closed by --!>: what follows is markup again
        b"<!-->",  # an abrupt empty comment
        b"<!--->",
        b"<![CDATA[ x ]]>",
    ],
)
def test_head_close_is_found_outside_comments_scripts_and_attributes(trap: bytes) -> None:
    page = b"<html><head>" + trap + b"<title>t</title></head><body>b</body></html>"
    prefix, _, suffix = split_insert(page, embed_page(page, BUNDLE))
    assert prefix.endswith(b"<title>t</title>") and suffix.startswith(b"</head>")


def test_script_double_escape_keeps_the_script_open() -> None:
    text = "<script><!--<script></script>--></script><p>"
    layout = scan_page("<head>" + text + "</head>")
    assert layout.head_close is not None
    assert layout.head_close.start == len("<head>" + text)


def test_marker_comment_wins_over_head() -> None:
    page = b"<html><head>\n  <!-- ldpress -->\n  <title>t</title>\n</head><body></body></html>"
    result = embed_page(page, BUNDLE)
    assert result.placement == "marker" and result.page is not None
    prefix, inserted, _ = split_insert(page, result)
    assert prefix.endswith(b"<!-- ldpress -->")
    assert inserted.startswith(b'\n  <script type="application/ld+json"')
    assert embedded(result.page) == result.page


def test_custom_marker_and_disabled_marker() -> None:
    page = b"<html><head><!-- jsonld here --></head><body></body></html>"
    assert embed_page(page, BUNDLE, marker="JSONLD here").placement == "marker"
    assert embed_page(page, BUNDLE, marker=None).placement == "head"


def test_body_only_page_gets_the_block_before_body_close() -> None:
    page = b"<body>\n<p>text</p>\n</body>\n"
    result = embed_page(page, BUNDLE)
    assert result.placement == "body" and result.page is not None
    _, _, suffix = split_insert(page, result)
    assert suffix == b"</body>\n"


def test_head_without_end_tag_puts_block_before_body() -> None:
    page = b"<html><head><title>t</title>\n<body>x</body></html>"
    _, _, suffix = split_insert(page, embed_page(page, BUNDLE))
    assert suffix.startswith(b"<body>")


@pytest.mark.parametrize(
    ("page", "before"),
    [
        (b"<head profile='x'>\n<title>t</title>\n<meta name=a>\n", b""),  # head runs to the end
        (b"<head><title>t</title><link rel=x>\n<div>content</div>", b"<div>"),
        (b"<html><head><title>t</title>\nSome text</html>", b"Some text"),
        (b"<html><head><meta charset=utf-8><script>x</script></html>", b"</html>"),
    ],
)
def test_head_without_end_tag_ends_where_a_parser_ends_it(page: bytes, before: bytes) -> None:
    result = embed_page(page, BUNDLE)
    assert result.placement == "head"
    _, _, suffix = split_insert(page, result)
    assert suffix.startswith(before) and (before or suffix == b"")


def test_crlf_page_gets_crlf_block() -> None:
    page = b"<html>\r\n<head>\r\n<title>t</title>\r\n</head>\r\n<body></body>\r\n</html>\r\n"
    _, inserted, _ = split_insert(page, embed_page(page, BUNDLE))
    assert inserted.count(b"\r\n") == inserted.count(b"\n") > 3


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_utf8_page_keeps_bom_and_writes_utf8(bom: bytes) -> None:
    page = bom + '<html><head><meta charset="utf-8"></head><body>é</body></html>'.encode()
    out = embedded(page)
    assert out.startswith(bom + b"<html>")
    assert "Café".encode() in out
    assert block_json(out[len(bom) :]) == BUNDLE


def test_cp1252_page_gets_ascii_only_block_and_keeps_its_bytes() -> None:
    page = '<html><head><meta charset="windows-1252"><title>Caf\u00e9 \u2013</title></head>'
    raw = page.encode("cp1252") + b"<body>\x81\x8d</body></html>"  # undefined cp1252 bytes too
    result = embed_page(raw, BUNDLE)
    _, inserted, _ = split_insert(raw, result)
    assert inserted.isascii()
    assert result.page is not None and block_json(result.page, "ascii") == BUNDLE


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_page_is_handled_in_its_own_encoding(encoding: str) -> None:
    bom = "\ufeff".encode(encoding)
    text = "<html><head><title>日本 😀</title></head><body></body></html>"
    page = bom + text.encode(encoding)
    out = embedded(page)
    decoded = out[len(bom) :].decode(encoding)
    assert decoded.replace(decoded[decoded.index("<script") : decoded.index("</head>")], "") == text
    element = decoded[decoded.index("<script") : decoded.index("</script>")]
    assert json.loads(element.split(">", 1)[1]) == BUNDLE
    assert embedded(out) == out


def test_xhtml_page() -> None:
    page = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<html xmlns="http://www.w3.org/1999/xhtml"><head><script src="a.js"/>'
        b"<title>t</title></head><body/></html>\n"
    )
    prefix, _, suffix = split_insert(page, embed_page(page, BUNDLE))
    assert prefix.endswith(b"<title>t</title>") and suffix.startswith(b"</head>")


@pytest.mark.parametrize(
    ("page", "code"),
    [
        (b"<p>no head, no body</p>", "embed.no_head_or_body"),
        (b'{"@context": "https://schema.org"}', "embed.not_html"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "embed.not_html"),
        (b"", "embed.not_html"),
        (b"\xff\xfe\x00\x00<\x00\x00\x00", "embed.unsupported_encoding"),
        (
            b'<head><script type="application/ld+json" data-ldpress="1">{}</script>'
            b'<script type="application/ld+json" data-ldpress="1">{}</script></head>',
            "embed.duplicate_block",
        ),
    ],
)
def test_refuses_what_it_cannot_place(page: bytes, code: str) -> None:
    result = embed_page(page, BUNDLE, name="p.html")
    assert result.refused and result.page is None and result.action == "refused"
    assert [f.code for f in result.findings] == [code]
    assert result.findings[0].file == "p.html"


def test_hand_written_jsonld_is_left_alone() -> None:
    own = b'<script type="application/ld+json">{"@type": "Thing"}</script>'
    page = b"<html><head>" + own + b"</head><body></body></html>"
    out = embedded(page)
    assert own in out and len(_BLOCK_RE.findall(out)) == 1

"""The JSON-LD script scan: type matching, comments, script-data end, positions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ldpress.validate.decode import decode_html_utf8
from ldpress.validate.htmlscan import (
    is_jsonld_type,
    iter_jsonld_scripts,
    parse_attributes,
    scan_page,
)
from ldpress.validate.pageurl import find_page_url
from tests.conftest import CORPUS, needs_shared
from tests.validate.htmlscan_reference import reference_scan


def texts(page: str) -> list[str]:
    return [b.text for b in iter_jsonld_scripts(page)]


@pytest.mark.parametrize(
    "tag",
    [
        '<script type="application/ld+json">',
        "<SCRIPT TYPE='Application/LD+JSON'>",
        "<script type=application/ld+json>",
        '<script type="application/ld+json; charset=utf-8">',
        '<script id="x" type=" application/ld+json " data-a=">">',
        '<script\ntype="application/ld+json"\n>',
    ],
)
def test_type_variants_are_found(tag: str) -> None:
    assert texts(f"<p>{tag}{{}}</script>") == ["{}"]


@pytest.mark.parametrize(
    "tag",
    [
        "<script>",
        '<script type="application/json">',
        '<script type="text/javascript">',
        '<script data-type="application/ld+json">',
        '<scripts type="application/ld+json">',
    ],
)
def test_other_scripts_are_skipped(tag: str) -> None:
    assert texts(f"{tag}{{}}</script>") == []


def test_commented_out_block_is_ignored() -> None:
    page = '<!-- <script type="application/ld+json">{"a":1}</script> -->'
    page += '<script type="application/ld+json">{"b":2}</script>'
    assert texts(page) == ['{"b":2}']


def test_content_ends_at_first_script_end_tag() -> None:
    page = '<script type="application/ld+json">{"a":"</SCRIPT >"}</script>'
    assert texts(page) == ['{"a":"']


def test_javascript_holding_markup_does_not_confuse_the_scan() -> None:
    page = (
        '<script>var s = "<!--"; var t = \'<script type="application/ld+json">\';</script>'
        '<script type="application/ld+json">[1]</script>'
    )
    assert texts(page) == ["[1]"]


def test_end_tag_needs_a_delimiter() -> None:
    page = '<script type="application/ld+json">"</scripts>"</script\t>'
    assert texts(page) == ['"</scripts>"']


def test_positions_are_of_the_first_content_character() -> None:
    page = 'a\nbc <script type="application/ld+json">X</script>\n\n  <script type="application/ld+json">\nY</script>'
    blocks = list(iter_jsonld_scripts(page))
    assert [(b.line, b.column) for b in blocks] == [(2, 39), (4, 38)]
    for b in blocks:
        assert page[b.start : b.start + len(b.text)] == b.text


def test_unterminated_script_runs_to_the_end() -> None:
    (block,) = iter_jsonld_scripts('<script type="application/ld+json">{"a":1}')
    assert block.text == '{"a":1}' and not block.terminated


def test_attribute_parsing() -> None:
    assert parse_attributes(' a="1" B=\'2\' c=3 d e="&amp;" a="x"') == {
        "a": "1",
        "b": "2",
        "c": "3",
        "d": "",
        "e": "&",
    }
    assert is_jsonld_type("APPLICATION/LD+JSON;charset=UTF-8")
    assert not is_jsonld_type(None) and not is_jsonld_type("application/ld+json5")


def test_page_url_canonical_then_og_url() -> None:
    both = (
        '<head><meta property="og:url" content="https://e.org/og">'
        '<link href="https://e.org/a?x=1&amp;y=2" rel="canonical"></head>'
    )
    assert find_page_url(both) == "https://e.org/a?x=1&y=2"
    assert (
        find_page_url('<meta content="https://e.org/og" property="og:url">') == "https://e.org/og"
    )
    assert find_page_url("<head></head><body rel=canonical>") is None


@pytest.mark.parametrize("comment", ["<!-->", "<!--->", "<!-- x --!>", "<!---->"])
def test_comments_end_where_html_ends_them(comment: str) -> None:
    # "<!-->" and "<!--->" are complete (empty) comments in HTML; "--!>" also closes one.
    page = f'{comment}<script type="application/ld+json">{{"a":1}}</script><!-- -->'
    assert texts(page) == ['{"a":1}']
    assert scan_page(page).raw[0] == (0, len(comment))


def test_abrupt_comment_does_not_hide_a_later_comment_end() -> None:
    page = '<!--><script type="application/ld+json">[1]</script>-->'
    assert texts(page) == ["[1]"]


def test_style_contents_are_text() -> None:
    page = (
        '<style>p::after{content:"<script type=application/ld+json>[0]</script>"}</STYLE >'
        '<script type="application/ld+json">[1]</script>'
    )
    assert texts(page) == ["[1]"]
    assert [page[a : a + 6] for a, _ in scan_page(page).raw] == ["<style", "<scrip"]


def test_raw_spans_cover_comments_and_element_contents() -> None:
    page = "<p><!--c--><script>s</script><style>t</style>"
    spans = [page[a:b] for a, b in scan_page(page).raw]
    assert spans == ["<!--c-->", "<script>s", "<style>t"]


_PIECES = st.sampled_from(
    [
        '<script type="application/ld+json">',
        "<SCRIPT Type=application/LD+JSON>",
        "<script>",
        "<Style>",
        "<style",
        "<script",
        "</script>",
        "</SCRIPT ",
        "</style>",
        "</script\u00a0",
        "</script\u2003",
        "</script\x1c",
        "</scripts>",
        "<!--",
        "<!-->",
        "<!--->",
        "-->",
        "--!>",
        "--",
        ">",
        '"',
        "'",
        "=",
        " ",
        "\n",
        "x",
        "_",
        "-",
        "{}",
        "é",
        "€",
        "\u00a0",
        "\U0001f600",
        "\u0660",
        "ld+json",
    ]
)


@given(st.lists(_PIECES, max_size=24).map("".join))
def test_byte_scan_agrees_with_the_regex_over_the_text(page: str) -> None:
    scripts, raw = reference_scan(page)
    for utf8 in (None, page.encode("utf-8")):
        scan = scan_page(page, utf8)
        assert scan.scripts == scripts
        assert scan.raw == raw


def test_byte_scan_keeps_surrogates_of_odd_text() -> None:
    page = '\ud800<script type="application/ld+json">"\udfff"</script>'
    (block,) = scan_page(page).scripts
    assert block.text == '"\udfff"' and (block.line, block.column, block.start) == (1, 37, 36)


@needs_shared
@pytest.mark.shared
def test_byte_scan_agrees_with_the_regex_on_every_corpus_page() -> None:
    pages = sorted((CORPUS / "html").rglob("*.htm*"))
    assert len(pages) > 100
    for path in pages:
        data = path.read_bytes()
        page, _, utf8 = decode_html_utf8(data, str(path))
        scripts, raw = reference_scan(page)
        scan = scan_page(page, utf8)
        assert (scan.scripts, scan.raw) == (scripts, raw), path

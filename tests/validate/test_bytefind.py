"""The vectorised byte search answers as ``bytes`` does, and the loader's searches over a
page's UTF-8 bytes answer as the same searches over its text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ldpress.validate.bytefind import contains, find
from ldpress.validate.decode import decode_html_utf8
from ldpress.validate.markuphints import markup_hints
from ldpress.validate.pageurl import find_page_url
from tests.conftest import CORPUS, needs_shared

_BYTES = st.binary(max_size=300)
_NEEDLE = st.sampled_from([b"", b"a", b"ab", b"itemscope", b"\x00", b"\xc3\xa9", b"</head"])


@given(_BYTES, _NEEDLE, st.integers(0, 320), st.integers(0, 320) | st.none())
def test_find_and_contains_answer_as_bytes_does(
    data: bytes, needle: bytes, start: int, end: int | None
) -> None:
    data = data + needle if start % 3 == 0 else data  # make hits common
    assert contains(data, needle) == (needle in data)
    assert find(data, needle) == data.find(needle)
    if start <= len(data) and (end is None or start <= end <= len(data)):
        assert find(data, needle, start, end) == data.find(needle, start, end)


_TAGS = st.sampled_from(
    [
        '<link rel="canonical" href="https://e.org/a">',
        "<link rel=canonical href=https://e.org/é>",
        '<meta property="og:url" content="https://e.org/og">',
        '<meta name="og:url" content=" https://e.org/ü ">',
        "<link rel=stylesheet href=x.css>",
        "<title>canonical é</title>",
        "</head>",
        "</HEAD>",
        "<body>",
        "canonical",
        "og:url",
        "é€\U0001f600",
        ">",
        "<",
        " ",
    ]
)


@given(st.lists(_TAGS, max_size=12).map("".join))
def test_page_url_from_bytes_and_text_agree(page: str) -> None:
    assert find_page_url(page, page.encode("utf-8")) == find_page_url(page)


def test_page_url_from_bytes_keeps_non_ascii() -> None:
    page = '<head><title>é</title><link href="https://e.org/café" rel="canonical"></head>'
    assert find_page_url(page, page.encode()) == "https://e.org/café"


@needs_shared
@pytest.mark.shared
def test_corpus_pages_give_the_same_url_and_hints_from_bytes() -> None:
    pages = sorted((CORPUS / "html").rglob("*.htm*"))
    assert len(pages) > 300
    for path in pages:
        text, _, utf8 = decode_html_utf8(path.read_bytes(), path.name)
        if utf8 is None:
            continue
        assert find_page_url(text, utf8) == find_page_url(text), path.name
        assert markup_hints(text, utf8) == markup_hints(text), path.name

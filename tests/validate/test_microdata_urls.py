"""resolve_url's shortcut for absolute URLs must give exactly what urljoin gives."""

from __future__ import annotations

from urllib.parse import urljoin

from hypothesis import example, given
from hypothesis import strategies as st

from ldpress.validate.microdata import _ABSOLUTE, resolve_url

# Characters that matter to urlsplit/urlunsplit, plus plain ones and a non-ASCII letter.
_PIECES = st.sampled_from(
    ["a", "b", "/", "//", ".", "..", ":", "@", ";", "?", "#", "[", "]", "%20", " ", "\t", "é"]
)
_TAILS = st.lists(_PIECES, max_size=8).map("".join)
_URLS = st.tuples(
    st.sampled_from(["http://", "https://", "HTTP://", "ftp://", "http:", "//", "https:///", ""]),
    _TAILS,
).map("".join)
_BASES = st.sampled_from(
    ["", "https://example.org/a/b", "http://example.org/a/", "ftp://x/y", "urn:x:y", "/rel"]
)


@given(_BASES, _URLS)
@example("https://example.org/a/b", "https://news.example/x;p")
@example("https://example.org/a/b", "https://news.example/x?#")
@example("https://example.org/a/b", "http://news.example/a/../b?q=1#f?g#h")
def test_resolve_url_is_urljoin(base: str, url: str) -> None:
    try:
        expected = urljoin(base, url)
    except ValueError:  # an invalid bracketed host: the shortcut must not take it either
        assert _ABSOLUTE.fullmatch(url) is None
        return
    assert resolve_url(base, url) == expected


def test_shortcut_taken_for_plain_absolute_urls() -> None:
    # The property above holds trivially if the shortcut never fires: show it does.
    for url in ("https://a.example/img/1.jpg?w=300&h=200", "http://a.example", "https://a/b#c"):
        assert _ABSOLUTE.fullmatch(url) is not None
    for url in ("https://a.example/x;p", "https://a.example/?", "HTTPS://a/", "https://[::1]/"):
        assert _ABSOLUTE.fullmatch(url) is None

"""The scan's opener search finds what the reference regex finds, from any position and
with any window size, on generated markup and on every corpus page."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ldpress.validate.bytefind import ascii_lower
from ldpress.validate.tagfind import Opener, Openers
from tests.conftest import CORPUS, needs_shared
from tests.validate.pagescan_reference import _SKIP, OPENER

_SKIPPED = re.compile(_SKIP.encode("ascii"))


def _reference(page: bytes, pos: int) -> tuple[int, str | None, int, bytes | None] | None:
    m = OPENER.search(page, pos)
    if m is None:
        return None
    abrupt, name, attrs = m.groups()
    if name is None:
        return m.start(), None, m.end(), abrupt
    return m.start(), name.decode("ascii").lower(), m.end() if attrs is not None else -1, None


def _found(
    openers: Openers, page: bytes, pos: int
) -> tuple[int, str | None, int, bytes | None] | None:
    o: Opener | None = openers.next_opener(pos)
    # The regex passes over the metas and links the scan records nothing for; such a tag
    # holds no "<", so whatever follows it is after its end.
    while o is not None and o.name in ("meta", "link") and _SKIPPED.match(page, o.start + 1):
        o = openers.next_opener(o.end)
    return None if o is None else (o.start, o.name, o.end, o.abrupt)


def assert_same_openers(page: bytes, window: int, jumps: list[int] | None = None) -> int:
    openers = Openers(page, ascii_lower(page), window)
    pos = stops = 0
    jumps = list(jumps or [])
    while True:
        expected = _reference(page, pos)
        assert _found(openers, page, pos) == expected, pos
        if expected is None:
            return stops
        stops += 1
        start, _, end, _ = expected
        pos = max(end, start + 1) + (jumps.pop() if jumps else 0)


_PIECES = st.sampled_from(
    [
        *("<meta", "<META ", "<metadata>", "<meta\u00a0", "<math>", "<link", "<LINK rel=x>"),
        *("<!--", "<!-->", "<!--->", "-->", "<script>", "<scripts>", "</script>", "<style "),
        *("<h1>", "<H1 ", "<h12>", "<svg/>", "<title", "<time datetime=x>", "<textarea>"),
        *("<template>", "<iframe", "<xmp>", "<noembed>", "<noframes/", "<plaintext>", "<p>"),
        *(" ", ">", "'", '"', "=", "a", "&", ":", "og:title", "canonical", "C", "é", "\u00a0"),
        *("<", "/", "\n", "property=", "article:published_time", "<div class='a'>"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_PIECES, max_size=40),
    st.integers(min_value=1, max_value=64),
    st.lists(st.integers(min_value=0, max_value=30), max_size=6),
)
def test_generated_markup_gives_the_reference_openers(
    pieces: list[str], window: int, jumps: list[int]
) -> None:
    assert_same_openers("".join(pieces).encode("utf-8"), window, jumps)


def test_a_tag_across_a_window_edge_is_found() -> None:
    page = b"x" * 10 + b"<script>a</script><!-- c --><title>t</title>"
    for window in range(1, 40):
        assert assert_same_openers(page, window) == 3


@needs_shared
def test_every_corpus_page_gives_the_reference_openers() -> None:
    pages = sorted((CORPUS / "html").rglob("*.html"))
    assert len(pages) > 100
    stops = sum(assert_same_openers(path.read_bytes(), 8192) for path in pages)
    assert stops > 10 * len(pages)

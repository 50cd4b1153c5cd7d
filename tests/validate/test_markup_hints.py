"""markup_hints answers the same from the page's UTF-8 bytes as from its text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ldpress.validate.markuphints import markup_hints

_PIECES = st.sampled_from(
    [
        "itemscope",
        "itemscop",
        "typeof=",
        'typeof="schema:Person"',
        'vocab="https://schema.org/"',
        "prefix=",
        "<div ",
        ">",
        "é",
        "€",
        "\U0001f600",
        "ITEMSCOPE",
        " ",
        ' vocab="éé schema.org"',
        " typeof=\u00a0'schema:x'",
    ]
)


@given(st.lists(_PIECES, max_size=10).map("".join))
def test_bytes_and_text_agree(page: str) -> None:
    assert markup_hints(page, page.encode("utf-8")) == markup_hints(page)


def test_hints_from_bytes() -> None:
    page = '<p itemscope>é</p><div vocab="https://schema.org/" typeof="Person">'
    assert markup_hints(page, page.encode()) == (True, True)
    page = "<p>€ typeof x</p>"
    assert markup_hints(page, page.encode()) == (False, False)

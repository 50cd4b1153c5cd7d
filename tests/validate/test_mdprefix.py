"""Microdata read from the prefix of a page equals microdata read from the whole page: on
every corpus page with microdata, on generated markup, and on the markup each refusal of
:func:`ldpress.validate.mdprefix.prefix_tree` is there for."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from ldpress.validate.bytefind import ascii_lower
from ldpress.validate.mdprefix import prefix_tree, tree_up_to
from ldpress.validate.microdata import Item, _Reader, read_items, text_valued
from tests.conftest import CORPUS, needs_shared

BASE = "https://example.test/a/"


def _shape(items: list[Item]) -> list[Any]:
    return [(i.data, i.mark, i.marks) for i in items]


def _whole(page: bytes) -> list[Any]:
    return _shape(_Reader(LexborHTMLParser(page), BASE).top_level())


def _from_prefix(page: bytes, min_saved: int = 0) -> list[Any] | None:
    tree = prefix_tree(page, ascii_lower(page), text_valued, min_saved)
    return None if tree is None else _shape(_Reader(tree, BASE).top_level())


FILLER = "<p>after <em>the</em> items</p><div>" + "<span>x</span>" * 5 + "</div>"


def _up_to(page: bytes, end: int) -> list[Any] | None:
    tree = tree_up_to(page, ascii_lower(page), end, text_valued)
    return None if tree is None else _shape(_Reader(tree, BASE).top_level())


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        # The property's text goes on after the cut.
        ('<div itemscope><span itemprop="name">An', "n</span></div>"),
        # An open <b>: a later </b> moves the block holding the item out of it.
        ('<b><div itemscope><p itemprop="name">n</p>', "<p>x</p></b>"),
        # A <b> closed by </p> but still active: later text reopens it, itemprop and all.
        ('<div itemscope><p><b itemprop="name">x</p>', "<p>later</p>"),
        # Later rows add to a table that is a property.
        ('<div itemscope><table itemprop="description"><tr><td>a</td></tr>', "<tr><td>b"),
        # ... also when the cut is in an element fostered out of it (no longer its child).
        ('<div itemscope><table itemprop="description"><tr><td>a</td></tr><p>', "<tr><td>b"),
        # A frameset replaces a body nothing has committed yet, items and all.
        ('<div itemscope itemtype="https://schema.org/WebPage"></div>', "<frameset>"),
        # A later <body> tag gives the body item its type, whether the body has content
        # or not.
        ("<body itemscope><p>x</p>", '<body itemtype="https://schema.org/WebPage">'),
        ("<body itemscope></body>", '<body itemtype="https://schema.org/WebPage">'),
        # The cut falls inside a script, a comment or a template.
        ('<div itemscope><span itemprop="name">n</span></div><script>var a;', "</script>"),
        ('<div itemscope><span itemprop="name">n</span></div><!-- a', "-->"),
        ('<template><div itemscope><span itemprop="name">n</span></div>', "</template>"),
    ],
)
def test_cuts_that_could_read_differently_are_refused(head: str, tail: str) -> None:
    page = (head + tail + FILLER).encode()
    assert _up_to(page, len(head.encode())) is None
    assert _shape(read_items(page.decode(), BASE, page, ascii_lower(page))) == _whole(page)


@pytest.mark.parametrize(
    "page",
    [
        # The target before the cut: the same element, its properties all before the cut.
        '<div itemscope itemref="x"></div><p id="x" itemprop="name">n</p>',
        # A target after the cut holds no property (none follows the cut), and one named
        # twice is the first in tree order in both parses.
        '<div itemscope itemref="y x"></div><p id="x" itemprop="name">n</p>'
        '<p id="y">later</p><p id="x">later</p>',
    ],
)
def test_itemref_reads_the_same_from_the_prefix(page: str) -> None:
    data = (page + FILLER).encode()
    assert _from_prefix(data) == _whole(data) != []


@pytest.mark.parametrize(
    "head",
    [
        # An item on the <html> element whose properties are all in the head: the body
        # and its <body> tag come after the cut.
        '<!doctype html><html itemscope itemtype="https://schema.org/WebPage"><head>'
        '<meta itemprop="name" content="n"><link itemprop="url" href="/u"><title>t</title>',
        # An item on the <html> element and no property: the cut is right after its tag.
        '<html lang="en" itemscope itemtype="https://schema.org/Article">',
        # The cut after the head.
        '<html itemscope><head><meta itemprop="name" content="n"></head>',
    ],
)
def test_a_cut_before_the_body_is_read_from_the_prefix(head: str) -> None:
    page = (head + '<body class="b" id="x"><h1>h</h1>' + FILLER * 3 + "</body></html>").encode()
    assert _from_prefix(page) == _whole(page) != []


def test_a_closed_item_is_read_from_the_prefix() -> None:
    page = (
        '<html><head><meta itemprop="x" content="y"></head><body>'
        '<article itemscope itemtype="https://schema.org/NewsArticle">'
        '<h1 itemprop="headline">Head <i>line</i></h1><a itemprop="url" href="/x">l</a>'
        "</article>" + FILLER * 3
    ).encode()
    assert _from_prefix(page) == _whole(page) != []
    assert _from_prefix(page, min_saved=len(page)) is None  # too little to gain: not used


_PIECES = st.sampled_from(
    [
        '<div itemscope itemtype="https://schema.org/Person">',
        "<div itemscope>",
        '<span itemprop="name">',
        '<a itemprop="url" href="u">',
        '<meta itemprop="m" content="c">',
        '<time itemprop="t" datetime="2024">',
        "<b>",
        "</b>",
        "<i>",
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "</span>",
        "</a>",
        "<li>",
        "<ul>",
        "<table><tr><td>",
        "</td></tr></table>",
        "<template>",
        "</template>",
        "<!--",
        "-->",
        "<svg><g>",
        "</svg>",
        "<textarea>",
        "</textarea>",
        "<h1>",
        "</h1>",
        "text",
        " ",
        "<br>",
        "<select><option>",
        "<head>",
        "<body>",
        "<frameset>",
        "<html>",
        # Misnesting, forms, foreign content, raw text and table parts.
        *('<a href="x">', "</a>", '<a itemprop="url" href="v">', "<form>", "</form>", "<button>"),
        *("<option>", "<plaintext>", "<noscript>", "</noscript>", "<object>", "</object>"),
        *("<marquee>", "<nobr>", "</nobr>", "</body>", "</html>", "<math><mi>", "<title>"),
        *("<svg><foreignObject>", "</foreignObject>", "</title>", "<style>", "</style>"),
        *("<script>", "</script>", "</br>", "<caption>", "<col>", "<colgroup>", "<tbody>"),
        *("<tr>", "<td>", "<th>", "<dd>", "<dt>", "<ruby><rt>", "<image>", "<frame>", "\x00"),
        *("&amp;", "\r", '<i itemprop="n">', '<span itemscope itemprop="p">', "<table>"),
        *('<td itemprop="c">', "<tr itemscope>", '<li itemprop="l">', '<p itemprop="q">'),
        *('<font itemprop="f">', "<html itemscope>", '<body itemprop="b">', "</table>"),
        *('<textarea itemprop="t">', '<title itemprop="t">', "<iframe>", "<noembed>"),
        *("<xmp>", "<h1>", "<h2>", "</h1>"),
        # Item references and the ids they name, in the head and on the body.
        *('<div itemscope itemref="x">', '<div itemscope itemref="x y">', '<p id="x">'),
        *('<span id="y" itemprop="r">', '<meta id="x" itemprop="h" content="c">', "</head>"),
        *('<link itemprop="k" href="k">', '<body id="x">', '<body class="c">', '<p id="y">'),
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.lists(_PIECES, max_size=15), st.data())
def test_generated_markup_reads_the_same_from_any_accepted_cut(
    items: list[str], tail: list[str], data: st.DataObject
) -> None:
    head = "".join(items).encode()
    page = head + "".join(tail).replace("item", "x").encode()
    end = data.draw(st.integers(min_value=len(head), max_value=len(page)))
    prefixed = _up_to(page, end)
    if prefixed is not None:
        assert prefixed == _whole(page)
    prefixed = _from_prefix(page)
    if prefixed is not None:
        assert prefixed == _whole(page)


@needs_shared
def test_every_corpus_page_reads_the_same_from_a_prefix() -> None:
    used = 0
    pages = sorted((CORPUS / "html").rglob("*.html"))
    for path in pages:
        data = path.read_bytes()
        if b"itemscope" not in data:
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        prefixed = _from_prefix(data, min_saved=0)
        if prefixed is not None:
            used += 1
            assert prefixed == _whole(data), path.name
        assert _shape(read_items(text, BASE, data, ascii_lower(data))) == _whole(data)
    assert used >= 100  # 117 of the corpus pages with microdata

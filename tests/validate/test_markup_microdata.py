"""The microdata reader: WHATWG crawl, values, positions, and agreement with extruct."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from ldpress.validate.markup_convert import microdata_node
from ldpress.validate.mdlocate import tag_offsets
from ldpress.validate.microdata import element_text, read_items
from ldpress.validate.sources import load_source, read_source
from tests.conftest import CORPUS, needs_shared
from tests.validate.htmlscan_reference import reference_tag_offsets
from tests.validate.test_markup import MICRODATA


def test_values_by_element() -> None:
    page = """<div itemscope itemtype="https://schema.org/Thing">
      <meta itemprop="a" content="m"><img itemprop="b" src=" /i.png "><a itemprop="c" href="x">t</a>
      <object itemprop="d" data="o"></object><data itemprop="e" value="7">seven</data>
      <time itemprop="f" datetime="2024-01-01">Jan</time><time itemprop="g">Jan 2</time>
      <span itemprop="h" content="c">shown</span><p itemprop="i">one<br>two <script>no()</script><b>three</b></p>
      <input itemprop="q-input" name="s" required>
    </div>"""
    (item,) = read_items(page, "https://e.org/p/")
    assert item.data["properties"] == {
        "a": "m",
        "b": "https://e.org/i.png",
        "c": "https://e.org/p/x",
        "d": "https://e.org/p/o",
        "e": "7",
        "f": "2024-01-01",
        "g": "Jan 2",
        "h": "c",
        "i": "one two three",
        "q-input": "required name=s",
    }


def test_utf8_bytes_read_as_the_text() -> None:
    page = '<div itemscope><p itemprop="n">caf\u00e9 \u65e5</p><a itemprop="u" href="\u00e9">x</a></div>'
    expected = [(i.data, i.mark, i.marks) for i in read_items(page, "https://e.org/")]
    got = [(i.data, i.mark, i.marks) for i in read_items(page, "https://e.org/", page.encode())]
    assert got == expected
    assert expected[0][0]["properties"]["n"] == "caf\u00e9 \u65e5"


def test_nested_items_own_only_their_nearest_properties() -> None:
    page = """<div itemscope><b itemprop="a">1</b>
      <div itemprop="inner" itemscope><i itemprop="a">2</i><div><i itemprop="b">3</i></div></div>
      <span><u itemprop="c">4</u></span></div><s itemprop="a">outside</s>"""
    (item,) = read_items(page)
    assert item.data["properties"] == {
        "a": "1",
        "inner": {"properties": {"a": "2", "b": "3"}},
        "c": "4",
    }
    assert item.marks[("inner", "b")] == ("itemprop", 3)


def test_itemref_shared_items_and_cycles() -> None:
    page = """<div itemscope itemtype="https://schema.org/Book" itemref="pub loop"><span itemprop="name">B</span></div>
    <div itemscope itemtype="https://schema.org/Book" itemref="pub"><span itemprop="name">C</span></div>
    <p id="pub"><span itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><b itemprop="name">P</b></span></p>
    <div id="loop" itemprop="about" itemscope itemref="loop"><i itemprop="name">L</i></div>"""
    items = read_items(page)
    assert [i.data["properties"].get("name") for i in items] == ["B", "C"]
    for item in items:  # the shared publisher is a value of both books
        assert item.data["properties"]["publisher"]["properties"] == {"name": "P"}
    assert items[0].data["properties"]["about"] == {"properties": {"name": "L"}}


def test_property_paths_are_located_at_their_elements() -> None:
    source = load_source("m.html", MICRODATA.encode())
    article = source.blocks[0]
    assert article.locate(("author", "name")) == (5, 5)
    assert article.locate(("author",)) == (4, 3)
    assert article.locate(("datePublished",)) == (8, 3)
    assert article.locate(("nowhere",)) == (2, 1)
    vocab = source.blocks[1]  # another vocabulary: the key is an IRI, located all the same
    assert vocab.locate(("http://data-vocabulary.org/url",)) == (10, 74)


def test_element_text_skips_scripts_and_separates_blocks() -> None:
    tree = LexborHTMLParser(
        "<div><p>a<b>b</b></p><p>c</p><style>x</style>\n d<noscript>n</noscript></div>"
    )
    div = tree.css_first("div")
    assert div is not None and element_text(div) == "ab c d"


def test_tag_offsets_skip_comments_scripts_and_text() -> None:
    page = (
        '<!-- <b itemscope> --><script>"<i itemscope>"</script>itemscope <p itemscope>'
        '<q\nitemscope=""><r data-x="itemscope"><s  itemscopes>'
    )
    assert tag_offsets(page, "itemscope") == [page.index("<p"), page.index("<q")]
    assert tag_offsets(page, "itemscope", limit=1) == [page.index("<p")]
    assert tag_offsets(page, "itemscope", limit=5) == tag_offsets(page, "itemscope")


def test_items_after_many_nested_ones_are_placed_at_their_own_tags() -> None:
    nested = '<div itemprop="p" itemscope><b itemprop="n">x</b></div>' * 3
    page = f'<div itemscope itemtype="https://schema.org/A">\n{nested}</div>\n<p itemscope itemtype="https://schema.org/B"><b itemprop="n">y</b></p>'
    source = load_source("n.html", page.encode())
    assert [(b.line, b.column) for b in source.blocks] == [(1, 1), (3, 1)]


# Where ldpress and extruct read a corpus page differently, and why (text spacing is
# compared loosely: extruct's html_text puts a space between any two inline elements).
KNOWN_DIFFERENCES = {
    "apartmenttherapy.com1.html": "query-input: schema.org's 'required name=q' text; extruct gives {}",
    "apartmenttherapy.com2.html": "query-input, as above",
    "thekitchn.com1.html": "query-input, as above",
    "thekitchn.com2.html": "query-input, as above",
    "SearchAction.001.html": "query-input, as above",
    "knowtechie.com.rally.html": "<noscript> text is left out (not rendered where scripts run)",
    "elpais.com.ciencia.html": "an item shared through itemref is read again; extruct gives null",
    "product-ref.html": "itemref to an element that is itself an item: the WHATWG crawl does "
    "not descend into it; extruct takes its properties",
    "microdata.5.3.html": "itemref'd properties in tree order (WHATWG); extruct appends them",
    "foxnews.com1.html": "HTML5 tree construction (lexbor, as browsers build it) puts one more "
    "contributor element inside the item than libxml2's recovery does",
    "chip.de.beef.html": "HTML5 tree construction closes an unclosed element that libxml2 "
    "keeps open, so extruct's description text runs on into the sidebar",
}


def _squash(value: Any) -> Any:
    if isinstance(value, str):
        return "".join(value.split())
    if isinstance(value, list):
        return [_squash(v) for v in value]
    if isinstance(value, dict):
        return {k: _squash(v) for k, v in value.items()}
    return value


@needs_shared
@pytest.mark.shared
def test_agrees_with_extruct_on_the_corpus() -> None:
    from extruct.utils import parse_html
    from extruct.w3cmicrodata import MicrodataExtractor

    compared, differing = 0, set()
    for path in sorted(CORPUS.rglob("*.htm*")):
        text = read_source(path).text or ""
        if "itemscope" not in text:
            continue
        mine = [_squash(microdata_node(i.data)) for i in read_items(text)]
        tree = parse_html(text.encode("utf-8"), encoding="utf-8")
        theirs = [
            _squash(microdata_node(i)) for i in MicrodataExtractor().extract_items(tree, None)
        ]
        compared += 1
        if mine != theirs:
            differing.add(path.name)
    assert compared > 150
    assert differing == set(KNOWN_DIFFERENCES)


_MARKUP = st.sampled_from(
    [
        "<p itemscope>",
        "<div\titemscope itemtype=x>",
        "<é itemscope>",
        "<1 itemscope>",
        "<span itemprop=name>",
        "<a\u00a0itemprop>",
        "<b\u2003itemscope>",
        " itemscope",
        "itemscope=",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<style>",
        "</style>",
        ">",
        "<",
        "é€",
        "\U0001f600",
        "\n",
    ]
)


@given(st.lists(_MARKUP, max_size=20).map("".join))
def test_tag_offsets_from_bytes_agree_with_the_text_search(page: str) -> None:
    for attr in ("itemscope", "itemprop"):
        assert tag_offsets(page, attr) == reference_tag_offsets(page, attr)

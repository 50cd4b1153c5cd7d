"""The page scan reads what the DOM reads: differential against selectolax on hand-written
edge cases, generated pages (Hypothesis) and every corpus page, plus its refusals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ldpress.validate.pagedom import PageDom
from ldpress.validate.pagescan import LazyScan, PageScan, Unsupported, scan_page
from ldpress.validate.pagetags import meta_absent
from ldpress.validate.sources import load_source
from tests.conftest import CORPUS, needs_shared

FIELDS = ("title", "og_title", "h1", "published_time", "times", "og_url", "canonical")


def assert_same_as_dom(page: str) -> LazyScan | None:
    scan = scan_page(page)
    if scan is not None:
        dom = PageDom(page)
        for name in FIELDS:
            assert getattr(scan, name) == getattr(dom, name), name
    return scan


EDGE_CASES = [
    "<html><head><title>A &amp; B\r\n x</title></head><body><h1> <a>Foo</a> bar</h1></body>",
    '<meta property="og:title" content=""><meta name="og:title" content="N">',
    '<meta property="og:title" content="a &amp; b"><meta property="og:title" content="2">',
    "<!-- <title>no</title> --><title>yes</title><h1>x</h1>",
    "<script>var s = '<title>no</title><h1>no</h1>';</script><title>yes</title>",
    "<style>h1 { color: red }</style><textarea><h1>no</h1></textarea><h1>yes</h1>",
    "<noscript><h1>counted</h1></noscript><template><h1>not</h1></template><h1>b</h1>",
    '<title>t</title><svg><title>icon</title></svg><h1>x <time datetime="2024-01-02">d</time></h1>',
    '<link rel="canonical" href="https://a.test/x"><link rel="canonical" href="https://b.test">',
    "<TITLE>Upper</TITLE><H1 class=x>Head <B>bold</B></H1><META PROPERTY=og:url CONTENT=u>",
    '<time datetime="2024-05-01T10:00:00Z">x</time><time>no attribute</time>',
    "<h1></h1><h1><br></h1><title></title>",
    # A reference HTML keeps in an attribute nobody reads does not stop the scan.
    '<meta property="og:image" content="i?a=1&ampb=2"><meta property="og:title" content="T">',
    '<meta property="og&colon;title" content="by reference"><link rel="icon" href="?a&copyb">',
    # Metas and links the scan passes over without stopping, next to ones it reads.
    '<meta content="<title>no</title>"><title>yes</title><link href="<h1>">',
    '<meta property="og:image" content="a:b"><meta name="og:url" content="u"><h1>h</h1>',
    "<meta name=twitter:title content=t><meta property=og:title content=o><title>x</title>",
    '<link rel="stylesheet" href="c.css"><link rel=canonical href=/c><link rel=icon>',
    '<META PROPERTY="article:published_time" CONTENT="2024-03-03"><LINK REL=preload HREF=a>',
    "<!-- a - b -- c --><!----><script>x</script><style>y</style><h1>z</h1>",
]


@pytest.mark.parametrize("page", EDGE_CASES)
def test_edge_cases_read_as_the_dom_reads_them(page: str) -> None:
    assert assert_same_as_dom(page) is not None


@pytest.mark.parametrize(
    "page",
    [
        "<svg><title>icon</title></svg><title>page</title>",  # the SVG title comes first
        "<h1>a<h2>b</h2></h1>",  # a heading closes the h1
        "<h1>a<div>b</div></h1>",  # block markup in the heading
        "<h1>never closed",
        "<!-->x<title>t</title>",  # abruptly closed comment
        '<meta property="og:title" content="a&ampb">',  # HTML keeps "&ampb" in attributes
        "<plaintext><h1>x</h1>",
        "<title>a\x00b</title>",
        "<script>never closed<title>t</title>",
        "<!-- a --!> b --><title>t</title>",
        '<link rel=" canonical" href="x">',  # rel spelled so the DOM's selector misses it
    ],
)
def test_pages_it_cannot_read_exactly_are_refused(page: str) -> None:
    assert scan_page(page) is None


_PIECES = st.sampled_from(
    [
        "<title>T &amp; t</title>",
        "<h1>Head <em>line</em></h1>",
        "<h1>x</h1>",
        '<meta property="og:title" content="O">',
        '<meta name="og:title" content="N">',
        '<meta property="article:published_time" content="2024-01-01">',
        '<time datetime="2024-02-02">t</time>',
        '<link rel="canonical" href="https://c.test/">',
        "<!-- <h1>c</h1> -->",
        "<script>'<h1>s</h1>'</script>",
        "<noscript><h1>n</h1></noscript>",
        "<p>text</p>",
        "<svg><path/></svg>",
        "<div>",
        "</div>",
        " ",
        # A no-break space is not HTML whitespace: these are not title, meta or h1 tags.
        "<title\u00a0>X</title\u00a0>",
        '<meta\u00a0property="og:title" content="S">',
        "<h1\u2003>y</h1>",
        "é \U0001f600",
        # Metas the absence test must read as the scan does.
        '<meta property="article&#58;published_time" content="R">',
        '<meta name="x" content="a&amp;b">',
        '<meta content="og:url" property="x">',
        "<metadata property=og:title>",
        '<meta property="og:title" content="a>b">',
        "<head>",
        "</head>",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=12))
def test_generated_pages_read_as_the_dom_reads_them(pieces: list[str]) -> None:
    assert_same_as_dom("".join(pieces))


@needs_shared
def test_every_corpus_page_reads_as_the_dom_reads_it() -> None:
    pages = sorted((CORPUS / "html").rglob("*.html"))
    assert len(pages) > 100
    scanned = 0
    for path in pages:
        text = load_source(str(path), path.read_bytes()).text or ""
        if assert_same_as_dom(text) is not None:
            scanned += 1
    # Most pages are read by the scan; the rest go to the DOM (which is what makes it fast).
    assert scanned >= 0.8 * len(pages)


def test_scan_of_an_empty_page_finds_nothing() -> None:
    scan = scan_page("")
    assert scan is not None and scan.found == PageScan()


def lazy_fields(page: str, utf8: bytes | None = None) -> dict[str, object]:
    """Each field read from a fresh LazyScan (so each is answered from its own prefix)."""
    out: dict[str, object] = {}
    for name in FIELDS:
        try:
            out[name] = getattr(LazyScan(page, utf8), name)
        except Unsupported:
            continue
    return out


def assert_lazy_lists_agree(page: str, dom: PageDom, utf8: bytes | None = None) -> None:
    """The h1s and times read one at a time are the DOM's, as far as the scan can read (a
    value it yields is never taken back by what follows it)."""
    for name, listed in (("iter_h1", dom.h1), ("iter_times", dom.times)):
        got: list[str] = []
        try:
            got.extend(getattr(LazyScan(page, utf8), name)())
        except Unsupported:
            assert got == listed[: len(got)], name
        else:
            assert got == listed, name


@pytest.mark.parametrize("page", EDGE_CASES)
@pytest.mark.parametrize("with_bytes", [False, True])
def test_lazy_reads_agree_with_the_dom(page: str, with_bytes: bool) -> None:
    dom = PageDom(page)
    utf8 = page.encode() if with_bytes else None
    for name, value in lazy_fields(page, utf8).items():
        assert value == getattr(dom, name), name
    assert_lazy_lists_agree(page, dom, utf8)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_lazy_reads_with_the_bytes_agree_with_the_dom(page: str) -> None:
    dom = PageDom(page)
    for name, value in lazy_fields(page, page.encode()).items():
        assert value == getattr(dom, name), name
    assert_lazy_lists_agree(page, dom, page.encode())


def test_the_first_time_is_read_without_the_rest_of_the_page() -> None:
    rest = "<p>" + "<span>x</span>" * 500 + '</p><h1>late</h1><time datetime="2">'
    page = '<title>T</title><h1>first</h1><time datetime="1">' + rest
    scan = LazyScan(page)
    assert next(scan.iter_times()) == "1"
    assert next(scan.iter_h1()) == "first"
    assert scan._scanner.pos < 100
    assert list(scan.iter_times()) == ["1", "2"] == PageDom(page).times
    assert list(scan.iter_h1()) == ["first", "late"] == PageDom(page).h1


def test_no_time_or_h1_tag_in_the_bytes_needs_no_scan_to_the_end() -> None:
    # The rest of the page needs a real parse, but no <time> or <h1> can be in it.
    page = "<head><title>T</title></head><body><textarea>x<p>é</p><H2>b</H2>"
    for scan in (LazyScan(page, page.encode()), LazyScan(page)):
        assert scan.times == scan.h1 == [] == PageDom(page).times == PageDom(page).h1
    with pytest.raises(Unsupported):  # what a scan to the end would meet
        LazyScan(page).finish()
    timed = page + "<TIME datetime=x>"
    assert LazyScan(timed, timed.encode()).h1 == []
    with pytest.raises(Unsupported):  # a time element may follow: the scan must read on
        _ = LazyScan(timed, timed.encode()).times


def test_a_title_question_reads_only_up_to_the_title() -> None:
    page = "<head><title>T</title></head><body><h1>a<h2>b</h2></h1>" + "<p>x</p>" * 1000
    scan = LazyScan(page)
    assert scan.title == "T"
    assert next(scan.iter_headings()) == ("<title>", "T")
    with pytest.raises(Unsupported):  # the h1s need the rest, which needs a real parse
        _ = scan.h1


def test_an_empty_first_meta_waits_for_the_name_variant() -> None:
    page = '<meta property="og:title" content=""><p></p><meta name="og:title" content="N">'
    assert LazyScan(page).og_title == PageDom(page).og_title == "N"
    page = '<meta name="og:title" content="N"><meta property="og:title" content="P">'
    assert LazyScan(page).og_title == PageDom(page).og_title == "P"


@needs_shared
def test_lazy_reads_of_corpus_pages_agree_with_the_dom() -> None:
    for path in sorted((CORPUS / "html").rglob("*.html"))[::3]:
        text = load_source(str(path), path.read_bytes()).text or ""
        lazy = lazy_fields(text)
        dom = PageDom(text)
        for name, value in lazy.items():
            assert value == getattr(dom, name), (path.name, name)
        assert_lazy_lists_agree(text, dom, text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize(
    ("page", "absent"),
    [
        ('<meta name="description" content="a &amp; b"><p>x</p>', True),
        ('<meta content="article:published_time" name="x">', True),
        ("<metadata property=article:published_time>", True),
        ('<META PROPERTY="article:published_time" content="2024">', False),
        ('<meta property="article&colon;published_time">', False),
        ('<meta name="article:published_time">', False),
        ('<meta property="article:published_time&amb;">', False),  # ambiguous: not certain
        ("<!-- <meta property=article:published_time> -->", False),  # certain only if none
    ],
)
def test_a_missing_meta_is_known_without_a_scan_to_the_end(page: str, absent: bool) -> None:
    # (the scan reads the head first; meta_absent looks at the metas after it)
    data = page.encode()
    assert meta_absent(data, data.lower(), "article:published_time") is absent
    if absent:
        assert LazyScan(page).published_time is None is PageDom(page).published_time


def test_a_meta_after_the_head_is_still_found() -> None:
    page = (
        '<head><meta name="a" content="x &amp; y"></head><body><!-- <meta> -->'
        '<meta property="article:published_time" content="2024-05-01"></body>'
    )
    assert LazyScan(page).published_time == "2024-05-01" == PageDom(page).published_time
    assert LazyScan(page.replace("article:", "other:")).published_time is None


def test_a_name_only_meta_is_read_without_a_scan_to_the_end() -> None:
    # Only the name= variant in the head: a property= one could still follow, until a look
    # at the rest of the page's metas shows none can.
    body = "<p>" + "<span>x</span>" * 500 + "</p><h1>h</h1>"
    page = f'<head><meta name="og:title" content="N"></head><body>{body}</body>'
    scan = LazyScan(page)
    assert scan.og_title == PageDom(page).og_title == "N"
    assert scan._scanner.pos < len(page) // 10
    later = page.replace("</body>", '<meta property="og:title" content="P"></body>')
    assert LazyScan(later).og_title == PageDom(later).og_title == "P"

"""Page consistency: matching rules, the DOM parsed only when the scan cannot read a page,
and findings worded from the scan equal to those worded from the DOM."""

from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ldpress.findings import Finding
from ldpress.validate import consistency
from ldpress.validate.consistency import headline_matches, on_domain, same_moment
from ldpress.validate.model import Context, Options, Source
from ldpress.validate.packs.values import normalise_text, vocabulary
from ldpress.validate.resolve import page_graph
from ldpress.validate.sources import load_source
from tests.conftest import CORPUS, needs_shared
from tests.validate.packs_support import html_source, jsonld_source


@pytest.mark.parametrize(
    ("headline", "candidate"),
    [
        ("Mayor resigns", "Mayor resigns"),
        ("Mayor resigns", "MAYOR   resigns | The Daily Bug"),
        ("Mayor resigns", "The Daily Bug - Mayor resigns"),
        ("Mayor “quits” — finally", 'Mayor "quits" - finally'),
        (
            "Mayor resigns after a very long audit of the city's books",
            "Mayor resigns after a very lo…",
        ),
        (
            "Mayor resigns after a very long audit of the city's books",
            "Mayor resigns after a very long",
        ),
        ("Don&#039;t panic", "Don't panic"),
        ("Zero\u200bwidth", "Zerowidth"),
    ],
)
def test_headline_matches(headline: str, candidate: str) -> None:
    assert headline_matches(headline, candidate)


@pytest.mark.parametrize(
    ("headline", "candidate"),
    [("Mayor resigns", "Council approves budget"), ("Mayor resigns after audit", "Mayor")],
)
def test_headline_does_not_match(headline: str, candidate: str) -> None:
    assert not headline_matches(headline, candidate)


def plain_headline_matches(headline: str, candidate: str) -> bool:
    """The matching rule as first written: every part of the candidate tried in turn."""
    h = consistency._strip_ellipsis(normalise_text(html.unescape(headline)))
    c = normalise_text(candidate)
    for part in [c, *(p for sep in consistency._SEPARATORS for p in c.split(sep))]:
        stem = consistency._strip_ellipsis(part.strip())
        if stem and (stem == h or h in stem or (len(stem) >= 20 and h.startswith(stem))):
            return True
    return False


_WORDS = st.sampled_from(["Mayor", "resigns", "after", "audit", "|", "-", ":", "...", "…"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12), st.lists(_WORDS, max_size=14), st.booleans())
def test_headline_matches_as_the_plain_rule(head: list[str], cand: list[str], glue: bool) -> None:
    headline = " ".join(head)
    candidate = " ".join(cand) if glue else "".join(cand)
    assert headline_matches(headline, candidate) == plain_headline_matches(headline, candidate)
    # A candidate holding the headline, cut or padded with a site name.
    for candidate in (headline, headline[: len(headline) // 2] + "...", "Site | " + headline):
        assert headline_matches(headline, candidate) == plain_headline_matches(headline, candidate)


def test_same_moment() -> None:
    assert same_moment("2024-03-01T10:00:00+01:00", "2024-03-01T09:00:00Z")
    assert same_moment("2024-03-01", "2024-03-01T23:00:00+05:00")
    assert same_moment("2024-03-01 10:00", "2024-03-01T10:00:30+02:00")  # no offset: wall clock
    assert not same_moment("2024-03-01T10:00:00+01:00", "2024-03-01T10:00:00Z")
    assert same_moment("yesterday", "2024-03-01") is None


def test_on_domain() -> None:
    assert on_domain("factcheck.afp.com", "factcheck.afp.com")
    assert on_domain("news.example.com", "www.example.com")
    assert not on_domain("example.com.evil.test", "example.com")
    assert not on_domain("other.test", "example.com")


def test_json_ld_files_are_not_checked() -> None:
    src = jsonld_source(
        "a.jsonld", '{"@type": "ClaimReview", "claimReviewed": "x", "url": "https://o.test/"}'
    )
    assert list(consistency.check(src, Context(Options()))) == []


def test_dom_is_parsed_only_when_needed() -> None:
    html = '<title>T</title><script type="application/ld+json">{"@type": "Organization"}</script>'
    ctx = Context(Options())
    assert list(consistency.check(html_source("p.html", html), ctx)) == []
    assert "page_dom" not in ctx.scratch
    article = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "T"}</script>'
    )
    ctx = Context(Options())  # the scan reads the title: it matches, no DOM
    assert list(consistency.check(html_source("p.html", "<title>T</title>" + article), ctx)) == []
    assert "page_dom" not in ctx.scratch


def test_dom_is_parsed_only_for_pages_the_scan_cannot_read() -> None:
    article = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Floods close the bridge"}</script>'
    ctx = Context(Options())  # a finding is worded from the scan: it reads what the DOM reads
    found = list(consistency.check(html_source("p.html", "<title>Other</title>" + article), ctx))
    assert [f.code for f in found] == ["page.headline_mismatch"]
    assert "'Other'" in found[0].message
    assert "page_dom" not in ctx.scratch
    ctx = Context(Options())  # a NUL in the title: only a real parse reads it exactly
    page = "<title>Floods close the bridge\x00</title>" + article
    assert list(consistency.check(html_source("p.html", page), ctx)) == []
    assert len(ctx.scratch["page_dom"]) == 1


def _worded_from_the_dom(source: Source) -> list[Finding]:
    ctx = Context(Options())
    graph = page_graph(source, ctx)
    page = consistency._Page(source, graph, consistency.page_dom(source, ctx), ctx)
    vocab = vocabulary()
    articles = [
        e
        for e in graph.entities
        if e.key in graph.main and any(vocab.is_subtype(t, "CreativeWork") for t in e.types)
    ]
    reviews = [
        e for e in graph.entities if any(vocab.is_subtype(t, "ClaimReview") for t in e.types)
    ]
    if not articles and not reviews:
        return []
    return list(consistency._page_checks(page, articles, reviews))


@needs_shared
def test_corpus_findings_from_the_scan_equal_those_from_the_dom() -> None:
    pages = sorted((CORPUS / "html").rglob("*.html"))
    with_findings = 0
    for path in pages:
        source = load_source(str(path), path.read_bytes())
        found = list(consistency.check(source, Context(Options())))
        assert found == _worded_from_the_dom(source), path.name
        with_findings += bool(found)
    assert with_findings >= 20  # the comparison covers pages that report something


def test_source_url_wins_over_canonical() -> None:
    html = (
        '<link rel="canonical" href="https://other.test/x">'
        '<script type="application/ld+json">{"@type": "ClaimReview", "url": "https://checker.test/a"}</script>'
    )
    ctx = Context(Options())
    found = list(consistency.check(html_source("p.html", html, url="https://checker.test/a"), ctx))
    assert "page.claim_review_url_off_domain" not in {f.code for f in found}
    found = list(consistency.check(html_source("p.html", html), Context(Options())))
    assert "page.claim_review_url_off_domain" in {f.code for f in found}

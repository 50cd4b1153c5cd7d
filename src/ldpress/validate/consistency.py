"""Page consistency (HTML inputs): does the markup describe what the page shows?

Google's general guidelines require structured data to describe visible content.  This layer
compares the page's main article with the page itself (headline against ``<title>``,
``og:title`` and ``<h1>``; datePublished against ``article:published_time`` or ``<time>``)
and checks fact-check pages (claim and verdict present in the visible text; one ClaimReview
per page; ClaimReview ``url`` on the page's domain).  Every finding is a warning with a
``page.*`` code.  The checks first read the page through a lazy regex scan
(:mod:`ldpress.validate.pagescan`: usually only the head, against ~0.75 ms for a DOM parse); the DOM
(selectolax) is parsed, once per page, only when the scan cannot read the page exactly or
for a fact check's visible text.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from ldpress.findings import Finding, Severity, json_path
from ldpress.validate.model import Context, Source
from ldpress.validate.packs.values import (
    comparable,
    first_text,
    normalise_text,
    parse_datetime,
    vocabulary,
)
from ldpress.validate.pagedom import PageDom, page_dom
from ldpress.validate.pagescan import LazyScan, Unsupported
from ldpress.validate.resolve import Entity, PageGraph, page_graph

G_SDP = "https://developers.google.com/search/docs/appearance/structured-data/sd-policies"
G_FC = "https://developers.google.com/search/docs/appearance/structured-data/factcheck"
# Site-name separators in titles (after normalise_text every dash is "-").
_SEPARATORS = (" | ", " - ", " :: ", " \u00b7 ", " \u00bb ", ": ")
_ELLIPSIS = ("...", "\u2026")


@dataclass(slots=True)
class _Page:
    source: Source
    graph: PageGraph
    dom: PageDom | LazyScan
    ctx: Context

    def visible_text(self) -> str:
        return page_dom(self.source, self.ctx).visible_text()

    def finding(self, code: str, message: str, entity: Entity, key: str, url: str) -> Finding:
        at, where = self.graph.view(entity).locate((key,))
        line, column = at.block.locate(where)
        return Finding(
            code=code,
            severity=Severity.WARNING,
            message=message,
            file=at.block.file,
            line=line,
            column=column,
            path=json_path(*where),
            node_id=entity.id,
            rule_url=url,
        )


def check(source: Source, ctx: Context) -> Iterator[Finding]:
    """The page-consistency layer; yields nothing for non-HTML sources."""
    if source.kind != "html" or not source.text:
        return
    graph = page_graph(source, ctx)
    articles: list[Entity] = []
    reviews: list[Entity] = []
    for e in graph.entities:
        if e.types:
            creative, review = _kinds(tuple(e.types))
            if creative and e.key in graph.main:
                articles.append(e)
            if review:
                reviews.append(e)
    if not articles and not reviews:
        return  # nothing to compare: do not read the page
    page = _Page(source, graph, LazyScan(source.text, source.utf8, source.lower), ctx)
    try:
        found = list(_page_checks(page, articles, reviews))
    except Unsupported:  # markup the scan does not read exactly: parse the page
        page.dom = page_dom(source, ctx)
        found = list(_page_checks(page, articles, reviews))
    # A page the scan reads gives the values the DOM gives (tests/validate/test_pagescan.py
    # holds it to that on the corpus and generated pages), so its findings are worded from
    # the scan too: parsing the DOM to word them cost ~3 ms on each page with a finding.
    yield from found


@lru_cache(maxsize=4096)
def _kinds(types: tuple[str, ...]) -> tuple[bool, bool]:
    """Whether a type list names a CreativeWork, and a ClaimReview; memoised by type list
    (a page repeats a few type lists over tens of entities)."""
    vocab = vocabulary()
    return (
        any(vocab.is_subtype(t, "CreativeWork") for t in types),
        any(vocab.is_subtype(t, "ClaimReview") for t in types),
    )


def _page_checks(page: _Page, articles: list[Entity], reviews: list[Entity]) -> Iterator[Finding]:
    graph = page.graph
    for entity in articles:
        data = graph.view(entity).data
        yield from _headline(page, entity, data)
        yield from _date_published(page, entity, data)
    for i, entity in enumerate(reviews):
        data = graph.view(entity).data
        if i > 0:
            yield page.finding(
                "page.multiple_claim_reviews",
                f"page has {len(reviews)} ClaimReviews; one per page is the fact-check result",
                entity,
                "@type",
                G_FC,
            )
        yield from _claim_visible(page, entity, data)
        yield from _review_url(page, entity, data)


# -- headline --------------------------------------------------------------------------------
def headline_matches(headline: str, candidate: str) -> bool:
    """Equal after normalising, allowing a site name around it and truncation either side."""
    return _matches(_headline_key(headline), candidate)


def _headline_key(headline: str) -> str:
    # Google decodes HTML entities in JSON-LD text once more than JSON parsers do.
    return _strip_ellipsis(normalise_text(html.unescape(headline)))


def _matches(h: str, candidate: str) -> bool:
    """:func:`headline_matches` with the headline already normalised (``_headline_key``)."""
    c = normalise_text(candidate)
    # Every stem below is a substring of c, so when h is not in c only a stem of 20+
    # characters that h starts with can match, and h[:20] is then in c: most candidates
    # that do not match are told so without splitting c at each separator.
    if h not in c and (len(h) < 20 or h[:20] not in c):
        return False
    parts = [c, *(p for sep in _SEPARATORS for p in c.split(sep))]
    for part in parts:
        stem = _strip_ellipsis(part.strip())
        if not stem:
            continue
        if stem == h or h in stem:
            return True
        if len(stem) >= 20 and h.startswith(stem):  # the title cut the headline short
            return True
    return False


def _strip_ellipsis(text: str) -> str:
    for e in _ELLIPSIS:
        if text.endswith(e):
            return text[: -len(e)].rstrip()
    return text


def _headline(page: _Page, entity: Entity, data: dict[str, Any]) -> Iterator[Finding]:
    headline = first_text(data.get("headline"))
    if headline is None:
        return
    found = []
    key = _headline_key(headline)
    for label, text in page.dom.iter_headings():  # lazily: a match ends the reading
        if text.strip():
            if _matches(key, text):
                return
            found.append((label, text))
    if found:
        shown = "; ".join(f"{label} {text.strip()[:60]!r}" for label, text in found[:3])
        yield page.finding(
            "page.headline_mismatch",
            f"headline {headline[:80]!r} matches none of the page's {shown}",
            entity,
            "headline",
            G_SDP,
        )


# -- dates -------------------------------------------------------------------------------------
def same_moment(a: str, b: str) -> bool | None:
    """True/False when both parse as ISO 8601; a date-only side compares calendar dates."""
    x, y = parse_datetime(a), parse_datetime(b)
    if x is None or y is None:
        return None
    if len(a.strip()) == 10 or len(b.strip()) == 10:
        return a.strip()[:10] == b.strip()[:10]
    if isinstance(x, datetime) and isinstance(y, datetime) and None in (x.tzinfo, y.tzinfo):
        # One side has no offset: compare the wall-clock times as written.
        x, y = x.replace(tzinfo=None), y.replace(tzinfo=None)
    return abs((comparable(x) - comparable(y)).total_seconds()) <= 60


def _date_published(page: _Page, entity: Entity, data: dict[str, Any]) -> Iterator[Finding]:
    published = first_text(data.get("datePublished"))
    if published is None or parse_datetime(published) is None:
        return
    meta = page.dom.published_time
    label, values = ("article:published_time", iter([meta])) if meta else ("<time>", None)
    candidates: list[str] = []
    differs = False
    # The times lazily: a match ends the reading (most pages' first time is the date).
    for value in values if values is not None else page.dom.iter_times():
        verdict = same_moment(published, value)
        if verdict:
            return
        candidates.append(value)
        differs = differs or verdict is False
    if differs:
        shown = ", ".join(repr(c) for c in candidates[:3])
        yield page.finding(
            "page.date_published_mismatch",
            f"datePublished {published!r} differs from the page's {label} {shown}",
            entity,
            "datePublished",
            G_SDP,
        )


# -- fact checks -------------------------------------------------------------------------------
def _claim_visible(page: _Page, entity: Entity, data: dict[str, Any]) -> Iterator[Finding]:
    claim = first_text(data.get("claimReviewed"))
    if claim and normalise_text(claim) not in page.visible_text():
        yield page.finding(
            "page.claim_not_visible",
            f"claimReviewed {claim[:80]!r} is not in the page's visible text",
            entity,
            "claimReviewed",
            G_SDP,
        )
    rating = data.get("reviewRating")
    rating = rating[0] if isinstance(rating, list) and rating else rating
    verdict = first_text(rating.get("alternateName")) if isinstance(rating, dict) else None
    if verdict and normalise_text(verdict) not in page.visible_text():
        yield page.finding(
            "page.verdict_not_visible",
            f"verdict (reviewRating.alternateName) {verdict[:80]!r} is not in the visible text",
            entity,
            "reviewRating",
            G_SDP,
        )


def page_host(page: _Page) -> str | None:
    for url in (page.source.url, page.dom.canonical, page.dom.og_url):
        host = urlsplit(url).hostname if url else None
        if host:
            return host.lower()
    return None


def on_domain(url_host: str, host: str) -> bool:
    """``url_host`` is ``host`` or a subdomain of it (a leading ``www.`` of host ignored)."""
    base = host.removeprefix("www.")
    return url_host in (host, base) or url_host.endswith("." + base)


def _review_url(page: _Page, entity: Entity, data: dict[str, Any]) -> Iterator[Finding]:
    url = first_text(data.get("url"))
    host = page_host(page)
    if not url or not host:
        return
    target = urlsplit(urljoin(f"https://{host}/", url.strip())).hostname
    if target and not on_domain(target.lower(), host):
        yield page.finding(
            "page.claim_review_url_off_domain",
            f"ClaimReview url {url[:80]!r} is not on the page's domain {host}",
            entity,
            "url",
            G_FC,
        )

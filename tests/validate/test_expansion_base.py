"""A page's relative canonical URL is no base IRI: pyld must never see it (it raised on
heise.de's page in the trafilatura corpus, crashing the JSON-LD layer)."""

from __future__ import annotations

from ldpress.validate.layers import default_layers
from ldpress.validate.model import Options
from ldpress.validate.pipeline import validate_source
from ldpress.validate.sources import load_source

PAGE = b"""<html><head><link rel="canonical" href="/newsticker/a-1.html"><title>T</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"@id": "#a", "headline": "T", "mainEntityOfPage": {"@id": "/newsticker/a-1.html"}}</script>
</head><body><h1>T</h1></body></html>"""


def test_relative_canonical_url_does_not_crash_expansion() -> None:
    source = load_source("page.html", PAGE)
    codes = {f.code for f in validate_source(source, Options(), default_layers())}
    assert "internal.layer_crashed" not in codes
    assert not any(c.startswith("jsonld.") for c in codes)


def test_relative_canonical_resolves_against_given_base() -> None:
    from ldpress.validate.expansion import base_of
    from ldpress.validate.model import Context

    source = load_source("page.html", PAGE)
    assert base_of(source, Context(Options())) is None
    ctx = Context(Options(base_url="https://www.heise.de/"))
    assert base_of(source, ctx) == "https://www.heise.de/newsticker/a-1.html"

"""The Jinja2 filter renders exactly the template API's element, safe under autoescaping."""

from __future__ import annotations

import json

import html5lib
import jinja2
from markupsafe import Markup

from ldpress.html import script_tag
from ldpress.html.jinja import FILTER_NAME, install, jsonld_script

BUNDLE = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "</script><script>alert(1)</script> & <!-- \u2028 \"q\" 'a'",
}


def test_filter_returns_markup_of_the_same_string() -> None:
    out = jsonld_script(BUNDLE)
    assert isinstance(out, Markup)
    assert str(out) == script_tag(BUNDLE)
    assert str(jsonld_script(BUNDLE, indent=None, attrs='id="ld"')) == script_tag(
        BUNDLE, indent=None, attrs='id="ld"'
    )


def test_autoescaping_environment_does_not_entity_encode_it() -> None:
    env = install(jinja2.Environment(autoescape=True))
    assert env.filters[FILTER_NAME] is jsonld_script
    template = env.from_string(
        "<!DOCTYPE html><html><head><title>{{ title }}</title>{{ data | jsonld_script }}"
        "</head><body></body></html>"
    )
    page = template.render(data=BUNDLE, title="<b>")
    assert "<title>&lt;b&gt;</title>" in page  # autoescape is on for everything else
    assert script_tag(BUNDLE) in page
    assert "&amp;" not in page.split("<script", 1)[1] and "&#34;" not in page
    tree = html5lib.parse(page, treebuilder="etree", namespaceHTMLElements=False)
    scripts = list(tree.iter("script"))
    assert len(scripts) == 1 and json.loads(scripts[0].text) == BUNDLE

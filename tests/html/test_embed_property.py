"""Hypothesis: no string in a bundle can escape the embedded script element.

For bundles whose keys and values mix hostile fragments (``</script>``, ``<!--``, ``]]>``, ...)
with arbitrary Unicode, the embedded page parsed by html5lib (a spec-conformant HTML parser)
has exactly one new element, a script whose text parses to the bundle, and every other element
is as before.  The XHTML page is also parsed as XML, which is how browsers read XHTML.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

import html5lib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ldpress.html.embed import embed_page

HOSTILE = [
    "</script>",
    "</SCRIPT >",
    "</script\t",
    "<!--",
    "-->",
    "<script>",
    "]]>",
    "<![CDATA[",
    "<\\/",
    "&amp;",
    "&lt;/script&gt;",
    "\u2028",
    "\u2029",
    "</head>",
    "<body>",
    '"',
    "\\",
]
XHTML_NS = "{http://www.w3.org/1999/xhtml}"

HTML_PAGE = (
    b'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>t</title>\n'
    b"<script>var s = '<!--<script>x</script>-->';</script>\n"
    b'<script type="application/ld+json">{"@type": "WebSite"}</script>\n'
    b"</head>\n<body>\n<p>text</p>\n</body>\n</html>\n"
)
XHTML_PAGE = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n<title>t</title>\n'
    b'<script type="text/javascript" src="a.js"></script>\n'
    b"</head>\n<body>\n<p>text</p>\n</body>\n</html>\n"
)
LEGACY_PAGE = b"<html><head><title>no charset</title></head><body></body></html>"

hostile_text = st.lists(st.sampled_from(HOSTILE) | st.text(max_size=8), max_size=6).map("".join)
scalars = st.none() | st.booleans() | st.integers() | hostile_text
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=12,
)
bundles = st.builds(
    lambda extra, headline: {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        **extra,
    },
    st.dictionaries(hostile_text, values, max_size=4),
    hostile_text,
)


def _elements(page: bytes) -> list[tuple[str, dict[str, str], str | None]]:
    tree = html5lib.parse(page, treebuilder="etree", namespaceHTMLElements=False)
    return [(el.tag, dict(el.attrib), el.text) for el in tree.iter() if isinstance(el.tag, str)]


def _check_html5lib(page: bytes, bundle: Any) -> None:
    result = embed_page(page, bundle)
    assert result.page is not None, result.findings
    before, after = _elements(page), _elements(result.page)
    new = [e for e in after if "data-ldpress" in e[1]]
    assert len(new) == 1
    tag, attrs, text = new[0]
    assert tag == "script" and attrs["type"] == "application/ld+json"
    assert text is not None and json.loads(text) == bundle
    rest = [e for e in after if "data-ldpress" not in e[1]]
    assert [(t, a) for t, a, _ in rest] == [(t, a) for t, a, _ in before]
    assert [x for t, _, x in rest if t == "script"] == [x for t, _, x in before if t == "script"]


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(bundles)
def test_html_page_gets_exactly_one_script_that_parses_to_the_bundle(bundle: Any) -> None:
    _check_html5lib(HTML_PAGE, bundle)
    _check_html5lib(LEGACY_PAGE, bundle)  # ASCII-only block for a page without a charset


@SETTINGS
@given(bundles)
def test_xhtml_page_in_html5lib_and_as_xml(bundle: Any) -> None:
    _check_html5lib(XHTML_PAGE, bundle)
    result = embed_page(XHTML_PAGE, bundle)
    assert result.page is not None
    root = ET.fromstring(result.page)
    scripts = list(root.iter(f"{XHTML_NS}script"))
    assert len(scripts) == 2
    new = [s for s in scripts if s.get("data-ldpress") is not None]
    assert len(new) == 1 and json.loads(new[0].text or "") == bundle

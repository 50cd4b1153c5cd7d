"""The HTML page: valid HTML5, the bundle embedded safely, the text visible."""

from __future__ import annotations

import json
from pathlib import Path

import html5lib

from ldpress.build import build_file

CASES = Path(__file__).resolve().parents[1] / "cases" / "build"
OUTPUT = Path(__file__).resolve().parents[2] / "output"
NS = {"h": "http://www.w3.org/1999/xhtml"}


def _parse(text: str) -> object:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    return parser.parse(text)


def test_hostile_text_cannot_end_the_script_element() -> None:
    result = build_file(CASES / "script-breakout" / "input.yaml")
    page = result.outputs["a.html"].decode()
    bundle = json.loads(result.outputs["a.jsonld"])
    tree = _parse(page)  # strict: any parse error raises
    scripts = tree.findall(".//h:script", NS)  # type: ignore[attr-defined]
    assert len(scripts) == 1
    assert json.loads(scripts[0].text) == bundle
    assert page.lower().count("</script") == 1
    assert tree.find(".//h:title", NS).text == bundle["@graph"][0]["headline"]  # type: ignore[attr-defined]


def test_seed_pages_show_their_text_and_embed_their_bundle() -> None:
    for page_file in sorted(OUTPUT.glob("*.html")):
        page = page_file.read_text(encoding="utf-8")
        bundle = json.loads(page_file.with_suffix(".jsonld").read_text(encoding="utf-8"))
        tree = _parse(page)
        (script,) = tree.findall(".//h:script", NS)  # type: ignore[attr-defined]
        assert json.loads(script.text) == bundle
        visible = " ".join(p.text or "" for p in tree.findall(".//h:article/h:p", NS))  # type: ignore[attr-defined]
        main = bundle["@graph"][0]
        body = main.get("articleBody") or main.get("reviewBody")
        assert body.splitlines()[0] in visible
        if main["@type"] == "ClaimReview":
            assert main["claimReviewed"] in visible
            assert main["reviewRating"]["alternateName"] in visible
        assert "About this data" in page  # provenance notes are visible

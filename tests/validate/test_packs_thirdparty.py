"""structured-data-testing-tool's (sdtt) Google preset rules mapped to ldpress pack findings.

sdtt's Google preset checks Article and ClaimReview with rules from c. 2019-2022; each rule is
mapped to the ldpress finding it corresponds to (code and severity), or to none with the
reason.  sdtt's fixtures (pages, expected results) are mapped, with all default layers, in
test_thirdparty_sdtt.py; adobe/structured-data-validator's in test_thirdparty_adobe.py;
google/schemarama's in test_thirdparty_schemarama.py.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from ldpress.findings import Severity
from tests.conftest import CORPUS, needs_shared
from tests.validate.packs_support import jsonld_source, load_source, run_layers

pytestmark = [needs_shared, pytest.mark.shared]
SDTT = CORPUS / "invalid" / "iaincollins-structured-data-testing-tool"

# -- structured-data-testing-tool ---------------------------------------------------------------
# sdtt Google preset rule -> (ldpress code or None, ldpress severity or None, reason if differs)
SDTT_ARTICLE = {
    "author": (
        "pack.google_article.missing_author",
        Severity.WARNING,
        "G-ART has no required property",
    ),
    "datePublished": ("pack.google_article.missing_date_published", Severity.WARNING, "as author"),
    "headline": ("pack.google_article.missing_headline", Severity.WARNING, "as author"),
    "image": ("pack.google_article.missing_image", Severity.WARNING, "as author"),
    "publisher": (None, None, "stale AMP-era rule: publisher is not in G-ART's list any more"),
    "dateModified": ("pack.google_article.missing_date_modified", Severity.WARNING, None),
    "mainEntityOfPage": (None, None, "not in G-ART's recommended properties"),
}
SDTT_CLAIMREVIEW = {
    "url": ("pack.factcheck.missing_url", Severity.ERROR, None),
    "reviewRating": ("pack.factcheck.missing_review_rating", Severity.ERROR, None),
    "claimReviewed": ("pack.factcheck.missing_claim_reviewed", Severity.ERROR, None),
    "author": ("pack.factcheck.missing_author", Severity.WARNING, None),
    "datePublished": (None, None, "G-FC no longer lists ClaimReview.datePublished"),
    "itemReviewed": ("pack.factcheck.missing_item_reviewed", Severity.WARNING, None),
}
FULL_ARTICLE = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "H",
    "image": "https://example.com/a.jpg",
    "datePublished": "2024-01-01T10:00:00Z",
    "dateModified": "2024-01-01T10:00:00Z",
    "author": {"@type": "Person", "name": "A", "url": "https://example.com/a"},
    "publisher": {"@type": "Organization", "name": "P"},
    "mainEntityOfPage": "https://example.com/",
}


def _full_claimreview() -> dict[str, Any]:
    page = load_source(CORPUS / "google-samples" / "factcheck-claimreview.html")
    data: dict[str, Any] = page.blocks[0].data
    return {**data, "datePublished": "2024-06-22"}


def _mapping_cases() -> list[tuple[str, str, dict[str, Any]]]:
    rules = json.loads((SDTT / "google_preset_rules.json").read_text())
    cases = []
    for type_name, table, full in (
        ("Article", SDTT_ARTICLE, FULL_ARTICLE),
        ("ClaimReview", SDTT_CLAIMREVIEW, None),
    ):
        props = {
            p.split(".")[0] for p in rules[type_name]["required"] + rules[type_name]["warning"]
        }
        assert props - {"@type"} == set(table), type_name  # every sdtt rule is in the table
        cases += [(type_name, p, full or {}) for p in sorted(table)]
    return cases


@pytest.mark.parametrize(
    ("type_name", "prop", "full"),
    _mapping_cases() if SDTT.exists() else [],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_sdtt_google_preset_rule(type_name: str, prop: str, full: dict[str, Any]) -> None:
    table = SDTT_ARTICLE if type_name == "Article" else SDTT_CLAIMREVIEW
    code, severity, _reason = table[prop]
    doc = copy.deepcopy(full or _full_claimreview())
    doc.pop(prop, None)
    found = {f.code: f.severity for f in run_layers(jsonld_source("d.jsonld", json.dumps(doc)))}
    if code is None:
        assert found == {}, f"ldpress disagrees with sdtt on {prop}: {_reason}"
    else:
        assert found == {code: severity}

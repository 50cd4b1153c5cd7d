"""The vocabulary layer on small documents: codes, paths, hints and the absence of cascades."""

from __future__ import annotations

from typing import Any

import pytest

from ldpress.findings import Finding, Severity
from ldpress.validate import expansion, vocabulary
from tests.support.blocks import doc_source, make_context

CTX = "https://schema.org"


def check(*docs: Any) -> list[Finding]:
    ctx = make_context()
    src = doc_source(*docs)
    list(expansion.check(src, ctx))
    return list(vocabulary.check(src, ctx))


def by_path(*docs: Any) -> dict[str | None, Finding]:
    return {f.path: f for f in check(*docs)}


def test_typo_property_is_an_error_with_a_suggestion_and_located() -> None:
    [f] = check({"@context": CTX, "@type": "NewsArticle", "datePublshed": "2024-01-01"})
    assert (f.code, f.severity, f.path, f.hint) == (
        "vocab.unknown_property",
        Severity.ERROR,
        "$.datePublshed",
        "did you mean datePublished?",
    )
    assert (f.line, f.column) == (4, 3)


def test_every_spelling_of_a_schema_term_is_the_same_term() -> None:
    doc = {
        "@context": CTX,
        "@type": "schema:NewsArticle",
        "schema:headline": "x",
        "https://schema.org/datePublished": "2024",
        "http://schema.org/name": "n",
    }
    assert check(doc) == []


def test_unknown_type_stops_domain_checks_of_its_properties() -> None:
    found = check({"@context": CTX, "@type": "Artcle", "eventStatus": "EventScheduled"})
    assert [f.code for f in found] == ["vocab.unknown_type"]
    assert found[0].hint == "did you mean Article?"


def test_any_of_several_types_makes_a_property_expected() -> None:
    doc = {"@context": CTX, "@type": ["Book", "Product"], "isbn": "1", "sku": "2"}
    assert check(doc) == []


def test_reference_is_range_checked_through_the_page() -> None:
    article = {"@context": CTX, "@type": "NewsArticle", "author": {"@id": "#p"}}
    place = {"@context": CTX, "@type": "Place", "@id": "#p", "name": "Town hall"}
    found = by_path(article, place)
    assert found["$.author"].code == "vocab.range_mismatch"


def test_text_and_urls_where_entities_are_expected_are_fine() -> None:
    doc = {"@context": CTX, "@type": "NewsArticle", "author": "Ana", "publisher": "https://x.org"}
    assert check(doc) == []


def test_enumeration_spellings() -> None:
    ok = [
        "EventCancelled",
        "schema:EventCancelled",
        "https://schema.org/EventCancelled",
        "http://schema.org/EventCancelled",
    ]
    for value in ok:
        assert check({"@context": CTX, "@type": "Event", "eventStatus": value}) == [], value
    [f] = check({"@context": CTX, "@type": "Event", "eventStatus": "Cancelled"})
    assert f.code == "vocab.invalid_enum_member"


def test_pending_terms_are_accepted_once_per_source_as_info() -> None:
    doc = {"@context": CTX, "@type": "Claim", "appearance": "https://x.org/1"}
    found = check(doc, doc)
    assert {f.code for f in found} == {"vocab.pending"}
    assert all(f.severity is Severity.INFO for f in found)
    assert len(found) == 2  # Claim and appearance, not again for the second block


def test_superseded_names_the_replacement_and_links_the_term() -> None:
    [f] = check({"@context": CTX, "@type": "Organization", "members": []})
    assert (f.code, f.severity, f.hint) == ("vocab.superseded", Severity.WARNING, "use member")
    assert f.rule_url == "https://schema.org/members"


def test_blocks_with_refused_contexts_are_skipped() -> None:
    doc = {"@context": "https://other.example/ctx", "@type": "Whatever", "foo": 1}
    assert check(doc) == []


@pytest.mark.parametrize(
    ("typo", "kind", "meant"),
    [
        ("datepublished", "property", "datePublished"),
        ("headlin", "property", "headline"),
        ("aatePublished", "property", "datePublished"),  # first letter wrong
        ("xuthor", "property", "author"),
        ("VewsArticle", "type", "NewsArticle"),
        ("bogusproperty", "property", None),
    ],
)
def test_did_you_mean(typo: str, kind: str, meant: str | None) -> None:
    from ldpress.validate.vocabulary import did_you_mean

    assert did_you_mean(typo, kind) == meant

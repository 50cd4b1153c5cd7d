"""The rule-pack layer: selection by profile, user packs, main-entity scoping, references,
locations, and "never raises on any JSON"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ldpress.errors import UsageError
from ldpress.findings import Severity
from ldpress.validate import packs
from ldpress.validate.model import Block, Context, Options, Source

G_EV = "https://developers.google.com/search/docs/appearance/structured-data/event"


def _source(*docs: Any) -> Source:
    blocks = [
        Block("p.html", i, "jsonld-script", 5 + i, 3, text=json.dumps(d), data=d, parsed=True)
        for i, d in enumerate(docs)
    ]
    return Source("p.html", "html", blocks, text="<html></html>")


def _run(*docs: Any, **options: Any) -> list[Any]:
    return list(packs.check(_source(*docs), Context(Options(**options))))


def test_event_codes_follow_the_naming_scheme() -> None:
    found = _run({"@context": "https://schema.org", "@type": "Event", "name": "E"})
    byc = {f.code: f for f in found}
    f = byc["pack.google_event.missing_start_date"]
    assert (f.severity, f.path, f.rule_url, f.line, f.column) == (Severity.ERROR, "$", G_EV, 5, 3)


def test_author_reference_defined_elsewhere_does_not_fail_author_name() -> None:
    """A known false positive of other validators (RULES.md)."""
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "H",
        "author": {"@id": "#jane"},
    }
    person = {"@id": "#jane", "@type": "Person", "name": "Jane", "url": "https://x.test/jane"}
    codes = {f.code for f in _run(article, person)}
    assert "pack.google_article.author_missing_name" not in codes
    assert "pack.google_article.author_missing_url" not in codes
    # the dangling case is the graph layer's; rules stay silent instead of cascading
    codes = {f.code for f in _run(article)}
    assert not {c for c in codes if c.startswith("pack.google_article.author_")}


def test_mentioned_events_get_info_hints_only() -> None:
    doc = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "H",
        "about": {"@type": "Event", "name": "Mentioned"},
    }
    event = [f for f in _run(doc) if f.code.startswith("pack.google_event.")]
    assert {f.code for f in event} == {
        "pack.google_event.missing_start_date",
        "pack.google_event.missing_location",
    }
    assert {f.severity for f in event} == {Severity.INFO}
    assert all(f.path == "$.about" for f in event)


def test_profiles_select_packs_and_unknown_profiles_abort() -> None:
    doc = {"@type": "Event", "name": "E", "speakable": {"cssSelector": "h1", "xPath": "/h1"}}
    assert {f.code.split(".")[1] for f in _run(doc, profiles=("factcheck",))} == set()
    assert {f.code.split(".")[1] for f in _run(doc, profiles=("google-event",))} == {"google_event"}
    with pytest.raises(UsageError, match="unknown profile"):
        _run(doc, profiles=("google-recipes",))


def _write_pack(root: Path, pack_id: str = "house-style") -> Path:
    d = root / pack_id
    d.mkdir(parents=True)
    rule = {
        "rule": "missing_keywords",
        "severity": "recommended",
        "message": "{type} has no keywords",
        "source": "https://example.com/house-style",
        "as_of": "2026-11-28",
    }
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "allOf": [{"x-ldpress": rule, "required": ["keywords"]}],
    }
    meta = {
        "id": pack_id,
        "consumer": "Our newsroom",
        "title": "House style",
        "source": "https://example.com/house-style",
        "as_of": "2026-11-28",
        "targets": [{"types": ["Article"], "schema": "Article.schema.json"}],
    }
    (d / "pack.json").write_text(json.dumps(meta))
    (d / "Article.schema.json").write_text(json.dumps(schema))
    return d


def test_user_pack_directory(tmp_path: Path) -> None:
    _write_pack(tmp_path)
    doc = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "H"}
    found = _run(doc, pack_dirs=(str(tmp_path),), profiles=("house-style",))
    assert [(f.code, f.message, f.severity) for f in found] == [
        ("pack.house_style.missing_keywords", "BlogPosting has no keywords", Severity.WARNING)
    ]


def test_broken_user_pack_is_a_usage_error(tmp_path: Path) -> None:
    d = _write_pack(tmp_path, "broken")
    (d / "pack.json").write_text('{"id": "broken"}')
    with pytest.raises(UsageError, match="invalid rule pack"):
        _run({"@type": "Article"}, pack_dirs=(str(d),))


def test_user_pack_schema_is_checked_against_its_metaschema(tmp_path: Path) -> None:
    d = _write_pack(tmp_path, "bad-schema")
    (d / "Article.schema.json").write_text('{"type": 12}')
    with pytest.raises(UsageError, match="invalid JSON Schema"):
        _run({"@type": "Article"}, pack_dirs=(str(d),))


def test_same_node_in_two_blocks_is_checked_once() -> None:
    a = {"@id": "#e", "@type": "Event", "name": "E"}
    found = _run(a, {"@id": "#e", "@type": "Event", "description": "D"})
    missing = [f for f in found if f.code == "pack.google_event.missing_start_date"]
    assert len(missing) == 1
    assert "pack.google_event.missing_description" not in {f.code for f in found}


KEYS = [
    "@type",
    "@id",
    "@graph",
    "@value",
    "@list",
    "name",
    "author",
    "location",
    "reviewRating",
    "itemReviewed",
    "bestRating",
    "worstRating",
    "ratingValue",
    "startDate",
    "endDate",
    "image",
    "width",
    "claimReviewed",
    "mainEntity",
    "offers",
    "url",
    "eventStatus",
]
VALUES = "Event ClaimReview NewsArticle ProfilePage Rating Claim Person Place VirtualLocation #a #b"
SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
)
JSON = st.recursive(
    SCALARS | st.sampled_from(VALUES.split()),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=6)
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(JSON, min_size=1, max_size=3))
def test_never_raises_on_any_json(docs: list[Any]) -> None:
    for f in _run(*docs):
        assert f.code.startswith("pack.") and f.file == "p.html"


def test_fast_validator_agrees_with_python_jsonschema() -> None:
    """jsonschema-rs is the fast path; python-jsonschema is the reference: on every golden
    case and Google sample, both give the same (schema path, instance path, keyword) errors."""
    from ldpress.validate.packs.engine import schema_errors
    from tests.conftest import CORPUS
    from tests.validate.packs_support import entity_targets

    cases = Path(__file__).resolve().parents[1] / "cases" / "packs"
    inputs = [*cases.glob("*/input.*"), *(CORPUS / "google-samples").glob("*.html")]
    compared = 0
    for path, target, data in entity_targets(inputs):
        if target.fast is None:
            continue
        fast = sorted(map(repr, (e[:3] for e in schema_errors(target, data))))
        ref = sorted(map(repr, (e[:3] for e in schema_errors(target, data, True))))
        assert fast == ref, path
        compared += len(ref)
    assert compared > 50

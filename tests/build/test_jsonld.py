"""Compaction: the context subset gives the same result as the whole context, compaction
after expansion is stable, and the bundle is the same RDF as its input (Hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ldpress.build.jsonld import compact_graph, publish_context, subset_context, to_bundle
from ldpress.jsonld import canonical_nquads, expand

BASE = "https://example.org/a"
TYPES = ["Person", "Organization", "Place", "Event", "Claim", "NewsArticle", "City"]
TEXT_PROPS = ["name", "description", "alternateName", "headline", "text", "jobTitle"]
REF_PROPS = ["about", "mentions", "author", "location", "affiliation", "sameAs", "url", "image"]
DATE_PROPS = ["startDate", "datePublished", "birthDate"]

texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)


@st.composite
def graphs(draw: st.DrawFn) -> list[dict[str, Any]]:
    keys = draw(
        st.lists(st.from_regex(r"[a-z]{1,6}", fullmatch=True), min_size=1, max_size=6, unique=True)
    )
    nodes = []
    for key in keys:
        node: dict[str, Any] = {"@id": f"{BASE}#{key}", "@type": draw(st.sampled_from(TYPES))}
        for prop in draw(st.lists(st.sampled_from(TEXT_PROPS), max_size=3, unique=True)):
            node[prop] = draw(texts)
        for prop in draw(st.lists(st.sampled_from(REF_PROPS), max_size=2, unique=True)):
            targets = draw(st.lists(st.sampled_from(keys), min_size=1, max_size=3, unique=True))
            refs = [{"@id": f"{BASE}#{t}"} for t in targets]
            node[prop] = refs if len(refs) > 1 else refs[0]
        if draw(st.booleans()):
            node[draw(st.sampled_from(DATE_PROPS))] = draw(
                st.sampled_from(["2012", "2012-08", "2012-11-15", "2012-11-15T20:00:00+08:00"])
            )
        if draw(st.booleans()):
            node["ratingValue"] = draw(st.integers(-5, 5))
        nodes.append(node)
    return nodes


def _doc(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@graph": nodes}


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(graphs())
def test_subset_compaction_equals_full_compaction(nodes: list[dict[str, Any]]) -> None:
    expanded = expand(_doc(nodes))
    assert compact_graph(expanded, subset_context(expanded)) == compact_graph(
        expanded, publish_context()
    )


@FAST
@given(graphs())
def test_compact_after_expand_is_stable(nodes: list[dict[str, Any]]) -> None:
    once = to_bundle(nodes)
    twice = to_bundle(once["@graph"])
    assert once == twice


@FAST
@given(graphs())
def test_bundle_is_the_same_rdf_dataset(nodes: list[dict[str, Any]]) -> None:
    bundle = to_bundle(nodes)
    assert bundle["@context"] == "https://schema.org"
    assert canonical_nquads(bundle) == canonical_nquads(_doc(nodes))
    # Published with @type/@id, never the context's type/id aliases.
    assert all("@type" in n and "type" not in n and "id" not in n for n in bundle["@graph"])


def test_subset_keeps_a_definition_s_coercion_term() -> None:
    expanded = expand(_doc([{"@id": f"{BASE}#e", "@type": "Event", "startDate": "2012"}]))
    subset = subset_context(expanded)
    assert subset["startDate"] == publish_context()["startDate"]
    assert "Date" in subset and "type" not in subset and "id" not in subset

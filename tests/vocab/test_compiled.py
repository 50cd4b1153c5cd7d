"""The shipped index and context agree with the schema.org release they were compiled from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ldpress.vocab import load_vocabulary
from ldpress.vocab.compile import compile_context, compile_index
from ldpress.vocab.store import CONTEXT_NAME, INDEX_NAME, PACKAGE_DATA, write_compiled
from tests.conftest import SCHEMAORG, needs_shared

RELEASE = SCHEMAORG / "schemaorg-current-https.jsonld"
RELEASE_CONTEXT = SCHEMAORG / "schemaorgcontext.jsonld"


@pytest.fixture(scope="module")
def release() -> dict[str, Any]:
    return json.loads(RELEASE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def release_context() -> dict[str, Any]:
    return json.loads(RELEASE_CONTEXT.read_text(encoding="utf-8"))


def _as_list(v: Any) -> list[Any]:
    return [] if v is None else v if isinstance(v, list) else [v]


@needs_shared
def test_shipped_files_are_what_the_script_compiles(tmp_path: Path) -> None:
    write_compiled(RELEASE, "30.0", tmp_path, RELEASE_CONTEXT)
    for name in (INDEX_NAME, CONTEXT_NAME):
        assert (tmp_path / name).read_bytes() == (PACKAGE_DATA / name).read_bytes(), (
            f"{name} is stale: run python scripts/compile_vocab.py"
        )


@needs_shared
def test_context_is_term_for_term_the_release_context(release_context: dict[str, Any]) -> None:
    ours = load_vocabulary().context["@context"]
    theirs = release_context["@context"]
    assert set(ours) == set(theirs)
    for term, definition in theirs.items():
        assert ours[term] == definition, term


@needs_shared
def test_context_derived_from_vocabulary_alone_matches_every_vocabulary_term(
    release: dict[str, Any], release_context: dict[str, Any]
) -> None:
    index = compile_index(release, "30.0")
    derived = compile_context(release, index)["@context"]
    theirs = release_context["@context"]
    # every term the vocabulary graph defines is derived exactly as the release publishes it
    for term, definition in derived.items():
        assert theirs[term] == definition, term
    # what the vocabulary alone cannot give: terms retired to the attic and the xml prefix
    missing = sorted(set(theirs) - set(derived))
    assert missing == sorted([*load_vocabulary().retired, "xml"])


@needs_shared
def test_index_agrees_with_release(release: dict[str, Any]) -> None:
    vocab = load_vocabulary()
    schema_nodes = [n for n in release["@graph"] if n["@id"].startswith("schema:")]
    other_nodes = [n for n in release["@graph"] if not n["@id"].startswith("schema:")]
    assert other_nodes, "the release describes og:, dct:, gs1: ... terms too"
    for node in other_nodes:
        local = node["@id"].split(":", 1)[1]
        entry = vocab.entry(local)
        # a foreign term may share a local name with a schema.org one; it must not add to it
        assert entry is None or f"schema:{local}" in {n["@id"] for n in schema_nodes}
    n_props = n_types = 0
    for node in schema_nodes:
        name = node["@id"][len("schema:") :]
        types = _as_list(node["@type"])
        if "rdf:Property" in types:
            n_props += 1
            want = sorted(
                r["@id"][7:]
                for r in _as_list(node.get("schema:rangeIncludes"))
                if r["@id"].startswith("schema:")
            )
            assert vocab.range(name) == want, name
            want = sorted(
                d["@id"][7:]
                for d in _as_list(node.get("schema:domainIncludes"))
                if d["@id"].startswith("schema:")
            )
            assert vocab.domain(name) == want, name
        elif "rdfs:Class" in types:
            n_types += 1
            parents = sorted(
                p["@id"][7:]
                for p in _as_list(node.get("rdfs:subClassOf"))
                if p["@id"].startswith("schema:")
            )
            assert vocab.types[name]["parents"] == parents, name
        pending = any(
            p.get("@id") == "https://pending.schema.org"
            for p in _as_list(node.get("schema:isPartOf"))
        )
        assert vocab.is_pending(name) == pending, name
        superseded = [s["@id"][7:] for s in _as_list(node.get("schema:supersededBy"))]
        assert sorted(vocab.superseded_by(name)) == sorted(superseded), name
    assert n_props == len(vocab.properties)
    assert n_types <= len(vocab.types)


def test_known_terms() -> None:
    vocab = load_vocabulary()
    assert vocab.release == "30.0"
    assert "CC BY-SA 3.0" in vocab.index["license"]
    assert vocab.is_subtype("ReportageNewsArticle", "CreativeWork")
    assert vocab.is_pending("Claim") and vocab.is_pending("appearance")
    assert vocab.member_of("EventCancelled", "EventStatusType")
    assert vocab.superseded_by("events") == ["event"]
    assert vocab.property_applies("datePublished", {"NewsArticle"})
    assert not vocab.property_applies("datePublished", {"Person"})
    assert vocab.suggest("datepublished") == ["datePublished"]
    assert vocab.suggest("headlin", among="property") == ["headline"]
    assert vocab.suggest("og:title") == []
    assert "productReturnDays" in vocab.retired

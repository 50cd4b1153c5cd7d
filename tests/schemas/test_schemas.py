"""The committed schemas/ is what the models generate, and the schemas accept what the models
accept: realistic bundles (positive and negative), generated nodes, the CLI command."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from typer.testing import CliRunner

from ldpress.cli import app
from ldpress.errors import LdpressError
from ldpress.models import MODELS, parse_node
from ldpress.schemas import (
    SCHEMAS,
    SOURCE_DIR,
    build_schemas,
    load_schema,
    register_schema,
    schema_registry,
    write_schemas,
)
from ldpress.schemas.generate import _all_defs
from tests.conftest import ROOT, needs_sources
from tests.models.strategies import any_nodes

COMMITTED = ROOT / "schemas"
REGISTRY = schema_registry()
BUNDLE = jsonschema.Draft202012Validator(load_schema("bundle.schema.json"), registry=REGISTRY)


@pytest.fixture(scope="module")
def generated() -> dict[str, bytes]:
    return build_schemas()


def test_committed_schemas_match_the_models(generated: dict[str, bytes]) -> None:
    if os.environ.get("LDPRESS_REGEN") == "1":
        write_schemas(COMMITTED)
    stale = [n for n, data in generated.items() if (COMMITTED / n).read_bytes() != data]
    extra = sorted(p.name for p in COMMITTED.glob("*.schema.json") if p.name not in generated)
    assert not stale, f"stale: {stale}; run `ldpress schema` or LDPRESS_REGEN=1 pytest"
    assert not extra, f"no builder for {extra}"


def test_one_file_per_type_plus_the_bundle(generated: dict[str, bytes]) -> None:
    # article-data.schema.json: the authoring format registers it (ldpress.authoring).
    extra = {"bundle.schema.json", "article-data.schema.json"}
    assert set(generated) == {f"{t}.schema.json" for t in MODELS} | extra
    for name, data in generated.items():
        schema = json.loads(data)
        assert schema["$id"] == f"https://ldpress.example/schemas/{name}"
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)
        assert data.endswith(b"}\n") and b'\n  "' in data  # 2-space indent, newline


def test_generation_is_deterministic(generated: dict[str, bytes]) -> None:
    _all_defs.cache_clear()  # generate afresh, not from the cached definitions
    assert build_schemas() == generated


def test_every_ref_resolves() -> None:
    bundle = load_schema("bundle.schema.json")
    text = json.dumps(bundle)
    refs = {part.split('"')[0] for part in text.split('"$ref": "#/$defs/')[1:]}
    assert refs and refs <= set(bundle["$defs"])


@needs_sources
def test_load_schema_reads_the_source_tree_and_refuses_unknown_names() -> None:
    assert SOURCE_DIR == COMMITTED
    assert load_schema("Person.schema.json")["$ref"] == "bundle.schema.json#/$defs/Person"
    with pytest.raises(LdpressError):
        load_schema("Nope.schema.json")


def test_register_schema_adds_a_builder(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        register_schema("../escape.json", dict)
    register_schema("Extra.schema.json", lambda: {"$id": "x", "type": "object"})
    try:
        written = write_schemas(tmp_path)
        assert tmp_path / "Extra.schema.json" in written
    finally:
        del SCHEMAS["Extra.schema.json"]


SEED_BUNDLE: dict[str, Any] = {
    "@context": "https://schema.org",
    "@graph": [
        {
            "@id": "https://example.org/japan-dprk#article",
            "@type": "NewsArticle",
            "headline": "Japan and DPRK to resume talks",
            "dateline": "BEIJING",
            "datePublished": "2012-11-14",
            "publisher": {"@id": "https://example.org/japan-dprk#org-china-daily"},
            "sourceOrganization": {"@id": "https://example.org/japan-dprk#org-ap"},
            "about": [{"@id": "https://example.org/japan-dprk#event-ulan-bator-talks"}],
            "mentions": {"@id": "https://example.org/japan-dprk#person-koichiro-gemba"},
        },
        {
            "@id": "https://example.org/japan-dprk#org-china-daily",
            "@type": "NewsMediaOrganization",
            "name": "China Daily",
        },
        {
            "@id": "https://example.org/japan-dprk#org-ap",
            "@type": "NewsMediaOrganization",
            "name": "AP",
        },
        {
            "@id": "https://example.org/japan-dprk#event-ulan-bator-talks",
            "@type": "Event",
            "name": "Japan-DPRK talks",
            "startDate": "2012-11-15",
            "endDate": "2012-11-16",
            "location": {"@type": "City", "name": "Ulan Bator"},
        },
        {
            "@id": "https://example.org/japan-dprk#person-koichiro-gemba",
            "@type": "Person",
            "name": "Koichiro Gemba",
            "jobTitle": "Foreign Minister of Japan",
        },
        {
            "@id": "https://example.org/japan-dprk#claim-satellite",
            "@type": "Claim",
            "text": "The launch carried a satellite.",
            "appearance": {"@id": "https://example.org/japan-dprk#article"},
            "datePublished": "2012-11-14",
        },
        {
            "@type": "ClaimReview",
            "url": "https://factcheck.example.org/satellite",
            "claimReviewed": "The launch carried a satellite.",
            "itemReviewed": {"@id": "https://example.org/japan-dprk#claim-satellite"},
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": 2,
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": "Disputed",
            },
            "author": {"@type": "Organization", "name": "Example fact-check desk"},
        },
    ],
}


def test_realistic_bundle_is_valid_for_schema_and_models() -> None:
    assert list(BUNDLE.iter_errors(SEED_BUNDLE)) == []
    for node in SEED_BUNDLE["@graph"]:
        parse_node(node)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda b: b["@graph"][0].update(headlin="x"), "@graph"),
        (lambda b: b["@graph"][3].update(startDate="15 November 2012"), "@graph"),
        (lambda b: b["@graph"][0].update(author={"@type": "Place", "name": "x"}), "@graph"),
        (lambda b: b["@graph"][0].update(author={"name": "untyped"}), "@graph"),
        (lambda b: b["@graph"][6].update(url="factcheck.example.org"), "@graph"),
        (lambda b: b.update({"@context": "https://example.org/ctx"}), "@context"),
        (lambda b: b.pop("@graph"), "required"),
        (lambda b: b["@graph"].append({"@type": "Review"}), "@graph"),
    ],
)
def test_broken_bundles_are_rejected(change: Any, where: str) -> None:
    bundle = json.loads(json.dumps(SEED_BUNDLE))
    change(bundle)
    errors = list(BUNDLE.iter_errors(bundle))
    assert errors
    assert any(where in list(e.absolute_path) or e.validator == where for e in errors)


@settings(max_examples=25, deadline=None)
@given(any_nodes)
def test_every_node_the_models_accept_the_type_schema_accepts(node: dict[str, Any]) -> None:
    schema = load_schema(f"{node['@type']}.schema.json")
    validator = jsonschema.Draft202012Validator(schema, registry=REGISTRY)
    assert list(validator.iter_errors(node)) == []


def test_cli_schema_writes_every_file(tmp_path: Path, generated: dict[str, bytes]) -> None:
    result = CliRunner().invoke(app, ["schema", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    for name, data in generated.items():
        assert (tmp_path / "out" / name).read_bytes() == data
        assert str(tmp_path / "out" / name) in result.stdout

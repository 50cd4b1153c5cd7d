"""Check a bundle before it is written: JSON Schema and graph integrity.

The schema is the bundle schema the models generate (``ldpress.schemas``, file
``schemas/bundle.schema.json``) when that package is present; without it a built-in schema
of the bundle's envelope is used (``@context``, a ``@graph`` of typed nodes with ``@id``), so
the check never silently passes.  Every error becomes a finding with the JSONPath of the
offending value; the lead adds the validator's vocabulary layers here later.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from ldpress.findings import Finding, Severity, json_path
from ldpress.graph.integrity import dangling_references

ENVELOPE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ldpress bundle envelope",
    "type": "object",
    "required": ["@context", "@graph"],
    "additionalProperties": False,
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@graph": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["@id", "@type"],
                "properties": {
                    "@id": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9+.-]*:"},
                    "@type": {"anyOf": [{"type": "string"}, {"type": "array"}]},
                },
            },
        },
    },
}
MAX_MESSAGE = 200


@cache
def bundle_schema() -> dict[str, Any]:
    """The models' bundle schema when available, else the envelope schema above."""
    try:
        schemas = importlib.import_module("ldpress.schemas")
    except ImportError:
        return ENVELOPE_SCHEMA
    loaded: dict[str, Any] = schemas.load_schema("bundle.schema.json")
    return loaded


@cache
def _validator() -> Draft202012Validator:
    schema = bundle_schema()
    if schema is ENVELOPE_SCHEMA:
        return Draft202012Validator(schema)
    # The bundle schema $refs the per-type schemas by $id; resolve them from the shipped files.
    registry = importlib.import_module("ldpress.schemas").schema_registry()
    return Draft202012Validator(schema, registry=registry)


def _finding(err: ValidationError, doc: Any, file: str | None) -> Finding:
    path = tuple(err.absolute_path)
    node_id = None
    if len(path) >= 2 and path[0] == "@graph" and isinstance(path[1], int):
        node = doc["@graph"][path[1]]
        node_id = node.get("@id") if isinstance(node, dict) else None
    message = err.message if len(err.message) <= MAX_MESSAGE else err.message[:MAX_MESSAGE] + "…"
    return Finding(
        f"bundle.schema.{err.validator}",
        Severity.ERROR,
        message,
        file,
        path=json_path(*path),
        node_id=node_id if isinstance(node_id, str) else None,
    )


@cache
def _fast_validator() -> Any:
    """jsonschema-rs for the common case, a valid bundle: measured 0.3 ms against ~900 ms
    for python-jsonschema on the seed bundle (a oneOf over every type per node).  Invalid
    bundles are re-checked with python-jsonschema, the reference, for located errors."""
    schema = bundle_schema()
    if schema is ENVELOPE_SCHEMA:
        return jsonschema_rs.validator_for(schema)
    schemas = importlib.import_module("ldpress.schemas")
    resources = [(str(s["$id"]), s) for s in map(schemas.load_schema, sorted(schemas.SCHEMAS))]
    return jsonschema_rs.validator_for(schema, registry=jsonschema_rs.Registry(resources))


def check_bundle(doc: Any, file: str | None = None) -> list[Finding]:
    """Findings for ``doc``; an empty list means it may be written."""
    findings: list[Finding] = []
    if not _fast_validator().is_valid(doc):
        findings = [_finding(e, doc, file) for e in _validator().iter_errors(doc)]
    graph = doc.get("@graph") if isinstance(doc, dict) else None
    if isinstance(graph, list):
        findings.extend(dangling_references(graph, file))
    return sorted(findings, key=lambda f: (f.path or "", f.code))

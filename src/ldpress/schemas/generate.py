"""JSON Schemas (draft 2020-12) generated from the models: one per type, and the bundle.

All models are generated together, with one shared definition per node range
(``#/$defs/Organization_or_Person_or_Ref``, the ``$ref`` ``ranges.NodeRange`` writes), so every
``$ref`` resolves.  The bundle schema holds every definition; each per-type file is a
``$ref`` into it.  The
generator drops what only pydantic needs (``null`` branches of optional fields, ``default:
null``, field titles) so the files read like hand-written schemas.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue, models_json_schema
from pydantic_core import core_schema

from ldpress.models import MODELS, Ref
from ldpress.models.ranges import NODE_RANGES

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://ldpress.example/schemas/"
CONTEXTS = ("https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/")


class _Generator(GenerateJsonSchema):
    """pydantic's generator minus nullability and titles of optional properties."""

    # tells ranges.NodeRange to write a $ref to the range definition this module adds
    ldpress_node_ranges = True

    def handle_ref_overrides(self, json_schema: JsonSchemaValue) -> JsonSchemaValue:
        # range definitions are added after generation: pydantic cannot look them up
        ref = json_schema.get("$ref")
        if isinstance(ref, str) and ref.rsplit("/", 1)[-1] in NODE_RANGES:
            return json_schema
        return super().handle_ref_overrides(json_schema)

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        # None is how a model says "absent"; on the wire the key is left out, never null
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        result = super().default_schema(schema)
        if result.get("default", 0) is None:
            del result["default"]
        return result

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def schema_id(file_name: str) -> str:
    """The stable ``$id`` of a schema file: ``https://ldpress.example/schemas/<file>``."""
    return BASE_ID + file_name


@cache
def _all_defs() -> dict[str, Any]:
    models = [(cls, "validation") for cls in (*MODELS.values(), Ref)]
    _, top = models_json_schema(
        models,  # type: ignore[arg-type]
        by_alias=True,
        ref_template="#/$defs/{model}",
        schema_generator=_Generator,
    )
    defs: dict[str, Any] = top["$defs"]
    defs.update({name: spec.json_schema() for name, spec in NODE_RANGES.items()})
    missing = (set(MODELS) | {"Ref"}) - set(defs)
    if missing:  # a renamed definition would leave NodeRange's $refs dangling
        raise RuntimeError(f"JSON Schema definitions missing: {sorted(missing)}")
    return defs


def build_type_schema(type_name: str) -> dict[str, Any]:
    """The schema of one node of ``type_name``: a reference into the bundle's definitions.

    Every type reaches every other (a Thing's image is an ImageObject whose ``about`` is any
    Thing), so a self-contained file per type would repeat all definitions, 31 times over;
    the ``$ref`` resolves against ``$id`` to the bundle schema, which a validator gets from
    ``ldpress.schemas.schema_registry()`` (or ajv's ``addSchema``) without a network fetch.
    """
    return {
        "$schema": DIALECT,
        "$id": schema_id(f"{type_name}.schema.json"),
        "title": f"schema.org {type_name} node (ldpress)",
        "$ref": f"bundle.schema.json#/$defs/{type_name}",
    }


def build_bundle_schema() -> dict[str, Any]:
    """The schema of a bundle: ``{"@context": "https://schema.org", "@graph": [node...]}``."""
    return {
        "$schema": DIALECT,
        "$id": schema_id("bundle.schema.json"),
        "title": "ldpress JSON-LD bundle",
        "description": "A compact JSON-LD document with the schema.org context and a @graph "
        "of nodes of the types ldpress models.",
        "type": "object",
        "required": ["@context", "@graph"],
        "additionalProperties": False,
        "properties": {
            "@context": {"enum": list(CONTEXTS)},
            "@graph": {
                "type": "array",
                "items": {"oneOf": [{"$ref": f"#/$defs/{t}"} for t in MODELS]},
            },
        },
        "$defs": dict(sorted(_all_defs().items())),
    }


def render_schema(schema: dict[str, Any]) -> bytes:
    """Deterministic bytes: sorted keys, 2-space indent, UTF-8, trailing newline."""
    return (json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()

"""The authoring format: one data file describes one article and everything it mentions.

The file's envelope is a pydantic model (:class:`ArticleData`); its JSON Schema, exported to
``schemas/article-data.schema.json``, lets an editor complete and check data files.  Nodes sit
under short local keys; a node-valued property points at another node with ``{ref: key}``
(the only spelling of a local reference, so a text value can never be mistaken for one), at
a node outside the file with ``{"@id": absolute-IRI}``, or embeds an anonymous node with an
``@type``.  ``{file: name}`` reads a text value from a file next to the data file.
``provenance`` marks what the source text does not state: ``{added: why}`` for facts the
editors supplied, ``{inferred: why}`` for facts worked out from the text.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

FORMAT_ID = "https://ldpress.example/schemas/article-data.schema.json"  # = schema_id(file)
LOCAL_KEY_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https?://[^\s#]+$"
ABSOLUTE_IRI_PATTERN = r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$"

LocalKey = Annotated[str, StringConstraints(pattern=LOCAL_KEY_PATTERN, max_length=80)]


class Ref(BaseModel):
    """A reference to another node of this file by its local key."""

    model_config = ConfigDict(extra="forbid")
    ref: LocalKey


class FileText(BaseModel):
    """A text value read from a UTF-8 file in the data file's directory."""

    model_config = ConfigDict(extra="forbid")
    file: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._-]+$", max_length=200)]


class Note(BaseModel):
    """Why a value is in the data file although the source text does not state it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"oneOf": [{"required": ["added"]}, {"required": ["inferred"]}]},
    )
    added: str | None = Field(None, description="Supplied by the editors; not in the text.")
    inferred: str | None = Field(None, description="Worked out from the text; how.")

    @model_validator(mode="after")
    def _exactly_one(self) -> Note:
        if (self.added is None) == (self.inferred is None):
            raise ValueError("a note has exactly one of added or inferred")
        return self


class NodeSpec(BaseModel):
    """A schema.org node in wire names (@type, datePublished, ...); properties beyond @type
    and @id are checked against the vocabulary by the loader."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)
    type: str | list[str] = Field(alias="@type", description="schema.org type name.")
    id: Annotated[str, StringConstraints(pattern=ABSOLUTE_IRI_PATTERN)] | None = Field(
        None,
        alias="@id",
        description="An absolute @id instead of the default <url>#<key> (for a node that "
        "another bundle describes too).",
    )


class ArticleData(BaseModel):
    """One data file: the article, what it mentions, and provenance notes."""

    model_config = ConfigDict(extra="forbid", title="ldpress article data file")
    url: Annotated[str, StringConstraints(pattern=URL_PATTERN)] = Field(
        description="Canonical URL of the page; base of every node's @id (<url>#<key>)."
    )
    slug: Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=100)] = Field(
        description="Output file name stem: <out>/<slug>.jsonld and <slug>.html."
    )
    main: LocalKey = Field("article", description="Local key of the page's main node.")
    nodes: dict[LocalKey, NodeSpec] = Field(description="Nodes by local key.")
    provenance: dict[str, Note] = Field(
        default_factory=dict,
        description="Key paths (<key> or <key>.<property>) -> {added: ...} or {inferred: ...}.",
    )


def build_authoring_schema() -> dict[str, Any]:
    """The JSON Schema of the data file format (what yaml-language-server reads)."""
    schema = ArticleData.model_json_schema(by_alias=True)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": FORMAT_ID, **schema}
    defs = schema.setdefault("$defs", {})
    defs["Ref"] = Ref.model_json_schema()
    defs["FileText"] = FileText.model_json_schema()
    defs["IdRef"] = {
        "type": "object",
        "description": "A node outside this file, by absolute IRI.",
        "properties": {"@id": {"type": "string", "pattern": ABSOLUTE_IRI_PATTERN}},
        "required": ["@id"],
        "additionalProperties": False,
    }
    defs["EmbeddedNode"] = {
        "type": "object",
        "description": "An anonymous node written in place (needs @type).",
        "properties": {"@type": {"type": "string"}},
        "required": ["@type"],
        "additionalProperties": {"$ref": "#/$defs/Value"},
    }
    single: list[dict[str, Any]] = [
        {"type": ["string", "number", "boolean"]},
        {"$ref": "#/$defs/Ref"},
        {"$ref": "#/$defs/FileText"},
        {"$ref": "#/$defs/IdRef"},
        {"$ref": "#/$defs/EmbeddedNode"},
    ]
    defs["Value"] = {
        "description": "A property value: text, number, boolean, {ref: key}, {file: name}, "
        "{'@id': IRI}, an embedded node, or a list of these.",
        "anyOf": [*single, {"type": "array", "items": {"anyOf": single}}],
    }
    defs["NodeSpec"]["additionalProperties"] = {"$ref": "#/$defs/Value"}
    # pydantic does not export the key constraint of dict[LocalKey, ...]; editors need it.
    schema["properties"]["nodes"]["propertyNames"] = {"pattern": LOCAL_KEY_PATTERN, "maxLength": 80}
    return schema


def render_authoring_schema() -> bytes:
    """The committed bytes of ``schemas/article-data.schema.json`` (same rendering as every
    schema ``ldpress schema`` writes: sorted keys, 2-space indent, trailing newline)."""
    text = json.dumps(build_authoring_schema(), ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode()

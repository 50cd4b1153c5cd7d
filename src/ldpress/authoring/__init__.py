"""The authoring format: data files (YAML or JSON) → checked, resolved schema.org nodes."""

from __future__ import annotations

from ldpress.authoring.format import ArticleData, Note, build_authoring_schema
from ldpress.authoring.load import DataFile, load_data_file
from ldpress.authoring.nodes import Resolved
from ldpress.schemas import register_schema

AUTHORING_SCHEMA_FILE = "article-data.schema.json"
register_schema(AUTHORING_SCHEMA_FILE, build_authoring_schema)

__all__ = [
    "AUTHORING_SCHEMA_FILE",
    "ArticleData",
    "DataFile",
    "Note",
    "Resolved",
    "build_authoring_schema",
    "load_data_file",
]

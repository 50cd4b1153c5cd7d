"""The JSON Schemas ldpress publishes: a registry of builders, writing and loading the files.

``SCHEMAS`` maps a file name to the function that builds it; other parts of ldpress (the
authoring format) add theirs with :func:`register_schema`.  ``write_schemas`` writes every
registered schema atomically (``ldpress schema``); ``load_schema`` reads the shipped copy: the
wheel carries the top-level ``schemas/`` directory as ``ldpress/_schemas``, and a source
checkout falls back to ``schemas/`` at the repository root.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from importlib.resources import files
from pathlib import Path
from typing import Any

from referencing import Registry, Resource

from ldpress.errors import LdpressError
from ldpress.fsutil import write_atomic
from ldpress.models import MODELS
from ldpress.schemas.generate import (
    build_bundle_schema,
    build_type_schema,
    render_schema,
    schema_id,
)

SchemaBuilder = Callable[[], dict[str, Any]]

SCHEMAS: dict[str, SchemaBuilder] = {
    f"{name}.schema.json": partial(build_type_schema, name) for name in MODELS
}
SCHEMAS["bundle.schema.json"] = build_bundle_schema

SOURCE_DIR = Path(__file__).resolve().parents[3] / "schemas"


def register_schema(file_name: str, builder: SchemaBuilder) -> None:
    """Add a schema file to what ``build_schemas``/``write_schemas`` produce."""
    if not file_name.endswith(".schema.json") or "/" in file_name:
        raise ValueError(f"schema file names look like <Name>.schema.json, not {file_name!r}")
    SCHEMAS[file_name] = builder


def build_schemas() -> dict[str, bytes]:
    """Every registered schema, rendered, by file name (sorted)."""
    return {name: render_schema(SCHEMAS[name]()) for name in sorted(SCHEMAS)}


def write_schemas(out_dir: Path) -> list[Path]:
    """Write every registered schema into ``out_dir`` (atomically); the paths written."""
    written = []
    for name, data in build_schemas().items():
        path = Path(out_dir) / name
        write_atomic(path, data)
        written.append(path)
    return written


def _shipped(file_name: str) -> Path | None:
    packaged = files("ldpress").joinpath("_schemas", file_name)
    if packaged.is_file():
        return Path(str(packaged))
    source = SOURCE_DIR / file_name
    return source if source.is_file() else None


def load_schema(file_name: str) -> dict[str, Any]:
    """A shipped schema by file name, from the installed package or the source tree."""
    path = _shipped(file_name)
    if path is None:
        raise LdpressError(
            f"schema {file_name!r} is not shipped (looked in ldpress/_schemas and {SOURCE_DIR})"
        )
    return dict(json.loads(path.read_text(encoding="utf-8")))


def schema_registry() -> Registry[Any]:
    """A ``referencing`` registry of every registered schema, by ``$id``, read from the
    shipped files, so python-jsonschema resolves the per-type ``$ref``s offline."""
    resources = []
    for name in sorted(SCHEMAS):
        schema = load_schema(name)
        resources.append((str(schema["$id"]), Resource.from_contents(schema)))
    return Registry().with_resources(resources)


__all__ = [
    "SCHEMAS",
    "SchemaBuilder",
    "build_schemas",
    "load_schema",
    "register_schema",
    "schema_id",
    "schema_registry",
    "write_schemas",
]

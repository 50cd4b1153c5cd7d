"""Where the compiled vocabulary lives, and reading and writing it.

The pinned release ships as package data (``vocab/data/``).  A user can compile a newer
release with ``ldpress vocab --compile FILE --release N --out DIR`` and point ldpress at it
with the ``LDPRESS_VOCAB`` environment variable (or ``--vocab DIR``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson

from ldpress.errors import VocabularyError
from ldpress.vocab.compile import INDEX_FORMAT, compile_context, compile_index

PACKAGE_DATA = Path(__file__).parent / "data"
INDEX_NAME = "schemaorg-index.json"
CONTEXT_NAME = "schemaorg-context.jsonld"
ENV_VAR = "LDPRESS_VOCAB"


def vocab_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The directory holding the compiled index and context in use."""
    chosen = override or os.environ.get(ENV_VAR)
    return Path(chosen) if chosen else PACKAGE_DATA


def _read_json(path: Path) -> Any:
    try:
        return orjson.loads(path.read_bytes())
    except FileNotFoundError as exc:
        raise VocabularyError(f"compiled vocabulary file missing: {path}") from exc
    except orjson.JSONDecodeError as exc:
        raise VocabularyError(f"compiled vocabulary file is not JSON: {path}: {exc}") from exc


def read_index(directory: Path) -> dict[str, Any]:
    index = _read_json(directory / INDEX_NAME)
    if not isinstance(index, dict) or index.get("format") != INDEX_FORMAT:
        raise VocabularyError(f"{directory / INDEX_NAME} is not an ldpress index (format 1)")
    return index


def read_context(directory: Path) -> dict[str, Any]:
    ctx = _read_json(directory / CONTEXT_NAME)
    if not isinstance(ctx, dict) or "@context" not in ctx:
        raise VocabularyError(f"{directory / CONTEXT_NAME} has no @context")
    return ctx


def _dump(data: Any) -> bytes:
    return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"


def _read_release(path: Path, key: str) -> dict[str, Any]:
    try:
        doc = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as exc:
        raise VocabularyError(f"cannot read {path}: {exc}") from exc
    if not isinstance(doc, dict) or key not in doc:
        raise VocabularyError(f"{path} is not a schema.org release file (no {key})")
    return doc


def write_compiled(
    release_file: Path, release: str, out: Path, context_file: Path | None = None
) -> tuple[Path, Path]:
    """Compile ``release_file`` (and the release's context, when given) into ``out``."""
    from ldpress.fsutil import write_atomic

    doc = _read_release(release_file, "@graph")
    release_context = _read_release(context_file, "@context") if context_file else None
    index = compile_index(doc, release)
    context = compile_context(doc, index, release_context)
    out.mkdir(parents=True, exist_ok=True)
    index_path, context_path = out / INDEX_NAME, out / CONTEXT_NAME
    write_atomic(index_path, _dump(index))
    write_atomic(context_path, _dump(context))
    return index_path, context_path

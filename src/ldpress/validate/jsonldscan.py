"""Scans of a JSON-LD block as written that the JSON-LD layer makes before expanding it:
the context URLs it names (to refuse remote ones before any loader is asked), and where a key
first occurs (to locate an error pyld reports without a path).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ldpress.validate.fastexpand import is_schema_context
from ldpress.validate.model import PathTuple


def iter_context_urls(data: Any, path: PathTuple = ()) -> Iterator[tuple[PathTuple, str]]:
    """Every context URL a block names (in ``@context`` values, lists of them included)."""
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield from iter_context_urls(item, (*path, i))
    elif isinstance(data, dict):
        for key, value in data.items():
            if key == "@context":
                yield from _context_urls(value, (*path, key))
            else:
                yield from iter_context_urls(value, (*path, key))


def names_other_context(data: Any) -> bool:
    """Whether any ``@context`` in the block is other than a schema.org context URL: when
    not, :func:`iter_context_urls` has nothing to report, and this costs no path tuples."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "@context":
                if not is_schema_context(value):
                    return True
            elif isinstance(value, dict | list) and names_other_context(value):
                return True
    elif isinstance(data, list):
        return any(isinstance(item, dict | list) and names_other_context(item) for item in data)
    return False


def _context_urls(value: Any, path: PathTuple) -> Iterator[tuple[PathTuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _context_urls(item, (*path, i))
    elif isinstance(value, dict) and isinstance(value.get("@import"), str):
        yield (*path, "@import"), value["@import"]


def find_path(data: Any, keys: tuple[str, ...], path: PathTuple = ()) -> PathTuple | None:
    """Path of the first occurrence of any of ``keys`` (depth first), else None."""
    if isinstance(data, list):
        for i, item in enumerate(data):
            found = find_path(item, keys, (*path, i))
            if found is not None:
                return found
    elif isinstance(data, dict):
        for key, value in data.items():
            if key in keys:
                return (*path, key)
            found = find_path(value, keys, (*path, key))
            if found is not None:
                return found
    return None

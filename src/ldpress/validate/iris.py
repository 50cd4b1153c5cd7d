"""What an IRI or a JSON document looks like, by string tests alone.

Kept apart from the expansion modules so that the page loader (and through it a run whose
every file comes from the cache) can tell JSON-LD from other JSON without importing pyld.
"""

from __future__ import annotations

import re
from typing import Any

_ABSOLUTE_IRI = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$")  # pyld's own test


def is_absolute_iri(value: str) -> bool:
    """Whether ``value`` is an absolute IRI (or a blank node id) as pyld decides it."""
    return bool(_ABSOLUTE_IRI.match(value))


def looks_like_jsonld(data: Any) -> bool:
    """Whether a JSON document has, at its top level, a JSON-LD keyword or an IRI key: what
    tells a JSON-LD file from any other JSON file (an extractor's output, a config file)."""
    items = data if isinstance(data, list) else [data]
    return any(
        isinstance(item, dict) and any(k.startswith("@") or is_absolute_iri(k) for k in item)
        for item in items
    )

"""Offline JSON-LD: the document loader and pyld operations that use it."""

from __future__ import annotations

from ldpress.jsonld.loader import OfflineLoader, default_loader, is_schema_context_url
from ldpress.jsonld.ops import canonical_nquads, compact, expand

__all__ = [
    "OfflineLoader",
    "canonical_nquads",
    "compact",
    "default_loader",
    "expand",
    "is_schema_context_url",
]

"""JSON-LD operations through pyld and the offline loader: expand, compact, canonical RDF.

Every call passes the offline loader explicitly, so no pyld default (which would use the
network) is ever reached.
"""

from __future__ import annotations

from typing import Any

from pyld import jsonld

from ldpress.jsonld.loader import OfflineLoader, default_loader

SCHEMA_CONTEXT_URL = "https://schema.org"


def _options(loader: OfflineLoader | None, **extra: Any) -> dict[str, Any]:
    opts: dict[str, Any] = {"documentLoader": loader or default_loader()}
    opts.update(extra)
    return opts


def expand(doc: Any, base: str | None = None, loader: OfflineLoader | None = None) -> list[Any]:
    """Expanded form of ``doc``; raises pyld's JsonLdError on invalid JSON-LD."""
    extra: dict[str, Any] = {"base": base} if base else {}
    result: list[Any] = jsonld.expand(doc, _options(loader, **extra))
    return result


def compact(
    doc: Any, context: Any = SCHEMA_CONTEXT_URL, loader: OfflineLoader | None = None
) -> dict[str, Any]:
    """Compact ``doc`` against ``context`` (default: the schema.org context by URL)."""
    result: dict[str, Any] = jsonld.compact(doc, context, _options(loader))
    return result


def canonical_nquads(doc: Any, loader: OfflineLoader | None = None) -> str:
    """The URDNA2015 canonical N-Quads of ``doc``: equal strings mean the same RDF dataset."""
    result: str = jsonld.normalize(
        doc, _options(loader, algorithm="URDNA2015", format="application/n-quads")
    )
    return result

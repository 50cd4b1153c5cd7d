"""The offline document loader: the pinned schema.org context, and nothing else by default.

Every spelling of the schema.org context URL (http or https, with or without a trailing
slash, ``/docs/jsonldcontext.json`` or ``.jsonld``) is served from the compiled context in
package data and tagged ``static``, so pyld resolves it once per process and caches the
result (without the tag it re-processes the 200 KB context on every call).  Any other URL is
refused with :class:`ldpress.errors.RemoteDocumentRefused` unless the user allowlisted it;
only then, and only for that URL, is the network used.
"""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Callable, Iterable
from typing import Any

import orjson

from ldpress.errors import RemoteDocumentRefused
from ldpress.vocab import load_vocabulary

SCHEMA_CONTEXT_RE = re.compile(
    r"^https?://(?:www\.)?schema\.org(?:/|/docs/jsonldcontext\.json(?:ld)?)?$", re.IGNORECASE
)
MAX_REMOTE_BYTES = 1 << 20
REMOTE_TIMEOUT_S = 10.0

DocumentLoader = Callable[[str, dict[str, Any]], dict[str, Any]]


def is_schema_context_url(url: str) -> bool:
    return bool(SCHEMA_CONTEXT_RE.match(url.strip()))


def _remote_document(url: str, document: Any, static: bool) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": document,
    }
    if static:
        doc["tag"] = "static"
    return doc


def _fetch(url: str) -> Any:
    """Fetch an allowlisted context (the only network access ldpress makes, and on request)."""
    request = urllib.request.Request(url, headers={"Accept": "application/ld+json"})
    with urllib.request.urlopen(request, timeout=REMOTE_TIMEOUT_S) as response:
        body = response.read(MAX_REMOTE_BYTES + 1)
    if len(body) > MAX_REMOTE_BYTES:
        raise RemoteDocumentRefused(url)
    return orjson.loads(body)


class OfflineLoader:
    """A pyld document loader serving the pinned context; callable as ``loader(url, options)``."""

    def __init__(self, allow: Iterable[str] = (), fetch: Callable[[str], Any] = _fetch) -> None:
        self.allow = frozenset(allow)
        self._fetch = fetch
        self._fetched: dict[str, Any] = {}
        self.context = load_vocabulary().context

    def __call__(self, url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
        if is_schema_context_url(url):
            return _remote_document(url, self.context, static=True)
        if url in self.allow:
            if url not in self._fetched:
                self._fetched[url] = self._fetch(url)
            return _remote_document(url, self._fetched[url], static=True)
        raise RemoteDocumentRefused(url)


_DEFAULT: OfflineLoader | None = None


def default_loader() -> OfflineLoader:
    """The process-wide loader without allowlist (shared so pyld's cache is reused)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = OfflineLoader()
    return _DEFAULT

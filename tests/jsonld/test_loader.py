"""The offline loader serves every spelling of the schema.org context and nothing else."""

from __future__ import annotations

import socket

import pytest
from pyld import jsonld

from ldpress.errors import RemoteDocumentRefused
from ldpress.jsonld import OfflineLoader, canonical_nquads, compact, expand

SPELLINGS = [
    "https://schema.org",
    "https://schema.org/",
    "http://schema.org",
    "http://schema.org/",
    "https://schema.org/docs/jsonldcontext.json",
    "http://schema.org/docs/jsonldcontext.jsonld",
    "HTTPS://SCHEMA.ORG/",
]


@pytest.mark.parametrize("url", SPELLINGS)
def test_every_spelling_expands_to_http_schema_org(url: str) -> None:
    doc = {"@context": url, "@type": "NewsArticle", "headline": "x", "url": "https://e.org/a"}
    [node] = expand(doc)
    assert node["@type"] == ["http://schema.org/NewsArticle"]
    assert node["http://schema.org/headline"] == [{"@value": "x"}]
    assert node["http://schema.org/url"] == [{"@id": "https://e.org/a"}]


@pytest.mark.parametrize("url", SPELLINGS)
def test_served_document_is_static(url: str) -> None:
    remote = OfflineLoader()(url, {})
    assert remote["tag"] == "static"
    assert "@context" in remote["document"]


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/context.jsonld",
        "https://schema.org.evil.example/",
        "file:///etc/passwd",
        "https://schema.org/Person",
    ],
)
def test_other_urls_are_refused(url: str) -> None:
    with pytest.raises(RemoteDocumentRefused, match="offline"):
        OfflineLoader()(url, {})
    with pytest.raises(jsonld.JsonLdError):
        expand({"@context": url, "name": "x"})


def test_allowlisted_url_uses_the_fetcher_once() -> None:
    calls: list[str] = []

    def fetch(url: str) -> object:
        calls.append(url)
        return {"@context": {"@vocab": "https://example.org/v#"}}

    loader = OfflineLoader(allow=["https://example.org/ctx"], fetch=fetch)
    for _ in range(2):
        [node] = expand({"@context": "https://example.org/ctx", "name": "x"}, loader=loader)
        assert "https://example.org/v#name" in node
    assert calls == ["https://example.org/ctx"]


def test_sockets_are_blocked_in_tests() -> None:
    with pytest.raises(Exception, match=r"[Ss]ocket"):
        socket.create_connection(("127.0.0.1", 9))


def test_compact_and_canonical_are_offline() -> None:
    doc = {"@context": "https://schema.org/", "@type": "Person", "name": "Huang Youfu"}
    compacted = compact(expand(doc))
    assert compacted["name"] == "Huang Youfu"
    assert canonical_nquads(doc) == canonical_nquads(compacted)

"""The page graph: @id merging across blocks, resolved views, cycles, main entities."""

from __future__ import annotations

import json
from typing import Any

from ldpress.validate.model import Block, Context, Options, Source
from ldpress.validate.resolve import PageGraph, is_unresolved_reference, page_graph


def _source(*docs: Any, url: str | None = None) -> Source:
    blocks = [
        Block("p.html", i, "jsonld-script", 10 * i + 1, 1, text=json.dumps(d), data=d, parsed=True)
        for i, d in enumerate(docs)
    ]
    return Source("p.html", "html", blocks, text="", url=url)


def _entity(graph: PageGraph, type_name: str) -> Any:
    return next(e for e in graph.entities if type_name in e.types)


def test_reference_to_another_block_is_resolved() -> None:
    article = {"@context": "https://schema.org", "@type": "NewsArticle", "author": {"@id": "#jane"}}
    person = {"@context": "https://schema.org", "@id": "#jane", "@type": "Person", "name": "Jane"}
    graph = PageGraph(_source(article, person))
    view = graph.view(_entity(graph, "NewsArticle"))
    assert view.data["author"]["name"] == "Jane"
    at, where = view.locate(("author", "name"))
    assert (at.block.index, where) == (1, ("name",))


def test_descriptions_of_one_id_are_merged_first_wins() -> None:
    a = {"@id": "https://x.test/#org", "@type": "Organization", "name": "X"}
    b = {"@id": "https://x.test/#org", "url": "https://x.test/", "name": "Other"}
    graph = PageGraph(_source(a, b))
    (entity,) = graph.entities
    view = graph.view(entity)
    assert view.data["name"] == "X" and view.data["url"] == "https://x.test/"
    assert view.locate(("url",))[0].block.index == 1


def test_relative_ids_resolve_against_the_page_url() -> None:
    a = {"@type": "NewsArticle", "author": {"@id": "https://x.test/a#p"}}
    b = {"@id": "#p", "@type": "Person", "name": "P"}
    graph = PageGraph(_source(a, b, url="https://x.test/a"))
    assert graph.view(_entity(graph, "NewsArticle")).data["author"]["name"] == "P"


def test_cycles_and_dangling_references_stay_references() -> None:
    a = {"@id": "#a", "@type": "Person", "knows": {"@id": "#b"}, "colleague": {"@id": "#nowhere"}}
    b = {"@id": "#b", "@type": "Person", "knows": {"@id": "#a"}}
    graph = PageGraph(_source({"@graph": [a, b]}))
    view = graph.view(graph.by_id["#a"])
    assert view.data["knows"]["knows"] == {"@id": "#a"}
    assert is_unresolved_reference(view.data["colleague"])


def test_keys_are_normalised_and_value_objects_unwrapped() -> None:
    doc = {
        "@context": {"schema": "https://schema.org/"},
        "type": "schema:NewsArticle",
        "schema:headline": {"@value": "H"},
        "https://schema.org/keywords": {"@list": ["a", "b"]},
    }
    graph = PageGraph(_source(doc))
    data = graph.view(graph.entities[0]).data
    assert data == {"@type": "NewsArticle", "headline": "H", "keywords": ["a", "b"]}


def test_main_entities() -> None:
    page = {
        "@context": "https://schema.org",
        "@graph": [
            {"@id": "#page", "@type": "WebPage", "mainEntity": {"@id": "#article"}},
            {"@id": "#article", "@type": "NewsArticle", "about": {"@id": "#event"}},
            {"@id": "#event", "@type": "Event", "name": "mentioned"},
            {"@type": "Event", "name": "listed", "mainEntityOfPage": "https://x.test/"},
        ],
    }
    loose = {"@type": "Event", "name": "top-level, unreferenced"}
    graph = PageGraph(_source(page, loose))
    names = {graph.view(e).data.get("name") or e.id for e in graph.entities if e.key in graph.main}
    assert names == {"#page", "#article", "listed", "top-level, unreferenced"}


def test_nested_main_entity_of_a_webpage() -> None:
    doc = {"@type": "WebPage", "mainEntity": {"@type": "Event", "name": "inline"}}
    graph = PageGraph(_source(doc))
    event = _entity(graph, "Event")
    assert event.key in graph.main


def test_page_graph_is_built_once_per_context() -> None:
    source = _source({"@type": "Thing"})
    ctx = Context(Options())
    assert page_graph(source, ctx) is page_graph(source, ctx)


def test_unparsed_blocks_are_skipped() -> None:
    source = Source("p.html", "html", [Block("p.html", 0, "jsonld-script", 1, 1, text="{")])
    assert PageGraph(source).entities == []

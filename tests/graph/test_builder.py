"""The graph stage: ids, merge/dedupe, deterministic order, integrity."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ldpress.errors import UsageError
from ldpress.graph import (
    build_graph,
    dangling_references,
    merge_nodes,
    mint_id,
    order_nodes,
    output_path,
    sort_keys,
)

URL = "https://example.org/a"
keys = st.lists(
    st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8), min_size=1, max_size=3
).map("-".join)


@settings(max_examples=60)
@given(st.lists(keys, unique=True, max_size=30))
def test_ids_are_deterministic_and_unique(local: list[str]) -> None:
    ids = [mint_id(URL, k) for k in local]
    assert ids == [mint_id(URL, k) for k in local]
    assert len(set(ids)) == len(local)
    assert all(i.startswith(URL + "#") for i in ids)


def test_mint_id_ignores_a_fragment_in_the_url() -> None:
    assert mint_id(URL + "#x", "k") == URL + "#k"


@given(st.permutations([f"{URL}#{k}" for k in ("b", "main", "a", "c", "aa")]))
def test_order_is_main_first_then_by_id(ids: list[str]) -> None:
    ordered = [n["@id"] for n in order_nodes([{"@id": i} for i in ids], f"{URL}#main")]
    assert ordered == [f"{URL}#{k}" for k in ("main", "a", "aa", "b", "c")]


def test_sort_keys_puts_keywords_first_and_keeps_list_order() -> None:
    node = {"name": "x", "@type": "T", "author": [{"@id": "b"}, {"@id": "a"}], "@id": "i"}
    assert list(sort_keys(node)) == ["@id", "@type", "author", "name"]
    assert sort_keys(node)["author"] == [{"@id": "b"}, {"@id": "a"}]


def test_identical_descriptions_merge_and_conflicts_are_errors() -> None:
    a = {"@id": "x", "@type": "Person", "name": "A"}
    merged, conflicts = merge_nodes(a, {"@id": "x", "@type": "Person", "url": "u"})
    assert merged == {"@id": "x", "@type": "Person", "name": "A", "url": "u"} and not conflicts
    graph, findings = build_graph([a, dict(a), {"@id": "x", "@type": "Person", "name": "B"}], "x")
    assert len(graph) == 1
    assert [(f.code, f.node_id) for f in findings] == [("graph.conflicting_node", "x")]


def test_unsorted_graph_differs_from_the_sorted_one_only_in_key_order() -> None:
    nodes = [
        {"name": "B", "@type": "Person", "@id": "y"},
        {"url": "u", "@id": "x", "@type": "Person"},
        {"name": "A", "@id": "x"},
    ]
    ordered, found = build_graph(nodes, "x")
    unsorted, found_too = build_graph(nodes, "x", keys_sorted=False)
    assert unsorted == ordered and found == found_too
    assert [n["@id"] for n in unsorted] == ["x", "y"]
    assert list(unsorted[1]) == ["name", "@type", "@id"]
    assert [sort_keys(n) for n in unsorted] == ordered
    assert list(ordered[1]) == ["@id", "@type", "name"]


def test_dangling_same_document_references_are_found() -> None:
    graph = [
        {"@id": f"{URL}#main", "@type": "NewsArticle", "about": [{"@id": f"{URL}#gone"}]},
        {"@id": "https://other.example/#x", "@type": "Thing", "about": {"@id": f"{URL}#main"}},
    ]
    graph[0]["mentions"] = {"@id": "https://elsewhere.example/page#n"}  # a link out: fine
    findings = dangling_references(graph, "f")
    assert [(f.code, f.path, f.node_id) for f in findings] == [
        ("graph.dangling_ref", "$['@graph'][0].about[0]", f"{URL}#main")
    ]


@pytest.mark.parametrize("slug", ["../x", "a/b", "A", "", "a..b", "-a", "a" * 101, ".."])
def test_unsafe_slugs_cannot_name_a_path(tmp_path: Path, slug: str) -> None:
    with pytest.raises(UsageError):
        output_path(tmp_path, slug, "jsonld")


def test_safe_slug_stays_in_the_output_directory(tmp_path: Path) -> None:
    assert output_path(tmp_path, "japan-dprk-talks", "html") == tmp_path / "japan-dprk-talks.html"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.sampled_from([f"{URL}#a", f"{URL}#b", "x"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["@id", "@type", "@context", "a", "b"]), inner, max_size=3
        )
    ),
    max_leaves=20,
)


@settings(max_examples=200)
@given(st.lists(json_values, max_size=5))
def test_fast_reference_walk_finds_what_the_located_walk_finds(graph: list[object]) -> None:
    # dangling_references answers "none" from the path-less walk; it must see the same ids.
    from ldpress.graph.integrity import _referenced_ids, iter_references

    located = [ref for i, node in enumerate(graph) for _, ref in iter_references(node, (i,))]
    assert sorted(_referenced_ids(graph)) == sorted(located)

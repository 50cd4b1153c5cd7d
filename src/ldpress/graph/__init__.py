"""The graph stage: stable @ids, deduplication, deterministic order, integrity checks."""

from __future__ import annotations

from ldpress.graph.builder import build_graph, merge_nodes, order_nodes, sort_keys
from ldpress.graph.ids import document_of, is_safe_slug, mint_id, output_path
from ldpress.graph.integrity import dangling_references, iter_references

__all__ = [
    "build_graph",
    "dangling_references",
    "document_of",
    "is_safe_slug",
    "iter_references",
    "merge_nodes",
    "mint_id",
    "order_nodes",
    "output_path",
    "sort_keys",
]

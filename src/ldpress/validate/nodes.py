"""Walk the node objects of parsed JSON-LD blocks as written, with their JSON paths.

Most real pages use the schema.org context, where a key is a schema.org term (``headline``),
a CURIE (``schema:headline``) or a full IRI (``https://schema.org/headline``).  These helpers
name terms and types in that form so the layers can report findings at the exact path the
author wrote; anything they cannot name is left to the expansion-based checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ldpress.validate.model import Block, PathTuple
from ldpress.vocab.index import term_from_iri

TYPE_KEYS = ("@type", "type")
ID_KEYS = ("@id", "id")


def term_name(key: str) -> str | None:
    """The schema.org term a compact key names, or None for keywords and foreign terms."""
    if key.startswith("@"):
        return None
    if key.startswith("schema:"):
        return key[len("schema:") :]
    if "://" in key:
        return term_from_iri(key)
    if ":" in key:
        return None
    return key


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def type_names(node: dict[str, Any]) -> list[str]:
    """schema.org type names of a node as written (``NewsArticle``, ``schema:X``, IRIs)."""
    raw = node.get("@type", node.get("type"))
    names = []
    for t in as_list(raw):
        if isinstance(t, str):
            name = term_name(t)
            if name:
                names.append(name)
    return names


def node_id(node: dict[str, Any]) -> str | None:
    value = node.get("@id", node.get("id"))
    return value if isinstance(value, str) else None


def is_reference(node: Any) -> bool:
    """``{"@id": ...}`` with nothing else: a link to a node described elsewhere."""
    return isinstance(node, dict) and len(node) == 1 and node_id(node) is not None


@dataclass(frozen=True, slots=True)
class NodeAt:
    """A node object of a block, with its JSON path and the block it is in."""

    block: Block
    path: PathTuple
    node: dict[str, Any]


def _is_value_object(obj: dict[str, Any]) -> bool:
    return "@value" in obj


def iter_nodes(block: Block) -> Iterator[NodeAt]:
    """Every node object in the block, depth first in document order (value objects,
    ``@context`` and lists' ``@list`` wrappers are walked through, not yielded).  The walk
    is done once per block and shared by the layers (four of them walk every block)."""
    if not block.parsed:
        return iter(())
    nodes = block.memo.get("nodes")
    if nodes is None:
        nodes = block.memo["nodes"] = list(_walk_nodes(block))
    return iter(nodes)


def _walk_nodes(block: Block) -> Iterator[NodeAt]:
    stack: list[tuple[PathTuple, Any]] = [((), block.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, list):
            stack.extend(reversed([((*path, i), v) for i, v in enumerate(value)]))
            continue
        if not isinstance(value, dict) or _is_value_object(value):
            continue
        keys = [k for k in value if k != "@context"]
        if keys and not (len(keys) == 1 and keys[0] in ("@graph", "@list", "@set")):
            yield NodeAt(block, path, value)
        children = [((*path, k), value[k]) for k in keys if k not in TYPE_KEYS + ID_KEYS]
        stack.extend(reversed(children))

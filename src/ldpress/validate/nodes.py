"""Walk the node objects of parsed JSON-LD blocks as written, with their JSON paths.

Most real pages use the schema.org context, where a key is a schema.org term (``headline``),
a CURIE (``schema:headline``) or a full IRI (``https://schema.org/headline``).  These helpers
name terms and types in that form so the layers can report findings at the exact path the
author wrote; anything they cannot name is left to the expansion-based checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

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
    # ``node.get("@id", node.get("id"))`` without the second look-up when "@id" is there
    value = node["@id"] if "@id" in node else node.get("id")
    return value if isinstance(value, str) else None


def is_reference(node: Any) -> bool:
    """``{"@id": ...}`` with nothing else: a link to a node described elsewhere."""
    return isinstance(node, dict) and len(node) == 1 and node_id(node) is not None


@dataclass(slots=True)
class NodeAt:
    """A node object of a block, with its JSON path and the block it is in.

    Not frozen, but never assigned to: a frozen dataclass sets each field through
    ``object.__setattr__`` (~2x the cost), and one is made per node of every block."""

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
        nodes = block.memo["nodes"] = [at for at, _ in walk_scoped(block, _same, None)]
    return iter(nodes)


S = TypeVar("S")
_SKIP = frozenset(TYPE_KEYS + ID_KEYS + ("@context",))
_WRAPPERS = ("@graph", "@list", "@set")
_NESTS = (dict, list)


def _same(_local: Any, _path: PathTuple, scope: S) -> S:
    return scope


def walk_scoped(
    block: Block, enter: Callable[[Any, PathTuple, S], S], start: S
) -> list[tuple[NodeAt, S]]:
    """The nodes of :func:`iter_nodes`, each with a scope: ``start`` at the top, and
    ``enter(local_context, path, scope)`` at each object holding an ``@context`` (the
    object's own context applies to itself and everything below it)."""
    out: list[tuple[NodeAt, S]] = []
    stack: list[tuple[PathTuple, Any, S]] = [((), block.data, start)]
    while stack:
        path, value, scope = stack.pop()
        if isinstance(value, list):
            # scalars hold no nodes: not pushed at all
            items = [((*path, i), v, scope) for i, v in enumerate(value) if isinstance(v, _NESTS)]
            items.reverse()
            stack.extend(items)
            continue
        if not isinstance(value, dict) or _is_value_object(value):
            continue
        if "@context" in value:
            scope = enter(value["@context"], path, scope)
            n = len(value) - 1
        else:
            n = len(value)
        if n and not (n == 1 and _only_wrapper(value)):
            out.append((NodeAt(block, path, value), scope))
        children = [
            ((*path, k), v, scope)
            for k, v in value.items()
            if isinstance(v, _NESTS) and k not in _SKIP
        ]
        children.reverse()
        stack.extend(children)
    return out


def _only_wrapper(value: dict[str, Any]) -> bool:
    """Whether the one key besides ``@context`` is ``@graph``, ``@list`` or ``@set``."""
    return next(k for k in value if k != "@context") in _WRAPPERS

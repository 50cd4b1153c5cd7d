"""The node objects of a block with the active context at each: one walk, shared by layers.

The vocabulary and graph layers both need, for every node of a block, the terms its keys are
read with.  Looking the context up per node (from the root down to the node's path) repeats
the walk of every ancestor; here the walk of :func:`ldpress.validate.nodes.iter_nodes` carries
the active context down instead, and its result is kept in ``block.memo`` for the next layer.
A top-level array item starts from the empty context; an unusable context (refused, invalid)
gives None for everything below it, so no layer guesses what its terms mean.
"""

from __future__ import annotations

from typing import Any

from ldpress.jsonld import OfflineLoader
from ldpress.validate.fastexpand import Terms, is_schema_context, schema_terms
from ldpress.validate.model import Block, PathTuple
from ldpress.validate.nodes import NodeAt, walk_scoped

_MEMO = "blockterms.nodes"
_INITIAL: dict[int, tuple[OfflineLoader, Terms]] = {}


def initial_terms(loader: OfflineLoader) -> Terms:
    """The empty context's terms for ``loader``, processed once per loader: pyld builds a
    fresh initial context on each call, and its look-ups are memoised on the Terms."""
    got = _INITIAL.get(id(loader))
    if got is None or got[0] is not loader:
        if len(_INITIAL) > 64:  # runs with their own allowlists: keep the table small
            _INITIAL.clear()
        got = _INITIAL[id(loader)] = (loader, Terms.initial(loader))
    return got[1]


class _Scope:
    """Applies a node's own ``@context`` to the terms active above it."""

    def __init__(self, loader: OfflineLoader) -> None:
        self.initial = initial_terms(loader)

    def enter(self, local: Any, _path: PathTuple, terms: Terms | None) -> Terms | None:
        if terms is None:
            return None
        if is_schema_context(local) and (terms is self.initial or terms is schema_terms()):
            return schema_terms()
        try:
            return terms.with_context(local)
        except Exception:  # refused or invalid: the JSON-LD layer reports it
            return None


def nodes_with_terms(block: Block, loader: OfflineLoader) -> list[tuple[NodeAt, Terms | None]]:
    """Every node of ``block`` (as :func:`~ldpress.validate.nodes.iter_nodes` lists them)
    with the terms active at it; computed once per block and loader."""
    if not block.parsed:
        return []
    got = block.memo.get(_MEMO)
    if got is not None and got[0] is loader:
        return got[1]  # type: ignore[no-any-return]
    scope = _Scope(loader)
    start: Terms | None = scope.initial
    pairs = walk_scoped(block, scope.enter, start)
    block.memo[_MEMO] = (loader, pairs)
    block.memo.setdefault("nodes", [at for at, _ in pairs])
    return pairs

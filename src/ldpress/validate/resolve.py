"""The page graph: every node of every block of one source, indexed by ``@id``, resolvable.

Rules about a node often look at other nodes: ``author.name`` when the author is a
``{"@id": "#jane"}`` reference to a Person described in another script element of the same
page.  Failing such a rule is a known false positive of other validators; here a rule sees a
*resolved view*: a plain JSON tree in which references are replaced by the node described
elsewhere on the page (all descriptions of one ``@id`` merged, depth-limited, cycle-safe),
keys are schema.org term names and value objects are unwrapped.  Every dict of a view keeps
where each of its keys was written, so a finding is located at the author's own text.  The
graph also decides which nodes are the page's main entities (used by google-event).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

from ldpress.jsonld.loader import is_schema_context_url
from ldpress.validate.model import Block, Context, PathTuple, Source
from ldpress.validate.nodes import ID_KEYS, TYPE_KEYS, NodeAt, iter_nodes, node_id, term_name
from ldpress.validate.packs.values import vocabulary

# References followed from an entity.  The deepest rule crosses two (a ClaimReview's
# itemReviewed -> the Claim's author -> its name); one more is spare.  Each view is built
# per entity, so on interlinked graphs (Yoast's @graph links everything) a deeper limit
# resolves the whole page again and again: 6 cost the packs layer about half its time on
# the corpus, with byte-identical findings at 3.
MAX_DEPTH = 3
Origin = tuple[NodeAt, str]  # the description a view key came from, and the key as written


@dataclass(slots=True)
class Entity:
    """One node of the page: every description of one ``@id`` (or one anonymous node)."""

    key: str
    id: str | None
    descriptions: list[NodeAt]
    types: list[str] = field(default_factory=list)

    @property
    def primary(self) -> NodeAt:
        return self.descriptions[0]


@dataclass(slots=True)
class View:
    """A resolved, normalised tree for one entity, with the origin of every dict key."""

    data: dict[str, Any]
    root: NodeAt
    origins: dict[int, dict[str, Origin]]

    def locate(self, path: tuple[str | int, ...]) -> tuple[NodeAt, PathTuple]:
        """The description and the path as written for ``path`` inside the view."""
        at, where = self.root, self.root.path
        cur: Any = self.data
        for step in path:
            if isinstance(cur, dict) and isinstance(step, str):
                origin = self.origins.get(id(cur), {}).get(step)
                if origin is not None:
                    at, where = origin[0], (*origin[0].path, origin[1])
                else:
                    where = (*where, step)
                cur = cur.get(step)
            elif isinstance(cur, list) and isinstance(step, int) and step < len(cur):
                where = (*where, step)
                cur = cur[step]
            else:
                break
        return at, where


def uses_schema_terms(data: Any) -> bool:
    """False when a block's top-level ``@context`` is only other vocabularies' (a string or
    list naming no schema.org URL): its bare terms are then not schema.org's.  Blocks with
    no context or an inline one are read as schema.org, as consumers do."""
    docs = data if isinstance(data, list) else [data]
    for doc in docs:
        ctx = doc.get("@context") if isinstance(doc, dict) else None
        entries = ctx if isinstance(ctx, list) else [ctx]
        names = [c for c in entries if isinstance(c, str)]
        only_urls = bool(names) and len(names) == len(entries)
        if only_urls and not any(_schema_url(c) for c in names):
            return False
    return True


@lru_cache(maxsize=1024)
def _schema_url(url: str) -> bool:
    # Pure in the URL; nearly every block names the same one or two context URLs.
    return is_schema_context_url(url)


def is_top_level(path: PathTuple) -> bool:
    """A node written at the top of its block (possibly inside a top-level ``@graph``)."""
    # A loop, not all() over a generator (a frame per call): called for every node of a
    # page, and a nested node's path usually fails at its first or second step.
    for p in path:  # noqa: SIM110 - all() over a generator costs a frame per call
        if p != "@graph" and not isinstance(p, int):
            return False
    return True


@lru_cache(maxsize=16384)
def _join(base: str, raw: str) -> str:
    # Pages repeat their few @ids across nodes and blocks; urljoin costs ~15 us a call.
    return urljoin(base, raw)


_MAIN_ENDS = ("mainEntity", "mainEntityOfPage")
_ID_SET = frozenset(ID_KEYS)


class PageGraph:
    """All entities of one source, with ``@id`` look-up, main entities and resolved views."""

    def __init__(self, source: Source) -> None:
        self.base = source.url
        self.entities: list[Entity] = []
        self.by_id: dict[str, Entity] = {}
        self.referenced: set[str] = set()
        self._top: set[str] = set()
        self._views: dict[str, View] = {}
        for block in source.blocks:
            if uses_schema_terms(block.data):
                for at in iter_nodes(block):
                    self._add(at)
        self.main: frozenset[str] = self._main_entities()

    def canonical_id(self, raw: str) -> str:
        return _join(self.base, raw) if self.base else raw

    def _add(self, at: NodeAt) -> None:
        raw = node_id(at.node)
        top = is_top_level(at.path)
        if raw is None:
            entity = Entity(f"_:{at.block.index}:{at.path!r}", None, [at])
            self.entities.append(entity)
        else:
            ident = self.canonical_id(raw)
            found = self.by_id.get(ident)
            if found is None:
                entity = Entity(ident, ident, [])
                self.by_id[ident] = entity
                self.entities.append(entity)
            else:
                entity = found
            if not top:
                self.referenced.add(ident)
            if at.node.keys() <= _ID_SET:  # a bare reference describes nothing
                if not entity.descriptions:
                    entity.descriptions.append(at)
            elif entity.descriptions and entity.primary.node.keys() <= _ID_SET:
                entity.descriptions[0] = at
            else:
                entity.descriptions.append(at)
        for t in _type_names(at.node):
            if t not in entity.types:
                entity.types.append(t)
        if top:
            self._top.add(entity.key)

    def entity_at(self, at: NodeAt) -> Entity | None:
        raw = node_id(at.node)
        if raw is not None:
            return self.by_id.get(self.canonical_id(raw))
        return next((e for e in self.entities if e.primary is at), None)

    def _main_entities(self) -> frozenset[str]:
        """Top-level nodes nobody references, targets of a WebPage's mainEntity, and nodes
        that declare mainEntityOfPage."""
        vocab = vocabulary()
        main = {k for k in self._top if k not in self.referenced}
        for entity in self.entities:
            for at in entity.descriptions:
                # term_name(k) is a suffix of k: only keys ending so can name these two.
                props = {term_name(k): v for k, v in at.node.items() if k.endswith(_MAIN_ENDS)}
                if "mainEntityOfPage" in props:
                    main.add(entity.key)
                if "mainEntity" in props and any(
                    vocab.is_subtype(t, "WebPage") for t in entity.types
                ):
                    main.update(self._targets(at, props["mainEntity"]))
        return frozenset(main)

    def _targets(self, at: NodeAt, value: Any) -> Iterator[str]:
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                raw = node_id(item)
                if raw is not None:
                    yield self.canonical_id(raw)
                else:
                    path = next((n.path for n in iter_nodes(at.block) if n.node is item), None)
                    if path is not None:
                        yield f"_:{at.block.index}:{path!r}"

    def view(self, entity: Entity) -> View:
        """The resolved view of ``entity`` (computed once per graph)."""
        got = self._views.get(entity.key)
        if got is None:
            origins: dict[int, dict[str, Origin]] = {}
            data = _Resolver(self, origins).entity(entity, (entity.key,), 0)
            got = View(data, entity.primary, origins)
            self._views[entity.key] = got
        return got


def _type_names(node: dict[str, Any]) -> list[str]:
    raw = node["@type"] if "@type" in node else node.get("type")
    if raw.__class__ is str:  # the usual single type: one memoised look-up, no loop
        name = _type_name(raw)
        return [name] if name else []
    out = []
    for t in raw if isinstance(raw, list) else [raw]:
        if isinstance(t, str):
            name = _type_name(t)
            if name:
                out.append(name)
    return out


@lru_cache(maxsize=4096)
def _type_name(raw: str) -> str | None:
    # Pure in the string; a page names a handful of types across all its nodes.
    return term_name(raw)


class _Resolver:
    """Builds one view; ``stack`` holds the entity keys being expanded (cycle guard)."""

    def __init__(self, graph: PageGraph, origins: dict[int, dict[str, Origin]]) -> None:
        self.graph = graph
        self.origins = origins

    def entity(self, entity: Entity, stack: tuple[str, ...], depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        where: dict[str, Origin] = {}
        if entity.id is not None:
            out["@id"] = entity.id
        if entity.types:
            out["@type"] = entity.types[0] if len(entity.types) == 1 else list(entity.types)
        for at in entity.descriptions:
            for key, value in at.node.items():
                name = _view_key(key)
                if name is None or name == "@id" or name == "@type":
                    if name == "@type" and "@type" not in where:
                        where["@type"] = (at, key)
                    continue
                if name in out:
                    continue
                if isinstance(value, (dict, list)):
                    value = self.value(value, at.block, (*at.path, key), stack, depth)
                out[name] = value  # a scalar is its own view: no NodeAt for it
                where[name] = (at, key)
        self.origins[id(out)] = where
        return out

    # value and node take the block and JSON path of the value rather than a NodeAt: only an
    # anonymous node needs one (as its entity's description), so the others build none.
    def value(
        self, value: Any, block: Block, path: PathTuple, stack: tuple[str, ...], depth: int
    ) -> Any:
        if isinstance(value, list):
            return [
                self.value(v, block, (*path, i), stack, depth) if isinstance(v, (dict, list)) else v
                for i, v in enumerate(value)
            ]
        if not isinstance(value, dict):
            return value
        if "@value" in value:
            return value["@value"]
        if "@list" in value:
            return self.value(value["@list"], block, (*path, "@list"), stack, depth)
        if "@set" in value:
            return self.value(value["@set"], block, (*path, "@set"), stack, depth)
        return self.node(value, block, path, stack, depth)

    def node(
        self,
        value: dict[str, Any],
        block: Block,
        path: PathTuple,
        stack: tuple[str, ...],
        depth: int,
    ) -> Any:
        raw = node_id(value)
        if raw is None:
            anon = Entity("", None, [NodeAt(block, path, value)], _type_names(value))
            return self.entity(anon, stack, depth)
        ident = self.graph.canonical_id(raw)
        entity = self.graph.by_id.get(ident)
        if entity is None or ident in stack or depth >= MAX_DEPTH:
            # Unresolvable or cyclic: keep the reference (the graph layer reports dangling ones).
            return {"@id": ident}
        return self.entity(entity, (*stack, ident), depth + 1)


@lru_cache(maxsize=8192)
def _view_key(key: str) -> str | None:
    # Pure in the key; pages repeat a few dozen keys across thousands of view properties.
    if key in ID_KEYS:
        return "@id"
    if key in TYPE_KEYS:
        return "@type"
    if key.startswith("@"):
        return None
    return term_name(key) or key


def is_unresolved_reference(value: Any) -> bool:
    """A view value that is only ``{"@id": ...}``: defined nowhere on the page (or a cycle)."""
    return isinstance(value, dict) and set(value) == {"@id"}


def page_graph(source: Source, ctx: Context) -> PageGraph:
    """The page graph of ``source``, built once per run and shared by the layers."""
    cache: dict[int, PageGraph] = ctx.scratch.setdefault("page_graph", {})
    graph = cache.get(id(source))
    if graph is None:
        graph = PageGraph(source)
        cache[id(source)] = graph
    return graph

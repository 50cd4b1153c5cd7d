"""Convert extruct's microdata items and RDFa graph into schema.org-context JSON-LD nodes.

The output is meant to be read with ``"@context": "https://schema.org"``: schema.org types
and properties become short names, every other IRI stays absolute (the context leaves
absolute IRIs alone, so the conversion is lossless).  Where the schema.org context coerces a
term to ``@id`` (``url``, ``image``, ...), IRIs are written as plain strings and literals as
``{"@value": ...}``; elsewhere IRIs are ``{"@id": ...}``.  RDFa blank nodes referenced once
are embedded in their referrer; the rest keep stable labels (``_:b0``, ...) assigned in
output order, because pyRdfa's labels change from run to run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

import orjson

from ldpress.validate.model import PathTuple
from ldpress.vocab import load_vocabulary
from ldpress.vocab.index import term_from_iri

Labeler = Callable[[str], str]


@cache
def _id_terms() -> frozenset[str]:
    """schema.org terms the context coerces to ``@id``."""
    context = load_vocabulary().context
    inner = context.get("@context", context)
    return frozenset(k for k, v in inner.items() if isinstance(v, dict) and v.get("@type") == "@id")


def short(iri: str) -> str:
    return term_from_iri(iri) or iri


def _namespace(type_iri: str) -> str | None:
    """Vocabulary of a microdata item's type: None for schema.org (short names)."""
    if term_from_iri(type_iri) is not None or "://" not in type_iri:
        return None
    cut = max(type_iri.rfind("#"), type_iri.rfind("/"))
    return type_iri[: cut + 1]


def _prop_key(name: str, namespace: str | None) -> str:
    if "://" in name:
        return short(name)
    return namespace + name if namespace else name


def microdata_node(item: dict[str, Any], namespace: str | None = None) -> dict[str, Any]:
    """One microdata item in extruct's shape (``type``, ``id``, ``properties``) as a JSON-LD
    node."""
    node: dict[str, Any] = {}
    types = _types(item)
    if types:
        namespace = _namespace(types[0])
    if isinstance(item.get("id"), str):
        node["@id"] = item["id"]
    if types:
        names = [short(t) for t in types]
        node["@type"] = names[0] if len(names) == 1 else names
    for name, value in (item.get("properties") or {}).items():
        node[_prop_key(name, namespace)] = _md_value(value, namespace)
    return node


def _types(item: dict[str, Any]) -> list[str]:
    raw = item.get("type")
    return [raw] if isinstance(raw, str) else list(raw or [])


def _md_value(value: Any, namespace: str | None) -> Any:
    if isinstance(value, list):
        return [_md_value(v, namespace) for v in value]
    if isinstance(value, dict):
        return microdata_node(value, namespace)
    return value


def node_path(item: dict[str, Any], path: PathTuple, namespace: str | None = None) -> PathTuple:
    """The path in :func:`microdata_node`'s output of ``path`` in ``item``."""
    out: list[str | int] = []
    value: Any = item
    for step in path:
        if isinstance(step, int):
            value = value[step] if isinstance(value, list) and step < len(value) else None
            out.append(step)
            continue
        if not isinstance(value, dict):
            break
        types = _types(value)
        namespace = _namespace(types[0]) if types else namespace
        out.append(_prop_key(step, namespace))
        value = (value.get("properties") or {}).get(step)
    return tuple(out)


def _blank(_: str) -> str:
    return "_:"


def _has_schema_term(node: dict[str, Any]) -> bool:
    types = node.get("@type", [])
    return any(term_from_iri(t) for t in types if isinstance(t, str)) or any(
        term_from_iri(k) for k in node if not k.startswith("@")
    )


class _RdfaGraph:
    def __init__(self, expanded: list[dict[str, Any]]) -> None:
        self.nodes = {n["@id"]: n for n in expanded if isinstance(n.get("@id"), str)}
        self.refs: dict[str, int] = {}
        for node in self.nodes.values():
            for key, values in node.items():
                if key.startswith("@") or not isinstance(values, list):
                    continue
                for v in values:
                    target = v.get("@id") if isinstance(v, dict) else None
                    if isinstance(target, str) and target in self.nodes and target != node["@id"]:
                        self.refs[target] = self.refs.get(target, 0) + 1

    def embedded(self, node_id: str) -> bool:
        return node_id.startswith("_:") and self.refs.get(node_id, 0) == 1

    def roots(self) -> list[dict[str, Any]]:
        return [
            n
            for i, n in self.nodes.items()
            if not self.embedded(i) and (_has_schema_term(n) or (i in self.refs))
        ]

    def convert(self, node: dict[str, Any], label: Labeler, seen: frozenset[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        node_id = node["@id"]
        if not node_id.startswith("_:"):
            out["@id"] = node_id
        elif not self.embedded(node_id) and node_id in self.refs:
            out["@id"] = label(node_id)  # a blank node several others point to
        types = sorted(short(t) for t in node.get("@type", []) if isinstance(t, str))
        if types:
            out["@type"] = types[0] if len(types) == 1 else types
        inner = seen | {node_id}
        for key in sorted(k for k in node if not k.startswith("@")):
            term = short(key)
            # rdflib yields a property's values in hash order, which changes between runs.
            ordered = sorted(node[key], key=lambda v: self._sort_key(v, term, inner))
            values = [self.value(v, term, label, inner) for v in ordered]
            out[term] = values[0] if len(values) == 1 else values
        return out

    def _sort_key(self, v: Any, term: str, seen: frozenset[str]) -> bytes:
        return orjson.dumps(self.value(v, term, _blank, seen), option=orjson.OPT_SORT_KEYS)

    def value(self, v: Any, term: str, label: Labeler, seen: frozenset[str]) -> Any:
        if not isinstance(v, dict):
            return v
        as_id = term in _id_terms()
        if "@list" in v:
            return {"@list": [self.value(x, term, label, seen) for x in v["@list"]]}
        if "@id" in v:
            target = v["@id"]
            if target in self.nodes and self.embedded(target) and target not in seen:
                return self.convert(self.nodes[target], label, seen)
            ref = label(target) if target.startswith("_:") else target
            return ref if as_id and not ref.startswith("_:") else {"@id": ref}
        if "@language" in v or "@type" in v or as_id:
            return dict(v)
        return v.get("@value")


_SLASHLESS = re.compile(r"^(https?://schema\.org)(?=[A-Za-z])")


def fix_slashless_vocab(expanded: list[dict[str, Any]]) -> bool:
    """Rewrite ``https://schema.orgPerson`` (what ``vocab="https://schema.org"`` without
    the trailing slash makes of ``Person``) to ``https://schema.org/Person``, in place.
    True when anything was rewritten, so the caller can warn."""
    changed = False

    def fix(iri: str) -> str:
        nonlocal changed
        new = _SLASHLESS.sub(r"\1/", iri)
        changed = changed or new != iri
        return new

    for node in expanded:
        if isinstance(node.get("@type"), list):
            node["@type"] = [fix(t) if isinstance(t, str) else t for t in node["@type"]]
        for key in [k for k in node if not k.startswith("@")]:
            node[fix(key)] = node.pop(key)
    return changed


def other_vocabulary_types(expanded: list[dict[str, Any]]) -> list[str]:
    """Types of RDFa nodes left out for having no schema.org term (``foaf:Image``, ...)."""
    found = {
        t
        for n in expanded
        if not _has_schema_term(n)
        for t in n.get("@type", [])
        if isinstance(t, str)
    }
    return sorted(found)


def rdfa_nodes(expanded: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Top-level schema.org nodes of extruct's RDFa output (expanded JSON-LD), in a
    deterministic order, blank nodes embedded or relabelled."""
    graph = _RdfaGraph(expanded)
    roots = graph.roots()

    def key(node: dict[str, Any]) -> bytes:
        return orjson.dumps(graph.convert(node, _blank, frozenset()), option=orjson.OPT_SORT_KEYS)

    roots.sort(key=key)
    labels: dict[str, str] = {}

    def label(node_id: str) -> str:
        return labels.setdefault(node_id, f"_:b{len(labels)}")

    return [graph.convert(n, label, frozenset()) for n in roots]

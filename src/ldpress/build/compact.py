"""Compaction of a graph the build made itself, without a JSON-LD processor.

The build's nodes use schema.org terms only, so expanding them against the pinned context
and compacting the result back (what :func:`ldpress.build.jsonld.compact_graph` does with
pyld, about 20 ms per article) changes only a few things, which this module does directly in
about a hundredth of the time:

- a reference ``{"@id": iri}`` under a term the context types as ``@id`` (``url``,
  ``image``, ``sameAs``, ...) becomes the bare ``iri``;
- a one-element list becomes its element (pyld's ``compactArrays``).

Everything else (keys, ``@type`` names, literals, dates under ``Date``-typed terms, embedded
nodes, references under other terms) compacts to itself.  Anything outside what that
argument covers raises :class:`Unsupported` and the caller falls back to pyld: a key or type
that is not a schema.org term mapping to ``schema:<name>``, another ``@`` keyword, an IRI that
a context prefix could shorten to a CURIE or whose scheme is a term, a relative or blank-node
IRI, a top-level node with nothing but ``@id`` (expansion drops it), ``null``, an empty or
nested list, a non-string value under a typed term.  tests/build/test_compact.py checks the
equality with pyld on the seed, the examples and Hypothesis-generated graphs.
"""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from ldpress.build.jsonld import publish_context
from ldpress.graph.builder import key_order

_SCHEMA = "schema:"


class Unsupported(Exception):
    """The graph holds something this compaction does not cover; use pyld."""


class _Terms(NamedTuple):
    plain: frozenset[str]  # schema:<name>, no coercion
    iri: frozenset[str]  # "@type": "@id"
    date: frozenset[str]  # "@type": "Date"
    prefixes: tuple[str, ...]  # every prefix IRI of the context
    names: frozenset[str]  # every term (a scheme that is a term would expand)


@cache
def _terms() -> _Terms:
    ctx = publish_context()
    plain: set[str] = set()
    iri: set[str] = set()
    date: set[str] = set()
    for term, definition in ctx.items():
        if not isinstance(definition, dict) or definition.get("@id") != _SCHEMA + term:
            continue
        if set(definition) - {"@id", "@type"}:
            continue  # a container or language: not covered
        coerce = definition.get("@type")
        kinds: dict[object, set[str]] = {None: plain, "@id": iri, "Date": date}
        kinds.get(coerce, set()).add(term)
    prefixes = tuple(sorted(v for k, v in ctx.items() if isinstance(v, str) and k != "@vocab"))
    return _Terms(frozenset(plain), frozenset(iri), frozenset(date), prefixes, frozenset(ctx))


def _iri(value: Any, terms: _Terms) -> str:
    """An IRI pyld would compact (with ``vocab: false``) to itself."""
    if not isinstance(value, str):
        raise Unsupported(f"IRI {value!r} is not a string")
    scheme, colon, rest = value.partition(":")
    if not colon or not scheme or scheme == "_" or not rest:
        raise Unsupported(f"not an absolute IRI: {value!r}")
    if scheme in terms.names or value.startswith(terms.prefixes):
        raise Unsupported(f"a context prefix or term applies to {value!r}")
    return value


def _type(value: Any, terms: _Terms) -> str:
    if not isinstance(value, str) or value not in terms.plain:
        raise Unsupported(f"@type {value!r} is not a plain schema.org term")
    return value


def _node(node: dict[str, Any], terms: _Terms) -> dict[str, Any]:
    # Keys are visited in the published order, so the result needs no sort_keys pass: every
    # object of the result is a node made here or an ``{"@id": ...}``.
    out: dict[str, Any] = {}
    keys = sorted(node)
    # Code point order is the published order when no key sorts before "@" ("@id" < "@type"
    # < letters; another @-keyword raises Unsupported whatever the order), and costs a
    # third of a sort with a key function.  "3DModel", a type name, is the one schema.org
    # term that does not start with a letter.
    if keys and keys[0] < "@":
        keys.sort(key=key_order)
    for key in keys:
        value = node[key]
        if key == "@id":
            out[key] = _iri(value, terms)
        elif key == "@type":
            out[key] = _type(value, terms)
        elif key in terms.plain:
            out[key] = _values(value, terms, _plain_value)
        elif key in terms.iri:
            out[key] = _values(value, terms, _iri_value)
        elif key in terms.date:
            out[key] = _values(value, terms, _date_value)
        else:
            raise Unsupported(f"key {key!r} is not a schema.org term")
    return out


def _values(value: Any, terms: _Terms, one: Any) -> Any:
    if isinstance(value, list):
        if not value:
            raise Unsupported("empty list")
        items = [one(v, terms) for v in value]
        return items[0] if len(items) == 1 else items
    return one(value, terms)


def _plain_value(value: Any, terms: _Terms) -> Any:
    if isinstance(value, dict):
        if set(value) == {"@id"}:
            return {"@id": _iri(value["@id"], terms)}
        return _node(value, terms)
    if isinstance(value, str | bool | int | float):
        return value
    raise Unsupported(f"value {value!r}")


def _iri_value(value: Any, terms: _Terms) -> Any:
    if isinstance(value, dict):
        if set(value) == {"@id"}:
            return _iri(value["@id"], terms)
        return _node(value, terms)
    return _iri(value, terms)


def _date_value(value: Any, terms: _Terms) -> Any:
    if not isinstance(value, str):
        raise Unsupported(f"non-string {value!r} under a Date-typed term")
    return value


def compact_nodes(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The compacted form of the top-level ``nodes`` (wire form, schema.org terms), equal to
    what pyld's expand + compact against the pinned context gives, with every object's keys
    in :func:`ldpress.graph.builder.sort_keys` order; raises
    :class:`Unsupported` when the graph is outside what this function covers."""
    terms = _terms()
    out = []
    for node in nodes:
        if not isinstance(node, dict) or not set(node) - {"@id"}:
            raise Unsupported("a top-level value that is not a node with properties")
        out.append(_node(node, terms))
    return out

"""Expand a built graph and compact it into the published bundle form.

Published bundles use ``@type``/``@id`` (what consumers expect), so compaction runs against
the pinned context without its ``type``/``id`` aliases, and the result's ``@context`` is then
set to ``"https://schema.org"``.  Compaction against the full 3,000-term context costs about
0.4 s per article in pyld (each IRI that is not a term is tried against every term as a
CURIE prefix), so it runs against the *subset* of the context that can matter for this
document: every term whose IRI occurs in it, every term named like a schema.org suffix that
occurs in it, every prefix definition that could apply to one of its IRIs, and ``@vocab``.  Those definitions are copied verbatim,
so term selection and CURIE selection see the same candidates; a test compares the result
with compaction against the whole context.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from typing import Any

from pyld import jsonld

from ldpress.graph.builder import order_nodes, sort_keys
from ldpress.jsonld import default_loader, expand
from ldpress.jsonld.ops import SCHEMA_CONTEXT_URL
from ldpress.vocab import load_vocabulary

SCHEMA_VOCAB = "http://schema.org/"


@cache
def publish_context() -> dict[str, Any]:
    """The pinned context's term definitions without the ``type`` and ``id`` aliases."""
    ctx = copy.deepcopy(load_vocabulary().context["@context"])
    ctx.pop("type", None)
    ctx.pop("id", None)
    return dict(ctx)


def _expand_term_iri(value: Any, prefixes: dict[str, str]) -> str | None:
    raw = value if isinstance(value, str) else value.get("@id") if isinstance(value, dict) else None
    if not isinstance(raw, str):
        return None
    prefix, sep, rest = raw.partition(":")
    if sep and prefix in prefixes and not rest.startswith("//"):
        return prefixes[prefix] + rest
    return raw


@cache
def _index() -> tuple[dict[str, Any], dict[str, list[str]]]:
    """(always-included definitions, IRI → terms) for the publish context."""
    ctx = publish_context()
    always = {k: v for k, v in ctx.items() if isinstance(v, str)}
    prefixes = {k: v for k, v in always.items() if not k.startswith("@")}
    by_iri: dict[str, list[str]] = {}
    for term, definition in ctx.items():
        iri = _expand_term_iri(definition, prefixes)
        if iri is not None and not term.startswith("@"):
            by_iri.setdefault(iri, []).append(term)
    return always, by_iri


def _collect_iris(value: Any, out: set[str]) -> None:
    if isinstance(value, list):
        for item in value:
            _collect_iris(item, out)
    elif isinstance(value, dict):
        for key, item in value.items():
            if not key.startswith("@"):
                out.add(key)
            elif key == "@type":
                out.update(t for t in (item if isinstance(item, list) else [item]))
                continue
            _collect_iris(item, out)
    elif isinstance(value, str):
        out.add(value)


_CUTS = re.compile(r"[/#:?\[\]@]")


@cache
def _prefixes_by_iri() -> dict[str, list[str]]:
    always, _ = _index()
    out: dict[str, list[str]] = {}
    for term, iri in always.items():
        if not term.startswith("@"):
            out.setdefault(iri, []).append(term)
    return out


def _usable_prefixes(iris: set[str]) -> set[str]:
    """Prefix terms that could be chosen for, or confused with, one of ``iris``.

    A prefix applies when its IRI starts the IRI (prefix IRIs end in a delimiter, so only
    the IRI's cuts after a delimiter need looking up) or when the IRI starts with
    ``term:``.  The others would only lengthen pyld's linear CURIE search.
    """
    by_iri = _prefixes_by_iri()
    terms = {t for ts in by_iri.values() for t in ts}
    found: set[str] = set()
    for prefix_iri, prefix_terms in by_iri.items():
        if not _CUTS.search(prefix_iri[-1]) and any(i.startswith(prefix_iri) for i in iris):
            found.update(prefix_terms)  # e.g. xml's namespace IRI ends without a delimiter
    for iri in iris:
        scheme = iri.split(":", 1)[0]
        if scheme in terms:
            found.add(scheme)
        for m in _CUTS.finditer(iri):
            found.update(by_iri.get(iri[: m.end()], ()))
    return found


def subset_context(expanded: Any) -> dict[str, Any]:
    """The part of the publish context that compaction of ``expanded`` can use."""
    ctx = publish_context()
    always, by_iri = _index()
    iris: set[str] = set()
    _collect_iris(expanded, iris)
    terms: set[str] = set()
    for iri in iris:
        terms.update(by_iri.get(iri, ()))
        if iri.startswith(SCHEMA_VOCAB) and iri[len(SCHEMA_VOCAB) :] in ctx:
            terms.add(iri[len(SCHEMA_VOCAB) :])
    # A definition's "@type": "Date" names a term; it must be defined for the coercion.
    for term in list(terms):
        definition = ctx[term]
        coerce = definition.get("@type") if isinstance(definition, dict) else None
        if isinstance(coerce, str) and coerce in ctx:
            terms.add(coerce)
    subset = {k: v for k, v in always.items() if k.startswith("@")}
    subset.update({k: always[k] for k in _usable_prefixes(iris)})
    subset.update({t: ctx[t] for t in sorted(terms)})
    return subset


def compact_graph(expanded: list[Any], context: dict[str, Any]) -> dict[str, Any]:
    """pyld compaction of ``expanded`` against an inline context, always with ``@graph``.

    ``skipExpansion``: the input is already expanded, and pyld would otherwise expand it a
    second time (a third of the build's time).
    """
    options = {"documentLoader": default_loader(), "skipExpansion": True}
    result: dict[str, Any] = jsonld.compact(expanded, {"@context": context}, options)
    result.pop("@context", None)
    if "@graph" not in result:
        result = {"@graph": [result]} if result else {"@graph": []}
    return result


def pyld_compact(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The top-level nodes of ``nodes`` expanded and compacted by pyld (the reference)."""
    expanded = expand({"@context": SCHEMA_CONTEXT_URL, "@graph": nodes})
    graph: list[dict[str, Any]] = compact_graph(expanded, subset_context(expanded))["@graph"]
    return graph


def to_bundle(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """Expand ``nodes`` (wire form, schema.org terms) and compact them into a bundle.

    The direct compaction of :mod:`ldpress.build.compact` covers what the build makes
    from its models; anything else goes through pyld.
    """
    from ldpress.build.compact import Unsupported, compact_nodes  # it imports this module

    try:
        compacted = compact_nodes(nodes)  # keys already in the published order
    except Unsupported:
        # pyld keeps array order and sorts keys already; re-applying the graph stage's order
        # makes the published order independent of that implementation detail.
        compacted = [sort_keys(n) for n in pyld_compact(nodes)]
    main_id = str(nodes[0].get("@id", "")) if nodes else ""
    graph = order_nodes(compacted, main_id)
    return {"@context": SCHEMA_CONTEXT_URL, "@graph": graph}

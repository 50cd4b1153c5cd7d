"""Compile a schema.org release file into ldpress's compact index and JSON-LD context.

Input: a release's ``schemaorg-current-https.jsonld`` (the vocabulary as one JSON-LD graph).
Output: two JSON documents.  The *index* keeps what validation needs (types with parents,
properties with domain and range, enumeration members, supersededBy, the pending area) and
nothing else; only ``schema:`` terms are kept (the release also describes og:, dct:, gs1: and
other equivalents, which are not schema.org terms).  The *context* is derived the way the
release's own ``schemaorgcontext.jsonld`` is: every term mapped to ``schema:<term>``,
``@vocab`` http://schema.org/, URL-only ranges coerced to ``@id`` and Date-only ranges to
``Date``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

SCHEMA_PREFIX = "schema:"
ATTRIBUTION = (
    "Derived from the schema.org vocabulary (https://schema.org), release {release}, "
    "licensed under the Creative Commons Attribution-ShareAlike 3.0 licence "
    "(https://creativecommons.org/licenses/by-sa/3.0/). Compiled by ldpress; only the terms, "
    "hierarchy, domains, ranges, enumeration members and status flags are kept."
)
INDEX_FORMAT = 1
_META_TYPES = {"rdfs:Class", "rdf:Property", "schema:DataType"}


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _ids(value: Any) -> list[str]:
    return [v["@id"] for v in _as_list(value) if isinstance(v, dict) and "@id" in v]


def _local(curie: str) -> str | None:
    """``schema:Thing`` -> ``Thing``; anything outside schema.org -> None."""
    if curie.startswith(SCHEMA_PREFIX):
        return curie[len(SCHEMA_PREFIX) :]
    for base in ("http://schema.org/", "https://schema.org/"):
        if curie.startswith(base):
            return curie[len(base) :]
    return None


def _locals(curies: Iterable[str]) -> list[str]:
    return sorted({name for c in curies if (name := _local(c)) is not None})


def _area(node: dict[str, Any]) -> str | None:
    for part in _ids(node.get("schema:isPartOf")):
        host = part.split("//", 1)[-1].split(".", 1)[0]
        return host
    return None


def _status(node: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    area = _area(node)
    if area:
        out["area"] = area
    if area == "pending":
        out["pending"] = True
    superseded = _locals(_ids(node.get("schema:supersededBy")))
    if superseded:
        out["superseded_by"] = superseded
    return out


def compile_index(release_doc: dict[str, Any], release: str) -> dict[str, Any]:
    """Build the compact index from a release's JSON-LD vocabulary document."""
    types: dict[str, dict[str, Any]] = {}
    properties: dict[str, dict[str, Any]] = {}
    members: dict[str, dict[str, Any]] = {}
    for node in release_doc["@graph"]:
        name = _local(node.get("@id", ""))
        if name is None:
            continue
        node_types = _as_list(node.get("@type"))
        if "rdf:Property" in node_types:
            entry: dict[str, Any] = {
                "domain": _locals(_ids(node.get("schema:domainIncludes"))),
                "range": _locals(_ids(node.get("schema:rangeIncludes"))),
            }
            parents = _locals(_ids(node.get("rdfs:subPropertyOf")))
            if parents:
                entry["parents"] = parents
            inverse = _locals(_ids(node.get("schema:inverseOf")))
            if inverse:
                entry["inverse_of"] = inverse
            entry.update(_status(node))
            properties[name] = entry
            continue
        if "rdfs:Class" in node_types or "schema:DataType" in node_types:
            entry = {"parents": _locals(_ids(node.get("rdfs:subClassOf")))}
            if "schema:DataType" in node_types:
                entry["datatype"] = True
            entry.update(_status(node))
            types[name] = entry
        enum_of = _locals(t for t in node_types if t not in _META_TYPES)
        if enum_of:
            member = {"of": enum_of}
            member.update(_status(node))
            members[name] = member
    return {
        "format": INDEX_FORMAT,
        "release": release,
        "vocab": "http://schema.org/",
        "license": "CC BY-SA 3.0",
        "attribution": ATTRIBUTION.format(release=release),
        "types": dict(sorted(types.items())),
        "properties": dict(sorted(properties.items())),
        "members": dict(sorted(members.items())),
    }


def _coercion(ranges: list[str]) -> str | None:
    if "Text" in ranges:
        return None
    if "URL" in ranges:
        return "@id"
    if "Date" in ranges:
        return "Date"
    return None


def compile_context(
    release_doc: dict[str, Any],
    index: dict[str, Any],
    release_context: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Derive the JSON-LD context from the release's prefixes and the compiled index.

    The release's published context also carries terms that were retired to schema.org's
    attic (``productReturnDays``, ``StupidType``, ...) and the ``xml`` prefix, none of which
    the vocabulary graph describes.  When that context is given, those entries are carried
    over unchanged, and the retired term names are recorded in ``index["retired"]`` so that
    validation reports them as retired instead of silently accepting them.
    """
    prefixes = {
        k: v
        for k, v in release_doc.get("@context", {}).items()
        if isinstance(v, str) and not k.startswith("@")
    }
    prefixes["schema"] = "http://schema.org/"
    ctx: dict[str, Any] = {
        "type": "@type",
        "id": "@id",
        "HTML": {"@id": "rdf:HTML"},
        "@vocab": "http://schema.org/",
    }
    ctx.update(sorted(prefixes.items()))
    terms: dict[str, dict[str, str]] = {}
    for name in index["types"]:
        terms[name] = {"@id": f"schema:{name}"}
    for name in index["members"]:
        terms.setdefault(name, {"@id": f"schema:{name}"})
    for name, prop in index["properties"].items():
        term = {"@id": f"schema:{name}"}
        coerce = _coercion(prop["range"])
        if coerce:
            term["@type"] = coerce
        terms[name] = term
    ctx.update(sorted(terms.items()))
    if release_context is not None:
        retired = []
        for key, value in release_context.get("@context", {}).items():
            if key in ctx:
                continue
            ctx[key] = value
            if isinstance(value, dict):
                retired.append(key)
        index["retired"] = sorted(retired)
    return {"@context": ctx}

"""Value ranges for the vocabulary layer, with the leniency schema.org itself states.

schema.org: "we expect that Text will be given where an entity is expected", and a URL naming
the entity is as common, so a string where an entity is expected is fine (no finding).  JSON
numbers and booleans where Text is expected are fine too (the vocabulary's examples write
``"ratingValue": 4``).  What is reported: a node whose type is unrelated to the range (an
error: ``author`` given a Place), a number or boolean where only entities fit (info: a bare
``"width": 800`` where Distance or QuantitativeValue is expected is everywhere on real pages
and read as meant, like Text where an entity is expected),
and an enumeration value that is no member of the enumeration (an error; a full IRI,
``https://schema.org/X``, ``schema:X`` or a bare name are all accepted).  A Role node is
always accepted where its property's range is expected (schema.org's Role pattern).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ldpress.findings import Severity
from ldpress.validate.fastexpand import Terms
from ldpress.validate.model import Context, PathTuple
from ldpress.validate.nodes import is_reference, node_id
from ldpress.validate.vocablookups import lookups_for
from ldpress.vocab import Vocabulary, load_vocabulary, term_from_iri
from ldpress.vocab.store import ENV_VAR as VOCAB_ENV

Report = Callable[..., None]


_PROCESS_VOCAB: dict[str | None, Vocabulary] = {}


def vocab_for(ctx: Context) -> Vocabulary:
    """The run's vocabulary, looked up once per process and ``LDPRESS_VOCAB`` value:
    ``load_vocabulary`` resolves its directory's path on every call (~40 us, a tenth of a
    small JSON-LD file's whole validation)."""
    vocab = ctx.scratch.get("vocab.vocabulary")
    if not isinstance(vocab, Vocabulary):
        env = os.environ.get(VOCAB_ENV)
        vocab = _PROCESS_VOCAB.get(env)
        if vocab is None:
            vocab = _PROCESS_VOCAB[env] = load_vocabulary()
        ctx.scratch["vocab.vocabulary"] = vocab
    return vocab


@lru_cache(maxsize=65536)
def schema_name(iri: str | None) -> str | None:
    """The schema.org term an expanded IRI names (None for keywords and foreign IRIs);
    memoised: pages repeat the same few hundred IRIs and the look-up tries many prefixes."""
    if iri is None or iri.startswith("@"):
        return None
    name = term_from_iri(iri)
    return name or None


def member_name(value: str) -> str | None:
    """The term an enumeration value names: full IRI, ``schema:X`` or bare ``X``."""
    if value.startswith("schema:"):
        return value[len("schema:") :]
    if "://" in value:
        return schema_name(value)
    return value if value and ":" not in value else None


def additional_types(node: dict[str, Any], terms: Terms, vocab: Vocabulary) -> list[str]:
    """schema.org types a node names in ``additionalType``.

    schema.org: additionalType "corresponds to the use of rdf:type in syntax such as RDFa and
    JSON-LD"; microdata can give an item one vocabulary type only, so schema.org's own
    microdata examples multi-type with ``<link itemprop="additionalType"
    href="https://schema.org/Event">``.  Only schema.org IRIs (``https://schema.org/X``,
    ``schema:X``) naming a known type count; other vocabularies' classes are not ours.
    """
    out: list[str] = []
    for key, value in node.items():
        if key.startswith("@") or terms.schema_name(key) != "additionalType":
            continue
        for v in value if isinstance(value, list) else [value]:
            raw = v.get("@id", v.get("@value")) if isinstance(v, dict) else v
            if not isinstance(raw, str):
                continue
            raw = raw.strip()
            name = raw[len("schema:") :] if raw.startswith("schema:") else schema_name(raw)
            if name and vocab.is_type(name) and name not in out:
                out.append(name)
    return out


class NodeTypes:
    """The schema.org types of node objects, each computed once per (node, terms) in one
    layer run: the @id index, the node's own check and range checks of the nodes holding
    it all ask.  Keys are object ids, so it must not outlive the run's documents."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self._written: dict[tuple[int, int], list[str]] = {}
        self._extra: dict[tuple[int, int], list[str]] = {}

    def written(self, node: dict[str, Any], terms: Terms) -> list[str]:
        """schema.org names in the node's @type (or ``type``), as written, in order."""
        key = (id(node), id(terms))
        got = self._written.get(key)
        if got is None:
            raw = node.get("@type", node.get("type"))
            name_of = terms.schema_name
            got = self._written[key] = [
                name
                for t in (raw if isinstance(raw, list) else [raw])
                if isinstance(t, str) and (name := name_of(t)) is not None
            ]
        return got

    def extra(self, node: dict[str, Any], terms: Terms) -> list[str]:
        """:func:`additional_types` of the node."""
        key = (id(node), id(terms))
        got = self._extra.get(key)
        if got is None:
            got = self._extra[key] = additional_types(node, terms, self.vocab)
        return got


class RangeCheck:
    """Range checks of one block's property values (``typed``: types per @id on the page)."""

    def __init__(
        self,
        vocab: Vocabulary,
        terms: Terms,
        typed: dict[str, set[str]],
        infos: bool = True,
        types: NodeTypes | None = None,
    ) -> None:
        self.vocab = vocab
        self.lookups = lookups_for(vocab)
        self.terms = terms
        self.typed = typed
        self.infos = infos
        self.types = types if types is not None else NodeTypes(vocab)

    def check(self, prop: str, value: Any, path: PathTuple, report: Report) -> None:
        """Report each value of ``prop`` outside its range through ``report``."""
        info = self.lookups.range_info(prop)
        if info is None:
            return
        rng, enums, only_enums, datatype = info
        many = isinstance(value, list)
        for i, v in enumerate(value if many else [value]):
            if isinstance(v, str) and not only_enums:
                continue  # text where an entity is expected is fine: no path to build
            vp = (*path, i) if many else path
            if isinstance(v, dict):
                self.node(prop, rng, v, vp, report, only_enums)
            elif isinstance(v, str):
                if only_enums:
                    self.member(prop, enums, v, vp, report)
            elif isinstance(v, bool | int | float) and not datatype and self.infos:
                report(
                    vp,
                    "vocab.range_mismatch",
                    Severity.INFO,
                    f"{prop!r} expects {_names(rng)}, got the {type(v).__name__} {v!r}",
                    prop,
                )

    def node(
        self,
        prop: str,
        rng: list[str],
        v: dict[str, Any],
        path: PathTuple,
        report: Report,
        only_enums: bool,
    ) -> None:
        if "@value" in v:
            return
        nid = node_id(v)
        if is_reference(v) and nid is not None:
            if only_enums and nid not in self.typed:
                self.member(prop, rng, nid, (*path, "@id" if "@id" in v else "id"), report)
                return
            types = sorted(self.typed.get(nid, ()))
        else:
            types = self.types_of(v)
        if not types or self.lookups.fits(prop, rng, tuple(types)):
            return
        report(
            path,
            "vocab.range_mismatch",
            Severity.ERROR,
            f"{prop!r} expects {_names(rng)}, got a {' / '.join(types)}",
            prop,
        )

    def types_of(self, v: dict[str, Any]) -> list[str]:
        names = self.types.written(v, self.terms)
        if names:  # an untyped node stays unchecked, whatever its additionalType says
            extra = self.types.extra(v, self.terms)
            names = names + [t for t in extra if t not in names]
        return names

    def member(
        self, prop: str, enums: list[str], value: str, path: PathTuple, report: Report
    ) -> None:
        name = member_name(value.strip())
        if name is None:
            return  # a foreign IRI: not schema.org's to judge
        if any(self.vocab.member_of(name, e) for e in enums):
            return
        pool = sorted(set().union(*(self.vocab.enum_members(e) for e in enums)))
        hint = _close(name, pool)
        report(
            path,
            "vocab.invalid_enum_member",
            Severity.ERROR,
            f"{value!r} is not a member of {_names(enums)} (the range of {prop!r})",
            enums[0],
            f"did you mean {hint}?" if hint else f"one of {', '.join(pool[:8])}",
        )


def _close(name: str, pool: list[str]) -> str | None:
    lowered = {p.lower(): p for p in pool}
    if name.lower() in lowered:
        return lowered[name.lower()]
    found = difflib.get_close_matches(name, pool, n=1, cutoff=0.6)
    return found[0] if found else None


def _names(types: list[str]) -> str:
    return " or ".join(types[:5]) + (" or ..." if len(types) > 5 else "")

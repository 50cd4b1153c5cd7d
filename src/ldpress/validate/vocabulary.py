"""The vocabulary layer: every schema.org type and property a block uses, against the pinned
release (``ldpress.vocab.load_vocabulary()``).

Keys are named through the block's context (the JSON-LD layer's
:func:`~ldpress.validate.expansion.block_terms`), so ``headline``, ``schema:headline`` and
``https://schema.org/headline`` are one term, and foreign terms (``og:``, ``dc:``, other IRIs)
are skipped: they are not schema.org's business.  JSON-LD's @vocab turns a misspelt property
into a valid-looking IRI, so this layer is the only one that catches typos.  No cascades: a
node with an unknown type gets no "unexpected property" or range findings, and a value whose
own type is unknown is not range-checked.  Value ranges live in :mod:`.vocabrange`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ldpress.findings import Finding, Severity, json_path
from ldpress.validate.blockterms import nodes_with_terms
from ldpress.validate.expansion import loader_for
from ldpress.validate.fastexpand import MEMO_LIMIT, Terms
from ldpress.validate.model import Context, PathTuple, Source
from ldpress.validate.nodes import NodeAt, node_id
from ldpress.validate.vocablookups import ANNOTATION, UNKNOWN, RangeInfo
from ldpress.validate.vocabrange import NodeTypes, RangeCheck, vocab_for
from ldpress.vocab import Vocabulary, load_vocabulary

_SEEN_PENDING = "vocab.pending_seen"


def check(source: Source, ctx: Context) -> Iterator[Finding]:
    """Findings of the vocabulary layer for every parsed block of ``source``."""
    vocab = vocab_for(ctx)
    loader = loader_for(ctx)
    nodes = [
        (at, terms)
        for block in source.blocks
        for at, terms in nodes_with_terms(block, loader)
        if terms is not None
    ]
    types = NodeTypes(vocab)
    typed = _typed_ids(nodes, types)
    infos = ctx.options.infos
    # None: infos are not wanted, so pending terms are not even looked at.
    seen: set[str] | None = ctx.scratch.setdefault(_SEEN_PENDING, set()) if infos else None
    ranges: dict[int, RangeCheck] = {}  # one per context: most blocks have one
    for at, terms in nodes:
        rc = ranges.get(id(terms))
        if rc is None:
            rc = ranges[id(terms)] = RangeCheck(vocab, terms, typed, infos, types)
        yield from _NodeCheck(vocab, terms, rc, at, seen).run()


@lru_cache(maxsize=4096)
def did_you_mean(name: str, kind: str) -> str | None:
    """The vocabulary's suggestion, from the terms sharing the first letter (any case), else
    from those of about the same length sharing the last three letters.

    ``Vocabulary.suggest`` compares against every term (~20 ms a call); real pages repeat
    their typos, and nearly all typos keep the first or the last letters, so this costs ~1 ms
    once.
    """
    vocab = load_vocabulary()
    pool = vocab.types if kind == "type" else vocab.properties
    lowered = name.lower()
    same_case = [t for t in pool if t.lower() == lowered and t != name]
    if same_case:
        return same_case[0]
    near = [t for t in pool if t[:1].lower() == lowered[:1]]
    found = difflib.get_close_matches(name, near, n=1, cutoff=0.8)
    if not found:
        # A slip on the first letter ("aatePublished"): the end of the word is still right.
        tail = lowered[-3:]
        alike = [t for t in pool if t.lower().endswith(tail) and abs(len(t) - len(name)) <= 2]
        found = difflib.get_close_matches(name, alike, n=1, cutoff=0.8)
    return found[0] if found else None


def _typed_ids(nodes: list[tuple[NodeAt, Terms]], types: NodeTypes) -> dict[str, set[str]]:
    """schema.org type names per @id across the source, to range-check references."""
    out: dict[str, set[str]] = {}
    for at, terms in nodes:
        nid = node_id(at.node)
        if nid is None:
            continue
        names = set(types.written(at.node, terms))
        if names:
            names.update(types.extra(at.node, terms))
        out.setdefault(nid, set()).update(names)
    return out


def type_key(node: dict[str, Any]) -> str | None:
    return "@type" if "@type" in node else "type" if "type" in node else None


class _NodeCheck:
    """The checks of one node object: its types, then each of its properties."""

    def __init__(
        self,
        vocab: Vocabulary,
        terms: Terms,
        ranges: RangeCheck,
        at: NodeAt,
        seen: set[str] | None,
    ) -> None:
        self.vocab, self.terms, self.ranges, self.at, self.seen = vocab, terms, ranges, at, seen
        self.lookups = ranges.lookups
        self.nid = node_id(at.node)
        self.out: list[Finding] = []

    def run(self) -> list[Finding]:
        known, unknown = self.types()
        ranged = bool(known) and not unknown  # no cascade below an unknown type
        applies = self.lookups.applies_to(tuple(known))
        known_t = tuple(known)
        lookups = self.lookups
        table = self.terms.memo.get(lookups)
        if table is None:
            table = self.terms.memo[lookups] = {}
        for key, value in self.at.node.items():
            entry = table.get(key)
            if entry is None:
                if len(table) > MEMO_LIMIT:
                    table.clear()
                entry = table[key] = self._entry(key)
            if not entry:
                continue  # a keyword (alias), a foreign term or an Action annotation
            name, kind, flagged, info = entry
            if kind == UNKNOWN:
                self.unknown(name, (*self.at.path, key), "property")
                continue
            if flagged:
                self.status(name, key)
            if not ranged:
                continue
            fits = applies.get(name)
            if fits is None:
                fits = applies[name] = lookups.applies(name, known_t)
            if not fits and not self.expected(name, known, key):
                continue
            # a lone string only needs a look when the range is all enumerations
            if info is None or (isinstance(value, str) and not info.only_enums):
                continue
            self.ranges.check(name, value, (*self.at.path, key), self.finding)
        return self.out

    def _entry(self, key: str) -> tuple[()] | tuple[str, int, bool, RangeInfo | None]:
        """What :meth:`run` needs of a key, memoised per terms and vocabulary: () when the
        key is not checked, else its property name and :meth:`Lookups.prop`'s answer."""
        name = None if key[:1] == "@" else self.terms.schema_name(key)
        if name is None:
            return ()
        kind, flagged, info = self.lookups.prop(name)
        return () if kind == ANNOTATION else (name, kind, flagged, info)

    def types(self) -> tuple[list[str], bool]:
        key = type_key(self.at.node)
        if key is None:
            return [], False
        raw = self.at.node[key]
        many = isinstance(raw, list)
        known: list[str] = []
        unknown = False
        name_of = self.terms.schema_name
        for i, t in enumerate(raw if many else [raw]):
            name = name_of(t) if isinstance(t, str) else None
            if name is None:
                continue
            if self.vocab.is_type(name):
                known.append(name)
                if self.lookups.prop(name)[1]:  # superseded or pending: a finding to make
                    self.status(name, (*self.at.path, key, i) if many else key)
            else:
                unknown = True
                path = (*self.at.path, key, i) if many else (*self.at.path, key)
                self.unknown(name, path, "type")
        if known:  # additionalType adds types to a typed node (see additional_types)
            extra = self.ranges.types.extra(self.at.node, self.terms)
            known += [t for t in extra if t not in known]
        return known, unknown

    def unknown(self, name: str, path: PathTuple, kind: str) -> None:
        if name in self.vocab.retired:
            self.finding(
                path,
                "vocab.retired",
                Severity.WARNING,
                f"{kind} {name!r} was retired from schema.org (it is in the attic)",
                None,
            )
            return
        other = "property" if kind == "type" else "type"
        if kind == "type" and self.vocab.is_member(name):
            note = f": it is an enumeration member, not a {kind}"
        elif (self.vocab.is_property if kind == "type" else self.vocab.is_type)(name):
            note = f": it is a {other}"
        else:
            note = ""
        found = did_you_mean(name, kind)
        hint = f"did you mean {found}?" if found else None
        code = f"vocab.unknown_{kind}"
        msg = f"{name!r} is not a schema.org {kind} in {self.vocab.label}{note}"
        self.finding(path, code, Severity.ERROR, msg, None, hint)

    def status(self, name: str, where: PathTuple | str) -> None:
        """Superseded (warning, each use) and pending (info, once per source) terms;
        ``where``: the path, or the node's key holding the term."""
        replacement, pending = self.lookups.status(name)
        if not replacement and not (pending and self.seen is not None):
            return
        path = (*self.at.path, where) if isinstance(where, str) else where
        if replacement:
            self.finding(
                path,
                "vocab.superseded",
                Severity.WARNING,
                f"{name!r} is superseded by {' or '.join(replacement)}",
                name,
                f"use {replacement[0]}",
            )
        if pending and self.seen is not None and name not in self.seen:
            self.seen.add(name)
            self.finding(
                path,
                "vocab.pending",
                Severity.INFO,
                f"{name!r} is a pending schema.org term: accepted, but it may still change",
                name,
            )

    def expected(self, name: str, types: list[str], key: str) -> bool:
        """Whether ``name`` fits a node of ``types`` that ``Lookups.applies`` refused (the
        Role pattern), else False after a finding."""
        if self._role_pattern(name, types):
            return True
        domain = self.vocab.domain(name)
        self.finding(
            (*self.at.path, key),
            "vocab.unexpected_property",
            Severity.ERROR,
            f"{name!r} is not expected on {' / '.join(types)} (expected on "
            f"{', '.join(domain[:6])}{', ...' if len(domain) > 6 else ''})",
            name,
        )
        return False

    def _role_pattern(self, name: str, types: list[str]) -> bool:
        """schema.org's Role pattern: a Role node repeats the property that links to it."""
        if not any(self.vocab.is_subtype(t, "Role") for t in types):
            return False
        steps = [p for p in self.at.path if isinstance(p, str)]
        return bool(steps) and self.terms.schema_name(steps[-1]) == name

    def finding(
        self,
        path: PathTuple,
        code: str,
        severity: Severity,
        message: str,
        term: str | None,
        hint: str | None = None,
    ) -> None:
        line, column = self.at.block.locate(path)
        self.out.append(
            Finding(
                code=code,
                severity=severity,
                message=message,
                file=self.at.block.file,
                line=line,
                column=column,
                path=json_path(*path),
                node_id=self.nid,
                rule_url=self.vocab.term_url(term) if term else None,
                hint=hint,
            )
        )

"""Look-ups over the compiled schema.org index: types, properties, members, suggestions.

One :class:`Vocabulary` is loaded per process (``load_vocabulary()``) and shared; every
look-up is a dict access or a cached set, so the vocabulary layer costs microseconds a node.
"""

from __future__ import annotations

import difflib
import os
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from ldpress.vocab import store

SCHEMA_HTTP = "http://schema.org/"
SCHEMA_HTTPS = "https://schema.org/"
DATATYPE_ROOTS = frozenset({"Text", "Number", "Boolean", "Date", "DateTime", "Time", "DataType"})


def term_from_iri(iri: str) -> str | None:
    """``http://schema.org/name`` or ``https://schema.org/name`` -> ``name``; else None."""
    if iri.startswith(SCHEMA_HTTP):
        return iri[len(SCHEMA_HTTP) :]
    if iri.startswith(SCHEMA_HTTPS):
        return iri[len(SCHEMA_HTTPS) :]
    return None


class Vocabulary:
    """The compiled index of one schema.org release, with cached hierarchy queries."""

    def __init__(self, index: dict[str, Any], context: dict[str, Any]) -> None:
        self.index = index
        self.context = context
        self.release: str = index["release"]
        self.attribution: str = index["attribution"]
        self.types: dict[str, dict[str, Any]] = index["types"]
        self.properties: dict[str, dict[str, Any]] = index["properties"]
        self.members: dict[str, dict[str, Any]] = index["members"]
        self.retired: frozenset[str] = frozenset(index.get("retired", ()))
        self._ancestors: dict[str, frozenset[str]] = {}

    @property
    def label(self) -> str:
        return f"schema.org {self.release}"

    # -- terms -------------------------------------------------------------------------
    def is_type(self, name: str) -> bool:
        return name in self.types

    def is_property(self, name: str) -> bool:
        return name in self.properties

    def is_member(self, name: str) -> bool:
        return name in self.members

    def entry(self, name: str) -> dict[str, Any] | None:
        return self.types.get(name) or self.properties.get(name) or self.members.get(name)

    def is_pending(self, name: str) -> bool:
        e = self.entry(name)
        return bool(e and e.get("pending"))

    def superseded_by(self, name: str) -> list[str]:
        e = self.entry(name)
        return list(e.get("superseded_by", ())) if e else []

    # -- hierarchy ---------------------------------------------------------------------
    def ancestors(self, name: str) -> frozenset[str]:
        """The type and every type it is a subclass of (empty for unknown names)."""
        got = self._ancestors.get(name)
        if got is not None:
            return got
        seen: set[str] = set()
        stack = [name] if name in self.types else []
        while stack:
            t = stack.pop()
            if t in seen:
                continue
            seen.add(t)
            stack.extend(self.types.get(t, {}).get("parents", ()))
        result = frozenset(seen)
        self._ancestors[name] = result
        return result

    def is_subtype(self, name: str, of: str) -> bool:
        return of in self.ancestors(name)

    def is_datatype(self, name: str) -> bool:
        return bool(self.ancestors(name) & DATATYPE_ROOTS) or bool(
            self.types.get(name, {}).get("datatype")
        )

    def is_enumeration(self, name: str) -> bool:
        return "Enumeration" in self.ancestors(name) and name != "Enumeration"

    @cached_property
    def _members_by_enum(self) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for member, entry in self.members.items():
            for enum in entry["of"]:
                out.setdefault(enum, set()).add(member)
        return {k: frozenset(v) for k, v in out.items()}

    def enum_members(self, enum: str) -> frozenset[str]:
        """Members of an enumeration type, its subtypes' members included."""
        found: set[str] = set()
        for e, members in self._members_by_enum.items():
            if enum in self.ancestors(e):
                found |= members
        return frozenset(found)

    def member_of(self, member: str, enum: str) -> bool:
        entry = self.members.get(member)
        if entry is None:
            return False
        return any(enum in self.ancestors(e) for e in entry["of"])

    # -- properties --------------------------------------------------------------------
    def domain(self, prop: str) -> list[str]:
        return list(self.properties.get(prop, {}).get("domain", ()))

    def range(self, prop: str) -> list[str]:
        return list(self.properties.get(prop, {}).get("range", ()))

    def property_applies(self, prop: str, types: set[str] | frozenset[str]) -> bool:
        """True when ``prop`` is expected on any of ``types`` (or their ancestors)."""
        domain = self.properties.get(prop, {}).get("domain", ())
        if not domain:
            return True
        return any(d in self.ancestors(t) for t in types for d in domain)

    def properties_of(self, type_name: str) -> frozenset[str]:
        return self._properties_of(type_name)

    def _properties_of(self, type_name: str) -> frozenset[str]:
        anc = self.ancestors(type_name)
        return frozenset(p for p, e in self.properties.items() if anc & set(e.get("domain", ())))

    # -- suggestions -------------------------------------------------------------------
    @cached_property
    def _lower(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for name in (*self.types, *self.properties, *self.members):
            out.setdefault(name.lower(), []).append(name)
        return out

    def suggest(self, term: str, among: str = "any", limit: int = 1) -> list[str]:
        """Did-you-mean candidates: same spelling in another case first, then close matches.

        ``among`` is ``"type"``, ``"property"``, ``"member"`` or ``"any"``.
        """
        pool = self._pool(among)
        exact = [n for n in self._lower.get(term.lower(), ()) if n in pool and n != term]
        if exact:
            return exact[:limit]
        return difflib.get_close_matches(term, pool, n=limit, cutoff=0.8)

    @cache  # noqa: B019 - one Vocabulary per process; the pools live as long as it does
    def _pool(self, among: str) -> tuple[str, ...]:
        if among == "type":
            return tuple(self.types)
        if among == "property":
            return tuple(self.properties)
        if among == "member":
            return tuple(self.members)
        return (*self.types, *self.properties, *self.members)

    def term_url(self, name: str) -> str:
        """The schema.org page of a term, for ``rule_url``."""
        return f"{SCHEMA_HTTPS}{name}"


_LOADED: dict[Path, Vocabulary] = {}


def load_vocabulary(directory: str | Path | None = None) -> Vocabulary:
    """The vocabulary in use: package data, ``LDPRESS_VOCAB`` or ``directory``; cached."""
    if directory is None and store.ENV_VAR not in os.environ:
        # The common case, asked a few times per built file: the package data's absolute
        # path needs no resolving (Path.resolve costs ~35 us of system calls).
        vocab = _LOADED.get(store.PACKAGE_DATA)
        if vocab is not None:
            return vocab
    where = store.vocab_dir(directory).resolve()
    vocab = _LOADED.get(where)
    if vocab is None:
        vocab = Vocabulary(store.read_index(where), store.read_context(where))
        _LOADED[where] = vocab
        if where == store.PACKAGE_DATA.resolve():
            _LOADED[store.PACKAGE_DATA] = vocab
    return vocab

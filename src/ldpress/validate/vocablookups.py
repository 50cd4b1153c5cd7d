"""Per-term answers of one vocabulary, memoised for the vocabulary layer.

A page asks about the same few dozen terms on every node: whether a key names a property,
its status (superseded, pending), whether it applies to a node's types, its range.  Each
answer otherwise costs several dict look-ups and, for domains and ranges, walks of the type
hierarchy, so :class:`Lookups` keeps them for as long as the vocabulary lives.
"""

from __future__ import annotations

from typing import NamedTuple

from ldpress.vocab import Vocabulary


class Lookups:
    """Per-term answers of one vocabulary, memoised: a page asks about the same few dozen
    terms on every node, and each answer otherwise costs several dict look-ups and, for
    domains and ranges, walks of the type hierarchy."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self._status: dict[str, tuple[tuple[str, ...], bool]] = {}
        self._applies: dict[tuple[str, tuple[str, ...]], bool] = {}
        self._ranges: dict[str, RangeInfo | None] = {}
        self._applies_to: dict[tuple[str, ...], dict[str, bool]] = {}
        self._fits: dict[tuple[str, tuple[str, ...]], bool] = {}
        self._props: dict[str, tuple[int, bool, RangeInfo | None]] = {}

    def status(self, name: str) -> tuple[tuple[str, ...], bool]:
        """(the terms superseding ``name``, whether it is pending)."""
        got = self._status.get(name)
        if got is None:
            v = self.vocab
            got = self._status[name] = (tuple(v.superseded_by(name)), v.is_pending(name))
        return got

    def prop(self, name: str) -> tuple[int, bool, RangeInfo | None]:
        """What a key naming ``name`` is -- :data:`ANNOTATION` (valid, not checked),
        :data:`PROPERTY` or :data:`UNKNOWN` --, whether :meth:`status` has anything to say
        of it, and its range: one look-up for all a property check asks first."""
        got = self._props.get(name)
        if got is None:
            if is_action_annotation(name, self.vocab):
                kind = ANNOTATION
            else:
                kind = PROPERTY if self.vocab.is_property(name) else UNKNOWN
            replacement, pending = self.status(name)
            flagged = bool(replacement) or pending
            got = self._props[name] = (kind, flagged, self.range_info(name))
        return got

    def fits(self, prop: str, rng: list[str], types: tuple[str, ...]) -> bool:
        """Whether a node of ``types`` is fine as a value of ``prop`` (whose range is
        ``rng``): a type of the range or below it, a Role, or -- no cascade -- a type that
        is unknown (already reported)."""
        key = (prop, types)
        got = self._fits.get(key)
        if got is None:
            v = self.vocab
            got = (
                not all(v.is_type(t) for t in types)
                or any(v.is_subtype(t, r) for t in types for r in rng)
                or any(v.is_subtype(t, "Role") for t in types)
            )
            self._fits[key] = got
        return got

    def applies_to(self, types: tuple[str, ...]) -> dict[str, bool]:
        """:meth:`applies` for nodes of ``types``, as a table per property: a node asks it of
        each of its properties, so the types tuple is hashed once per node, not per key."""
        got = self._applies_to.get(types)
        if got is None:
            if len(self._applies_to) > 50_000:
                self._applies_to.clear()
            got = self._applies_to[types] = {}
        return got

    def applies(self, prop: str, types: tuple[str, ...]) -> bool:
        """``Vocabulary.property_applies`` for a node of ``types``."""
        key = (prop, types)
        got = self._applies.get(key)
        if got is None:
            got = self._applies[key] = self.vocab.property_applies(prop, set(types))
        return got

    def range_info(self, prop: str) -> RangeInfo | None:
        """What range checks need of ``prop`` (None: it has no range)."""
        if prop in self._ranges:
            return self._ranges[prop]
        v = self.vocab
        rng = v.range(prop)
        info = None
        if rng:
            enums = [r for r in rng if v.is_enumeration(r)]
            datatype = any(v.is_datatype(r) for r in rng)
            info = RangeInfo(rng, enums, len(enums) == len(rng), datatype)
        self._ranges[prop] = info
        return info


ANNOTATION, PROPERTY, UNKNOWN = 0, 1, 2


def is_action_annotation(name: str, vocab: Vocabulary) -> bool:
    """``query-input``, ``result-output``: schema.org's textual shorthand for an Action's
    PropertyValueSpecification (https://schema.org/docs/actions.html), on real pages mostly
    the sitelinks SearchAction's ``query-input``.  Not vocabulary terms, but valid."""
    if "-" not in name:
        return False
    base, _, suffix = name.rpartition("-")
    return suffix in ("input", "output") and vocab.is_property(base)


class RangeInfo(NamedTuple):
    """A property's range: its types, its enumerations, whether those are all of it, and
    whether a datatype (Text, Number...) is among them."""

    rng: list[str]
    enums: list[str]
    only_enums: bool
    datatype: bool


_LOOKUPS: dict[int, Lookups] = {}


def lookups_for(vocab: Vocabulary) -> Lookups:
    """The memoised look-ups of ``vocab`` (vocabularies live as long as the process)."""
    got = _LOOKUPS.get(id(vocab))
    if got is None or got.vocab is not vocab:
        got = _LOOKUPS[id(vocab)] = Lookups(vocab)
    return got

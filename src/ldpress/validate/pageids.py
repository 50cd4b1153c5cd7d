"""The @ids of one page, resolved against the page URL as the graph layer compares them.

Resolving costs a urljoin, and the graph layer asks about every @id and every string value on
the page; :class:`Page` resolves each string once, all ``#...`` ids with a single urljoin,
and most text not at all (see :meth:`Page.is_described`).  A Hypothesis test compares it
with plain urljoin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from ldpress.validate.model import PathTuple
from ldpress.validate.nodes import NodeAt

Top = tuple[int, PathTuple]  # (block index, path of the top-level node that holds a node)


@dataclass(slots=True)
class Page:
    """The nodes of one source, with their ids normalised against the page URL."""

    base: str | None
    described: dict[str, list[NodeAt]] = field(default_factory=dict)
    refs: list[tuple[NodeAt, str, Top]] = field(default_factory=list)  # (ref, id, owner)
    tops: dict[Top, NodeAt] = field(default_factory=dict)
    owners: dict[str, set[Top]] = field(default_factory=dict)  # id -> tops describing it

    _norm: dict[str, str] = field(default_factory=dict)
    _fragment_base: str | None = None
    _tails: frozenset[str] | None = None
    _scheme: str = ""

    def norm(self, iri: str) -> str:
        got = self._norm.get(iri)
        if got is None:
            if not self.base or iri.startswith("_:") or "://" in iri:
                got = iri
            elif iri[:1] == "#" and len(iri) > 1 and not _UNSAFE.intersection(iri):
                got = self.fragment_base() + iri
            else:
                got = urljoin(self.base, iri)
            self._norm[iri] = got
        return got

    def fragment_base(self) -> str:
        """What ``urljoin(base, "#f")`` puts before ``#f``: the same for every non-empty
        fragment, so one urljoin per page serves all of a page's ``#...`` ids."""
        if self._fragment_base is None:
            self._fragment_base = urljoin(self.base or "", "#x")[:-2]
        return self._fragment_base

    def is_described(self, value: str) -> bool:
        """Whether ``value``, resolved against the page URL, is an @id described on the page.

        Most strings are text (names, dates, headlines), and resolving each costs a urljoin:
        a plain one-segment string (no ``/ ? # ; :``, no dot segment, nothing urljoin strips)
        resolves to an IRI ending in ``/`` + itself (or to itself), so unless some described
        @id ends that way it cannot be one."""
        if self.base:
            if self._tails is None:
                self._tails = frozenset(d.rsplit("/", 1)[-1] for d in self.described)
                self._scheme = urlsplit(self.base).scheme
            if value not in self._tails and _plain(value, self._scheme):
                return False
        return self.norm(value) in self.described

    first_top_id: str | None = None

    def page_bases(self) -> set[str]:
        """The document's own URL (without fragment): the page's, else its first top-level
        node's @id base."""
        own = self.base or self.first_top_id
        return {urldefrag(own)[0]} if own else set()


_UNSAFE = frozenset("\t\r\n")  # urljoin removes them before parsing
_NOT_PLAIN = re.compile(r"[/?#;\t\r\n]")


def _plain(value: str, scheme: str) -> bool:
    """Whether urljoin resolves ``value`` to itself or to an IRI ending in ``/`` + itself: one
    path segment, no dot segment, nothing urljoin strips or splits off (a ``:`` is fine unless
    what stands before it is the page's own scheme, which urljoin would take as one)."""
    if value[:1] <= " " or value in (".", "..") or _NOT_PLAIN.search(value):
        return False
    head, colon, _ = value.partition(":")
    return not colon or head.lower() != scheme

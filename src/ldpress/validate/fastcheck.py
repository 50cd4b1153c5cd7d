"""Whether the fast expander would expand a document, without building its output.

The JSON-LD layer expands a block only to learn whether expansion succeeds: nothing reads
the expanded document.  :func:`fast_check` makes exactly the decisions of
:class:`~ldpress.validate.fastexpand._Expander` (the same checks, in a walk of the same
shape, resolving the same IRIs through pyld) but allocates no output objects, so a block
the fast expander would carry costs a walk instead of a copy.  A test proves
``fast_check(doc, base) == (fast_expand(doc, base) is not None)`` on every schema.org
example and corpus block; the output-producing expander stays for the differential test
against pyld.
"""

from __future__ import annotations

from typing import Any

from ldpress.validate.fastexpand import (
    FallBack,
    is_schema_context,
    schema_terms,
    top_terms,
)
from ldpress.validate.iris import is_absolute_iri
from ldpress.validate.jsonldwalk import KEYWORDS, iri_is_clean

_VALUE_KEYS = frozenset(["@value", "@type", "@language"])
_STRING_CHECKS = ("@id", "@vocab")  # coercions under which a string needs a look


class _Checker:
    """:class:`~ldpress.validate.fastexpand._Expander` minus its output; keep them in step."""

    def __init__(self, base: str, has_base: bool | None = None) -> None:
        self.terms = schema_terms()  # replaced by each top-level object's own
        self.base = base
        # Whether the walk passed over an object or array without looking inside (a dropped
        # key's value, a top-level value object): one there may hold an @context.
        self.unseen = False
        # Whether the JSON-LD layer's BlockWalk would report nothing: no unknown keyword,
        # dropped term or null, and every IRI clean (judged only when ``has_base`` is given).
        self.has_base = has_base
        self.clean = has_base is not None
        # @id strings already resolved (and judged clean while ``clean`` held) under the
        # current terms: a bundle names each node once and refers to it two or three times.
        self.resolved: set[str] = set()

    def use(self, context: Any) -> None:
        terms = top_terms(context)
        if terms is None:
            raise FallBack
        if terms is not self.terms:
            self.resolved = set()
        self.terms = terms

    def id_iri(self, value: Any) -> None:
        if not isinstance(value, str) or value.startswith("@"):
            raise FallBack
        if value in self.resolved:
            return
        # resolving may raise on a malformed IRI, as it does in the expander: keep the call
        self.terms.value_iri(value, self.base)
        if self.clean and not iri_is_clean(value, self.terms, bool(self.has_base)):
            self.clean = False
        else:  # clean, or clean no longer matters: ``clean`` never turns back to True
            self.resolved.add(value)

    def document(self, doc: Any) -> None:
        if isinstance(doc, list):
            for item in doc:
                if not isinstance(item, dict) or "@graph" in item:
                    raise FallBack
                self.top(item)
            return
        if not isinstance(doc, dict):
            raise FallBack
        if "@graph" in doc:
            if set(doc) != {"@context", "@graph"}:
                raise FallBack
            self.use(doc["@context"])
            self.values(doc["@graph"], None, free=True)
            return
        self.top(doc)

    def top(self, obj: dict[str, Any]) -> None:
        self.use(obj.get("@context"))
        self.node(obj, free=True, top=True)

    def node(self, obj: dict[str, Any], free: bool, top: bool = False) -> None:
        if "@value" in obj:
            if not free:
                self.value_object(obj)
            else:
                self.unseen = True
            return
        seen: set[str] = set()  # the keywords the expander would have put in its output
        terms = self.terms
        for key, value in obj.items():
            if key == "@context":
                if top:
                    continue  # the one :meth:`use` applied
                if not is_schema_context(value) or terms is not schema_terms():
                    raise FallBack
                continue
            if key[:1] == "@" and key not in KEYWORDS:
                self.clean = False  # an unknown keyword
            iri, kept, coercion = terms.key_info(key)
            if iri is None or not kept:
                self.clean = False  # a dropped term
                if isinstance(value, dict | list):
                    self.unseen = True
                continue
            if iri[0] == "@":
                self.keyword(seen, iri, value)
            elif isinstance(value, str) and coercion not in _STRING_CHECKS:
                continue  # what :meth:`scalar` would accept, without the calls
            elif value is not None:
                self.values(value, coercion, free=False)
            else:
                self.clean = False  # a null property

    def keyword(self, seen: set[str], kw: str, value: Any) -> None:
        if kw in seen:
            raise FallBack
        if kw == "@id":
            self.id_iri(value)
            seen.add(kw)
        elif kw == "@type":
            types = value if isinstance(value, list) else [value]
            if not all(isinstance(t, str) and not t.startswith("@") for t in types):
                raise FallBack
            if types:  # an empty list puts no @type in the expander's output
                for t in types:
                    self.terms.key_iri(t)
                seen.add(kw)
        else:
            raise FallBack

    def values(self, value: Any, coercion: str | None, free: bool) -> None:
        if value is None:
            self.clean = False  # a null list item (a null property is not passed here)
            return
        if isinstance(value, list):
            for item in value:
                if isinstance(item, list) and free:
                    raise FallBack
                if not (isinstance(item, str) and coercion not in _STRING_CHECKS and not free):
                    self.values(item, coercion, free)
        elif isinstance(value, dict):
            self.node(value, free)
        elif not free:
            self.scalar(value, coercion)

    def scalar(self, value: Any, coercion: str | None) -> None:
        if isinstance(value, str):
            if coercion == "@id":
                self.id_iri(value)
                return
        elif not isinstance(value, bool | int | float):
            raise FallBack
        if coercion == "@vocab":
            raise FallBack

    def value_object(self, obj: dict[str, Any]) -> None:
        if not _VALUE_KEYS.issuperset(obj):
            raise FallBack
        value = obj["@value"]
        if value is None:
            return
        if not isinstance(value, str | bool | int | float):
            raise FallBack
        if "@type" in obj:
            t = obj["@type"]
            iri = self.terms.key_iri(t) if isinstance(t, str) else None
            if "@language" in obj or iri is None or not is_absolute_iri(iri) or t[:2] == "_:":
                raise FallBack
        language = obj.get("@language", "")  # absent: as if a string, nothing to check
        if not isinstance(language, str) or ("@language" in obj and not isinstance(value, str)):
            raise FallBack


def fast_check(doc: Any, base: str | None) -> bool:
    """Whether :func:`~ldpress.validate.fastexpand.fast_expand` would expand ``doc`` (and so
    pyld would too); False: only pyld can tell."""
    try:
        _Checker(base or "").document(doc)
    except (FallBack, RecursionError):
        return False
    return True


def fast_check_closed(doc: Any, base: str | None, has_base: bool | None = None) -> int:
    """:func:`fast_check`, and the walk looked inside every object and array of ``doc``: then
    every @context the document holds is one the fast path models (schema.org's, or an
    inline ``{"@vocab": ...}`` at the top), so there is no remote context to refuse either.
    0: not so; 1: so; 2: so, and (``has_base`` given: whether relative IRIs have a base)
    :class:`~ldpress.validate.jsonldwalk.BlockWalk` would report nothing either.  Raises
    what :func:`fast_check` lets through (pyld's errors on malformed IRIs)."""
    checker = _Checker(base or "", has_base)
    try:
        checker.document(doc)
    except (FallBack, RecursionError):
        return 0
    if checker.unseen:
        return 0
    return 2 if checker.clean else 1

"""Term resolution through pyld's own context processing, and a fast JSON-LD expander for
documents whose only context is schema.org's (or an inline ``{"@vocab": ...}``).

pyld spends ~0.4 ms expanding a small document, most of it in generic machinery (a deep copy
of the input, scoped-context bookkeeping, per-key regexes).  Nearly every real block uses just
the schema.org context or an inline ``{"@vocab": ...}`` one, neither of which has scoped
contexts, containers or reverse properties, so :func:`fast_expand` re-implements expansion for
those cases only: every term, CURIE and IRI is still resolved by pyld's own ``_expand_iri``
over pyld's own processed context (memoized), and anything the fast path does not handle
returns ``None`` so the caller falls back to pyld.  A
differential test proves the output equal to pyld's on every schema.org example and corpus
block.  :class:`Terms` is also what the layers use to name the terms of a block.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from pyld import jsonld

from ldpress.jsonld import OfflineLoader, default_loader, is_schema_context_url
from ldpress.validate.iris import is_absolute_iri
from ldpress.vocab.index import term_from_iri

_CACHE_LIMIT = 50_000
MEMO_LIMIT = _CACHE_LIMIT  # for the per-key tables layers keep in Terms.memo


class FallBack(Exception):
    """The fast expander met something only pyld handles (or rejects)."""


def _pyld_options(loader: OfflineLoader) -> dict[str, Any]:
    opts: dict[str, Any] = {"documentLoader": loader, "base": "", "processingMode": "json-ld-1.1"}
    opts["contextResolver"] = jsonld.ContextResolver(jsonld._resolved_context_cache, loader)
    return opts


class Terms:
    """One active context: what a key or an IRI-valued string expands to (pyld's rules)."""

    def __init__(self, active: dict[str, Any], loader: OfflineLoader) -> None:
        self.active = active
        self.mappings: dict[str, Any] = active["mappings"]
        self.loader = loader
        self._proc = jsonld.JsonLdProcessor()
        self._keys: dict[str, str | None] = {}
        self._values: dict[tuple[str, str | None], str] = {}
        self._info: dict[str, tuple[str | None, bool, str | None]] = {}
        self._names: dict[str, str | None] = {}
        # Per-key answers a layer derives from these terms (and, say, a vocabulary), under a
        # key the layer picks: kept as long as the terms, like the look-ups above.
        self.memo: dict[Any, dict[str, Any]] = {}

    @classmethod
    def initial(cls, loader: OfflineLoader) -> Terms:
        proc = jsonld.JsonLdProcessor()
        return cls(proc._get_initial_context(_pyld_options(loader)), loader)

    def with_context(self, local: Any) -> Terms:
        """The active context after ``local``; raises pyld's JsonLdError when it is invalid."""
        active = self._proc.process_context(self.active, local, _pyld_options(self.loader))
        return Terms(active, self.loader)

    def key_iri(self, key: str) -> str | None:
        """A key (or a type name) expanded with @vocab, as pyld does; memoized."""
        try:
            return self._keys[key]
        except KeyError:
            pass
        iri: str | None = self._proc._expand_iri(self.active, key, vocab=True)
        if len(self._keys) > _CACHE_LIMIT:
            self._keys.clear()
        self._keys[key] = iri
        return iri

    def schema_name(self, key: str) -> str | None:
        """The schema.org term a key (or type name) names, None for keywords and foreign
        terms; memoized: the vocabulary and graph layers ask it of every key of every node."""
        try:
            return self._names[key]
        except KeyError:
            pass
        iri = self.key_iri(key)
        name = None if iri is None or iri.startswith("@") else (term_from_iri(iri) or None)
        if len(self._names) > _CACHE_LIMIT:
            self._names.clear()
        self._names[key] = name
        return name

    def key_info(self, key: str) -> tuple[str | None, bool, str | None]:
        """A key's IRI, whether expansion keeps it (a keyword or an absolute IRI) and its
        coercion: what every walk asks of each key, memoized as one lookup."""
        try:
            return self._info[key]
        except KeyError:
            pass
        iri = self.key_iri(key)
        kept = iri is not None and (iri.startswith("@") or is_absolute_iri(iri))
        if len(self._info) > _CACHE_LIMIT:
            self._info.clear()
        info = self._info[key] = (iri, kept, self.coercion(key))
        return info

    def coercion(self, key: str) -> str | None:
        """The @type a term coerces its string values to (``@id``, a datatype IRI), if any."""
        mapping = self.mappings.get(key)
        return mapping.get("@type") if mapping else None

    def value_iri(self, value: str, base: str | None) -> str:
        """An @id or @id-coerced string expanded against ``base`` (None: left relative);
        memoized (pyld's errors on malformed IRIs are raised again, never cached)."""
        try:
            return self._values[value, base]
        except KeyError:
            pass
        iri = str(self._proc._expand_iri(self.active, value, base=base))
        if len(self._values) > _CACHE_LIMIT:
            self._values.clear()
        self._values[value, base] = iri
        return iri


@cache
def schema_terms() -> Terms:
    """The schema.org context's terms (processed once per process)."""
    loader = default_loader()
    return Terms.initial(loader).with_context("https://schema.org")


_CONTEXT_URLS: dict[str, bool] = {}


def is_schema_context(value: Any) -> bool:
    """Whether ``value`` is a spelling of the schema.org context URL; memoised (a regex
    match otherwise), as pages name the same few URLs in every block."""
    if not isinstance(value, str):
        return False
    got = _CONTEXT_URLS.get(value)
    if got is None:
        if len(_CONTEXT_URLS) > 1024:
            _CONTEXT_URLS.clear()
        got = _CONTEXT_URLS[value] = is_schema_context_url(value)
    return got


@lru_cache(maxsize=64)
def _vocab_terms(vocab: str) -> Terms | None:
    try:
        terms = Terms.initial(default_loader()).with_context({"@vocab": vocab})
    except Exception:  # whatever pyld makes of it, pyld must be the one to say it
        return None
    return None if terms.mappings else terms  # no term definitions: nothing to coerce


def top_terms(context: Any) -> Terms | None:
    """The terms of a top-level context the fast path models: schema.org's, or an inline
    ``{"@vocab": <absolute IRI>}`` (common in the examples); None: anything else."""
    if is_schema_context(context):
        return schema_terms()
    if isinstance(context, dict) and len(context) == 1:
        vocab = context.get("@vocab")
        if isinstance(vocab, str) and is_absolute_iri(vocab) and not vocab.startswith("_:"):
            return _vocab_terms(vocab)
    return None


class _Expander:
    """Expansion of one document whose contexts are all :func:`top_terms` ones; raises
    :class:`FallBack` when unsure."""

    def __init__(self, base: str) -> None:
        self.terms = schema_terms()  # replaced by each top-level object's own
        self.base = base

    def id_iri(self, value: Any) -> str:
        if not isinstance(value, str) or value.startswith("@"):
            raise FallBack
        return self.terms.value_iri(value, self.base)

    def use(self, context: Any) -> None:
        terms = top_terms(context)
        if terms is None:
            raise FallBack
        self.terms = terms

    def document(self, doc: Any) -> list[Any]:
        if isinstance(doc, list):
            # each item starts from the empty context, so each must name schema.org's
            out: list[Any] = []
            for item in doc:
                if not isinstance(item, dict) or "@graph" in item:
                    raise FallBack
                out.extend(self.top(item))
            return out
        if not isinstance(doc, dict):
            raise FallBack
        if "@graph" in doc:
            if set(doc) != {"@context", "@graph"}:
                raise FallBack
            self.use(doc["@context"])
            return self.values(doc["@graph"], None, free=True)
        return self.top(doc)

    def top(self, obj: dict[str, Any]) -> list[Any]:
        self.use(obj.get("@context"))
        node = self.node(obj, free=True, top=True)
        return [] if node is None else [node]

    def node(self, obj: dict[str, Any], free: bool, top: bool = False) -> dict[str, Any] | None:
        if "@value" in obj:
            return None if free else self.value_object(obj)
        out: dict[str, Any] = {}
        for key in sorted(obj):
            if key == "@context":
                # the schema.org context over itself changes nothing; any other may
                if top:
                    continue  # the one :meth:`use` applied
                if not is_schema_context(obj[key]) or self.terms is not schema_terms():
                    raise FallBack
                continue
            iri = self.terms.key_iri(key)
            if iri is None or not (iri.startswith("@") or is_absolute_iri(iri)):
                continue  # pyld drops it; the JSON-LD layer reports it
            if iri.startswith("@"):
                self.keyword(out, iri, obj[key])
                continue
            if obj[key] is None:
                continue  # a null property is dropped whole (while [null] keeps an empty list)
            values = self.values(obj[key], self.terms.coercion(key), free=False)
            out.setdefault(iri, []).extend(values)
        if free and (not out or (len(out) == 1 and "@id" in out)):
            return None
        return out

    def keyword(self, out: dict[str, Any], kw: str, value: Any) -> None:
        if kw in out:
            raise FallBack  # colliding keywords: pyld raises, let it
        if kw == "@id":
            out["@id"] = self.id_iri(value)
        elif kw == "@type":
            types = value if isinstance(value, list) else [value]
            if not all(isinstance(t, str) and not t.startswith("@") for t in types):
                raise FallBack
            if types:  # pyld adds nothing for an empty list
                out["@type"] = [self.terms.key_iri(t) for t in types]
        else:
            raise FallBack

    def values(self, value: Any, coercion: str | None, free: bool) -> list[Any]:
        if value is None:
            return []
        if isinstance(value, list):
            out: list[Any] = []
            for item in value:
                if isinstance(item, list) and free:
                    raise FallBack
                out.extend(self.values(item, coercion, free))
            return out
        if isinstance(value, dict):
            node = self.node(value, free)
            return [] if node is None else [node]
        if free:
            return []
        return [self.scalar(value, coercion)]

    def scalar(self, value: Any, coercion: str | None) -> dict[str, Any]:
        if isinstance(value, str):
            if coercion == "@id":
                return {"@id": self.id_iri(value)}
        elif not isinstance(value, bool | int | float):
            raise FallBack
        if coercion is not None and coercion not in ("@id", "@vocab", "@none"):
            return {"@type": coercion, "@value": value}
        if coercion == "@vocab":
            raise FallBack
        return {"@value": value}

    def value_object(self, obj: dict[str, Any]) -> dict[str, Any] | None:
        if not set(obj) <= {"@value", "@type", "@language"}:
            raise FallBack
        value = obj["@value"]
        if value is None:
            return None
        if not isinstance(value, str | bool | int | float):
            raise FallBack
        out: dict[str, Any] = {"@value": value}
        if "@type" in obj:
            t = obj["@type"]
            iri = self.terms.key_iri(t) if isinstance(t, str) else None
            if "@language" in obj or iri is None or not is_absolute_iri(iri) or t[:2] == "_:":
                raise FallBack
            out["@type"] = iri
        if "@language" in obj:
            lang = obj["@language"]
            if not isinstance(lang, str) or not isinstance(value, str):
                raise FallBack
            out["@language"] = lang
        return out


def fast_expand(doc: Any, base: str | None) -> list[Any] | None:
    """pyld's expansion of ``doc`` when its contexts are all :func:`top_terms` ones, else None.

    ``base`` as in :func:`ldpress.jsonld.expand` (None: pyld's default, which resolves
    relative IRIs against ``http://example.org/base/``).
    """
    try:
        return _Expander(base or "").document(doc)
    except (FallBack, RecursionError):
        return None

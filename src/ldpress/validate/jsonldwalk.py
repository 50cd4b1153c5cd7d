"""Walk a JSON-LD block as written and report what expansion silently loses or bends.

Expansion does not fail on a misspelt keyword (``@typ`` is ignored), a term that maps to no
IRI (dropped), a null value (dropped) or a relative IRI (resolved against whatever base the
processor has), so the JSON-LD layer finds these here, at the exact key the author wrote.
Keys are resolved with the active context's :class:`~ldpress.validate.fastexpand.Terms`;
embedded contexts are applied as the walk descends (scoped contexts are not modelled).
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from typing import Any

from ldpress.findings import Finding, Severity, json_path
from ldpress.validate.fastexpand import Terms, is_schema_context, schema_terms
from ldpress.validate.iris import is_absolute_iri
from ldpress.validate.model import Block, PathTuple
from ldpress.validate.nodes import node_id
from ldpress.vocab import Vocabulary, load_vocabulary

KEYWORDS = frozenset(
    [
        "@base",
        "@container",
        "@context",
        "@direction",
        "@graph",
        "@id",
        "@import",
        "@included",
        "@index",
        "@json",
        "@language",
        "@list",
        "@nest",
        "@none",
        "@prefix",
        "@propagate",
        "@protected",
        "@reverse",
        "@set",
        "@type",
        "@value",
        "@version",
        "@vocab",
    ]
)
# Braces are left out: URL templates ({search_term_string}) are a schema.org pattern.
_BAD_IRI_CHARS = re.compile(r"[\s<>\"|\\^`]")
# A relative reference that starts like a host name ("www.x.com/a", "example.org"): the
# author forgot the scheme.  Common TLDs only, so "photo.jpg" is not taken for a host.
_HOST_LIKE = re.compile(
    r"^(?:www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|info|news|co|uk|de|fr"
    r"|es|it|nl|in|au|ca|us|eu|br|jp|ru|ch|be|at|se|no|dk|pl)(?:[/:?#]|$))",
    re.IGNORECASE,
)
JSONLD_SPEC = "https://www.w3.org/TR/json-ld11/"
# Keys whose values BlockWalk never looks at: the context (applied before the walk of the
# node), and the keywords :meth:`BlockWalk.entry` returns on at once.
_SILENT = frozenset(["@context", "@type", "@value", "@language"])


def suggest_keyword(key: str) -> str | None:
    lowered = key.lower()
    for kw in sorted(KEYWORDS):
        if kw.lower() == lowered:
            return kw
    close = difflib.get_close_matches(lowered, sorted(KEYWORDS), n=1, cutoff=0.6)
    return close[0] if close else None


def loses_everything(obj: dict[str, Any]) -> bool:
    """Whether an object without @context has data and expansion keeps none of it: no key is
    an absolute IRI.  Expanded JSON-LD (``{"@id": ..., "http://schema.org/name": ...}``)
    needs no context, and a node of keywords only (``@id``, ``@type``) loses nothing."""
    keys = [k for k in obj if not k.startswith("@")]
    return bool(keys) and not any(is_absolute_iri(k) for k in keys)


_BAD_CHARS, _HOST, _NO_BASE = 1, 2, 3
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


@cache
def _range_takes_entities(vocab: Vocabulary, prop: str) -> bool:
    """Whether schema.org's range of ``prop`` holds a class that is no data type (Place,
    DefinedTermSet ...): text there names an entity, which schema.org accepts."""
    return any(not vocab.is_datatype(r) for r in vocab.range(prop))


def _is_entity_name(path: PathTuple) -> bool:
    """Whether the value at ``path`` is under a property whose range takes entities."""
    prop = next((step for step in reversed(path) if isinstance(step, str)), None)
    return prop is not None and _range_takes_entities(load_vocabulary(), prop)


def iri_issue(expanded: str, has_base: bool) -> int:
    """What :meth:`BlockWalk.iri` reports on an @id (or @id-coerced) string expanded
    without a base: 0 nothing, else which finding."""
    if _BAD_IRI_CHARS.search(expanded):
        return _BAD_CHARS
    if is_absolute_iri(expanded):
        return 0
    if _HOST_LIKE.match(expanded):
        return _HOST
    return 0 if has_base else _NO_BASE


def iri_is_clean(value: str, terms: Terms, has_base: bool) -> bool:
    """Whether :meth:`BlockWalk.iri` reports nothing on ``value`` under ``terms``."""
    return value.startswith("_:") or not iri_issue(terms.value_iri(value, None), has_base)


class BlockWalk:
    """One walk over one block, appending findings to ``out``."""

    def __init__(self, block: Block, has_base: bool, out: list[Finding]) -> None:
        self.block = block
        self.has_base = has_base
        self.out = out
        # Microdata and RDFa write text as text: a value that no URL property (href, src
        # ...) gave is a literal, which the schema.org context's @id coercion reads as an
        # IRI.  Text with spaces and no scheme under a property whose range takes entities
        # ("US Grade Levels" for inDefinedTermSet) is an entity's name there, not a bad IRI;
        # under a URL-only property (a title given as ``url``) it is still reported.
        self.literal_text = block.kind in ("microdata", "rdfa")

    def run(self, terms: Terms | None) -> None:
        data = self.block.data
        items = list(enumerate(data)) if isinstance(data, list) else [(None, data)]
        for i, item in items:
            if isinstance(item, dict):
                path: PathTuple = () if i is None else (i,)
                if "@context" not in item and loses_everything(item):
                    self.no_context(item, path)
                    continue
                # a top-level array item starts from the empty context, not the first item's
                top = terms if i in (None, 0) else _initial_like(terms)
                self.node(item, path, top, skip_context=i in (None, 0))

    def no_context(self, item: dict[str, Any], path: PathTuple) -> None:
        self.add(
            path,
            "jsonld.dropped",
            Severity.ERROR,
            "this top-level object has no @context, so every term in it maps to no IRI and "
            "expansion drops all of its data",
            node_id(item),
            'add "@context": "https://schema.org"',
        )

    def node(
        self, obj: dict[str, Any], path: PathTuple, terms: Terms | None, skip_context: bool = False
    ) -> None:
        local = obj.get("@context")
        # schema.org's context over itself changes nothing: skip the processing
        same = is_schema_context(local) and terms is schema_terms()
        if local is not None and terms is not None and not skip_context and not same:
            try:
                terms = terms.with_context(local)
            except Exception:  # refused or invalid: the expansion finding covers it
                terms = None
        nid = node_id(obj)
        for key, value in obj.items():
            if key in _SILENT:
                continue  # nothing :meth:`entry` reports on, whatever the value
            if terms is not None and key[:1] != "@":
                iri, kept, coercion = terms.key_info(key)
                if kept and iri[0] != "@" and value is not None:  # type: ignore[index]
                    # a property expansion keeps: what :meth:`entry` then :meth:`values`
                    # would do, without building a path for a scalar that needs no look
                    if isinstance(value, dict | list):
                        self.values(value, (*path, key), terms, coercion, nid)
                    elif coercion == "@id" and isinstance(value, str):
                        self.iri(value, (*path, key), terms, nid)
                    continue
            self.entry(key, value, (*path, key), terms, nid)

    def entry(self, key: str, value: Any, path: PathTuple, terms: Terms | None, nid: Any) -> None:
        if key.startswith("@") and key not in KEYWORDS:
            hint = suggest_keyword(key)
            self.add(
                path,
                "jsonld.unknown_keyword",
                Severity.ERROR,
                f"{key!r} is not a JSON-LD keyword, so expansion ignores it and its value",
                nid,
                f"did you mean {hint}?" if hint else None,
            )
            return
        if key[:1] == "@":
            iri: str | None = key
            kept, coercion = True, terms.coercion(key) if terms else None
        elif terms is None:
            return  # context unknown (refused or invalid): nothing sound to say
        else:
            iri, kept, coercion = terms.key_info(key)
        if iri == "@id":
            self.iri(value, path, terms, nid)
        elif iri in ("@type", "@value", "@language"):
            return
        elif not kept:
            self.add(
                path,
                "jsonld.dropped",
                Severity.WARNING,
                f"term {key!r} maps to no IRI in the active context, so expansion drops it",
                nid,
                "define it in the @context or add an @vocab",
            )
        elif value is None:
            self.add(
                path,
                "jsonld.dropped",
                Severity.INFO,
                f"{key!r} is null, so expansion drops it",
                nid,
            )
        else:
            self.values(value, path, terms, coercion, nid)

    def values(
        self, value: Any, path: PathTuple, terms: Terms | None, coercion: str | None, nid: Any
    ) -> None:
        if isinstance(value, list):
            for i, item in enumerate(value):
                if item is None:
                    self.add(
                        (*path, i),
                        "jsonld.dropped",
                        Severity.INFO,
                        "a null list item, dropped by expansion",
                        nid,
                    )
                elif isinstance(item, dict | list) or (
                    coercion == "@id" and isinstance(item, str)
                ):  # other scalars need no look: no call, no path
                    self.values(item, (*path, i), terms, coercion, nid)
        elif isinstance(value, dict):
            self.node(value, path, terms)
        elif isinstance(value, str) and coercion == "@id":
            self.iri(value, path, terms, nid)

    def _names_entity(self, expanded: str, path: PathTuple) -> bool:
        return _SCHEME.match(expanded) is None and _is_entity_name(path)

    def iri(self, value: Any, path: PathTuple, terms: Terms | None, nid: Any) -> None:
        if not isinstance(value, str) or value.startswith("_:"):
            return
        expanded = terms.value_iri(value, None) if terms else value
        issue = iri_issue(expanded, self.has_base)
        if issue == _BAD_CHARS and self.literal_text and self._names_entity(expanded, path):
            return
        if issue == _BAD_CHARS:
            self.add(
                path,
                "jsonld.invalid_iri",
                Severity.WARNING,
                f"{value!r} is not a valid IRI (spaces or characters IRIs may not hold)",
                nid,
                "percent-encode the offending characters",
            )
        elif issue == _HOST:
            self.add(
                path,
                "jsonld.relative_iri",
                Severity.WARNING,
                f"{value!r} looks like a host name without a scheme, so it resolves as a "
                "path relative to the page",
                nid,
                f"write https://{value}",
            )
        elif issue == _NO_BASE:
            self.add(
                path,
                "jsonld.relative_iri",
                Severity.WARNING,
                f"relative IRI {value!r} has no base to resolve against in a standalone "
                "JSON-LD file",
                nid,
                "use an absolute IRI (or pass the page URL as base)",
            )

    def add(
        self,
        path: PathTuple,
        code: str,
        severity: Severity,
        message: str,
        nid: Any,
        hint: str | None = None,
    ) -> None:
        line, column = self.block.locate(path)
        self.out.append(
            Finding(
                code=code,
                severity=severity,
                message=message,
                file=self.block.file,
                line=line,
                column=column,
                path=json_path(*path),
                node_id=nid if isinstance(nid, str) else None,
                rule_url=JSONLD_SPEC,
                hint=hint,
            )
        )


def _initial_like(terms: Terms | None) -> Terms | None:
    return Terms.initial(terms.loader) if terms is not None else None

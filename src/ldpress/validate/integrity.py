"""The graph-integrity layer: all blocks of one source form one graph; check its links.

- ``graph.dangling_ref`` (error): an ``{"@id": ...}`` reference that is local to the page --
  a blank node, a bare fragment, or an IRI whose part before ``#`` is the document's own URL
  (the page's URL; for a file without one, the URL of its first top-level node's @id) -- and
  that no node on the page describes.  References to other documents are fine, also when the
  page summarises a node of that other document (a fact-check describing the article a claim
  appeared in may still point at that article's other nodes).
- ``graph.string_ref`` (warning): a plain string equal to an @id described on the page, under
  a property whose strings are literals (``"author": "#person-1"``); with an @id-coerced
  term (``url``, ``sameAs``) a string already is a reference.
- ``graph.conflict`` (warning): one @id described twice with different literal values for a
  property, or with unrelated types; located at the second description.
- ``graph.unreachable`` (info): on a page that links its top-level nodes by @id, a
  top-level node that neither references nor is referenced by any other -- usually a broken
  link.  Pages of independent blocks (an Organization, a WebSite, an Article) are not linked
  graphs, so they get no such finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urldefrag

from ldpress.findings import Finding, Severity, json_path
from ldpress.validate.blockterms import nodes_with_terms
from ldpress.validate.expansion import base_of, loader_for
from ldpress.validate.fastexpand import MEMO_LIMIT, Terms
from ldpress.validate.model import Block, Context, PathTuple, Source
from ldpress.validate.nodes import NodeAt, as_list, is_reference, iter_nodes, node_id, term_name
from ldpress.validate.pageids import Page, Top
from ldpress.validate.vocabrange import vocab_for

RULE_URL = "https://www.w3.org/TR/json-ld11/#node-identifiers"


def check(source: Source, ctx: Context) -> Iterator[Finding]:
    """Findings of the graph layer over all parsed blocks of ``source``."""
    page = _collect(source, ctx)
    yield from _dangling(page)
    yield from _string_refs(source, ctx, page)
    yield from _conflicts(page, ctx)
    yield from _unreachable(page)


def _top_depth(block: Block) -> int:
    """How many leading steps of a node's path name the top-level node holding it: 2 under
    a top-level ``@graph`` array, 1 in a top-level array, else 0 (the block is one node)."""
    data = block.data
    if isinstance(data, dict) and isinstance(data.get("@graph"), list):
        return 2
    return 1 if isinstance(data, list) else 0


def _owner(path: PathTuple, depth: int) -> PathTuple:
    if depth == 2:
        # the block's own object (path ()) and its keys beside @graph belong to no item
        return path[:2] if len(path) >= 2 and path[0] == "@graph" else ()
    return path[:depth]


def _collect(source: Source, ctx: Context) -> Page:
    page = Page(base_of(source, ctx))
    for block in source.blocks:
        if not block.parsed:
            continue
        depth = _top_depth(block)
        for at in iter_nodes(block):
            owner = _owner(at.path, depth)
            key = (block.index, owner)
            nid = node_id(at.node)
            if at.path == owner:
                page.tops[key] = at
                if page.first_top_id is None and nid and "#" in nid:
                    page.first_top_id = page.norm(nid)
            if nid is None:
                continue
            if is_reference(at.node):
                page.refs.append((at, page.norm(nid), key))
            else:
                norm = page.norm(nid)
                page.described.setdefault(norm, []).append(at)
                page.owners.setdefault(norm, set()).add(key)
    return page


def _is_local(iri: str, raw: str, bases: set[str]) -> bool:
    if raw.startswith(("_:", "#")):
        return True
    return "#" in iri and urldefrag(iri)[0] in bases


def _dangling(page: Page) -> Iterator[Finding]:
    bases = page.page_bases()
    for at, iri, _ in page.refs:
        raw = node_id(at.node) or ""
        if iri not in page.described and _is_local(iri, raw, bases):
            key = "@id" if "@id" in at.node else "id"
            yield _finding(
                at,
                (*at.path, key),
                "graph.dangling_ref",
                Severity.ERROR,
                f"reference {raw!r} points into this page, but no node on the page has that @id",
                raw,
                "describe the node, or fix the @id",
            )


def _string_refs(source: Source, ctx: Context, page: Page) -> Iterator[Finding]:
    if not page.described:
        return
    loader = loader_for(ctx)
    for block in source.blocks:
        for at, terms in nodes_with_terms(block, loader):
            literal = _literal_keys(terms)
            for key, value in at.node.items():
                skip = literal.get(key)
                if skip is None:
                    if len(literal) > MEMO_LIMIT:
                        literal.clear()
                    skip = literal[key] = key[:1] == "@" or (
                        terms is not None and _not_literal(terms, key)
                    )
                if skip:
                    continue
                for i, v in enumerate(as_list(value)):
                    if isinstance(v, str) and v.strip() and page.is_described(v):
                        path = (*at.path, key, i) if isinstance(value, list) else (*at.path, key)
                        yield _finding(
                            at,
                            path,
                            "graph.string_ref",
                            Severity.WARNING,
                            f"{v!r} is a plain string equal to an @id on this page; "
                            "a reference must be an object",
                            v,
                            f'write {{"@id": "{v}"}}',
                        )


_LITERAL = "graph.literal"


def _literal_keys(terms: Terms | None) -> dict[str, bool]:
    """Per key, whether :func:`_string_refs` skips it; kept on the terms (a dict that lives
    for this call when the context is unknown)."""
    if terms is None:
        return {}
    got = terms.memo.get(_LITERAL)
    if got is None:
        got = terms.memo[_LITERAL] = {}
    return got


def _not_literal(terms: Terms, key: str) -> bool:
    """Whether the key's strings are references already (@id-coerced) or not schema.org's."""
    return terms.key_info(key)[2] == "@id" or terms.schema_name(key) is None


def _literals(value: Any) -> frozenset[Any] | None:
    items = as_list(value)
    if not items or not all(isinstance(v, str | int | float | bool) for v in items):
        return None
    return frozenset(items)


def _conflicts(page: Page, ctx: Context) -> Iterator[Finding]:
    vocab = vocab_for(ctx)
    for iri, nodes in page.described.items():
        first = nodes[0]
        for other in nodes[1:]:
            for key, value in other.node.items():
                if key in ("@id", "id", "@context") or key not in first.node:
                    continue
                if key in ("@type", "type"):
                    if _unrelated_types(vocab, first.node[key], value):
                        yield _conflict(other, key, iri, "types")
                    continue
                a, b = _literals(first.node[key]), _literals(value)
                if a is not None and b is not None and a != b:
                    yield _conflict(other, key, iri, f"values for {key!r}")


def _unrelated_types(vocab: Any, a: Any, b: Any) -> bool:
    ta = {t for t in as_list(a) if isinstance(t, str)}
    tb = {t for t in as_list(b) if isinstance(t, str)}
    if not ta or not tb or ta & tb:
        return False
    pairs = [(term_name(x) or x, term_name(y) or y) for x in ta for y in tb]
    return not any(vocab.is_subtype(x, y) or vocab.is_subtype(y, x) for x, y in pairs)


def _conflict(at: NodeAt, key: str, iri: str, what: str) -> Finding:
    return _finding(
        at,
        (*at.path, key),
        "graph.conflict",
        Severity.WARNING,
        f"{iri!r} is described more than once on this page with different {what}",
        iri,
        "describe each node once, or make the descriptions agree",
    )


def _unreachable(page: Page) -> Iterator[Finding]:
    linked: set[Top] = set()  # top-level nodes that take part in an @id link
    for _at, iri, owner in page.refs:
        targets = page.owners.get(iri, set()) - {owner}
        if targets:
            linked.add(owner)
            linked.update(targets)
    if not linked:
        return  # not a linked graph: independent blocks are normal
    for key, at in page.tops.items():
        nid = node_id(at.node)
        if key not in linked and nid is not None:
            yield _finding(
                at,
                at.path,
                "graph.unreachable",
                Severity.INFO,
                f"node {nid!r} is not linked to the rest of this page's graph "
                "(nothing references it and it references nothing on the page)",
                nid,
                "reference it from the node it belongs to",
            )


def _finding(
    at: NodeAt,
    path: PathTuple,
    code: str,
    severity: Severity,
    message: str,
    nid: str | None,
    hint: str | None = None,
) -> Finding:
    line, column = at.block.locate(path)
    return Finding(
        code=code,
        severity=severity,
        message=message,
        file=at.block.file,
        line=line,
        column=column,
        path=json_path(*path),
        node_id=nid,
        rule_url=RULE_URL,
        hint=hint,
    )

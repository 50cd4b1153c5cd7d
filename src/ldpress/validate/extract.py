"""Take a page's structured data back out as one JSON-LD document.

Every block of the page — JSON-LD scripts (read tolerantly, each repair a finding),
microdata and RDFa items — contributes its top-level nodes to one ``@graph`` under
``"@context": "https://schema.org"``.  A block's ``@graph`` is flattened into the document's.
Meaning is kept exactly: a node whose block used another context keeps that context on the
node (contexts nest, so it applies on top of schema.org's, as it did on top of nothing in
the page; a node whose block had no context gets ``"@context": null``, since schema.org's
terms did not apply to it either).  ``@id`` references between blocks stay as written.

This module reads pages through :mod:`ldpress.validate.sources`, the one tolerant reader,
so ``extract`` and ``validate`` always see the same blocks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ldpress.findings import Finding, Severity
from ldpress.jsonld.loader import is_schema_context_url
from ldpress.validate import syntax
from ldpress.validate.model import Block, Context, Options, Source
from ldpress.validate.sources import load_html_text, load_source, read_source

SCHEMA_CONTEXT = "https://schema.org"
_NO_CONTEXT = object()


def _is_schema(context: Any) -> bool:
    return isinstance(context, str) and is_schema_context_url(context)


def _as_list(context: Any) -> list[Any]:
    if context is _NO_CONTEXT:
        return []
    return list(context) if isinstance(context, list) else [context]


def _entry(node: dict[str, Any], *contexts: Any) -> dict[str, Any]:
    """``node`` with the context it needs to mean, under the document's schema.org context,
    what it meant in its block (``contexts``: outermost first, as they applied there)."""
    effective = [c for ctx in contexts for c in _as_list(ctx)]
    if None in effective:  # a null context resets everything before it
        effective = effective[len(effective) - 1 - effective[::-1].index(None) :]
    body = {k: v for k, v in node.items() if k != "@context"}
    if effective and _is_schema(effective[0]):
        rest = effective[1:]
        return body if not rest else {"@context": rest[0] if len(rest) == 1 else rest, **body}
    if not effective or effective == [None]:
        return {"@context": None, **body}
    # Reset first: schema.org's terms did not apply to this node in the page.
    tail = effective[1:] if effective[0] is None else effective
    return {"@context": [None, *tail], **body}


def block_nodes(block: Block) -> tuple[list[dict[str, Any]], list[Finding]]:
    """The top-level nodes of a parsed block (its ``@graph`` flattened), each with the
    context it needs; values that are not node objects are reported, not kept."""
    nodes: list[dict[str, Any]] = []
    dropped: list[Finding] = []
    items = block.data if isinstance(block.data, list) else [block.data]
    for i, item in enumerate(items):
        path: tuple[str | int, ...] = (i,) if isinstance(block.data, list) else ()
        if not isinstance(item, dict):
            line, column = block.locate(path)
            dropped.append(
                Finding(
                    "extract.not_a_node",
                    Severity.WARNING,
                    f"top-level value of type {type(item).__name__} is not a node; left out",
                    file=block.file,
                    line=line,
                    column=column,
                )
            )
            continue
        context = item.get("@context", _NO_CONTEXT)
        graph = item.get("@graph")
        if isinstance(graph, list | dict) and set(item) <= {"@context", "@graph"}:
            for member in graph if isinstance(graph, list) else [graph]:
                if isinstance(member, dict):
                    nodes.append(_entry(member, context, member.get("@context", _NO_CONTEXT)))
        else:  # a node, or a named graph (its @id names the graph): kept whole
            nodes.append(_entry(item, context))
    return nodes, dropped


def extract_source(source: Source) -> tuple[dict[str, Any], list[Finding]]:
    """The JSON-LD document of a source and the findings reading it produced."""
    findings = list(syntax.check(source, Context(Options())))
    graph: list[dict[str, Any]] = []
    for block in source.blocks:
        if block.parsed:
            nodes, dropped = block_nodes(block)
            graph.extend(nodes)
            findings.extend(dropped)
    return {"@context": SCHEMA_CONTEXT, "@graph": graph}, findings


def extract_page(text: str, name: str = "-") -> tuple[dict[str, Any], list[Finding]]:
    """The JSON-LD document of an HTML page given as text."""
    return extract_source(load_html_text(name, text))


def extract_bytes(data: bytes, name: str = "-") -> tuple[dict[str, Any], list[Finding]]:
    """The JSON-LD document of a page (or JSON-LD file) given as bytes."""
    return extract_source(load_source(name, data))


def extract_path(path: str | Path) -> tuple[dict[str, Any], list[Finding]]:
    """The JSON-LD document of a file on disk."""
    return extract_source(read_source(path))

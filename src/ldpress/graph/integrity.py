"""Graph integrity: every reference into the bundle's own document names a node in it.

A reference is a node object holding only ``@id``.  References whose document part (before
``#``) is the bundle's own document, i.e. that of its first (main) node, must resolve to a
node of the ``@graph``; references into other documents (another bundle, a publisher's
site) are links out and are not checked here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ldpress.findings import Finding, Severity, json_path
from ldpress.graph.ids import document_of

PathTuple = tuple[str | int, ...]


def iter_references(value: Any, path: PathTuple) -> Iterator[tuple[PathTuple, str]]:
    """(path, @id) of every ``{"@id": ...}`` reference below ``value``."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield from iter_references(item, (*path, i))
    elif isinstance(value, dict):
        ref = value.get("@id")
        if len(value) == 1 and isinstance(ref, str):
            yield path, ref
            return
        for key, item in value.items():
            if key not in ("@id", "@type", "@context"):
                yield from iter_references(item, (*path, key))


def _referenced_ids(graph: list[Any]) -> list[str]:
    """The ``@id`` of every reference :func:`iter_references` yields below ``graph``, in no
    particular order and without paths: an explicit stack instead of nested generators and
    path tuples, a sixth of the time (the build checks every bundle; paths are only needed
    for a finding)."""
    refs: list[str] = []
    stack: list[Any] = [graph]
    skipped = ("@id", "@type", "@context")
    containers = (dict, list)  # a tuple: isinstance with ``dict | list`` is slower
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            for v in value:
                if isinstance(v, containers):
                    stack.append(v)
        else:
            ref = value.get("@id")
            if len(value) == 1 and isinstance(ref, str):
                refs.append(ref)
                continue
            for key, item in value.items():
                if isinstance(item, containers) and key not in skipped:
                    stack.append(item)
    return refs


def dangling_references(graph: list[Any], file: str | None = None) -> list[Finding]:
    """``graph.dangling_ref`` for each same-document reference that names no node."""
    nodes = [n for n in graph if isinstance(n, dict)]
    if not nodes or not isinstance(nodes[0].get("@id"), str):
        return []
    home = document_of(nodes[0]["@id"])
    ids = {n["@id"] for n in nodes if isinstance(n.get("@id"), str)}
    if all(ref in ids or document_of(ref) != home for ref in _referenced_ids(graph)):
        return []  # the common case; otherwise walk again with paths, in document order
    out = []
    for i, node in enumerate(graph):
        for path, ref in iter_references(node, ("@graph", i)):
            if document_of(ref) == home and ref not in ids:
                out.append(
                    Finding(
                        "graph.dangling_ref",
                        Severity.ERROR,
                        f"reference to {ref!r} names no node of this bundle",
                        file,
                        path=json_path(*path),
                        node_id=node.get("@id") if isinstance(node, dict) else None,
                    )
                )
    return out

"""Read one data file into resolved wire-form nodes, or into findings that say what is wrong.

The stages run in order and stop at the first stage that fails, because later stages need a
sound result of the earlier one: bytes (size, UTF-8) → YAML with positions → the envelope
model (:class:`ArticleData`) → nodes against the vocabulary, references, provenance notes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ldpress.authoring.errors import findings_from_validation
from ldpress.authoring.format import ArticleData, Note
from ldpress.authoring.nodes import NodeResolver, Resolved
from ldpress.authoring.yamlpos import Located, load_located
from ldpress.findings import Finding, Severity, has_errors, json_path
from ldpress.graph.ids import mint_id
from ldpress.models import parse_node

MAX_DATA_FILE = 8 << 20


@dataclass(slots=True)
class DataFile:
    """A data file after loading: the resolved nodes (when valid) and every finding."""

    file: str
    url: str = ""
    slug: str = ""
    main_id: str = ""
    nodes: list[Resolved] = field(default_factory=list)
    provenance: dict[str, Note] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    doc: Located | None = None

    def locate(self, node_id: str, prop: str) -> Finding | None:
        """A located stand-in for a finding on ``prop`` of the last node with ``node_id``
        (the later of two descriptions is where a conflict shows)."""
        keys = [n.key for n in self.nodes if n.id == node_id]
        if not keys or self.doc is None:
            return None
        path = ("nodes", keys[-1], prop)
        line, col = self.doc.at(path, key=True)
        return Finding("", Severity.ERROR, "", self.file, line, col, json_path(*path))

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)


def _read_text(path: Path, result: DataFile) -> str | None:
    def fail(code: str, message: str) -> None:
        result.findings.append(Finding(code, Severity.ERROR, message, result.file, 1, 1))

    try:
        data = path.read_bytes()
    except OSError as exc:
        fail("data.unreadable", f"cannot read the data file: {exc.strerror or exc}")
        return None
    if len(data) > MAX_DATA_FILE:
        fail("data.too_large", f"the data file is over {MAX_DATA_FILE >> 20} MiB")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        fail("data.encoding", f"the data file is not UTF-8 (byte {exc.start})")
        return None


def _strict_json(text: str, result: DataFile) -> bool:
    """JSON files must be JSON: YAML would accept trailing commas and comments in them."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"JSON syntax error: {exc.msg}"
        result.findings.append(
            Finding("data.json_syntax", Severity.ERROR, message, result.file, exc.lineno, exc.colno)
        )
        return False
    return True


def load_data_file(path: Path, display: str | None = None) -> DataFile:
    """Load and check ``path``; never raises on bad content."""
    result = DataFile(file=display or str(path))
    text = _read_text(path, result)
    if text is None:
        return result
    if path.suffix == ".json" and not _strict_json(text, result):
        return result
    doc = load_located(text, result.file)
    result.findings.extend(doc.findings)
    if doc.findings:
        return result
    try:
        envelope = ArticleData.model_validate(doc.data)
    except ValidationError as exc:
        known = ArticleData.model_fields
        result.findings.extend(findings_from_validation(exc, doc, result.file, known))
        return result
    result.doc = doc
    _resolve(envelope, doc, path.parent, result)
    return result


def _resolve(envelope: ArticleData, doc: Located, base_dir: Path, result: DataFile) -> None:
    result.url, result.slug, result.provenance = envelope.url, envelope.slug, envelope.provenance
    ids = {k: spec.id or mint_id(envelope.url, k) for k, spec in envelope.nodes.items()}
    raw_nodes: dict[str, Any] = doc.data["nodes"]
    resolver = NodeResolver(doc, result.file, base_dir, ids)
    if envelope.main not in ids:
        resolver.error(
            "data.dangling_ref",
            f"main names {envelope.main!r}, which is not a node of this file",
            ("main",),
        )
    else:
        result.main_id = ids[envelope.main]
    result.nodes = resolver.resolve_all(raw_nodes)
    _check_provenance(envelope, raw_nodes, resolver)
    if not has_errors(resolver.findings):
        for node in result.nodes:
            _check_model(node, resolver)
    result.findings.extend(resolver.findings)


_MODEL_CODES = {"wrong_node_type": "data.wrong_type", "missing_type": "data.missing_property"}


def _check_model(node: Resolved, resolver: NodeResolver) -> None:
    """Validate the resolved node with ldpress's pydantic models (what the bundle schema is
    generated from), so what they reject is reported at its place in the data file."""
    try:
        parse_node(node.wire)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if isinstance(p, str | int))
            code = _MODEL_CODES.get(err["type"], f"data.{err['type']}")
            resolver.error(
                code,
                err["msg"],
                ("nodes", node.key, *loc),
                node_id=node.id,
                key=err["type"] == "unknown_property",
            )


def _check_provenance(envelope: ArticleData, raw: dict[str, Any], resolver: NodeResolver) -> None:
    """A note must name a node (``key``) or a property it has (``key.prop``): a stale note
    would tell readers something about a value that is no longer there."""
    for where in envelope.provenance:
        key, _, prop = where.partition(".")
        prop = prop.split(".", 1)[0].split("[", 1)[0]
        node = raw.get(key)
        if node is None or (prop and prop not in node):
            resolver.error(
                "data.provenance_path",
                f"provenance note {where!r} names no node or property of this file",
                ("provenance", where),
                key=True,
            )

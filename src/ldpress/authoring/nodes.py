"""Check the nodes of a data file against the vocabulary and resolve them to wire form.

Each node gets its absolute ``@id`` (``<url>#<key>`` unless it names one), every ``{ref: key}``
becomes ``{"@id": ...}`` (a missing key is ``data.dangling_ref`` with a did-you-mean),
``{file: name}`` is replaced by the file's text, and types, property names, dates and the
types of referenced nodes are checked against the pinned schema.org vocabulary.  Problems are
findings located in the data file; nothing raises on bad content.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ldpress.authoring.dates import date_problem
from ldpress.authoring.yamlpos import Located, PathTuple
from ldpress.findings import Finding, Severity, json_path
from ldpress.vocab import Vocabulary, load_vocabulary

DATE_RANGES = frozenset({"Date", "DateTime"})
TEXTUAL = frozenset({"Text", "URL", "Number", "Boolean"})
MAX_TEXT_FILE = 1 << 20


# The vocabulary answers below are pure functions of the (immutable, pinned) vocabulary and
# the names; a data file asks the same few hundred questions for each of its ~600 values, and
# every data file of a build asks them again, so they are memoised across files.  The bound
# keeps a stream of misspelt names from growing the caches without limit.
@lru_cache(maxsize=8192)
def _known_type(vocab: Vocabulary, name: str) -> bool:
    return vocab.is_type(name) and not vocab.is_datatype(name)


@lru_cache(maxsize=8192)
def _applies(vocab: Vocabulary, prop: str, types: tuple[str, ...]) -> bool:
    return vocab.property_applies(prop, set(types))


@lru_cache(maxsize=8192)
def _checks_dates(vocab: Vocabulary, prop: str) -> frozenset[str] | None:
    """The date range names ``prop`` accepts when its text values must be dates."""
    accepts = frozenset(vocab.range(prop))
    return accepts if accepts & DATE_RANGES and not accepts & {"Text"} else None


@lru_cache(maxsize=8192)
def _in_range(vocab: Vocabulary, prop: str, types: tuple[str, ...]) -> bool:
    classes = [r for r in vocab.range(prop) if not vocab.is_datatype(r)]
    return any(c in vocab.ancestors(t) for c in classes for t in types)


@dataclass(slots=True)
class Resolved:
    """A node of the data file in wire form, with its local key and absolute @id."""

    key: str
    id: str
    wire: dict[str, Any]


@dataclass(slots=True)
class _Pending:
    """A node value whose target type is checked once every node's type is known."""

    path: PathTuple
    prop: str
    target: str
    node_id: str


@dataclass
class NodeResolver:
    """Resolves the ``nodes`` mapping of one data file (see the module docstring)."""

    doc: Located
    file: str
    base_dir: Path
    ids: dict[str, str]
    vocab: Vocabulary = field(default_factory=load_vocabulary)
    findings: list[Finding] = field(default_factory=list)
    _types: dict[str, list[str]] = field(default_factory=dict)
    _pending: list[_Pending] = field(default_factory=list)

    def error(self, code: str, message: str, path: PathTuple, **kw: Any) -> None:
        line, col = self.doc.at(path, key=kw.pop("key", False))
        self.findings.append(
            Finding(code, Severity.ERROR, message, self.file, line, col, json_path(*path), **kw)
        )

    def resolve_all(self, nodes: dict[str, Any]) -> list[Resolved]:
        for key, node in nodes.items():
            self._types[self.ids[key]] = self.check_types(node.get("@type"), ("nodes", key))
        out = [
            Resolved(key, nid, self.node(node, ("nodes", key), nid, self._types[nid]))
            for key, node in nodes.items()
            for nid in (self.ids[key],)
        ]
        for p in self._pending:
            self.check_range(p.prop, self._types.get(p.target, []), p.path, p.node_id)
        return out

    def check_types(self, raw: Any, path: PathTuple) -> list[str]:
        names = raw if isinstance(raw, list) else [raw]
        good = []
        for i, name in enumerate(names):
            sub = (*path, "@type", i) if isinstance(raw, list) else (*path, "@type")
            if not isinstance(name, str):
                self.error("data.wrong_type", "@type must be a schema.org type name", sub)
            elif not _known_type(self.vocab, name):
                close = self.vocab.suggest(name, among="type")
                hint = f"did you mean {close[0]!r}?" if close else None
                self.error("data.unknown_type", f"unknown schema.org type {name!r}", sub, hint=hint)
            else:
                good.append(name)
        return good

    def node(
        self, node: dict[str, Any], path: PathTuple, node_id: str | None, types: list[str]
    ) -> dict[str, Any]:
        wire: dict[str, Any] = {}
        if node_id is not None:
            wire["@id"] = node_id
        wire["@type"] = node.get("@type")
        for prop, value in node.items():
            if prop in ("@type", "@id"):
                continue
            if self.check_property(prop, types, (*path, prop), node_id):
                wire[prop] = self.values(prop, value, (*path, prop), node_id)
        return wire

    def check_property(self, prop: str, types: list[str], path: PathTuple, nid: str | None) -> bool:
        if not self.vocab.is_property(prop):
            close = self.vocab.suggest(prop, among="property")
            hint = f"did you mean {close[0]!r}?" if close else None
            self.error(
                "data.unknown_property",
                f"unknown schema.org property {prop!r}",
                path,
                key=True,
                hint=hint,
                node_id=nid,
            )
            return False
        if types and not _applies(self.vocab, prop, tuple(types)):
            self.error(
                "data.unexpected_property",
                f"{prop!r} is not a property of {' or '.join(types)}",
                path,
                key=True,
                node_id=nid,
                rule_url=self.vocab.term_url(prop),
            )
            return False
        return True

    def values(self, prop: str, value: Any, path: PathTuple, nid: str | None) -> Any:
        if isinstance(value, list):
            if not value:
                self.error("data.wrong_type", f"{prop!r} is an empty list", path, node_id=nid)
            return [self.value(prop, v, (*path, i), nid) for i, v in enumerate(value)]
        return self.value(prop, value, path, nid)

    def value(self, prop: str, value: Any, path: PathTuple, nid: str | None) -> Any:
        if isinstance(value, dict):
            return self.mapping_value(prop, value, path, nid)
        if value is None or isinstance(value, list):
            what = "null" if value is None else "a nested list"
            self.error("data.wrong_type", f"{prop!r} has {what}", path, node_id=nid)
            return value
        if isinstance(value, str):
            accepts = _checks_dates(self.vocab, prop)
            if accepts is not None:
                problem = date_problem(value, accepts)
                if problem:
                    self.error(
                        "data.invalid_date",
                        f"{prop}: {problem}",
                        path,
                        node_id=nid,
                        rule_url=self.vocab.term_url(prop),
                    )
        return value

    def mapping_value(
        self, prop: str, value: dict[str, Any], path: PathTuple, nid: str | None
    ) -> Any:
        keys = set(value)
        if keys == {"ref"}:
            return self.reference(prop, value["ref"], path, nid)
        if keys == {"file"}:
            return self.file_text(value["file"], (*path, "file"), nid)
        if keys == {"@id"}:
            return {"@id": value["@id"]}
        if "@type" in keys and "@id" not in keys:
            types = self.check_types(value["@type"], path)
            self.check_range(prop, types, path, nid)
            return self.node(value, path, None, types)
        self.error(
            "data.wrong_type",
            f"{prop!r} takes a value, {{ref: key}}, {{'@id': IRI}}, {{file: name}} or "
            "an embedded node with @type (and no @id)",
            path,
            node_id=nid,
        )
        return value

    def reference(self, prop: str, key: Any, path: PathTuple, nid: str | None) -> Any:
        target = self.ids.get(key) if isinstance(key, str) else None
        if target is None:
            close = difflib.get_close_matches(str(key), list(self.ids), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else None
            self.error(
                "data.dangling_ref",
                f"{prop!r} refers to {key!r}, which is not a node of this file",
                (*path, "ref"),
                hint=hint,
                node_id=nid,
            )
            return {"ref": key}
        self._pending.append(_Pending(path, prop, target, nid or ""))
        definition = self.vocab.context["@context"].get(prop)
        if isinstance(definition, dict) and definition.get("@type") == "@id":
            line, col = self.doc.at(path)
            self.findings.append(
                Finding(
                    "data.ref_becomes_iri",
                    Severity.WARNING,
                    f"schema.org's context reads {prop!r} as a URL, so this reference publishes "
                    f"the node's @id {target!r} as its value",
                    self.file,
                    line,
                    col,
                    json_path(*path),
                    node_id=nid,
                    hint="embed the node instead of {ref: ...}",
                )
            )
        return {"@id": target}

    def check_range(self, prop: str, types: list[str], path: PathTuple, nid: str | None) -> None:
        if not types or _in_range(self.vocab, prop, tuple(types)):
            return
        classes = [r for r in self.vocab.range(prop) if not self.vocab.is_datatype(r)]
        want = " or ".join(classes) if classes else " or ".join(self.vocab.range(prop))
        self.error(
            "data.wrong_type",
            f"{prop!r} expects {want}, not a {' / '.join(types)}",
            path,
            node_id=nid or None,
            rule_url=self.vocab.term_url(prop),
        )

    def file_text(self, name: Any, path: PathTuple, nid: str | None) -> Any:
        target = self.base_dir / str(name)
        # The schema already restricts names to one path segment; resolve() guards symlinks.
        try:
            inside = target.resolve().parent == self.base_dir.resolve()
            data = target.read_bytes() if inside and target.is_file() else None
        except OSError:
            data = None
        if data is None or len(data) > MAX_TEXT_FILE:
            self.error(
                "data.file_ref",
                f"cannot read text file {name!r} next to the data file "
                "(missing, not a regular file in the data file's directory, or over 1 MiB)",
                path,
                node_id=nid,
            )
            return ""
        try:
            return data.decode("utf-8").strip()
        except UnicodeDecodeError:
            self.error("data.file_ref", f"text file {name!r} is not UTF-8", path, node_id=nid)
            return ""

"""Safe YAML (and JSON) loading that keeps the line and column of every key and value.

PyYAML's composer gives a node tree with marks; this module turns it into plain Python values
plus a table of positions keyed by path tuples, so later stages can report any problem at the
exact place in the data file.  Only the safe constructors are used.  Timestamps stay strings
(the authoring format validates dates itself, and a YAML ``date`` would lose reduced
precision such as ``2012-08``), only ``true``/``false`` are booleans (YAML 1.1's ``no`` would
turn the country code ``NO`` into False), duplicate keys and aliases are findings, not
silently resolved: an alias can expand exponentially ("billion laughs") and a data file has
``ref:`` for sharing anyway.  An ordinary file's values come from libyaml's events
(:mod:`.yamlfast`); its positions, only when a finding asks for one, from a second parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ldpress.authoring.yamlfast import plain_values
from ldpress.authoring.yamlloaders import STR as _STR
from ldpress.authoring.yamlloaders import CLoader as _CLoader
from ldpress.authoring.yamlloaders import CParser as _CParser
from ldpress.authoring.yamlloaders import Loader as _Loader
from ldpress.findings import Finding, Severity, json_path

PathTuple = tuple[str | int, ...]
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")
)
MAX_DEPTH = 64


@dataclass(slots=True)
class Located:
    """A loaded document: the value, where each value and key starts, and load findings.

    The positions are found only when first asked for: a data file without a problem never
    needs one, and recording a thousand of them was a third of the load.  They come from a
    second parse of the same text (``_text``), which meets the same nodes in the same order.
    """

    data: Any = None
    findings: list[Finding] = field(default_factory=list)
    _text: str | None = None
    _file: str = ""
    _values: dict[PathTuple, tuple[int, int]] | None = None
    _keys: dict[PathTuple, tuple[int, int]] | None = None

    @property
    def values(self) -> dict[PathTuple, tuple[int, int]]:
        """(line, column) of each value, by path."""
        if self._values is None:
            self._locate()
        assert self._values is not None
        return self._values

    @property
    def keys(self) -> dict[PathTuple, tuple[int, int]]:
        """(line, column) of each mapping key, by the path of its value."""
        if self._keys is None:
            self._locate()
        assert self._keys is not None
        return self._keys

    def _locate(self) -> None:
        self._values, self._keys = {}, {}
        if self._text is not None:
            located = _load(self._text, self._file, track=True)
            self._values, self._keys = located._values, located._keys

    def at(self, path: PathTuple, key: bool = False) -> tuple[int, int]:
        """(line, column) of the key (``key=True``) or value at ``path``, else of the nearest
        located ancestor, else (1, 1)."""
        p = tuple(path)
        table = self.keys if key else self.values
        if p in table:
            return table[p]
        values = self.values
        while p:
            p = p[:-1]
            if p in values:
                return values[p]
        return (1, 1)


def _pos(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _AliasSeen(Exception):
    """A node reached twice while building from libyaml's tree."""


class _Builder:
    """Plain values from a composed node tree; with ``track``, also every position."""

    def __init__(self, loader: Any, out: Located, track: bool) -> None:
        self.loader = loader
        self.file = out._file
        self.out = out
        # libyaml's tree shows an alias as a node met twice; an alias names an anchor, which
        # is written with "&" (an alias without one is a composer error): no "&" in the text,
        # no node to look out for.
        text = out._text or ""
        alias_free = isinstance(loader, _Loader) or "&" not in text
        self.seen: set[int] | None = None if alias_free else set()
        self.values = out._values = {} if track else None
        self.keys = out._keys = {} if track else None

    def finding(self, code: str, message: str, node: Node, path: PathTuple) -> None:
        line, col = _pos(node)
        self.out.findings.append(
            Finding(code, Severity.ERROR, message, self.file, line, col, json_path(*path))
        )

    def build(self, node: Node, path: PathTuple) -> Any:
        if self.seen is not None:
            if id(node) in self.seen:
                raise _AliasSeen
            self.seen.add(id(node))
        if self.values is not None:
            self.values[path] = _pos(node)
        if id(node) in self.loader.alias_nodes:
            self.finding("data.yaml_alias", "YAML aliases are not allowed; use ref:", node, path)
            return None
        if len(path) > MAX_DEPTH:
            self.finding("data.too_deep", f"nesting deeper than {MAX_DEPTH} levels", node, path)
            return None
        if node.tag not in _PLAIN_TAGS:
            # Only the safe core types: an explicit tag would otherwise be ignored on a
            # mapping or sequence (the builder constructs those itself).
            self.finding("data.yaml_tag", f"unsupported YAML tag {node.tag!r}", node, path)
            return None
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self.scalar(node, path)

    def scalar(self, node: ScalarNode, path: PathTuple) -> Any:
        # SafeConstructor makes a str scalar its node's value; doing that here skips the
        # constructor's dispatch for the three quarters of a data file's scalars that are text
        if node.tag == _STR:
            return node.value
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, KeyError, IndexError):
            # An explicit core tag on text it cannot read (``!!int x``, ``!!bool``): PyYAML's
            # constructors raise plain Python errors there, which would abort the build.
            kind = node.tag.rsplit(":", 1)[-1]
            message = f"{node.value!r} is not a YAML {kind}"
            self.finding("data.yaml_tag", message, node, path)
            return None

    def key(self, node: Node, path: PathTuple) -> str:
        """A key that is not plain text (``1:``, ``!!int 2:``, a flow mapping) as text."""
        key = (
            self.scalar(node, (*path, str(node.value)))
            if isinstance(node, ScalarNode)
            else self.loader.construct_object(node, deep=True)
        )
        return key if isinstance(key, str) else str(key)

    def mapping(self, node: MappingNode, path: PathTuple) -> dict[str, Any]:
        # The common entries (a text key, a plain text value) are handled inline: a data
        # file has a thousand nodes, and the calls to build/scalar/_pos were a third of the
        # builder's time.  Anything else takes the general path, with the same checks.
        result: dict[str, Any] = {}
        keys, values, seen = self.keys, self.values, self.seen
        leaf_ok = len(path) < MAX_DEPTH and not self.loader.alias_nodes
        for key_node, value_node in node.value:
            if key_node.tag == _STR and type(key_node) is ScalarNode:
                key = key_node.value
            else:
                key = self.key(key_node, path)
            if key in result:
                message = f"duplicate key {key!r}"
                self.finding("data.duplicate_key", message, key_node, (*path, key))
                continue
            if keys is not None:
                keys[(*path, key)] = _pos(key_node)
            if leaf_ok and value_node.tag == _STR and type(value_node) is ScalarNode:
                if seen is not None:
                    if id(value_node) in seen:
                        raise _AliasSeen
                    seen.add(id(value_node))
                if values is not None:
                    values[(*path, key)] = _pos(value_node)
                result[key] = value_node.value
            else:
                result[key] = self.build(value_node, (*path, key))
        return result


def load_located(text: str, file: str) -> Located:
    """Parse YAML or JSON text; syntax problems become ``data.yaml_syntax`` findings.  The
    positions are found when first asked for (see :class:`Located`)."""
    return _load(text, file, track=False)


def _load(text: str, file: str, track: bool) -> Located:
    if _CParser is not None and not track:
        loader = _CLoader(text)
        try:
            plain, data = plain_values(loader)
        finally:
            loader.dispose()
        if plain:
            return Located(data, _text=text, _file=file)
    if _CParser is not None:
        try:
            return _load_with(_CLoader, text, file, track)
        except _AliasSeen:
            pass
    return _load_with(_Loader, text, file, track)


def _load_with(loader_class: Any, text: str, file: str, track: bool) -> Located:
    out = Located(_text=text, _file=file)
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        if root is None:
            out.findings.append(
                Finding("data.empty", Severity.ERROR, "the data file is empty", file, 1, 1, "$")
            )
            return out
        out.data = _Builder(loader, out, track).build(root, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        message = f"YAML syntax error: {problem}"
        out.findings.append(Finding("data.yaml_syntax", Severity.ERROR, message, file, line, col))
        out.data = None
    except yaml.YAMLError as exc:
        message = f"YAML syntax error: {exc}"
        out.findings.append(Finding("data.yaml_syntax", Severity.ERROR, message, file, 1, 1))
        out.data = None
    finally:
        loader.dispose()
    return out

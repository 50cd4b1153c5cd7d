"""The plain values of an ordinary data file straight from libyaml's events, or ``None``.

:mod:`ldpress.authoring.yamlpos` builds values from libyaml's composed node tree; composing
makes a Python node object for every key and value, and that is a third of the load of a
data file nothing is wrong with.  Here the values are built from the parser's events
instead, but only for the plain subset of YAML: mappings with text keys, sequences and
scalars, no anchor, alias or explicit tag, no duplicate key, shallow nesting, one document.
Anything else (and any parser error) gives ``None``, and the caller takes the composing
path, which reports what there is to report; on the plain subset both paths build the same
values, the scalars read by the same resolver and constructor.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import ScalarNode

_STR = "tag:yaml.org,2002:str"
# Far below yamlpos.MAX_DEPTH: a deeper file takes the composing path, which reports it.
FAST_DEPTH = 32


class _Unusual(Exception):
    """Something outside the plain subset: the composing path must load this file."""


class _Events:
    def __init__(self, loader: Any) -> None:
        self.get = loader.get_event
        self.resolve = loader.resolve
        self.construct = loader.construct_object
        # A resolver types only plain scalars, by their first character (no wildcard
        # resolvers: yamlpos checks); any other scalar is text without asking it.
        resolvers = loader.yaml_implicit_resolvers
        if None in resolvers:  # pragma: no cover - a resolver that looks at every scalar
            raise _Unusual
        self.typed_starts = frozenset(resolvers)

    def document(self) -> Any:
        if type(self.get()) is not StreamStartEvent or type(self.get()) is not DocumentStartEvent:
            raise _Unusual
        value = self.value(self.get(), 1)
        if type(self.get()) is not DocumentEndEvent or type(self.get()) is not StreamEndEvent:
            raise _Unusual  # a second document: the composer's error to report
        return value

    def text(self, event: Any) -> str | None:
        """A scalar event's value when it reads as text, else None."""
        if type(event) is not ScalarEvent or event.anchor is not None or event.tag is not None:
            return None
        value: str = event.value
        if (
            event.implicit[0]
            and value[:1] in self.typed_starts
            and self.resolve(ScalarNode, value, event.implicit) != _STR
        ):
            return None
        return value

    def value(self, event: Any, depth: int) -> Any:
        kind = type(event)
        if event.anchor is not None or event.tag is not None or depth > FAST_DEPTH:
            raise _Unusual  # (an AliasEvent has no tag attribute: caught by the caller)
        if kind is ScalarEvent:
            text = self.text(event)
            return text if text is not None else self.scalar(event)
        if kind is MappingStartEvent:
            return self.mapping(depth)
        if kind is SequenceStartEvent:
            items = []
            event = self.get()
            while type(event) is not SequenceEndEvent:
                items.append(self.value(event, depth + 1))
                event = self.get()
            return items
        raise _Unusual

    def mapping(self, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        event = self.get()
        while type(event) is not MappingEndEvent:
            key = self.text(event)
            if key is None or key in out:
                raise _Unusual  # a key that is not text, or a duplicate
            event = self.get()
            text = self.text(event)
            out[key] = text if text is not None else self.value(event, depth + 1)
            event = self.get()
        return out

    def scalar(self, event: Any) -> Any:
        tag = self.resolve(ScalarNode, event.value, event.implicit)
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.construct(node, deep=True)
        except (ValueError, KeyError, IndexError) as exc:
            raise _Unusual from exc


def plain_values(loader: Any) -> tuple[bool, Any]:
    """(True, values) when the loader's text is in the plain subset, else (False, None)."""
    try:
        return True, _Events(loader).document()
    except (_Unusual, AttributeError, yaml.YAMLError):
        return False, None

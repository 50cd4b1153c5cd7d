"""The YAML loaders ldpress reads data files with: safe constructors, and a resolver that
keeps dates as strings and takes only ``true``/``false`` as booleans.

:class:`Loader` is PyYAML's pure-Python pipeline, which turns an alias into a placeholder
at the ``*alias`` itself (nothing is expanded); :data:`CLoader` is libyaml's parser with the
same constructor and resolver, or None when PyYAML was built without libyaml.
"""

from __future__ import annotations

import importlib
import re
from typing import Any, ClassVar

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import Node, ScalarNode, SequenceNode

STR = "tag:yaml.org,2002:str"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"


class SafeResolver(yaml.resolver.Resolver):
    """The default resolver without timestamps and YAML 1.1 yes/no/on/off booleans.

    The composer calls ``resolve`` and ``descend``/``ascend_resolver`` for every node (a
    third of the compose time of a data file); no path resolvers are registered, so the
    path tracking is skipped and ``resolve`` only tries the implicit resolvers of a plain
    scalar's first character (the default has no wildcard resolvers).
    """

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return STR
        return SEQ if kind is SequenceNode else MAP


SafeResolver.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if not tag.endswith((":timestamp", ":bool"))]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
SafeResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_IMPLICIT: dict[str, list[tuple[str, re.Pattern[str]]]] = SafeResolver.yaml_implicit_resolvers
assert None not in _IMPLICIT and not SafeResolver.yaml_path_resolvers  # what resolve() skips


class Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    SafeConstructor,
    SafeResolver,
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        SafeConstructor.__init__(self)
        SafeResolver.__init__(self)
        self.alias_nodes: set[int] = set()

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        # An alias becomes a placeholder at the alias's own position, so the finding points
        # at the ``*name`` that was written, not at the anchor, and nothing is expanded.
        if self.check_event(yaml.events.AliasEvent):
            event = self.get_event()  # type: ignore[no-untyped-call]
            node = ScalarNode("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)
            self.alias_nodes.add(id(node))
            return node
        composed = super().compose_node(parent, index)
        assert composed is not None  # the composer returns None only at the stream end
        return composed


def _c_parser() -> Any:
    """libyaml's parser class, or None (libyaml is optional in PyYAML builds)."""
    try:
        return importlib.import_module("yaml.cyaml").CParser
    except (ImportError, AttributeError):  # pragma: no cover - depends on the PyYAML build
        return None


CParser: Any = _c_parser()


CLoader: Any = None
if CParser is not None:

    class _CLoader(CParser, SafeConstructor, SafeResolver):  # type: ignore[misc]
        """libyaml's parser (about 15 times faster) with the same constructor and resolver.

        libyaml composes aliases itself, so an alias shows up as a node met twice; the
        builder then reloads with the pure-Python loader, which locates the ``*alias``.
        """

        alias_nodes: ClassVar[frozenset[int]] = frozenset()

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            SafeResolver.__init__(self)

    CLoader = _CLoader

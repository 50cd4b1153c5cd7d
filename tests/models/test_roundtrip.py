"""Property: any valid wire node survives parse_node and to_wire unchanged, deterministically."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from ldpress.models import parse_node, to_wire
from tests.models.strategies import any_nodes


@settings(max_examples=60, deadline=None)
@given(any_nodes)
def test_to_wire_inverts_parse_node(node: dict[str, Any]) -> None:
    parsed = parse_node(node)
    wire = to_wire(parsed)
    assert wire == node
    assert list(wire)[: len({"@id", "@type"} & set(node))] == [
        k for k in ("@id", "@type") if k in node
    ]
    assert to_wire(parse_node(wire)) == wire

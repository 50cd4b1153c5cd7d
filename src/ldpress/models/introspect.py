"""What a model field holds, read from the markers in its annotation.

Tests (vocabulary conformance, Hypothesis strategies) and tools (authoring, documentation)
need to know whether a property is repeatable, which scalar kind it holds or which node
range it accepts, without reading pydantic internals: the value types carry markers
(:class:`~ldpress.models.values.Scalar`, :class:`~ldpress.models.values.Repeatable`,
:class:`~ldpress.models.ranges.NodeRange`) and :func:`field_spec` collects them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

from ldpress.models.node import Node
from ldpress.models.ranges import NodeRange
from ldpress.models.values import Repeatable, Scalar


@dataclass(frozen=True)
class FieldSpec:
    """One property of a model: wire name, repeatable or not, and what its values are."""

    name: str
    wire_name: str
    repeatable: bool
    scalar: Scalar | None
    node_range: NodeRange | None


def _markers(annotation: Any) -> list[object]:
    found: list[object] = list(getattr(annotation, "__metadata__", ()))
    for arg in get_args(annotation):
        found.extend(_markers(arg))
    return found


def field_spec(model: type[Node], name: str) -> FieldSpec:
    """The spec of ``model``'s field ``name`` (Python name)."""
    info = model.model_fields[name]
    markers = _markers(info.annotation)
    scalars = [m for m in markers if isinstance(m, Scalar)]
    ranges = [m for m in markers if isinstance(m, NodeRange)]
    return FieldSpec(
        name=name,
        wire_name=info.alias or name,
        repeatable=any(isinstance(m, Repeatable) for m in markers),
        scalar=scalars[0] if scalars else None,
        node_range=ranges[0] if ranges else None,
    )


def property_specs(model: type[Node]) -> list[FieldSpec]:
    """Specs of every schema.org property of ``model`` (``@id`` and ``@type`` left out)."""
    return [field_spec(model, n) for n in model.model_fields if n not in ("id", "type")]

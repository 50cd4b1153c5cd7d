"""Pydantic models of the schema.org types a newsroom publishes, with wire-format helpers.

``MODELS`` maps each schema.org type name to its class; ``parse_node`` validates one wire
node (a dict with ``@type``) and ``to_wire`` writes one back, deterministically.  Validation
errors are ``pydantic.ValidationError`` whose error types are stable snake_case ids
(``unknown_property``, ``unknown_type``, ``wrong_node_type``, ``missing_type``,
``multiple_types``, ``invalid_node``, ``invalid_date``, ``invalid_url``, ``invalid_number``,
``invalid_member``, plus pydantic's own such as ``string_type``) and whose locations are wire
keys and list indexes, ready for ``ldpress.findings.json_path``.
"""

from __future__ import annotations

from ldpress.models.node import Node, Ref
from ldpress.models.ranges import NodeRange
from ldpress.models.registry import MODELS
from ldpress.models.values import Repeatable, Scalar
from ldpress.models.wire import parse_node, to_wire

__all__ = [
    "MODELS",
    "Node",
    "NodeRange",
    "Ref",
    "Repeatable",
    "Scalar",
    "parse_node",
    "to_wire",
]

"""Between wire JSON and models: dispatch on ``@type`` in, deterministic dicts out."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from ldpress.models import explain
from ldpress.models.node import Node
from ldpress.models.registry import MODELS


def _fail(error: PydanticCustomError, loc: tuple[str, ...], value: Any) -> ValidationError:
    details: InitErrorDetails = {"type": error, "loc": loc, "input": value}
    return ValidationError.from_exception_data("Node", [details])


def parse_node(data: dict[str, Any]) -> Node:
    """Validate one wire node with the model its ``@type`` names.

    Raises ``pydantic.ValidationError``; a missing, list-valued or unknown ``@type`` is one
    too (types ``missing_type``, ``multiple_types``, ``unknown_type`` with a suggestion).
    """
    if not isinstance(data, dict):
        raise _fail(explain.invalid_node(data, MODELS, None), (), data)
    type_name = data.get("@type", data.get("type"))
    if type_name is None:
        raise _fail(explain.missing_type(("a type ldpress models",)), ("@type",), data)
    if not isinstance(type_name, str):
        raise _fail(explain.multiple_types(type_name), ("@type",), type_name)
    model = MODELS.get(type_name)
    if model is None:
        raise _fail(explain.unknown_type(type_name, MODELS), ("@type",), type_name)
    # model_validate without its Python frame (it only forwards to the core validator)
    return model.__pydantic_validator__.validate_python(data)  # type: ignore[no-any-return]


def to_wire(node: Node) -> dict[str, Any]:
    """The node as schema.org JSON: wire names, no None, ``@id`` and ``@type`` first, then
    the properties in declaration order (ancestors' first), so output is deterministic."""
    return node.model_dump(mode="json", by_alias=True, exclude_none=True)

"""The base of every model (:class:`Node`) and the reference to a node described elsewhere.

A node is a JSON object with an optional ``@id``, one ``@type`` (a literal per model class)
and schema.org properties under their wire names (camelCase aliases of snake_case
attributes).  Unknown keys are rejected one by one, each at its own location, with a message
naming the key and a did-you-mean suggestion: pydantic's ``extra="forbid"`` reports only a
fixed ``extra_forbidden`` text, so extras are admitted into a typed ``__pydantic_extra__``
whose validator always fails with our ``unknown_property`` error.  The effect is the same as
``forbid`` (no instance ever carries an extra) and the JSON Schema still says
``additionalProperties: false``.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, model_validator
from pydantic.alias_generators import to_camel

from ldpress.models import explain


class _Unknown:
    """An unknown key's value, carried to the extras validator together with the key."""

    __slots__ = ("key", "own", "type_name", "value")

    def __init__(self, key: str, type_name: str, own: tuple[str, ...], value: Any) -> None:
        self.key, self.type_name, self.own, self.value = key, type_name, own, value

    def __repr__(self) -> str:
        return repr(self.value)

    def __str__(self) -> str:
        return str(self.value)


def _reject(value: Any) -> Any:
    if isinstance(value, _Unknown):
        raise explain.unknown_property(value.key, value.type_name, value.own)
    raise explain.unknown_property("?", "node", ())


def _schema_extra(schema: dict[str, Any], cls: type[Any]) -> None:
    schema["additionalProperties"] = False
    required = [r for r in schema.get("required", []) if r != "@type"]
    schema["required"] = ["@type", *required]


_WIRE_NAMES: dict[type[BaseModel], tuple[frozenset[str], tuple[str, ...]]] = {}


def _names(cls: type[BaseModel]) -> tuple[frozenset[str], tuple[str, ...]]:
    """(every accepted key: wire and Python names, the wire names alone), cached per class."""
    got = _WIRE_NAMES.get(cls)
    if got is None:
        wire = tuple(f.alias or n for n, f in cls.model_fields.items())
        got = (frozenset(wire) | frozenset(cls.model_fields), wire)
        _WIRE_NAMES[cls] = got
    return got


class Node(BaseModel):
    """A schema.org node; every model class narrows ``type`` to its own literal name."""

    model_config = ConfigDict(
        extra="allow",
        alias_generator=to_camel,
        populate_by_name=True,
        strict=True,
        json_schema_extra=_schema_extra,
        # building all 30 validators costs ~0.8 s; build each on first use instead
        defer_build=True,
    )
    __pydantic_extra__: dict[str, Annotated[Any, PlainValidator(_reject)]] = Field(init=False)

    id: str | None = Field(default=None, alias="@id", min_length=1)
    type: str = Field(alias="@type")

    # the schema.org type name, taken from the class's ``@type`` default
    schema_type: ClassVar[str] = "Node"

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        default = cls.model_fields["type"].default
        if isinstance(default, str):
            cls.schema_type = default

    @model_validator(mode="before")
    @classmethod
    def _mark_unknown_keys(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        accepted, wire = _names(cls)
        if accepted.issuperset(data):  # the common case, in one C call
            return data
        name = cls.schema_type
        return {k: v if k in accepted else _Unknown(str(k), name, wire, v) for k, v in data.items()}

    def __setattr__(self, name: str, value: Any) -> None:
        # extra="allow" would otherwise take any attribute silently and put it on the wire
        if name not in type(self).model_fields and not name.startswith("_"):
            raise AttributeError(f"{type(self).__name__} has no property {name!r}")
        super().__setattr__(name, value)

    @classmethod
    def wire_names(cls) -> tuple[str, ...]:
        """The schema.org names this model carries, ``@id`` and ``@type`` first."""
        return _names(cls)[1]


class Ref(BaseModel):
    """A reference ``{"@id": "..."}`` to a node described elsewhere in the graph."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, strict=True)

    id: str = Field(alias="@id", min_length=1)

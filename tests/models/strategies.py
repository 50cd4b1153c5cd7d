"""Hypothesis strategies for valid wire nodes of every model, derived from the field markers."""

from __future__ import annotations

import string
from typing import Any

from hypothesis import strategies as st

from ldpress.models import MODELS
from ldpress.models.introspect import FieldSpec, property_specs
from ldpress.models.ranges import MODEL_TYPES, NodeRange
from ldpress.models.values import Scalar, member_spellings

_URL_CHARS = string.ascii_letters + string.digits + "-._~/%"
urls = st.text(_URL_CHARS, max_size=12).map(lambda p: f"https://example.org/{p}")
refs = st.builds(lambda u: {"@id": u}, urls)
_OFFSETS = st.sampled_from(["", "Z", "+09:00", "-05:30", "+00:00"])


def _reduced(d: Any, precision: int) -> str:
    return d.isoformat()[: (4, 7, 10)[precision]]


dates = st.builds(_reduced, st.dates(), st.integers(0, 2))
datetimes = st.builds(
    lambda dt, off: dt.isoformat(timespec="seconds") + off, st.datetimes(), _OFFSETS
)
numbers = st.integers(-(10**9), 10**9) | st.floats(allow_nan=False, allow_infinity=False)


def scalar_values(scalar: Scalar) -> st.SearchStrategy[Any]:
    kind = scalar.kind
    table: dict[str, st.SearchStrategy[Any]] = {
        "text": st.text(max_size=16),
        "url": urls,
        "date": dates,
        "datetime": datetimes,
        "date_or_datetime": dates | datetimes,
        "number": numbers,
        "integer": st.integers(-(10**6), 10**6),
        "number_or_text": numbers | st.text(max_size=8),
        "boolean": st.booleans(),
    }
    if kind == "member":
        assert scalar.enum is not None
        return st.sampled_from(member_spellings(scalar.enum))
    return table[kind]


def range_values(spec: NodeRange, depth: int) -> st.SearchStrategy[Any]:
    options: list[st.SearchStrategy[Any]] = [refs]
    if spec.text == "url":
        options.append(urls)
    elif spec.text == "text":
        options.append(st.text(max_size=16))
    elif spec.text == "distance":
        options.append(numbers | st.text(max_size=8))
    if depth > 0:
        options.append(st.sampled_from(spec.types).flatmap(lambda t: nodes_of(t, depth - 1)))
    return st.one_of(options)


def field_values(spec: FieldSpec, depth: int) -> st.SearchStrategy[Any]:
    if spec.scalar is not None:
        base = scalar_values(spec.scalar)
    else:
        assert spec.node_range is not None
        base = range_values(spec.node_range, depth)
    if spec.repeatable:
        return base | st.lists(base, max_size=3)
    return base


def nodes_of(type_name: str, depth: int = 1) -> st.SearchStrategy[dict[str, Any]]:
    """A valid wire node of ``type_name`` with any subset of its properties."""
    optional: dict[str, st.SearchStrategy[Any]] = {"@id": urls}
    for spec in property_specs(MODELS[type_name]):
        optional[spec.wire_name] = field_values(spec, depth)
    return st.fixed_dictionaries({"@type": st.just(type_name)}, optional=optional)


any_nodes = st.sampled_from(MODEL_TYPES).flatmap(nodes_of)

"""Measured values: QuantitativeValue, the node form of a size or an amount.

An image's width and height are schema.org Distance or QuantitativeValue; a newsroom that
wants the unit spelled out writes ``{"@type": "QuantitativeValue", "value": 1200,
"unitCode": "E37"}`` (UN/CEFACT's code for pixels), which consumers such as Google's image
checks read like the bare number.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ldpress.models.base import Thing
from ldpress.models.values import Number, NumberOrText, Text


class QuantitativeValue(Thing):
    """schema.org QuantitativeValue (a StructuredValue): a value with its unit."""

    type: Literal["QuantitativeValue"] = Field(  # type: ignore[assignment]
        default="QuantitativeValue", alias="@type"
    )
    value: NumberOrText | None = None
    unit_code: Text | None = None
    unit_text: Text | None = None
    min_value: Number | None = None
    max_value: Number | None = None

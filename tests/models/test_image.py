"""What a newsroom's images need: sizes as numbers, text or QuantitativeValue, credits,
copyright, where the picture was taken; Continent as a place."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from ldpress.models import parse_node, to_wire

IMAGE = {
    "@type": "ImageObject",
    "contentUrl": "https://example.org/i.jpg",
    "caption": "Delegations in Ulan Bator",
    "creditText": "Example photo desk",
    "copyrightNotice": "© 2012 Example",
    "contentLocation": {"@type": "Continent", "name": "Asia"},
}


@pytest.mark.parametrize(
    "size",
    [
        1200,
        1200.5,
        "1200",
        "1200 px",
        {"@type": "QuantitativeValue", "value": 1200, "unitCode": "E37"},
        {"@id": "https://example.org/sizes#w"},
    ],
)
def test_width_and_height_take_numbers_text_and_quantitative_values(size: Any) -> None:
    node = {**IMAGE, "width": size, "height": size}
    assert to_wire(parse_node(node)) == node


@pytest.mark.parametrize(
    ("size", "kind"),
    [
        (True, "invalid_node"),
        (float("inf"), "invalid_number"),
        ({"@type": "Person", "name": "x"}, "wrong_node_type"),
        ({"@type": "QuantitativeValue", "value": 1, "pixels": 2}, "unknown_property"),
    ],
)
def test_bad_sizes_are_rejected(size: Any, kind: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_node({**IMAGE, "width": size})
    (error,) = info.value.errors()
    assert error["type"] == kind
    assert error["loc"][0] == "width"


def test_content_location_and_copyright_apply_to_any_creative_work() -> None:
    node = {
        "@type": "NewsArticle",
        "headline": "x",
        "copyrightNotice": "© Example",
        "contentLocation": [{"@type": "Continent", "name": "Europe"}, {"@id": "https://x.org/p"}],
    }
    assert to_wire(parse_node(node)) == node


def test_continent_is_a_place_where_places_go() -> None:
    city = {"@type": "City", "name": "Ulan Bator", "containedInPlace": {"@type": "Continent"}}
    assert to_wire(parse_node(city)) == city

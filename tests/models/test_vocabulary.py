"""The models agree with the pinned schema.org vocabulary: types, properties, domains, ranges."""

from __future__ import annotations

import pytest

from ldpress.models import MODELS, Node
from ldpress.models.introspect import property_specs
from ldpress.models.ranges import MODEL_TYPES
from ldpress.vocab import load_vocabulary

VOCAB = load_vocabulary()

# which schema.org range types a scalar kind stands for (Text/URL leniency: a Text field is
# fine wherever Text or URL is in the range)
SCALAR_RANGES = {
    "text": {"Text", "URL"},
    "url": {"URL"},
    "date": {"Date"},
    "datetime": {"DateTime"},
    "number": {"Number"},
    "integer": {"Integer", "Number"},
    "boolean": {"Boolean"},
}


def test_registry_lists_every_class_once_under_its_type_name() -> None:
    assert tuple(MODELS) == MODEL_TYPES
    assert len(MODELS) == 32
    for name, cls in MODELS.items():
        assert cls.__name__ == name
        assert cls.model_fields["type"].default == name


@pytest.mark.parametrize("name", MODEL_TYPES)
def test_type_is_schema_org_and_python_parent_is_an_ancestor(name: str) -> None:
    cls = MODELS[name]
    assert VOCAB.is_type(name)
    parent = cls.__mro__[1]
    if parent is not Node:
        assert VOCAB.is_subtype(name, parent.__name__), (name, parent.__name__)


@pytest.mark.parametrize("name", MODEL_TYPES)
def test_every_wire_name_is_a_property_of_the_type(name: str) -> None:
    for spec in property_specs(MODELS[name]):
        assert VOCAB.is_property(spec.wire_name), spec.wire_name
        assert VOCAB.property_applies(spec.wire_name, {name}), f"{name}.{spec.wire_name}"
        assert not VOCAB.superseded_by(spec.wire_name), spec.wire_name


@pytest.mark.parametrize("name", MODEL_TYPES)
def test_every_value_type_fits_the_property_range(name: str) -> None:
    for spec in property_specs(MODELS[name]):
        prop = spec.wire_name
        prange = set(VOCAB.range(prop))
        assert (spec.scalar is None) != (spec.node_range is None), prop
        if spec.scalar is not None:
            kind = spec.scalar.kind
            if kind == "member":
                assert spec.scalar.enum in prange, prop
            elif kind == "date_or_datetime":
                assert {"Date", "DateTime"} <= prange, prop
            elif kind == "number_or_text":
                assert {"Number", "Text"} <= prange, prop
            else:
                assert SCALAR_RANGES[kind] & prange, (prop, kind, prange)
            continue
        assert spec.node_range is not None
        for accepted in spec.node_range.types:
            assert any(VOCAB.is_subtype(accepted, r) for r in prange), (prop, accepted)
        if spec.node_range.text == "url":
            assert "URL" in prange, prop
        elif spec.node_range.text == "text":
            assert "Text" in prange, prop
        elif spec.node_range.text == "distance":
            assert "Distance" in prange, prop


def test_ranges_take_subclasses_but_not_multiple_inheritance_oddities() -> None:
    specs = {s.wire_name: s for s in property_specs(MODELS["NewsArticle"])}
    author = specs["author"].node_range
    assert author is not None
    assert "NewsMediaOrganization" in author.types
    assert "Person" in author.types
    # StadiumOrArena is a LocalBusiness (an Organization) in schema.org, but not an author
    assert "StadiumOrArena" not in author.types
    about = specs["about"].node_range
    assert about is not None and set(about.types) == set(MODELS)

"""parse_node and to_wire: dispatch, references, one-or-many, errors with codes and locations."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from ldpress.models import MODELS, Ref, parse_node, to_wire
from ldpress.models.agent import Organization, Person
from ldpress.models.creative import NewsArticle
from ldpress.models.place import Place


def _errors(data: Any) -> list[dict[str, Any]]:
    with pytest.raises(ValidationError) as info:
        parse_node(data)
    return info.value.errors()


def test_dispatch_on_type() -> None:
    for name, cls in MODELS.items():
        node = parse_node({"@type": name, "name": "x"})
        assert type(node) is cls


def test_reference_or_embedded_node() -> None:
    node = {
        "@type": "NewsArticle",
        "author": {"@id": "https://example.org/a#person-huang-youfu"},
        "publisher": {"@type": "NewsMediaOrganization", "name": "China Daily"},
    }
    parsed = parse_node(node)
    assert isinstance(parsed, NewsArticle)
    assert isinstance(parsed.author, Ref)
    assert parsed.author.id == "https://example.org/a#person-huang-youfu"
    assert type(parsed.publisher).__name__ == "NewsMediaOrganization"
    assert to_wire(parsed) == node


def test_one_or_many_keeps_the_shape_written() -> None:
    one = {"@type": "NewsArticle", "keywords": "Japan", "about": {"@id": "https://e.org/#x"}}
    many = {"@type": "NewsArticle", "keywords": ["Japan"], "about": [{"@id": "https://e.org/#x"}]}
    assert to_wire(parse_node(one)) == one
    assert to_wire(parse_node(many)) == many
    assert parse_node(many).keywords == ["Japan"]  # type: ignore[attr-defined]


def test_single_valued_property_rejects_a_list() -> None:
    errors = _errors({"@type": "NewsArticle", "headline": ["a", "b"]})
    assert [(e["type"], e["loc"]) for e in errors] == [("string_type", ("headline",))]


def test_nested_errors_have_wire_locations() -> None:
    errors = _errors(
        {
            "@type": "NewsArticle",
            "author": [
                {"@id": "https://e.org/#p"},
                {"@type": "Person", "worksFor": {"@type": "Organization", "foundingDate": "x"}},
            ],
        }
    )
    assert [(e["type"], e["loc"]) for e in errors] == [
        ("invalid_date", ("author", 1, "worksFor", "foundingDate"))
    ]


def test_unknown_property_suggests_the_models_own_name_first() -> None:
    (error,) = _errors({"@type": "NewsArticle", "headlnie": "x"})
    assert error["type"] == "unknown_property"
    assert error["loc"] == ("headlnie",)
    assert error["ctx"]["suggestion"] == "headline"
    assert "headlnie" in error["msg"] and "did you mean headline?" in error["msg"]


def test_unknown_property_wrong_case() -> None:
    (error,) = _errors({"@type": "Person", "jobtitle": "professor"})
    assert error["ctx"]["suggestion"] == "jobTitle"


def test_real_property_the_model_does_not_carry_is_named_as_such() -> None:
    (error,) = _errors({"@type": "Person", "knows": {"@id": "https://e.org/#p"}})
    assert error["type"] == "unknown_property"
    assert error["ctx"]["suggestion"] is None
    assert "knows is a schema.org property of Person that this model does not carry" in error["msg"]


def test_real_property_of_another_type() -> None:
    (error,) = _errors({"@type": "Person", "articleBody": "x"})
    assert "articleBody is a schema.org property, but not one of Person" in error["msg"]


def test_vocabulary_suggestion_when_the_model_has_nothing_close() -> None:
    (error,) = _errors({"@type": "Person", "spouseOf": "x"})
    assert error["type"] == "unknown_property"
    assert error["ctx"]["suggestion"] == "spouse"
    assert "not carried by Person" in error["msg"]


def test_every_unknown_key_is_reported_with_the_other_errors() -> None:
    errors = _errors({"@type": "Event", "strtDate": "2012", "endDate": "2012-13", "zzz": 1})
    assert sorted((e["type"], e["loc"]) for e in errors) == [
        ("invalid_date", ("endDate",)),
        ("unknown_property", ("strtDate",)),
        ("unknown_property", ("zzz",)),
    ]


def test_python_names_are_accepted_too() -> None:
    node = parse_node({"@type": "NewsArticle", "date_published": "2012-11-16"})
    assert to_wire(node) == {"@type": "NewsArticle", "datePublished": "2012-11-16"}


@pytest.mark.parametrize(
    ("data", "code", "suggestion"),
    [
        ({"@type": "NewsArticel"}, "unknown_type", "NewsArticle"),
        ({"@type": "Review"}, "unknown_type", None),
        ({"@type": "Persn"}, "unknown_type", "Person"),
        ({"@type": ["NewsArticle", "Claim"]}, "multiple_types", None),
        ({"name": "x"}, "missing_type", None),
    ],
)
def test_top_level_type_errors(data: dict[str, Any], code: str, suggestion: str | None) -> None:
    (error,) = _errors(data)
    assert error["type"] == code
    assert error["loc"] == ("@type",)
    assert error.get("ctx", {}).get("suggestion") == suggestion


def test_not_an_object() -> None:
    (error,) = _errors(["not", "a", "node"])
    assert error["type"] == "invalid_node"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ({"@type": "Place", "name": "Pyongyang"}, "wrong_node_type"),
        ({"@type": "Persn"}, "unknown_type"),
        ({"name": "Huang Youfu"}, "missing_type"),
        ({"@id": "https://e.org/#p", "name": "Huang"}, "missing_type"),
        (3, "invalid_node"),
        ("Huang Youfu", "invalid_node"),
        ({"@type": "StadiumOrArena"}, "wrong_node_type"),
    ],
)
def test_node_valued_property_errors(value: Any, code: str) -> None:
    (error,) = _errors({"@type": "NewsArticle", "author": value})
    assert (error["type"], error["loc"]) == (code, ("author",))


def test_text_allowed_where_schema_org_allows_it() -> None:
    node = {"@type": "Event", "location": "Ulan Bator"}
    assert to_wire(parse_node(node)) == node
    image = {"@type": "Thing", "image": ["https://e.org/a.jpg", {"@type": "ImageObject"}]}
    assert to_wire(parse_node(image)) == image
    (error,) = _errors({"@type": "Thing", "image": "a.jpg"})
    assert (error["type"], error["loc"]) == ("invalid_url", ("image",))


def test_empty_id_is_rejected() -> None:
    (error,) = _errors({"@type": "Thing", "@id": ""})
    assert error["loc"] == ("@id",)


def test_to_wire_puts_id_and_type_first_then_declaration_order() -> None:
    node = parse_node(
        {
            "dateline": "PYONGYANG",
            "headline": "H",
            "name": "N",
            "@type": "NewsArticle",
            "articleBody": "B",
            "@id": "https://e.org/#a",
        }
    )
    assert list(to_wire(node)) == ["@id", "@type", "name", "headline", "articleBody", "dateline"]


def test_python_construction_and_attribute_guard() -> None:
    person = Person(name="Huang Youfu", works_for=Organization(name="Minzu University of China"))
    article = NewsArticle(headline="H", author=[person, Ref(id="https://e.org/#x")])
    assert to_wire(article) == {
        "@type": "NewsArticle",
        "headline": "H",
        "author": [
            {
                "@type": "Person",
                "name": "Huang Youfu",
                "worksFor": {"@type": "Organization", "name": "Minzu University of China"},
            },
            {"@id": "https://e.org/#x"},
        ],
    }
    article.headline = "H2"
    assert article.headline == "H2"
    with pytest.raises(AttributeError):
        article.headlin = "typo"
    with pytest.raises(ValidationError) as info:
        NewsArticle(author=Place(name="Pyongyang"))
    assert info.value.errors()[0]["type"] == "wrong_node_type"


def test_wire_names_are_camel_case_aliases() -> None:
    names = NewsArticle.wire_names()
    assert names[:2] == ("@id", "@type")
    assert "datePublished" in names and "articleBody" in names

"""Scalar values: schema.org dates, URLs, numbers and enumeration members."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from pydantic import ValidationError

from ldpress.models import parse_node, to_wire, values
from ldpress.models.values import is_calendar_date, is_datetime, is_web_url


@pytest.mark.parametrize("value", ["2012", "2012-08", "2012-08-15", "2012-02-29", "0001-01-01"])
def test_reduced_precision_dates_are_dates(value: str) -> None:
    assert is_calendar_date(value)


@pytest.mark.parametrize(
    "value",
    [
        "2012-02-30",
        "2013-02-29",
        "2012-13",
        "2012-00",
        "2012-08-32",
        "12",
        "2012/08/15",
        "20120815",
        "2012-8-5",
        "0000",
        " 2012",
        "2012-08-15T10:00",
    ],
)
def test_invalid_dates_are_not_dates(value: str) -> None:
    assert not is_calendar_date(value)


@pytest.mark.parametrize(
    "value",
    [
        "2012-11-15T09:30",
        "2012-11-15T09:30:00",
        "2012-11-15T09:30:00Z",
        "2012-11-15T09:30:00+08:00",
        "2012-11-15T09:30:00.123-05:00",
    ],
)
def test_datetimes(value: str) -> None:
    assert is_datetime(value)


@pytest.mark.parametrize(
    "value",
    [
        "2012-11-15",
        "2012-11-15T25:00",
        "2012-02-30T10:00",
        "2012-11-15 09:30",
        "2012-11-15T09:30+25:00",
        "2012-11-15T09",
        "2012-W46-4T10:00",
    ],
)
def test_not_datetimes(value: str) -> None:
    assert not is_datetime(value)


def _errors(data: dict[str, Any]) -> list[tuple[str, tuple[Any, ...]]]:
    with pytest.raises(ValidationError) as info:
        parse_node(data)
    return [(e["type"], e["loc"]) for e in info.value.errors()]


@pytest.mark.parametrize("value", ["2012", "2012-08", "2012-08-15", "2012-08-15T10:00:00+09:00"])
def test_date_or_datetime_property_keeps_the_value_as_written(value: str) -> None:
    node = {"@type": "Event", "startDate": value}
    assert to_wire(parse_node(node)) == node


@pytest.mark.parametrize("value", ["2012-02-30", "2012-13", "15 November 2012", "2012-11-15T"])
def test_bad_dates_are_invalid_date(value: str) -> None:
    assert _errors({"@type": "Event", "startDate": value}) == [("invalid_date", ("startDate",))]


def test_date_only_property_rejects_a_datetime() -> None:
    errors = _errors({"@type": "Person", "birthDate": "1912-04-15T00:00"})
    assert errors == [("invalid_date", ("birthDate",))]


@pytest.mark.parametrize(
    "value", ["https://example.org/a?b=c#d", "http://example.org", "HTTPS://Example.org/x"]
)
def test_web_urls(value: str) -> None:
    assert is_web_url(value)


@pytest.mark.parametrize(
    "value",
    [
        "example.org",
        "/relative",
        "ftp://example.org/",
        "https://",
        "https://exa mple.org",
        "mailto:a@example.org",
        "https://[::1",
    ],
)
def test_not_web_urls(value: str) -> None:
    assert not is_web_url(value)


def test_url_kept_as_written_and_bad_url_is_invalid_url() -> None:
    node = {"@type": "Thing", "url": "HTTPS://Example.org/a%20b", "sameAs": ["https://x.org"]}
    assert to_wire(parse_node(node)) == node
    errors = _errors({"@type": "Thing", "sameAs": ["https://x.org", "x.org"]})
    assert errors == [("invalid_url", ("sameAs", 1))]


def test_numbers_are_strict_and_finite() -> None:
    assert _errors({"@type": "NewsArticle", "wordCount": "812"}) == [
        ("invalid_number", ("wordCount",))
    ]
    assert _errors({"@type": "NewsArticle", "wordCount": True}) == [
        ("invalid_number", ("wordCount",))
    ]
    assert _errors({"@type": "GeoCoordinates", "latitude": float("nan")}) == [
        ("invalid_number", ("latitude",))
    ]
    node = {"@type": "GeoCoordinates", "latitude": 39.0392, "longitude": "125.7625"}
    assert to_wire(parse_node(node)) == node


@pytest.mark.parametrize(
    "value",
    ["https://schema.org/EventScheduled", "http://schema.org/EventPostponed", "EventCancelled"],
)
def test_enumeration_members(value: str) -> None:
    node = {"@type": "SportsEvent", "eventStatus": value}
    assert to_wire(parse_node(node)) == node


def test_wrong_enumeration_member() -> None:
    errors = _errors(
        {"@type": "Event", "eventStatus": "https://schema.org/OnlineEventAttendanceMode"}
    )
    assert errors == [("invalid_member", ("eventStatus",))]


def test_text_is_strict() -> None:
    assert _errors({"@type": "NewsArticle", "headline": 12}) == [("string_type", ("headline",))]


def test_the_url_whitespace_test_is_exactly_str_isspace() -> None:
    # is_web_url searches with a regex; it must refuse the characters isspace() names
    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()]
    assert spaces and all(not is_web_url(f"https://example.org/a{c}b") for c in spaces)
    assert all(
        bool(values._SPACE.search(c)) == c.isspace() for c in map(chr, range(sys.maxunicode + 1))
    )
    assert is_web_url("https://example.org/a\u200bb")  # zero width space is not a space

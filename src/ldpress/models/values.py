"""Scalar value types of the models: text, absolute URLs, schema.org dates, numbers, members.

Each type keeps the value exactly as written (a date stays ``"2012-08"``, a URL keeps its
spelling) so that ``to_wire(parse_node(x)) == x``; validation only decides whether the value
is acceptable and raises a ``PydanticCustomError`` with a stable snake_case type
(``invalid_date``, ``invalid_url``, ``invalid_number``, ``invalid_member``) that callers map to
finding codes.  Every type carries a :class:`Scalar` marker so tests and tools can tell what
a field holds without parsing pydantic internals, and ``OneOrMany`` marks (and validates)
repeatable properties.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, TypeVar, get_args
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    ConfigDict,
    GetCoreSchemaHandler,
    PlainValidator,
    TypeAdapter,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError, core_schema

from ldpress.vocab import load_vocabulary

T = TypeVar("T")

_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
# Exactly the characters str.isspace() accepts (both use Py_UNICODE_ISSPACE; checked over
# every code point in tests/models): one search instead of a generator step per character.
_SPACE = re.compile(r"\s")
# fromisoformat alone is too lenient (it takes "20121115", week dates, spaces): the regex
# fixes the one spelling schema.org documents, fromisoformat then checks the calendar.
_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?"
)
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?$"
SCHEMA_PREFIXES = ("https://schema.org/", "http://schema.org/")
URL_JSON_SCHEMA = {"type": "string", "format": "uri", "pattern": "^https?://"}


@dataclass(frozen=True)
class Scalar:
    """Marker naming what a scalar field holds: text, url, date, datetime, date_or_datetime,
    number, integer, number_or_text, boolean or member (of ``enum``)."""

    kind: str
    enum: str | None = None


_STRICT = ConfigDict(strict=True)


@dataclass(frozen=True)
class Repeatable:
    """Marker of a property that takes one value or a list of values, and its validator.

    pydantic's ``T | list[T]`` (smart or tagged union) reports a bad value once per branch
    or with a branch label in the error location; this validator picks the branch by the
    value's shape, so locations stay ``(property,)`` or ``(property, index, ...)``.
    """

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        item = get_args(source)[0]
        inner = handler.generate_schema(item)
        adapters: list[TypeAdapter[Any]] = []

        def validate(value: Any) -> Any:
            if not adapters:  # built on first use: items may be models still being defined
                adapters.append(TypeAdapter(item, config=_STRICT))
                adapters.append(TypeAdapter(list[item], config=_STRICT))  # type: ignore[valid-type]
            # the core validator itself: TypeAdapter.validate_python only forwards to it
            return adapters[isinstance(value, list)].validator.validate_python(value)

        return core_schema.no_info_plain_validator_function(
            validate,
            json_schema_input_schema=core_schema.union_schema(
                [inner, core_schema.list_schema(inner)]
            ),
        )


def is_calendar_date(value: str) -> bool:
    """``2012``, ``2012-08`` or ``2012-08-15``, each part calendar-valid."""
    if not _DATE.fullmatch(value):
        return False
    parts = [int(p) for p in value.split("-")]
    year, month, day = parts + [1] * (3 - len(parts))
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def is_datetime(value: str) -> bool:
    """Full ISO 8601 date and time (minutes at least), optional ``Z`` or ``±HH:MM`` offset."""
    if not _DATETIME.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_date(value: str) -> str:
    if not is_calendar_date(value):
        raise PydanticCustomError(
            "invalid_date",
            "'{value}' is not a schema.org Date: use YYYY, YYYY-MM or YYYY-MM-DD, calendar-valid",
            {"value": value, "expected": "Date"},
        )
    return value


def _check_datetime(value: str) -> str:
    if not is_datetime(value):
        raise PydanticCustomError(
            "invalid_date",
            "'{value}' is not a schema.org DateTime: use YYYY-MM-DDThh:mm[:ss][Z|±hh:mm]",
            {"value": value, "expected": "DateTime"},
        )
    return value


def _check_date_or_datetime(value: str) -> str:
    if not (is_calendar_date(value) or is_datetime(value)):
        raise PydanticCustomError(
            "invalid_date",
            "'{value}' is neither a schema.org Date (YYYY, YYYY-MM, YYYY-MM-DD) nor a DateTime "
            "(YYYY-MM-DDThh:mm[:ss][Z|±hh:mm])",
            {"value": value, "expected": "Date or DateTime"},
        )
    return value


def is_web_url(value: str) -> bool:
    """An absolute http(s) URL with a host and no whitespace."""
    if _SPACE.search(value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def check_url(value: str) -> str:
    if not is_web_url(value):
        raise PydanticCustomError(
            "invalid_url",
            "'{value}' is not an absolute http(s) URL",
            {"value": value},
        )
    return value


def _number(value: Any, *, text: bool = False, integer: bool = False) -> Any:
    ok_types: tuple[type, ...] = (int,) if integer else (int, float)
    if isinstance(value, bool) or not (
        isinstance(value, ok_types) or (text and isinstance(value, str))
    ):
        expected = "an integer" if integer else "a number" + (" or text" if text else "")
        raise PydanticCustomError(
            "invalid_number", "'{value}' is not {expected}", {"value": value, "expected": expected}
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError(
            "invalid_number", "'{value}' is not a finite number", {"value": value}
        )
    return value


def _check_number(value: Any) -> Any:
    return _number(value)


def _check_number_or_text(value: Any) -> Any:
    return _number(value, text=True)


def _check_integer(value: Any) -> Any:
    return _number(value, integer=True)


def check_distance(value: int | float) -> int | float:
    """A number standing for a schema.org Distance (pixels, for an image): finite."""
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError(
            "invalid_number", "'{value}' is not a finite number", {"value": value}
        )
    return value


def member_name(value: str) -> str:
    """``https://schema.org/EventScheduled`` (or http, or bare) -> ``EventScheduled``."""
    for prefix in SCHEMA_PREFIXES:
        if value.startswith(prefix):
            return value[len(prefix) :]
    return value


def member_spellings(enum: str) -> list[str]:
    """Every accepted spelling of the members of ``enum``, sorted."""
    names = sorted(load_vocabulary().enum_members(enum))
    return sorted(f"{p}{n}" for n in names for p in ("", *SCHEMA_PREFIXES))


def _member_check(enum: str) -> AfterValidator:
    def check(value: str) -> str:
        if not load_vocabulary().member_of(member_name(value), enum):
            members = ", ".join(sorted(load_vocabulary().enum_members(enum)))
            raise PydanticCustomError(
                "invalid_member",
                "'{value}' is not a member of {enum} (one of {members}, as "
                "https://schema.org/<Member>)",
                {"value": value, "enum": enum, "members": members},
            )
        return value

    return AfterValidator(check)


def _member_schema(enum: str) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "enum": member_spellings(enum)})


Text = Annotated[str, Scalar("text")]
Url = Annotated[
    str,
    AfterValidator(check_url),
    WithJsonSchema(dict(URL_JSON_SCHEMA)),
    Scalar("url"),
]
Date = Annotated[
    str,
    AfterValidator(_check_date),
    WithJsonSchema({"type": "string", "pattern": DATE_PATTERN}),
    Scalar("date"),
]
DateTime = Annotated[
    str,
    AfterValidator(_check_datetime),
    WithJsonSchema({"type": "string", "pattern": DATETIME_PATTERN}),
    Scalar("datetime"),
]
DateOrDateTime = Annotated[
    str,
    AfterValidator(_check_date_or_datetime),
    WithJsonSchema(
        {
            "type": "string",
            "anyOf": [{"pattern": DATE_PATTERN}, {"pattern": DATETIME_PATTERN}],
        }
    ),
    Scalar("date_or_datetime"),
]
Number = Annotated[
    int | float,
    PlainValidator(_check_number),
    WithJsonSchema({"type": "number"}),
    Scalar("number"),
]
Integer = Annotated[
    int, PlainValidator(_check_integer), WithJsonSchema({"type": "integer"}), Scalar("integer")
]
NumberOrText = Annotated[
    int | float | str,
    PlainValidator(_check_number_or_text),
    WithJsonSchema({"type": ["number", "string"]}),
    Scalar("number_or_text"),
]
Boolean = Annotated[bool, Scalar("boolean")]
EventStatus = Annotated[
    str,
    _member_check("EventStatusType"),
    _member_schema("EventStatusType"),
    Scalar("member", "EventStatusType"),
]
AttendanceMode = Annotated[
    str,
    _member_check("EventAttendanceModeEnumeration"),
    _member_schema("EventAttendanceModeEnumeration"),
    Scalar("member", "EventAttendanceModeEnumeration"),
]

# One value or a list of values, as written.
OneOrMany = Annotated[T | list[T], Repeatable()]

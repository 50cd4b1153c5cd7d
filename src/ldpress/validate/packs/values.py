"""Reading values the way consumers do: numbers written as text, ISO 8601 dates, enum members.

Shared by the named pack checks and the page-consistency layer.  Every parser returns None on
anything it cannot read, so a check decides itself whether "unreadable" is a finding.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from ldpress.vocab import Vocabulary, load_vocabulary
from ldpress.vocab.index import term_from_iri

_NUMBER = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$")
_PIXELS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$", re.IGNORECASE)
_QUOTES = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201a\u201b\u2032`\u00b4", "'")
) | str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'))
# Zero-width characters editors paste into headlines; invisible, so never a difference.
_INVISIBLE = str.maketrans(dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""))
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))


def as_number(value: Any) -> float | None:
    """A JSON number, or text that is one ("4", " 2.5 "); booleans are not numbers."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str) and _NUMBER.match(value):
        return float(value)
    return None


def as_pixels(value: Any) -> float | None:
    """A width or height: a number, "720", "720px", or a QuantitativeValue's value."""
    if isinstance(value, dict):
        return as_pixels(value.get("value"))
    if isinstance(value, str):
        m = _PIXELS.match(value)
        return float(m.group(1)) if m else None
    return as_number(value)


def parse_datetime(value: Any) -> datetime | date | None:
    """An ISO 8601 date (a ``date``) or date-time (a ``datetime``, naive when no offset)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) == 10:
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        return None


def comparable(moment: datetime | date) -> datetime:
    """A moment as an aware UTC datetime (a date is its midnight; naive times count as UTC)."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def enum_name(value: Any) -> str | None:
    """``https://schema.org/EventRescheduled``, ``schema:X``, ``X`` or ``{"@id": ...}`` -> X."""
    raw = value.get("@id") if isinstance(value, dict) else value
    if not isinstance(raw, str):
        return None
    text: str = raw.strip()
    if text.startswith("schema:"):
        return text[len("schema:") :]
    name = term_from_iri(text)
    return name if name is not None else (text if text.isidentifier() else None)


# The three tables as one (each maps single characters, so composing them per character is
# exact), and the characters it changes: most texts hold none and skip the translation, which
# looks every character up in a dict (a page's visible text runs to tens of kilobytes).
_FOLD = {
    k: chr(k).translate(_INVISIBLE).translate(_QUOTES).translate(_DASHES)
    for k in (*_INVISIBLE, *_QUOTES, *_DASHES)
}
_FOLDED = re.compile("[" + re.escape("".join(map(chr, _FOLD))) + "]")


def normalise_text(text: str) -> str:
    """Case-, width-, quote-, dash- and whitespace-insensitive form for comparing texts."""
    text = unicodedata.normalize("NFKC", text)
    if _FOLDED.search(text) is not None:
        text = text.translate(_FOLD)
    return " ".join(text.casefold().split())


def first_text(value: Any) -> str | None:
    """The first string among a value or list of values (a name, a headline)."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item.strip():
            return item
    return None


def type_list(node: Any) -> list[str]:
    if not isinstance(node, dict):
        return []
    raw = node.get("@type")
    return [t for t in (raw if isinstance(raw, list) else [raw]) if isinstance(t, str)]


@cache
def vocabulary() -> Vocabulary:
    """The process's vocabulary (``load_vocabulary`` resolves its directory on every call)."""
    return load_vocabulary()

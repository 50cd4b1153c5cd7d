"""ISO 8601 checks for schema.org Date and DateTime values, reduced precision included.

schema.org's Date follows ISO 8601, so ``2012``, ``2012-08`` and ``2012-08-29`` are all
dates; DateTime needs a date and a time, with an optional UTC offset.  Both are checked for
calendar validity too (``2012-02-30`` is not a date).
"""

from __future__ import annotations

import re
from datetime import date, datetime

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?$"
)


def is_iso_date(text: str) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, and a real calendar date."""
    m = _DATE.match(text)
    if not m:
        return False
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def is_iso_datetime(text: str) -> bool:
    """``YYYY-MM-DDThh:mm[:ss[.f]][Z|±hh:mm]`` with valid fields."""
    if not _DATETIME.match(text):
        return False
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def date_problem(text: str, accepts: frozenset[str]) -> str | None:
    """Why ``text`` is not a value of the date ranges in ``accepts`` (None when it is)."""
    if "Date" in accepts and is_iso_date(text):
        return None
    if "DateTime" in accepts and is_iso_datetime(text):
        return None
    wanted = " or ".join(
        k
        for k in ("ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD)", "date-time")
        if (k.startswith("ISO") and "Date" in accepts)
        or (k == "date-time" and "DateTime" in accepts)
    )
    return f"{text!r} is not an {wanted}"

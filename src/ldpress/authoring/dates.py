"""ISO 8601 checks for schema.org Date and DateTime values, reduced precision included.

schema.org's Date follows ISO 8601, so ``2012``, ``2012-08`` and ``2012-08-29`` are all
dates; DateTime needs a date and a time, with an optional UTC offset.  Both are checked for
calendar validity too (``2012-02-30`` is not a date).  The rules are the models' own
(:mod:`ldpress.models.values`), so a data file and the models never disagree on a date;
this module words the problem for the authoring findings.
"""

from __future__ import annotations

from ldpress.models.values import is_calendar_date as is_iso_date
from ldpress.models.values import is_datetime as is_iso_datetime

__all__ = ["date_problem", "is_iso_date", "is_iso_datetime"]


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

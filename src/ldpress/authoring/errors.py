"""Turn pydantic validation errors on a data file into located findings.

Each pydantic error type maps to one stable ``data.*`` code; the location comes from the
positions the YAML loader kept, so the finding points at the key (for unknown or missing
fields) or at the value (for a wrong type or an invalid value).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from ldpress.authoring.yamlpos import Located, PathTuple
from ldpress.findings import Finding, Severity, json_path

_CODES = {
    "extra_forbidden": "data.unknown_property",
    "missing": "data.missing_property",
    "string_pattern_mismatch": "data.invalid_value",
    "string_too_long": "data.invalid_value",
    "value_error": "data.invalid_value",
}


def code_for(error_type: str) -> str:
    if error_type in _CODES:
        return _CODES[error_type]
    if error_type.endswith("_type") or error_type.endswith("_parsing"):
        return "data.wrong_type"
    return "data.invalid_value"


def _clean_loc(loc: Iterable[Any]) -> tuple[PathTuple, bool]:
    """The data path of a pydantic ``loc``; True when it names a mapping key itself."""
    path: list[str | int] = []
    on_key = False
    for part in loc:
        if part == "[key]":
            on_key = True
        elif isinstance(part, str | int):
            path.append(part)
    return tuple(path), on_key


def _message(err: Any, path: PathTuple) -> str:
    name = path[-1] if path else "the file"
    kind = err["type"]
    if kind == "extra_forbidden":
        return f"unknown field {name!r}"
    if kind == "missing":
        return f"required field {name!r} is missing"
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        return f"{name!r} has the value {err.get('input')!r}, which does not match {pattern}"
    return f"{name!r}: {err['msg']}"


def findings_from_validation(
    exc: ValidationError, doc: Located, file: str, known: Iterable[str] = ()
) -> list[Finding]:
    """One finding per pydantic error, located in the data file."""
    out = []
    for err in exc.errors():
        path, on_key = _clean_loc(err["loc"])
        kind = err["type"]
        at_key = on_key or kind == "extra_forbidden"
        line, col = doc.at(path if kind != "missing" else path[:-1], key=at_key)
        hint = None
        if kind == "extra_forbidden" and path:
            close = difflib.get_close_matches(str(path[-1]), list(known), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else None
        out.append(
            Finding(
                code_for(kind),
                Severity.ERROR,
                _message(err, path),
                file,
                line,
                col,
                json_path(*path),
                hint=hint,
            )
        )
    return out

"""Error messages that help: unknown properties and types with a did-you-mean suggestion.

Suggestions come first from what the model itself carries (a typo of one of its own wire
names), then from the pinned schema.org vocabulary; a real schema.org term the model does not
carry is named as such, so an editor knows to ask for it rather than hunt for a typo.  Every
error is a ``PydanticCustomError`` with a stable type and a ``ctx`` holding the term, the
suggestion (or None) and a hint sentence.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from pydantic_core import PydanticCustomError

from ldpress.vocab import load_vocabulary


def _close(term: str, pool: Iterable[str]) -> str | None:
    names = list(pool)
    lower = {n.lower(): n for n in names}
    if term.lower() in lower and lower[term.lower()] != term:
        return lower[term.lower()]
    found = difflib.get_close_matches(term, names, n=1, cutoff=0.75)
    return found[0] if found else None


def unknown_property(term: str, type_name: str, own: Iterable[str]) -> PydanticCustomError:
    """The error for a key that ``type_name``'s model does not carry."""
    vocab = load_vocabulary()
    suggestion = _close(term, own)
    if suggestion is not None:
        hint = f"did you mean {suggestion}?"
    elif vocab.is_property(term):
        hint = (
            f"{term} is a schema.org property of {type_name} that this model does not carry"
            if vocab.property_applies(term, {type_name})
            else f"{term} is a schema.org property, but not one of {type_name}"
        )
    else:
        found = vocab.suggest(term, among="property")
        suggestion = found[0] if found else None
        if suggestion is None:
            hint = f"{term} is not a schema.org property"
        else:
            carried = "" if suggestion in set(own) else f" (not carried by {type_name})"
            hint = f"did you mean schema.org's {suggestion}{carried}?"
    return PydanticCustomError(
        "unknown_property",
        "unknown property '{property}' on {type}: {hint}",
        {"property": term, "type": type_name, "suggestion": suggestion, "hint": hint},
    )


def unknown_type(term: str, models: Iterable[str]) -> PydanticCustomError:
    """The error for an ``@type`` no model has."""
    vocab = load_vocabulary()
    suggestion = _close(term, models)
    if suggestion is not None:
        hint = f"did you mean {suggestion}?"
    elif vocab.is_type(term):
        hint = f"{term} is a schema.org type ldpress has no model for"
    else:
        found = vocab.suggest(term, among="type")
        suggestion = found[0] if found else None
        hint = (
            f"did you mean schema.org's {suggestion}?"
            if suggestion
            else f"{term} is not a schema.org type"
        )
    return PydanticCustomError(
        "unknown_type",
        "unknown @type '{type}': {hint}",
        {"type": term, "suggestion": suggestion, "hint": hint},
    )


def wrong_node_type(got: str, expected: Iterable[str]) -> PydanticCustomError:
    names = " or ".join(sorted(expected))
    return PydanticCustomError(
        "wrong_node_type",
        "a {type} node is not allowed here: expected {expected} (or a subtype), "
        'or a reference {"@id": ...}',
        {"type": got, "expected": names},
    )


def missing_type(expected: Iterable[str]) -> PydanticCustomError:
    names = " or ".join(sorted(expected))
    return PydanticCustomError(
        "missing_type",
        'a node needs an @type ({expected}); a reference has "@id" and nothing else',
        {"expected": names},
    )


def invalid_node(value: object, expected: Iterable[str], text: str | None) -> PydanticCustomError:
    names = " or ".join(sorted(expected))
    alt = f", {text}" if text else ""
    return PydanticCustomError(
        "invalid_node",
        'expected a node ({expected}), a reference {"@id": ...}{alt}; got {got}',
        {"expected": names, "alt": alt, "got": type(value).__name__},
    )


def multiple_types(value: object) -> PydanticCustomError:
    return PydanticCustomError(
        "multiple_types",
        "@type must be one type name (a string), got {value}",
        {"value": value},
    )

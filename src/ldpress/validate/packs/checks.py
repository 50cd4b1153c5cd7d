"""Named checks: the pack rules JSON Schema cannot express, referenced by name from pack.json.

Each check gets the value found at the rule's ``at`` path (each item of a list separately; the
node itself when ``at`` is empty), the resolved node, the rule's ``args`` and the vocabulary,
and yields :class:`Violation`s: a path inside the value, a detail for the message, a hint.
The rule's id, severity, message and source stay in the pack data; a check only decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ldpress.validate.packs.values import (
    as_number,
    as_pixels,
    comparable,
    enum_name,
    first_text,
    normalise_text,
    parse_datetime,
    type_list,
)
from ldpress.validate.resolve import is_unresolved_reference
from ldpress.vocab import Vocabulary


@dataclass(frozen=True, slots=True)
class Violation:
    path: tuple[str | int, ...] = ()
    detail: str | None = None
    hint: str | None = None


Check = Callable[[Any, dict[str, Any], dict[str, Any], Vocabulary], Iterator[Violation]]
CHECKS: dict[str, Check] = {}


def named(name: str) -> Callable[[Check], Check]:
    def register(fn: Check) -> Check:
        CHECKS[name] = fn
        return fn

    return register


def _node(value: Any) -> bool:
    return isinstance(value, dict) and not is_unresolved_reference(value)


def _is_a(vocab: Vocabulary, value: Any, *wanted: str) -> bool:
    return any(vocab.is_subtype(t, w) for t in type_list(value) for w in wanted)


# -- agents (author, mainEntity) ---------------------------------------------------------------
@named("agent_type")
def agent_type(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    types = type_list(value)
    if _node(value) and types and not _is_a(vocab, value, "Person", "Organization"):
        yield Violation(("@type",), f"@type is {', '.join(types)}")


@named("agent_untyped")
def agent_untyped(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    if isinstance(value, str):
        yield Violation(
            (), f"it is the text {value[:60]!r}", 'use {"@type": "Person", "name": ...}'
        )
    elif _node(value) and not type_list(value):
        yield Violation((), "it has no @type", 'add "@type": "Person" or "Organization"')


_BYLINE = re.compile(r"^\s*(by|posted by|written by|words by|von|por|par)\b[\s:]*", re.IGNORECASE)
_HONORIFIC = re.compile(r"^\s*(dr|prof|professor|mr|mrs|ms|sir|rev)\b\.?\s", re.IGNORECASE)
_JOB = re.compile(
    r"\b(editor|reporter|correspondent|journalist|staff writer|columnist|contributor|"
    r"writer|producer|fact[- ]checker|chief|desk|team)\b",
    re.IGNORECASE,
)


@named("author_name_clean")
def author_name_clean(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    """author.name holds only the name: no byline words, honorific, job title or publisher."""
    name = first_text(value.get("name")) if _node(value) else None
    if name is None or (not _is_a(vocab, value, "Person") and type_list(value)):
        return
    if _BYLINE.match(name):
        yield Violation(("name",), f"{name!r} starts with a byline word", "write only the name")
    elif _HONORIFIC.match(name):
        yield Violation(("name",), f"{name!r} has an honorific", "put it in honorificPrefix")
    elif _JOB.search(name):
        yield Violation(("name",), f"{name!r} looks like a job title", "put it in jobTitle")
    else:
        publisher = node.get("publisher")
        pub_name = first_text(publisher.get("name")) if isinstance(publisher, dict) else None
        if pub_name and normalise_text(pub_name) == normalise_text(name):
            yield Violation(("name",), f"{name!r} is the publisher's name", "use publisher")


_SEVERAL = re.compile(r"\s(and|&|und|y|et|e)\s|;|\s,\s?|,\s\S+\s\S+")


@named("author_name_multiple")
def author_name_multiple(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    name = first_text(value.get("name")) if _node(value) else None
    if name and _SEVERAL.search(name):
        yield Violation(("name",), f"{name!r} names several people", "give one author entry each")


# -- images --------------------------------------------------------------------------------------
def _size(value: Any) -> tuple[float, float] | None:
    if not _node(value):
        return None
    w, h = as_pixels(value.get("width")), as_pixels(value.get("height"))
    return (w, h) if w and h else None


@named("image_min_pixels")
def image_min_pixels(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    size = _size(value)
    minimum = args.get("pixels", 50_000)
    if size and size[0] * size[1] < minimum:
        yield Violation((), f"{size[0]:g}x{size[1]:g} is {size[0] * size[1]:g} pixels")


@named("image_aspect_ratio")
def image_aspect_ratio(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    size = _size(value)
    if size and not any(abs(size[0] / size[1] - r) < 0.02 for r in (16 / 9, 4 / 3, 1.0)):
        yield Violation((), f"{size[0]:g}x{size[1]:g}")


@named("image_min_width")
def image_min_width(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    width = as_pixels(value.get("width")) if _node(value) else None
    if width is not None and width < args.get("width", 720):
        yield Violation(("width",), f"width is {width:g}")


# -- events --------------------------------------------------------------------------------------
@named("end_before_start")
def end_before_start(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    start, end = parse_datetime(node.get("startDate")), parse_datetime(node.get("endDate"))
    if start is not None and end is not None and comparable(end) < comparable(start):
        yield Violation(("endDate",), f"{node['endDate']} is before {node['startDate']}")


@named("previous_start_needs_rescheduled")
def previous_start_needs_rescheduled(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    status = node.get("eventStatus")
    if "previousStartDate" in node and enum_name(status) != "EventRescheduled":
        yield Violation(("previousStartDate",), f"eventStatus is {status!r}")


@named("location_is_place")
def location_is_place(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    """At least one location is a physical Place (checked on the node's whole location)."""
    items = value if isinstance(value, list) else [value]
    if any(_is_a(vocab, v, "Place") or is_unresolved_reference(v) for v in items):
        return
    if any(_node(v) and not type_list(v) for v in items):
        return  # untyped: the vocabulary layer cannot judge it either; do not guess
    kinds = [", ".join(type_list(v)) if isinstance(v, dict) else "text" for v in items]
    yield Violation((), f"location is {'; '.join(kinds) or 'empty'}")


@named("virtual_location")
def virtual_location(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    if _is_a(vocab, value, "VirtualLocation"):
        yield Violation(("@type",))


# -- ratings (ClaimReview.reviewRating) ---------------------------------------------------------
_BOUNDS = ("bestRating", "worstRating", "ratingValue")


def _bounds(value: Any) -> tuple[float, float, float | None] | None:
    """(best, worst, value) with schema.org's defaults (5 and 1); None if a bound is unreadable
    (an unreadable value is None in the triple)."""
    if not _node(value):
        return None
    got = {k: as_number(value[k]) for k in _BOUNDS if k in value}
    if any(got.get(k, 0) is None for k in ("bestRating", "worstRating")):
        return None  # rating_numbers reports it; a comparison would only guess
    best, worst = got.get("bestRating", 5.0), got.get("worstRating", 1.0)
    return (best or 0.0, worst or 0.0, got.get("ratingValue"))


@named("rating_numbers")
def rating_numbers(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    if _node(value):
        for key in _BOUNDS:
            if key in value and as_number(value[key]) is None:
                yield Violation((key,), f"{key} is {value[key]!r}")


@named("rating_order")
def rating_order(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    got = _bounds(value)
    if got and got[0] <= got[1]:
        yield Violation(("bestRating",), f"bestRating {got[0]:g}, worstRating {got[1]:g}")


@named("rating_worst_min")
def rating_worst_min(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    got = _bounds(value)
    if got and got[1] < 1:
        yield Violation(("worstRating",), f"worstRating is {got[1]:g}")


@named("rating_value_range")
def rating_value_range(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    got = _bounds(value)
    if got and got[2] is not None and got[0] > got[1] and not got[1] <= got[2] <= got[0]:
        yield Violation(("ratingValue",), f"{got[2]:g} is outside [{got[1]:g}, {got[0]:g}]")


# -- claims --------------------------------------------------------------------------------------
def _verdict(review: dict[str, Any]) -> str | None:
    rating = review.get("reviewRating")
    rating = rating[0] if isinstance(rating, list) and rating else rating
    if not isinstance(rating, dict):
        return None
    return first_text(rating.get("alternateName")) or first_text(rating.get("name"))


@named("claim_not_verdict")
def claim_not_verdict(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    claim, verdict = first_text(node.get("claimReviewed")), _verdict(node)
    if claim and verdict and normalise_text(claim) == normalise_text(verdict):
        yield Violation(("claimReviewed",), f"both are {claim!r}")


def _agent_keys(value: Any) -> dict[str, str]:
    """Identity keys of the agents in a value (``@id`` or normalised name) -> shown text."""
    out: dict[str, str] = {}
    for v in value if isinstance(value, list) else [value]:
        name = first_text(v.get("name")) if isinstance(v, dict) else first_text(v)
        if isinstance(v, dict) and isinstance(v.get("@id"), str):
            out["@id " + v["@id"]] = v["@id"]
        if name:
            out["name " + normalise_text(name)] = name
    return out


@named("claimant_not_checker")
def claimant_not_checker(
    value: Any, node: dict[str, Any], args: dict[str, Any], vocab: Vocabulary
) -> Iterator[Violation]:
    claims = node.get("itemReviewed")
    for i, claim in enumerate(claims if isinstance(claims, list) else [claims]):
        if not isinstance(claim, dict):
            continue
        checker = _agent_keys(node.get("author"))
        same = sorted(checker.keys() & _agent_keys(claim.get("author")).keys())
        if same:
            path: tuple[str | int, ...] = ("itemReviewed", i, "author")
            if not isinstance(claims, list):
                path = ("itemReviewed", "author")
            yield Violation(path, f"both are {checker[same[0]]!r}")

"""Claims and fact-checks: Claim, ClaimReview, Rating, Quotation.

A statement in an article is a Claim (its ``appearance`` the article, its ``author`` the
person); a fact-check is a ClaimReview of a claim with a Rating.  ClaimReview carries
Review's properties (reviewRating, itemReviewed, reviewBody).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ldpress.models.base import Thing
from ldpress.models.creative import CreativeWork
from ldpress.models.ranges import Agent, AnyNode, RatingNode, Work
from ldpress.models.values import NumberOrText, OneOrMany, Text


class Claim(CreativeWork):
    """schema.org Claim: a specific, factually-oriented statement."""

    type: Literal["Claim"] = Field(default="Claim", alias="@type")  # type: ignore[assignment]
    appearance: OneOrMany[Work] | None = None
    first_appearance: Work | None = None
    claim_interpreter: OneOrMany[Agent] | None = None


class Rating(Thing):
    """schema.org Rating: a verdict on a scale, with its explanation."""

    type: Literal["Rating"] = Field(default="Rating", alias="@type")  # type: ignore[assignment]
    rating_value: NumberOrText | None = None
    best_rating: NumberOrText | None = None
    worst_rating: NumberOrText | None = None
    rating_explanation: Text | None = None
    author: OneOrMany[Agent] | None = None


class ClaimReview(CreativeWork):
    """schema.org ClaimReview: a fact-check of a claim."""

    type: Literal["ClaimReview"] = Field(default="ClaimReview", alias="@type")  # type: ignore[assignment]
    claim_reviewed: Text | None = None
    review_rating: RatingNode | None = None
    item_reviewed: AnyNode | None = None
    review_body: Text | None = None


class Quotation(CreativeWork):
    """schema.org Quotation: a quoted piece of speech or text."""

    type: Literal["Quotation"] = Field(default="Quotation", alias="@type")  # type: ignore[assignment]
    spoken_by_character: OneOrMany[Agent] | None = None

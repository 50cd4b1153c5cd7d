"""Every model class by schema.org type name, with forward references resolved.

Families refer to each other (an Article's author is a Person whose worksFor is an
Organization whose location is a Place ...); ``ranges.NodeRange`` looks the classes up here
when it validates a nested node, so no family imports another.
"""

from __future__ import annotations

from ldpress.models.agent import (
    CollegeOrUniversity,
    GovernmentOrganization,
    NewsMediaOrganization,
    Organization,
    Person,
    SportsTeam,
)
from ldpress.models.base import Thing
from ldpress.models.claim import Claim, ClaimReview, Quotation, Rating
from ldpress.models.creative import (
    AnalysisNewsArticle,
    Article,
    BackgroundNewsArticle,
    CreativeWork,
    ImageObject,
    NewsArticle,
    OpinionNewsArticle,
    ReportageNewsArticle,
    WebPage,
)
from ldpress.models.event import Event, SportsEvent
from ldpress.models.measure import QuantitativeValue
from ldpress.models.node import Node
from ldpress.models.place import (
    AdministrativeArea,
    City,
    Continent,
    Country,
    GeoCoordinates,
    LandmarksOrHistoricalBuildings,
    Place,
    PostalAddress,
    StadiumOrArena,
)
from ldpress.models.ranges import MODEL_TYPES

_CLASSES: tuple[type[Node], ...] = (
    Thing,
    CreativeWork,
    Article,
    NewsArticle,
    ReportageNewsArticle,
    AnalysisNewsArticle,
    OpinionNewsArticle,
    BackgroundNewsArticle,
    WebPage,
    ImageObject,
    Claim,
    ClaimReview,
    Quotation,
    Rating,
    Event,
    SportsEvent,
    Person,
    Organization,
    NewsMediaOrganization,
    GovernmentOrganization,
    CollegeOrUniversity,
    SportsTeam,
    Place,
    AdministrativeArea,
    City,
    Country,
    StadiumOrArena,
    LandmarksOrHistoricalBuildings,
    PostalAddress,
    GeoCoordinates,
    Continent,
    QuantitativeValue,
)

MODELS: dict[str, type[Node]] = {cls.schema_type: cls for cls in _CLASSES}


def _check() -> None:
    if tuple(MODELS) != MODEL_TYPES:
        raise RuntimeError("ranges.MODEL_TYPES and the model classes disagree")  # a bug


_check()

"""Node-valued property ranges: which model classes a property accepts, or a reference.

``node_union("Organization", "Person")`` accepts, by ``@type``, every model class that is (a
subclass of) one of the given types — ``Organization`` takes ``NewsMediaOrganization`` too —
or a reference (:class:`~ldpress.models.node.Ref`), or text or a URL where schema.org allows.  A missing,
unknown or disallowed ``@type`` gets one clear error (``missing_type``, ``unknown_type``,
``wrong_node_type``, ``invalid_node``), and errors inside a nested node keep their plain
location (``author``, 0, ``name``): pydantic-core carries a nested ``ValidationError``'s
errors up with the outer location prepended.

For mypy the aliases are plain unions (the ``TYPE_CHECKING`` branch); at run time they are
the annotated unions pydantic validates with.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from ldpress.models import explain
from ldpress.models.node import Node, Ref
from ldpress.models.values import URL_JSON_SCHEMA, check_distance, check_url

# Every model class's schema.org name; ldpress.models checks this equals MODELS.
MODEL_TYPES = (
    "Thing",
    "CreativeWork",
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "WebPage",
    "ImageObject",
    "Claim",
    "ClaimReview",
    "Quotation",
    "Rating",
    "Event",
    "SportsEvent",
    "Person",
    "Organization",
    "NewsMediaOrganization",
    "GovernmentOrganization",
    "CollegeOrUniversity",
    "SportsTeam",
    "Place",
    "AdministrativeArea",
    "City",
    "Country",
    "StadiumOrArena",
    "LandmarksOrHistoricalBuildings",
    "PostalAddress",
    "GeoCoordinates",
    "Continent",
    "QuantitativeValue",
)


@dataclass(frozen=True)
class NodeRange:
    """A node-valued property's schema.org range and text kind, and its validator.

    The accepted classes are the models whose Python class derives from a model named in
    the range (the classes mirror schema.org's main hierarchy; a test proves each is a
    schema.org subtype too).  That excludes multiple-inheritance oddities such as
    StadiumOrArena, a LocalBusiness and hence an Organization in schema.org, as an author.
    Validation dispatches on ``@type`` to the class, looked up in the registry at validation
    time, so families can refer to each other and each class builds a small validator.  The
    JSON Schema is a ``$ref`` to the range's shared definition ``#/$defs/<name>`` (built by
    ``ldpress.schemas`` from ``json_schema``) so a union is written once, not at every use.
    """

    ranges: tuple[str, ...]
    text: str | None

    @property
    def name(self) -> str:
        """The definition name: ``Organization_or_Person_or_Ref``, ``ImageObject_or_Ref_or_URL``."""
        extra = {"url": ("URL",), "text": ("Text",), "distance": ("Distance",), None: ()}[self.text]
        return "_or_".join((*self.ranges, "Ref", *extra))

    @cached_property
    def types(self) -> tuple[str, ...]:
        models = _models()
        bases = tuple(models[r] for r in self.ranges)
        return tuple(name for name, cls in models.items() if issubclass(cls, bases))

    def json_schema(self) -> JsonSchemaValue:
        """The range's definition: one of the classes, a reference, or text."""
        branches: list[JsonSchemaValue] = [{"$ref": f"#/$defs/{t}"} for t in self.types]
        branches.append({"$ref": "#/$defs/Ref"})
        if self.text == "url":
            branches.append(dict(URL_JSON_SCHEMA))
        elif self.text == "distance":
            branches.append({"type": ["number", "string"]})
        elif self.text is not None:
            branches.append({"type": "string"})
        return {"oneOf": branches}

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(self.validate)

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        generator = getattr(handler, "generate_json_schema", None)
        if getattr(generator, "ldpress_node_ranges", False):
            return {"$ref": f"#/$defs/{self.name}"}
        # pydantic's own generator (Model.model_json_schema()) knows no range definitions
        return {"type": ["object", "string"] if self.text else "object"}

    def validate(self, value: Any) -> Any:
        if isinstance(value, Node):
            if value.schema_type not in self.types:
                raise explain.wrong_node_type(value.schema_type, self.ranges)
            return value
        if isinstance(value, Ref):
            return value
        if isinstance(value, str) and self.text is not None:
            return check_url(value) if self.text == "url" else value
        if (
            self.text == "distance"
            and isinstance(value, int | float)
            and not isinstance(value, bool)
        ):
            return check_distance(value)
        if not isinstance(value, dict):
            raise explain.invalid_node(value, self.ranges, self.text)
        return self._validate_dict(value)

    def _validate_dict(self, value: dict[str, Any]) -> Any:
        t = value.get("@type")
        if t is None:
            if set(value) == {"@id"}:
                return Ref.__pydantic_validator__.validate_python(value)
            raise explain.missing_type(self.ranges)
        if not isinstance(t, str):
            raise explain.multiple_types(t)
        if t in self.types:
            # the core validator, as model_validate would call it, without its Python frame
            return _models()[t].__pydantic_validator__.validate_python(value)
        if t in MODEL_TYPES:
            raise explain.wrong_node_type(t, self.ranges)
        raise explain.unknown_type(t, self.types)


def _models() -> dict[str, type[Node]]:
    from ldpress.models.registry import MODELS

    return MODELS


NODE_RANGES: dict[str, NodeRange] = {}


def node_union(*ranges: str, text: str | None = None) -> Any:
    """The annotation for a property whose range is ``ranges`` (and text or url)."""
    unknown = set(ranges) - set(MODEL_TYPES)
    if unknown:
        raise ValueError(f"no model for range {sorted(unknown)}")
    spec = NodeRange(tuple(sorted(ranges)), text)
    NODE_RANGES.setdefault(spec.name, spec)
    return Annotated[Any, spec]


if TYPE_CHECKING:
    from typing import TypeAlias

    from ldpress.models.agent import Organization, Person, SportsTeam
    from ldpress.models.base import Thing
    from ldpress.models.claim import Rating
    from ldpress.models.creative import CreativeWork, ImageObject
    from ldpress.models.event import Event
    from ldpress.models.measure import QuantitativeValue
    from ldpress.models.place import (
        AdministrativeArea,
        Country,
        GeoCoordinates,
        Place,
        PostalAddress,
    )

    AnyNode: TypeAlias = Thing | Ref
    AnyNodeOrText: TypeAlias = Thing | Ref | str
    Agent: TypeAlias = Organization | Person | Ref
    PersonNode: TypeAlias = Person | Ref
    OrganizationNode: TypeAlias = Organization | Ref
    Competitor: TypeAlias = Person | SportsTeam | Ref
    Work: TypeAlias = CreativeWork | Ref
    WorkOrUrl: TypeAlias = CreativeWork | Ref | str
    WorkOrText: TypeAlias = CreativeWork | Ref | str
    WorkOrEvent: TypeAlias = CreativeWork | Event | Ref
    ImageOrUrl: TypeAlias = ImageObject | Ref | str
    ImageNode: TypeAlias = ImageObject | Ref
    EventNode: TypeAlias = Event | Ref
    PlaceNode: TypeAlias = Place | Ref
    Location: TypeAlias = Place | PostalAddress | Ref | str
    AddressOrText: TypeAlias = PostalAddress | Ref | str
    PlaceOrText: TypeAlias = Place | Ref | str
    CountryNode: TypeAlias = Country | Ref
    CountryOrText: TypeAlias = Country | Ref | str
    AreaOrText: TypeAlias = AdministrativeArea | Ref | str
    GeoNode: TypeAlias = GeoCoordinates | Ref
    RatingNode: TypeAlias = Rating | Ref
    # schema.org's Distance ("1200 px") or, as Google and most sites write it, a number
    Dimension: TypeAlias = QuantitativeValue | Ref | str | int | float
else:
    AnyNode = node_union("Thing")
    AnyNodeOrText = node_union("Thing", text="text")
    Agent = node_union("Organization", "Person")
    PersonNode = node_union("Person")
    OrganizationNode = node_union("Organization")
    Competitor = node_union("Person", "SportsTeam")
    Work = node_union("CreativeWork")
    WorkOrUrl = node_union("CreativeWork", text="url")
    WorkOrText = node_union("CreativeWork", text="text")
    WorkOrEvent = node_union("CreativeWork", "Event")
    ImageOrUrl = node_union("ImageObject", text="url")
    ImageNode = node_union("ImageObject")
    EventNode = node_union("Event")
    PlaceNode = node_union("Place")
    Location = node_union("Place", "PostalAddress", text="text")
    AddressOrText = node_union("PostalAddress", text="text")
    PlaceOrText = node_union("Place", text="text")
    CountryNode = node_union("Country")
    CountryOrText = node_union("Country", text="text")
    AreaOrText = node_union("AdministrativeArea", text="text")
    GeoNode = node_union("GeoCoordinates")
    RatingNode = node_union("Rating")
    Dimension = node_union("QuantitativeValue", text="distance")

"""Places and their descriptions: Place and its kinds, PostalAddress, GeoCoordinates."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ldpress.models.base import Thing
from ldpress.models.ranges import AddressOrText, AreaOrText, CountryOrText, GeoNode, PlaceNode
from ldpress.models.values import NumberOrText, OneOrMany, Text


class Place(Thing):
    """schema.org Place: an entity with a somewhat fixed, physical extension."""

    type: Literal["Place"] = Field(default="Place", alias="@type")  # type: ignore[assignment]
    address: OneOrMany[AddressOrText] | None = None
    geo: GeoNode | None = None
    contained_in_place: OneOrMany[PlaceNode] | None = None
    contains_place: OneOrMany[PlaceNode] | None = None


class AdministrativeArea(Place):
    """schema.org AdministrativeArea: a province, a state, a region."""

    type: Literal["AdministrativeArea"] = Field(  # type: ignore[assignment]
        default="AdministrativeArea", alias="@type"
    )


class City(AdministrativeArea):
    """schema.org City."""

    type: Literal["City"] = Field(default="City", alias="@type")  # type: ignore[assignment]


class Country(AdministrativeArea):
    """schema.org Country."""

    type: Literal["Country"] = Field(default="Country", alias="@type")  # type: ignore[assignment]


class Continent(Place):
    """schema.org Continent (a Landform): Europe, Asia, ... as a news story names them."""

    type: Literal["Continent"] = Field(default="Continent", alias="@type")  # type: ignore[assignment]


class StadiumOrArena(Place):
    """schema.org StadiumOrArena (a CivicStructure and a SportsActivityLocation)."""

    type: Literal["StadiumOrArena"] = Field(  # type: ignore[assignment]
        default="StadiumOrArena", alias="@type"
    )


class LandmarksOrHistoricalBuildings(Place):
    """schema.org LandmarksOrHistoricalBuildings: a monument, a statue, a historic site."""

    type: Literal["LandmarksOrHistoricalBuildings"] = Field(  # type: ignore[assignment]
        default="LandmarksOrHistoricalBuildings", alias="@type"
    )


class PostalAddress(Thing):
    """schema.org PostalAddress (a ContactPoint, a StructuredValue)."""

    type: Literal["PostalAddress"] = Field(default="PostalAddress", alias="@type")  # type: ignore[assignment]
    street_address: Text | None = None
    post_office_box_number: Text | None = None
    address_locality: Text | None = None
    address_region: AreaOrText | None = None
    postal_code: Text | None = None
    address_country: CountryOrText | None = None


class GeoCoordinates(Thing):
    """schema.org GeoCoordinates: latitude and longitude (WGS 84)."""

    type: Literal["GeoCoordinates"] = Field(default="GeoCoordinates", alias="@type")  # type: ignore[assignment]
    latitude: NumberOrText | None = None
    longitude: NumberOrText | None = None
    elevation: NumberOrText | None = None

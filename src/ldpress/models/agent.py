"""Agents: Person and Organization with the organization kinds a news story names."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ldpress.models.base import Thing
from ldpress.models.ranges import (
    AddressOrText,
    Agent,
    AnyNodeOrText,
    CountryNode,
    ImageOrUrl,
    Location,
    OrganizationNode,
    PersonNode,
    PlaceNode,
    PlaceOrText,
    WorkOrUrl,
)
from ldpress.models.values import Date, OneOrMany, Text


class Person(Thing):
    """schema.org Person: a person alive, dead or fictional."""

    type: Literal["Person"] = Field(default="Person", alias="@type")  # type: ignore[assignment]
    honorific_prefix: Text | None = None
    given_name: Text | None = None
    additional_name: OneOrMany[Text] | None = None
    family_name: Text | None = None
    honorific_suffix: Text | None = None
    job_title: OneOrMany[Text] | None = None
    affiliation: OneOrMany[OrganizationNode] | None = None
    works_for: OneOrMany[OrganizationNode] | None = None
    member_of: OneOrMany[OrganizationNode] | None = None
    alumni_of: OneOrMany[OrganizationNode] | None = None
    nationality: OneOrMany[CountryNode] | None = None
    birth_date: Date | None = None
    birth_place: PlaceNode | None = None
    death_date: Date | None = None
    death_place: PlaceNode | None = None
    knows_about: OneOrMany[AnyNodeOrText] | None = None
    address: OneOrMany[AddressOrText] | None = None
    home_location: OneOrMany[PlaceNode] | None = None
    email: OneOrMany[Text] | None = None


class Organization(Thing):
    """schema.org Organization: a school, an NGO, a corporation, a club, a newsroom, ..."""

    type: Literal["Organization"] = Field(default="Organization", alias="@type")  # type: ignore[assignment]
    legal_name: Text | None = None
    logo: OneOrMany[ImageOrUrl] | None = None
    parent_organization: OneOrMany[OrganizationNode] | None = None
    sub_organization: OneOrMany[OrganizationNode] | None = None
    department: OneOrMany[OrganizationNode] | None = None
    member: OneOrMany[Agent] | None = None
    member_of: OneOrMany[OrganizationNode] | None = None
    alumni: OneOrMany[PersonNode] | None = None
    address: OneOrMany[AddressOrText] | None = None
    location: OneOrMany[Location] | None = None
    founding_date: Date | None = None
    founding_location: PlaceNode | None = None
    area_served: OneOrMany[PlaceOrText] | None = None
    knows_about: OneOrMany[AnyNodeOrText] | None = None
    publishing_principles: WorkOrUrl | None = None
    email: OneOrMany[Text] | None = None


class NewsMediaOrganization(Organization):
    """schema.org NewsMediaOrganization, with the Trust Project's policy properties."""

    type: Literal["NewsMediaOrganization"] = Field(  # type: ignore[assignment]
        default="NewsMediaOrganization", alias="@type"
    )
    masthead: WorkOrUrl | None = None
    ethics_policy: WorkOrUrl | None = None
    corrections_policy: WorkOrUrl | None = None
    diversity_policy: WorkOrUrl | None = None
    verification_fact_checking_policy: WorkOrUrl | None = None
    actionable_feedback_policy: WorkOrUrl | None = None
    unnamed_sources_policy: WorkOrUrl | None = None


class GovernmentOrganization(Organization):
    """schema.org GovernmentOrganization: a ministry, an agency, a state news agency."""

    type: Literal["GovernmentOrganization"] = Field(  # type: ignore[assignment]
        default="GovernmentOrganization", alias="@type"
    )


class CollegeOrUniversity(Organization):
    """schema.org CollegeOrUniversity (an EducationalOrganization)."""

    type: Literal["CollegeOrUniversity"] = Field(  # type: ignore[assignment]
        default="CollegeOrUniversity", alias="@type"
    )


class SportsTeam(Organization):
    """schema.org SportsTeam (a SportsOrganization)."""

    type: Literal["SportsTeam"] = Field(default="SportsTeam", alias="@type")  # type: ignore[assignment]
    sport: OneOrMany[Text] | None = None

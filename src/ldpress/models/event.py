"""Events: Event and SportsEvent (talks, matches, launches, ceremonies a story reports)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ldpress.models.base import Thing
from ldpress.models.ranges import Agent, AnyNode, Competitor, EventNode, Location
from ldpress.models.values import (
    AttendanceMode,
    Boolean,
    DateOrDateTime,
    EventStatus,
    OneOrMany,
    Text,
)


class Event(Thing):
    """schema.org Event: something happening at a time and place."""

    type: Literal["Event"] = Field(default="Event", alias="@type")  # type: ignore[assignment]
    start_date: DateOrDateTime | None = None
    end_date: DateOrDateTime | None = None
    previous_start_date: OneOrMany[DateOrDateTime] | None = None
    location: OneOrMany[Location] | None = None
    organizer: OneOrMany[Agent] | None = None
    performer: OneOrMany[Agent] | None = None
    attendee: OneOrMany[Agent] | None = None
    contributor: OneOrMany[Agent] | None = None
    about: OneOrMany[AnyNode] | None = None
    sub_event: OneOrMany[EventNode] | None = None
    super_event: OneOrMany[EventNode] | None = None
    event_status: EventStatus | None = None
    event_attendance_mode: AttendanceMode | None = None
    in_language: OneOrMany[Text] | None = None
    keywords: OneOrMany[Text] | None = None
    is_accessible_for_free: Boolean | None = None


class SportsEvent(Event):
    """schema.org SportsEvent: a match between teams or people."""

    type: Literal["SportsEvent"] = Field(default="SportsEvent", alias="@type")  # type: ignore[assignment]
    home_team: OneOrMany[Competitor] | None = None
    away_team: OneOrMany[Competitor] | None = None
    competitor: OneOrMany[Competitor] | None = None
    sport: OneOrMany[Text] | None = None

"""The root of the model hierarchy: :class:`Thing`, with the properties every node may carry.

Python attributes are snake_case; on the wire each is the schema.org name (camelCase alias).
Repeatable properties take one value or a list (``OneOrMany``); node-valued ones take an
embedded node of an allowed class or a reference ``{"@id": ...}`` (see ``ranges``).
Subclasses narrow ``type`` to their own literal name: a ``Literal`` cannot be narrowed
covariantly, hence the ``type: ignore[assignment]`` on every subclass's ``type``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ldpress.models.node import Node
from ldpress.models.ranges import ImageOrUrl, WorkOrEvent, WorkOrUrl
from ldpress.models.values import OneOrMany, Text, Url


class Thing(Node):
    """schema.org Thing: the most generic type of item."""

    type: Literal["Thing"] = Field(default="Thing", alias="@type")
    name: Text | None = None
    alternate_name: OneOrMany[Text] | None = None
    description: Text | None = None
    disambiguating_description: Text | None = None
    url: Url | None = None
    same_as: OneOrMany[Url] | None = None
    image: OneOrMany[ImageOrUrl] | None = None
    identifier: OneOrMany[Text] | None = None
    main_entity_of_page: WorkOrUrl | None = None
    subject_of: OneOrMany[WorkOrEvent] | None = None

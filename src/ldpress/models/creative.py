"""Creative works: CreativeWork, Article, NewsArticle and its four subtypes, WebPage, ImageObject.

The properties are those a news article needs plus the ones Google's article and image
documentation recommends; each is a real schema.org property whose domain is the class or an
ancestor (tests/models/test_vocabulary.py proves it against the pinned release).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ldpress.models.base import Thing
from ldpress.models.ranges import (
    Agent,
    AnyNode,
    Dimension,
    ImageNode,
    OrganizationNode,
    PersonNode,
    PlaceNode,
    Work,
    WorkOrText,
    WorkOrUrl,
)
from ldpress.models.values import (
    Boolean,
    Date,
    DateOrDateTime,
    Integer,
    Number,
    OneOrMany,
    Text,
    Url,
)


class CreativeWork(Thing):
    """schema.org CreativeWork: the generic kind of creative work."""

    type: Literal["CreativeWork"] = Field(default="CreativeWork", alias="@type")  # type: ignore[assignment]
    headline: Text | None = None
    alternative_headline: Text | None = None
    author: OneOrMany[Agent] | None = None
    creator: OneOrMany[Agent] | None = None
    contributor: OneOrMany[Agent] | None = None
    editor: OneOrMany[PersonNode] | None = None
    publisher: OneOrMany[Agent] | None = None
    source_organization: OneOrMany[OrganizationNode] | None = None
    date_created: DateOrDateTime | None = None
    date_published: DateOrDateTime | None = None
    date_modified: DateOrDateTime | None = None
    about: OneOrMany[AnyNode] | None = None
    mentions: OneOrMany[AnyNode] | None = None
    main_entity: OneOrMany[AnyNode] | None = None
    in_language: OneOrMany[Text] | None = None
    keywords: OneOrMany[Text] | None = None
    genre: OneOrMany[Text] | None = None
    text: Text | None = None
    word_count: Integer | None = None
    is_based_on: OneOrMany[WorkOrUrl] | None = None
    citation: OneOrMany[WorkOrText] | None = None
    is_part_of: OneOrMany[WorkOrUrl] | None = None
    has_part: OneOrMany[Work] | None = None
    spatial_coverage: OneOrMany[PlaceNode] | None = None
    copyright_holder: OneOrMany[Agent] | None = None
    copyright_year: Number | None = None
    copyright_notice: Text | None = None
    content_location: OneOrMany[PlaceNode] | None = None
    license: OneOrMany[WorkOrUrl] | None = None
    thumbnail_url: Url | None = None
    is_accessible_for_free: Boolean | None = None
    publishing_principles: WorkOrUrl | None = None
    correction: OneOrMany[Text] | None = None


class Article(CreativeWork):
    """schema.org Article: a news or investigative report, a blog post, ..."""

    type: Literal["Article"] = Field(default="Article", alias="@type")  # type: ignore[assignment]
    article_body: Text | None = None
    article_section: OneOrMany[Text] | None = None
    backstory: WorkOrText | None = None


class NewsArticle(Article):
    """schema.org NewsArticle: an article reporting news."""

    type: Literal["NewsArticle"] = Field(default="NewsArticle", alias="@type")  # type: ignore[assignment]
    dateline: Text | None = None


class ReportageNewsArticle(NewsArticle):
    """A news article based on observation and verifiable facts."""

    type: Literal["ReportageNewsArticle"] = Field(  # type: ignore[assignment]
        default="ReportageNewsArticle", alias="@type"
    )


class AnalysisNewsArticle(NewsArticle):
    """A news article that interprets the facts."""

    type: Literal["AnalysisNewsArticle"] = Field(  # type: ignore[assignment]
        default="AnalysisNewsArticle", alias="@type"
    )


class OpinionNewsArticle(NewsArticle):
    """A news article giving opinions."""

    type: Literal["OpinionNewsArticle"] = Field(  # type: ignore[assignment]
        default="OpinionNewsArticle", alias="@type"
    )


class BackgroundNewsArticle(NewsArticle):
    """A news article giving context and background."""

    type: Literal["BackgroundNewsArticle"] = Field(  # type: ignore[assignment]
        default="BackgroundNewsArticle", alias="@type"
    )


class WebPage(CreativeWork):
    """schema.org WebPage: a page of a site (the article's page, a fact-check page, ...)."""

    type: Literal["WebPage"] = Field(default="WebPage", alias="@type")  # type: ignore[assignment]
    primary_image_of_page: ImageNode | None = None
    last_reviewed: Date | None = None
    reviewed_by: OneOrMany[Agent] | None = None


class ImageObject(CreativeWork):
    """schema.org ImageObject (a MediaObject); MediaObject's properties live here."""

    type: Literal["ImageObject"] = Field(default="ImageObject", alias="@type")  # type: ignore[assignment]
    content_url: Url | None = None
    caption: Text | None = None
    # Distance or QuantitativeValue in schema.org; a number (pixels) is what Google's image
    # documentation and nearly every site write, so numbers and text are accepted too
    width: Dimension | None = None
    height: Dimension | None = None
    encoding_format: Text | None = None
    upload_date: DateOrDateTime | None = None
    representative_of_page: Boolean | None = None
    credit_text: Text | None = None
    acquire_license_page: WorkOrUrl | None = None

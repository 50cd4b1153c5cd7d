"""adobe/structured-data-validator's expected issues mapped to ldpress findings (all layers).

Every entry of expected_issues.json is either mapped to the ldpress findings it corresponds to
(code, severity, line in the data file) or covered by a listed disagreement with the reason.
adobe's ``location`` is a character range in the page its tests wrap each file in (35 is the
length of ``<script type="application/ld+json">``), so lines are taken from the data file.
Every file runs through all default layers (JSON-LD files, microdata and RDFa pages through
the real page loader), and what ldpress reports at warning level or above must be exactly
what is listed here: nothing on a file the mapping does not name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ldpress.validate import sources
from ldpress.validate.layers import default_layers
from ldpress.validate.model import Options
from ldpress.validate.pipeline import validate_source
from tests.conftest import CORPUS, needs_shared

pytestmark = [needs_shared, pytest.mark.shared]
ADOBE = CORPUS / "invalid" / "adobe-structured-data-validator"
Expected = frozenset[tuple[str, str, int]]  # (code, severity, line)

NO_PACK_REASON = (
    "Google rich result for commerce/media/how-to types; ldpress has no pack for it (its packs "
    "cover news: article, event, profile page, fact check, speakable)"
)
# Type folders whose expected issues ldpress deliberately does not report, with the reason.
ADOBE_DISAGREEMENTS = {
    "AggregateRating": NO_PACK_REASON + "; ldpress's rating rules are ClaimReview.reviewRating's",
    "Brand": NO_PACK_REASON,
    "Breadcrumb": NO_PACK_REASON,
    "BroadcastEvent": "a video's livestream (Google's video rules); google-event excludes "
    "PublicationEvent",
    "Clip": NO_PACK_REASON,
    "DefinedRegion": NO_PACK_REASON,
    "HowToDirection": NO_PACK_REASON,
    "HowToSection": NO_PACK_REASON,
    "HowToStep": NO_PACK_REASON,
    "HowToTip": NO_PACK_REASON,
    "ImageObject": NO_PACK_REASON,
    "JobPosting": NO_PACK_REASON,
    "MerchantReturnPolicy": NO_PACK_REASON,
    "Organization": "standalone Organization.name is no Google rule ldpress knows (RULES.md); "
    "an author's or mainEntity's name is checked where Google asks for it",
    "Person": "as Organization: a Person's name is checked as author.name / mainEntity.name",
    "PriceSpecification": NO_PACK_REASON,
    "Product": NO_PACK_REASON,
    "Rating": NO_PACK_REASON + "; percentages are not numbers for the fact-check rating rules",
    "Recipe": NO_PACK_REASON,
    "Review": NO_PACK_REASON + " (review snippets); ClaimReview is the fact-check pack's",
    "SeekToAction": NO_PACK_REASON,
    "VideoObject": NO_PACK_REASON,
}

# Vocabulary-level expectations: mapped one to one.
MAPPED: dict[str, tuple[Expected, str | None]] = {
    "gallery/Product/invalid_attribute.json": (
        frozenset({("vocab.unknown_property", "error", 5)}),
        "adobe: WARNING; ldpress: error -- an unknown term is a typo JSON-LD's @vocab turns "
        "into a valid-looking IRI, and no consumer reads it",
    ),
    "gallery/Breadcrumb/invalid-attribute.json": (
        frozenset({("vocab.unknown_property", "error", 21)}),
        "as Product/invalid_attribute.json (on a nested ListItem)",
    ),
    "gallery/Product/invalid_type.json": (frozenset({("vocab.unknown_type", "error", 3)}), None),
}

# What ldpress reports and adobe does not (adobe expects 0 issues or only pack-level ones).
_NO_CONTEXT = (
    "the file has no @context: adobe reads its terms as schema.org's, but for a JSON-LD "
    "processor (and Google) the object then holds no schema.org data"
)
LDPRESS_ONLY: dict[str, tuple[Expected, str]] = {
    **{
        f"gallery/{name}": (frozenset({("jsonld.dropped", "error", 1)}), _NO_CONTEXT)
        for name in (
            "BroadcastEvent/valid1.json",
            "BroadcastEvent/missing-isLiveBroadcast.json",
            "BroadcastEvent/missing-endDate.json",
            "BroadcastEvent/missing-startDate.json",
            "HowToStep/valid-with-itemlist.json",
            "HowToStep/missing-required.json",
            "HowToStep/text-and-itemlist.json",
            "ImageObject/nested.json",
            "MerchantReturnPolicy/valid2.json",
            "Organization/multi-type.json",
            "SeekToAction/valid1.json",
            "SeekToAction/missing-target.json",
            "SeekToAction/missing-startOffset.json",
        )
    },
    "gallery/ImageObject/valid3.json": (
        frozenset({("jsonld.relative_iri", "warning", 4)}),
        "url '/photos/1x1/black-labrador-puppy.jpg' is relative and a standalone JSON-LD file "
        "has no base to resolve it against (adobe checks no IRI)",
    ),
}


def _entries() -> list[dict[str, Any]]:
    if not ADOBE.exists():
        return []
    entries: list[dict[str, Any]] = json.loads((ADOBE / "expected_issues.json").read_text())
    return entries


def _file(entry: dict[str, Any]) -> str:
    return str(entry["data_file"]).replace("//", "/")


def _expects_issues(entry: dict[str, Any]) -> bool:
    return bool(entry["expected_issues_include"]) or entry["expected_issue_count"] != 0


ENTRIES = _entries()
FILES = sorted({_file(e) for e in ENTRIES})


def test_every_expectation_is_mapped_or_a_listed_disagreement() -> None:
    assert len(ENTRIES) == 149
    formats = {e["format"] for e in ENTRIES}
    assert formats == {"jsonld", "microdata", "rdfa"}
    for e in ENTRIES:
        if _expects_issues(e):
            folder = _file(e).split("/")[1]
            assert _file(e) in MAPPED or folder in ADOBE_DISAGREEMENTS, _file(e)
    assert set(MAPPED) | set(LDPRESS_ONLY) <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_ldpress_findings_on_adobe_file(name: str) -> None:
    path = ADOBE / name
    source = sources.load_source(path.name, path.read_bytes())
    assert source.blocks, "every adobe file holds structured data"
    found = validate_source(source, Options(), default_layers())
    got = {(f.code, f.severity.value, f.line) for f in found if f.severity.value != "info"}
    expected, _reason = MAPPED.get(name) or LDPRESS_ONLY.get(name) or (frozenset(), "")
    assert got == expected


def test_microdata_and_rdfa_files_are_read_as_items() -> None:
    """The microdata and RDFa pages yield BreadcrumbList blocks of their own syntax."""
    for name in FILES:
        if name.endswith(".html"):
            source = sources.load_source(Path(name).name, (ADOBE / name).read_bytes())
            kind = "microdata" if "microdata-" in name else "rdfa"
            types = [b.data.get("@type") for b in source.blocks if b.kind == kind]
            assert "BreadcrumbList" in types, (name, types)

"""The authoring format's JSON Schema (committed, in sync) and the envelope model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from ldpress.authoring import ArticleData, Note
from ldpress.authoring.dates import date_problem, is_iso_date, is_iso_datetime
from ldpress.authoring.format import build_authoring_schema, render_authoring_schema

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "schemas" / "article-data.schema.json"


def test_committed_schema_is_in_sync() -> None:
    if os.environ.get("LDPRESS_REGEN") == "1":
        SCHEMA_FILE.write_bytes(render_authoring_schema())
    assert SCHEMA_FILE.read_bytes() == render_authoring_schema()


@pytest.mark.parametrize("path", sorted((ROOT / "data").glob("*.yaml")), ids=lambda p: p.name)
def test_seed_files_validate_against_the_schema_and_point_to_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/article-data.schema.json")
    data = yaml.safe_load(text)
    errors = list(Draft202012Validator(build_authoring_schema()).iter_errors(data))
    assert errors == []
    ArticleData.model_validate(data)


def test_schema_rejects_what_the_model_rejects() -> None:
    validator = Draft202012Validator(build_authoring_schema())
    good = {"url": "https://example.org/a", "slug": "a", "nodes": {"k": {"@type": "Thing"}}}
    assert validator.is_valid(good)
    for bad in (
        {**good, "slug": "../a"},
        {**good, "extra": 1},
        {**good, "nodes": {"Bad Key": {"@type": "Thing"}}},
        {**good, "nodes": {"k": {"name": "no type"}}},
        {**good, "provenance": {"k": {"added": "a", "inferred": "b"}}},
    ):
        assert not validator.is_valid(bad), bad
        with pytest.raises(ValidationError):
            ArticleData.model_validate(bad)
    # Node values are the loader's job (vocabulary-aware); the schema helps the editor.
    mixed = {**good, "nodes": {"k": {"@type": "Thing", "about": {"ref": "k", "x": 1}}}}
    assert not validator.is_valid(mixed)


def test_note_needs_exactly_one_kind() -> None:
    assert Note(added="x").inferred is None
    with pytest.raises(ValidationError):
        Note()


@pytest.mark.parametrize("text", ["2012", "2012-08", "2012-11-15", "2012-02-29"])
def test_reduced_precision_dates(text: str) -> None:
    assert is_iso_date(text) and date_problem(text, frozenset({"Date"})) is None


@pytest.mark.parametrize("text", ["Thursday", "2012-13", "2011-02-29", "12-11-15", "2012-1-5"])
def test_bad_dates(text: str) -> None:
    assert not is_iso_date(text)
    assert date_problem(text, frozenset({"Date", "DateTime"}))


def test_datetimes() -> None:
    assert is_iso_datetime("2012-11-15T20:00:00+08:00") and is_iso_datetime("2012-11-15T20:00Z")
    assert not is_iso_datetime("2012-11-15T25:00:00") and not is_iso_datetime("2012-11-15")

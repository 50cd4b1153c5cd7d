"""``ldpress vocab``: the release in use, and compiling and using a newer release."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ldpress.cli import app
from ldpress.vocab import load_vocabulary

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]

# A release file in the shape schema.org publishes, small enough to read: two types, one
# property, one enumeration member, and a foreign (og:) node that must stay out of the index.
RELEASE = {
    "@context": {"schema": "https://schema.org/", "rdfs": "http://www.w3.org/2000/01/rdf-schema#"},
    "@graph": [
        {"@id": "schema:Thing", "@type": "rdfs:Class", "rdfs:label": "Thing"},
        {
            "@id": "schema:Widget",
            "@type": "rdfs:Class",
            "rdfs:subClassOf": {"@id": "schema:Thing"},
            "schema:isPartOf": {"@id": "https://pending.schema.org"},
        },
        {
            "@id": "schema:WidgetKind",
            "@type": "rdfs:Class",
            "rdfs:subClassOf": {"@id": "schema:Enumeration"},
        },
        {"@id": "schema:BlueWidget", "@type": "schema:WidgetKind"},
        {
            "@id": "schema:widgetName",
            "@type": "rdf:Property",
            "schema:domainIncludes": {"@id": "schema:Widget"},
            "schema:rangeIncludes": {"@id": "schema:Text"},
        },
        {"@id": "og:title", "@type": "rdf:Property"},
    ],
}


def test_vocab_prints_the_pinned_release() -> None:
    result = runner.invoke(app, ["vocab"])
    assert result.exit_code == 0
    assert result.stdout.startswith("schema.org 30.0:")
    assert "CC BY-SA 3.0" in result.stdout or "Attribution-ShareAlike 3.0" in result.stdout


def test_compile_a_newer_release_and_use_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = tmp_path / "schemaorg-current-https.jsonld"
    release.write_text(json.dumps(RELEASE), encoding="utf-8")
    out = tmp_path / "vocab-99"
    result = runner.invoke(
        app, ["vocab", "--compile", str(release), "--release", "99.0", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    vocab = load_vocabulary(out)
    assert vocab.release == "99.0"
    assert set(vocab.types) == {"Thing", "Widget", "WidgetKind"}
    assert vocab.is_pending("Widget") and vocab.member_of("BlueWidget", "WidgetKind")
    assert vocab.properties["widgetName"]["domain"] == ["Widget"]
    assert vocab.entry("title") is None  # og:title is not a schema.org term
    context = json.loads((out / "schemaorg-context.jsonld").read_text(encoding="utf-8"))
    assert context["@context"]["widgetName"] == {"@id": "schema:widgetName"}
    monkeypatch.setenv("LDPRESS_VOCAB", str(out))
    shown = runner.invoke(app, ["vocab"])
    assert shown.exit_code == 0 and shown.stdout.startswith("schema.org 99.0:")


def test_compile_needs_a_release_number(tmp_path: Path) -> None:
    release = tmp_path / "r.jsonld"
    release.write_text(json.dumps(RELEASE), encoding="utf-8")
    result = runner.invoke(app, ["vocab", "--compile", str(release), "--out", str(tmp_path)])
    assert result.exit_code == 2


def test_compile_refuses_a_file_that_is_no_release(tmp_path: Path) -> None:
    bad = tmp_path / "r.jsonld"
    bad.write_text('{"@context": {}}', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    args = ["vocab", "--compile", str(bad), "--release", "1.0", "--out", str(tmp_path / "o")]
    done = subprocess.run(
        [sys.executable, "-m", "ldpress", *args], capture_output=True, text=True, env=env
    )
    assert done.returncode == 2
    assert "not a schema.org release file" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "o" / "schemaorg-index.json").exists()

"""google/schemarama's SHACL test cases mapped to ldpress findings, with all default layers.

schemarama's shapes (shapes/Schema.shacl) are its own test rules ("Name is required for
SomeProduct"), not schema.org's or Google's: schema.org makes every property optional, so with
its default packs ldpress reports nothing on these inputs (the disagreement, asserted below).
The shapes written as an ldpress user pack (tests/support/schemarama_pack: required -> error,
``rdfs:label "warning"`` -> recommended -> warning) give exactly schemarama's violations, in
JSON-LD, microdata and RDFa alike.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ldpress.findings import Finding
from ldpress.validate import sources
from ldpress.validate.layers import default_layers
from ldpress.validate.model import Options
from ldpress.validate.pipeline import validate_source
from tests.conftest import CORPUS, needs_shared

pytestmark = [needs_shared, pytest.mark.shared]
SCHEMARAMA = CORPUS / "invalid" / "google-schemarama"
PACK = Path(__file__).resolve().parents[1] / "support" / "schemarama_pack"

# schemarama property -> the ldpress code of the pack rule that states its shape.
CODES = {
    "http://schema.org/name": "pack.schemarama.missing_name",
    "http://schema.org/description": "pack.schemarama.missing_description",
    "http://schema.org/identifier": "pack.schemarama.identifier_pattern",
    "http://schema.org/text": "pack.schemarama.missing_text",
}
# Severity disagreement: without utils/annotations.json schemarama reports every violation as
# an error; its annotated run (Thing-tmmp-annot.json) reads rdfs:label "warning" as a warning,
# which is what the pack states.  The annotated severities are the ones compared.
ANNOTATED = {
    "http://schema.org/description": "warning",
    "http://schema.org/identifier": "warning",
}


def _cases() -> list[dict[str, Any]]:
    if not SCHEMARAMA.exists():
        return []
    cases: list[dict[str, Any]] = json.loads((SCHEMARAMA / "cases.json").read_text())["cases"]
    return cases


def _run(name: str, options: Options) -> tuple[list[Finding], str]:
    path = SCHEMARAMA / name
    text = path.read_text(encoding="utf-8")
    kind = "html" if text.lstrip().startswith("<") else "jsonld"
    source = sources.load_source(path.name, text.encode("utf-8"), kind)
    assert source.blocks, name
    return validate_source(source, options, default_layers()), text


def _line_of(text: str, prop: str) -> int:
    word = prop.rsplit("/", 1)[-1]
    return next(i for i, line in enumerate(text.splitlines(), 1) if word in line)


CASES = _cases()


def test_all_cases_are_here() -> None:
    assert len(CASES) == 8


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['input']}->{c['expected']}")
def test_shapes_as_a_pack_give_schemaramas_violations(case: dict[str, Any]) -> None:
    options = Options(profiles=("schemarama",), pack_dirs=(str(PACK),))
    found, text = _run(case["input"], options)
    expected = json.loads((SCHEMARAMA / case["expected"]).read_text())
    got = {(f.code, f.severity.value) for f in found if f.code.startswith("pack.")}
    want = {(CODES[e["property"]], ANNOTATED.get(e["property"], "error")) for e in expected}
    assert got == want
    for f in found:
        if f.code == CODES["http://schema.org/identifier"]:  # a value: located at its line
            assert f.line == _line_of(text, "identifier"), f
    # nothing else: the inputs are valid schema.org
    assert [f.code for f in found if not f.code.startswith("pack.")] == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['input']}->{c['expected']}")
def test_default_packs_do_not_have_schemaramas_shapes(case: dict[str, Any]) -> None:
    """The disagreement: no default rule requires name, description or text on a Thing or a
    CreativeWork, nor a GTIN/UUID/ISBN identifier (schema.org: identifier is any Text)."""
    found, _ = _run(case["input"], Options())
    assert [(f.code, f.severity.value) for f in found if f.severity.value != "info"] == []

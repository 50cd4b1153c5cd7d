"""Accuracy on data no one here wrote: schema.org's own JSON-LD examples (release 30.0).

Every JSON-LD example of schemaorg-all-examples.txt goes through the JSON-LD, vocabulary and
graph layers; none may yield an error except the examples listed in WRONG_EXAMPLES, each of
which is itself wrong -- with the reason and the exact finding codes it must produce, so an
entry that stops being needed (or hides a new error) fails the test.
"""

from __future__ import annotations

import json

import pytest

from ldpress.findings import Finding, Severity
from ldpress.validate import expansion, integrity, vocabulary
from tests.conftest import SCHEMAORG, needs_shared
from tests.support.blocks import make_context, make_source
from tests.support.schemaorg_examples import Example, iter_examples

EXAMPLES_FILE = SCHEMAORG / "schemaorg-all-examples.txt"

WRONG_EXAMPLES: dict[str, tuple[frozenset[str], str]] = {
    "eg-0229": (
        frozenset({"jsonld.remote_context"}),
        "its @context is http://health-lifesci.schema.org/, a retired hosted-extension "
        "URL that is not the schema.org context; offline, it is refused by design",
    ),
    "eg-0485": (
        frozenset({"jsonld.remote_context"}),
        "needs the W3C credentials/v2 context, a remote context refused offline",
    ),
    "eg-0486": (
        frozenset({"jsonld.remote_context"}),
        "needs the W3C credentials/v2 context, a remote context refused offline",
    ),
    "eg-0488": (
        frozenset({"jsonld.remote_context"}),
        "needs the W3C credentials/v2 context, a remote context refused offline",
    ),
    "eg-0298": (
        frozenset({"jsonld.unknown_keyword"}),
        "writes '@url' (no JSON-LD keyword): expansion silently drops the feed's URL",
    ),
    "eg-3697": (
        frozenset({"jsonld.unknown_keyword"}),
        "writes '@lang' for '@language': the language tags are silently dropped",
    ),
    "eg-0269": (frozenset({"jsonld.dropped"}), "has no @context at all"),
    "eg-0348": (frozenset({"jsonld.dropped"}), "has no @context at all"),
    "eg-0460": (frozenset({"jsonld.dropped"}), "has no @context at all"),
    "eg-0315": (
        frozenset({"jsonld.dropped"}),
        "puts the @context in its own array item, where it applies to nothing: every "
        "other item expands to no data",
    ),
    "eg-0318": (
        frozenset({"jsonld.dropped"}),
        "puts the @context in its own array item, where it applies to nothing",
    ),
    "eg-0217": (
        frozenset({"vocab.invalid_enum_member"}),
        "bookFormat 'AudioBook' is no BookFormatType member (it is AudiobookFormat)",
    ),
    **{
        eid: (
            frozenset({"vocab.invalid_enum_member"}),
            "uses short names (TaxCredit, NewPurchase, Active) for members that 30.0 "
            "names IncentiveTypeTaxCredit, PurchaseTypeNewPurchase, IncentiveStatusActive",
        )
        for eid in ("eg-0490", "eg-0491", "eg-0492", "eg-0493")
    },
}


def _examples() -> list[Example]:
    if not EXAMPLES_FILE.exists():
        return []
    return [e for e in iter_examples(EXAMPLES_FILE) if e.jsonld_texts]


EXAMPLES = _examples()


def run_layers(example: Example) -> list[Finding]:
    source = make_source(*example.jsonld_texts, file=example.id)
    ctx = make_context()
    found: list[Finding] = []
    for layer in (expansion, vocabulary, integrity):
        found.extend(layer.check(source, ctx))
    return found


@needs_shared
def test_all_jsonld_examples_are_found() -> None:
    # 460 in <script> elements and 19 written as bare JSON
    assert len(EXAMPLES) == 479
    assert all(json.loads(t) is not None for e in EXAMPLES for t in e.jsonld_texts)


@needs_shared
def test_every_listed_exception_is_a_jsonld_example() -> None:
    ids = {e.id for e in EXAMPLES}
    assert set(WRONG_EXAMPLES) <= ids
    assert len(WRONG_EXAMPLES) <= 20  # short and honest: a false error is a bug to fix


@needs_shared
@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.id}-L{e.line}" for e in EXAMPLES])
def test_no_error_on_schemaorg_example(example: Example) -> None:
    errors = [f for f in run_layers(example) if f.severity is Severity.ERROR]
    codes = {f.code for f in errors}
    listed = WRONG_EXAMPLES.get(example.id)
    if listed is None:
        assert not errors, [(f.code, f.path, f.message) for f in errors]
    else:
        assert codes == listed[0], (listed[1], [(f.code, f.path, f.message) for f in errors])

"""Accuracy on markup no one here wrote: the microdata and RDFa of schema.org's examples (30.0).

Each MICRODATA and RDFA section of schemaorg-all-examples.txt is read as an HTML page by the
real page loader (ldpress's microdata reader, extruct/pyRdfa for RDFa, the converter to
JSON-LD) and goes through the syntax, JSON-LD expansion, vocabulary and graph-integrity
layers.  None may yield an error, except the (example, syntax) pairs of WRONG_EXAMPLES, each
itself wrong, with the reason and the exact codes it must produce.  Rule packs are left out
on purpose: they are consumer rules (what Google shows as a rich result), not vocabulary
correctness, and schema.org's examples illustrate terms, not Google's requirements.

Markup with items must produce blocks (an extraction path that loses items would otherwise
pass with no error); sections that are placeholders ("JSON-LD example only") must produce
none; markup that looks like structured data but carries no item is listed in NO_ITEMS with
the reason.  A reader crash is a warning (``syntax.markup_unreadable``), so it is asserted
absent too.
"""

from __future__ import annotations

import re

import pytest

from ldpress.findings import Finding, Severity
from ldpress.validate import expansion, integrity, sources, syntax, vocabulary
from ldpress.validate.model import Source
from tests.conftest import SCHEMAORG, needs_shared
from tests.support.blocks import make_context
from tests.support.schemaorg_examples import iter_examples

EXAMPLES_FILE = SCHEMAORG / "schemaorg-all-examples.txt"
SYNTAXES = ("microdata", "rdfa")
Case = tuple[str, str, str]  # example id, syntax, markup

_AUDIOBOOK = "bookFormat 'AudioBook' is no BookFormatType member (it is AudiobookFormat)"
WRONG_EXAMPLES: dict[tuple[str, str], tuple[frozenset[str], str]] = {
    ("eg-0217", "microdata"): (frozenset({"vocab.invalid_enum_member"}), _AUDIOBOOK),
    ("eg-0217", "rdfa"): (frozenset({"vocab.invalid_enum_member"}), _AUDIOBOOK),
}

_TYPE_NOT_TYPEOF = (
    'writes type="..." where RDFa has typeof: the element makes no item, and without a typed '
    "item (no typeof=) ldpress does not read the page's RDFa"
)
NO_ITEMS: dict[tuple[str, str], str] = {
    ("eg-3475", "microdata"): 'writes class="itemscope" (not the itemscope attribute) and '
    '"iteprop": the itemtype alone makes no item (WHATWG microdata)',
    ("eg-0224", "rdfa"): "uses typeof/property terms with no vocab attribute: RDFa 1.1 drops "
    "terms no vocabulary defines, so the markup holds no triple",
    ("eg-0254", "rdfa"): _TYPE_NOT_TYPEOF,
    ("eg-0255", "rdfa"): _TYPE_NOT_TYPEOF,
    ("eg-0257", "rdfa"): _TYPE_NOT_TYPEOF,
    ("eg-0258", "rdfa"): _TYPE_NOT_TYPEOF,
}

# Attributes that make structured data; a section with none of them is a placeholder.
_MARKUP_ATTR = re.compile(r"\s(?:itemscope|itemprop|itemtype|typeof|property|vocab)\b")


def _cases() -> list[Case]:
    if not EXAMPLES_FILE.exists():
        return []
    return [
        (e.id, name, markup)
        for e in iter_examples(EXAMPLES_FILE)
        for name in SYNTAXES
        if (markup := getattr(e, name)) is not None
    ]


CASES = _cases()


def load(eid: str, markup: str) -> Source:
    return sources.load_source(f"{eid}.html", markup.encode("utf-8"), "html")


def run_layers(source: Source) -> list[Finding]:
    ctx = make_context()
    return [
        f for layer in (syntax, expansion, vocabulary, integrity) for f in layer.check(source, ctx)
    ]


@needs_shared
def test_all_markup_examples_are_found() -> None:
    counts = {name: sum(1 for c in CASES if c[1] == name) for name in SYNTAXES}
    assert counts == {"microdata": 249, "rdfa": 223}
    listed = set(WRONG_EXAMPLES) | set(NO_ITEMS)
    assert listed <= {(c[0], c[1]) for c in CASES}
    assert len(listed) <= 12  # short and honest: a false error is a bug to fix


@needs_shared
@pytest.mark.parametrize(
    ("eid", "syntax_name", "markup"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
def test_no_error_on_schemaorg_markup_example(eid: str, syntax_name: str, markup: str) -> None:
    source = load(eid, markup)
    found = run_layers(source)
    errors = [(f.code, f.path, f.message) for f in found if f.severity is Severity.ERROR]
    assert not [f for f in found if f.code == "syntax.markup_unreadable"], found
    listed = WRONG_EXAMPLES.get((eid, syntax_name))
    if listed is None:
        assert not errors, errors
    else:
        assert {e[0] for e in errors} == listed[0], (listed[1], errors)


@needs_shared
@pytest.mark.parametrize(
    ("eid", "syntax_name", "markup"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
def test_markup_example_yields_its_items(eid: str, syntax_name: str, markup: str) -> None:
    # eg-0446's RDFa also carries microdata items: count this section's syntax only.
    blocks = [b for b in load(eid, markup).blocks if b.kind == syntax_name]
    if (eid, syntax_name) in NO_ITEMS or not _MARKUP_ATTR.search(markup):
        assert blocks == [], NO_ITEMS.get((eid, syntax_name), "a placeholder section")
    else:
        assert blocks, "the markup has items but the loader read no block"
        # an RDFa resource may be an untyped node of its own (eg-0441), never all of them
        assert any(b.data.get("@type") for b in blocks), [b.data for b in blocks]

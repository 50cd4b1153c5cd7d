"""Error findings on the whole corpus (pages and files no one here wrote), each one accounted for.

The corpus (../shared/corpus: html, google-samples, schemaorg-examples) goes through the
syntax, JSON-LD, vocabulary and integrity layers -- the layers that judge correctness; packs are
consumer rules and their findings are tabled elsewhere (meedan table, sdtt mapping).  Every
error is listed below by code and file with what is wrong in the data: a new error anywhere
(a false positive, or a true one on new data) fails until it is looked at.  False positives
found this way were fixed in the readers and layers; each fix has a golden case under
tests/cases/markup/ (an HTML page or a .json file, all default layers but packs).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from ldpress.findings import Severity
from ldpress.validate import expansion, integrity, sources, syntax, vocabulary
from ldpress.validate.model import Context, Options
from tests.conftest import CORPUS, needs_shared
from tests.support.golden import CASES, FIELDS

ROOTS = ("html", "google-samples", "schemaorg-examples")
LAYERS = (syntax, expansion, vocabulary, integrity)
_NL4K = "html/AndyTheFactory-newspaper4k/2023-10-27_79553f6/html/"
_EXTRUCT = "html/scrapinghub-extruct/"
_TRAF = "html/adbar-trafilatura/"

# (code, file) -> (count, what is wrong in the data)
EXPECTED_ERRORS: dict[tuple[str, str], tuple[int, str]] = {
    ("graph.dangling_ref", "html/meedan-fetch/newtral_fakes_raw.page.html"): (
        1,
        "ClaimReview.mainEntityOfPage points at .../#webpage; the WebPage's @id has no #webpage",
    ),
    **{
        ("jsonld.dropped", name): (1, "a JSON-LD script or .jsonld file with no @context")
        for name in (
            _TRAF + "eval/lanacion.com.ar-jugada.html",  # paywall data in an ld+json script
            _EXTRUCT + "custom.invalid/JSONLD_with_control_characters.html",
            _EXTRUCT + "custom.invalid/JSONLD_with_control_characters.jsonld",
            _EXTRUCT + "custom.invalid/JSONLD_with_control_characters_comment.html",
            _EXTRUCT + "custom.invalid/JSONLD_with_control_characters_comment.jsonld",
            _EXTRUCT + "songkick/Maxïmo Park Gigography, Tour History & Past Concerts.jsonld",
            _EXTRUCT + "songkick/Years & Years Tickets, Tour Dates 2015 & Concerts.jsonld",
        )
    },
    ("jsonld.invalid", _EXTRUCT + "misc/null_ld_mock.html"): (10, "scripts holding null"),
    ("jsonld.invalid", _EXTRUCT + "songkick/jsonld_empty_item_test.html"): (1, "a bare string"),
    ("jsonld.remote_context", _EXTRUCT + "misc/microformat_flat_test.json"): (
        3,
        "@context http://microformats.org/wiki/: remote, refused offline",
    ),
    **{
        ("syntax.invalid_json", _TRAF + "eval/" + name): (1, "broken JSON (the broken index)")
        for name in (
            "Rosjanie sugerują natychmiastowe odcięcie Polski od gazu - Energetyka24.html",
            "aoc.media.archaisme.html",
            "blog.teufel.de.leistung.html",
            "eluniversal.com-senador.html",
        )
    },
    ("vocab.invalid_enum_member", _TRAF + "eval/fischundfang.de-pop-ups.html"): (
        5,
        "availability 'inStock' (ItemAvailability's member is InStock)",
    ),
    ("vocab.invalid_enum_member", _TRAF + "eval/wildundhund.de-bonn.html"): (5, "same"),
    ("vocab.range_mismatch", _NL4K + "dailystar.co.uk1.html"): (
        1,
        "mainContentOfPage given an Article (expects WebPageElement)",
    ),
    ("vocab.range_mismatch", _NL4K + "dailystar.co.uk2.html"): (1, "same"),
    ("vocab.range_mismatch", "html/meedan-fetch/aajtak_hindi_raw.page.html"): (
        2,
        "copyrightHolder and provider typed Thing (expects Organization or Person)",
    ),
    **{
        ("vocab.range_mismatch", _EXTRUCT + name): (
            1,
            "object given a Duration: in 30.0 Quantity is a DataType, not a Thing",
        )
        for name in (
            "custom.invalid/AllocateAction.001.html",
            "custom.invalid/AllocateAction.001.jsonld",
            "schema.org.invalid/AllocateAction.001.html",
            "schema.org.invalid/AllocateAction.001.jsonld",
        )
    },
    ("vocab.range_mismatch", _EXTRUCT + "w3c/microdata.7.1.html"): (
        2,
        "comment given UserComments, an Event (expects Comment)",
    ),
    **{
        ("vocab.unexpected_property", _NL4K + name): (n, "datePublished on an ItemList")
        for name, n in (
            ("foxbusiness.com1.html", 1),
            ("foxbusiness.com2.html", 1),
            ("foxnews.com1.html", 2),
            ("foxnews.com2.html", 2),
        )
    },
    ("vocab.unexpected_property", _NL4K + "newyorker.com1.html"): (
        5,
        "printEdition/printSection on Article (NewsArticle's), author on Person",
    ),
    ("vocab.unexpected_property", _TRAF + "eval/spox.com-corona-fealle.html"): (
        2,
        "logo and category on a NewsArticle",
    ),
    ("vocab.unexpected_property", "html/meedan-fetch/africa_check_raw.page.html"): (
        1,
        "logo on a Person",
    ),
    **{
        ("vocab.unexpected_property", _EXTRUCT + name): (1, "name on a Duration (a DataType)")
        for name in (
            "custom.invalid/AllocateAction.001.html",
            "custom.invalid/AllocateAction.001.jsonld",
            "schema.org.invalid/AllocateAction.001.html",
            "schema.org.invalid/AllocateAction.001.jsonld",
        )
    },
    ("vocab.unexpected_property", _EXTRUCT + "schema.org/Event.002.html"): (
        1,
        "video on a MusicGroup (an Organization)",
    ),
    ("vocab.unexpected_property", _EXTRUCT + "schema.org/MusicRecording.001.html"): (1, "same"),
    ("vocab.unexpected_property", _EXTRUCT + "w3c/microdata.object.html"): (
        1,
        "object (an Action's) on a Thing",
    ),
    **{
        ("vocab.unknown_property", name): (n, what)
        for name, n, what in (
            (_NL4K + "fool.com1.html", 21, "FinancialQuote's exchange, priceChange, ..."),
            (_NL4K + "parsely.com1.html", 1, "articleId"),
            (_NL4K + "parsely.com2.html", 1, "articleId"),
            (_TRAF + "cache/chip.de.beef.html", 2, "imadebug, contentURL (contentUrl)"),
            (_TRAF + "eval/kirche-und-leben.de-Münster.html", 1, "subheadline"),
            (_TRAF + "eval/ultimahora.com-apelacion.html", 1, "InLanguage (inLanguage)"),
            ("html/meedan-fetch/twenty_minutes_first_page_raw.html", 1, "ItemListElement"),
            ("html/meedan-fetch/univision_raw.page.html", 2, "dateUpdated, associatedmedia"),
            (_EXTRUCT + "custom.invalid/AllocateAction.001.html", 2, "purpose, rendered_js"),
            (_EXTRUCT + "custom.invalid/AllocateAction.001.jsonld", 2, "purpose, rendered_js"),
            (_EXTRUCT + "custom.invalid/JoinAction.001.html", 1, "rendered_html"),
            (_EXTRUCT + "custom.invalid/JoinAction.001.jsonld", 1, "rendered_html"),
            (_EXTRUCT + "schema.org.invalid/AllocateAction.001.html", 1, "purpose"),
            (_EXTRUCT + "schema.org.invalid/AllocateAction.001.jsonld", 1, "purpose"),
            (_EXTRUCT + "schema.org/LocalBusiness.003.html", 1, "productId (productID)"),
            (_EXTRUCT + "schema.org/product-ref.html", 3, "related_products, prop3, ..."),
            (_EXTRUCT + "websites/microdata-with-description.html", 1, "offercount"),
        )
    },
    **{
        ("vocab.unknown_type", name): (n, what)
        for name, n, what in (
            (_NL4K + "fool.com1.html", 7, "'Intangible/FinancialQuote'"),
            (_TRAF + "eval/elsiglo.com.pa-guatemala.html", 2, "imageObject"),
            (_TRAF + "eval/kirche-und-leben.de-Münster.html", 6, "Orticle"),
            (_TRAF + "eval/sciencesetavenir.fr.rumeur.html", 1, "Webpage"),
            ("html/meedan-fetch/efe_verifica_raw.page.html", 1, "article"),
        )
    },
}


def _corpus_errors() -> Counter[tuple[str, str]]:
    found: Counter[tuple[str, str]] = Counter()
    for root in ROOTS:
        for path in sources.iter_files(str(CORPUS / root)):
            source = sources.read_source(path)
            ctx = Context(Options())
            for layer in LAYERS:
                for f in layer.check(source, ctx):
                    if f.severity is Severity.ERROR:
                        found[(f.code, Path(path).relative_to(CORPUS).as_posix())] += 1
    return found


@needs_shared
@pytest.mark.shared
def test_every_corpus_error_is_accounted_for() -> None:
    got = _corpus_errors()
    assert dict(got) == {k: n for k, (n, _) in EXPECTED_ERRORS.items()}
    # the false positives fixed: no .json data file is taken for broken JSON-LD any more
    assert not [k for k in got if k[0] == "jsonld.dropped" and k[1].endswith(".json")]


# -- golden cases of the fixes --------------------------------------------------------------------
MARKUP_CASES = sorted(p for p in (CASES / "markup").iterdir() if p.is_dir())


def run_markup_case(folder: Path) -> list[dict[str, Any]]:
    (path,) = [p for p in folder.iterdir() if p.name.startswith("input.")]
    source = sources.load_source(path.name, path.read_bytes())
    ctx = Context(Options())
    found = [f for layer in LAYERS for f in layer.check(source, ctx)]
    found.sort(key=lambda f: f.sort_key())
    return [{k: f.to_dict()[k] for k in FIELDS} for f in found]


@pytest.mark.parametrize("folder", MARKUP_CASES, ids=[c.name for c in MARKUP_CASES])
def test_markup_case(folder: Path) -> None:
    got = run_markup_case(folder)
    expected_file = folder / "expected.json"
    if os.environ.get("LDPRESS_REGEN") == "1":
        expected_file.write_text(json.dumps(got, indent=2) + "\n", encoding="utf-8")
    assert got == json.loads(expected_file.read_text(encoding="utf-8"))

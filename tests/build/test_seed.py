"""Golden tests of the seed build: output/ is committed and must be what the build produces.

``LDPRESS_REGEN=1`` rewrites output/ from the current build.  The RDF test proves the written
bundle means exactly the in-memory graph (URDNA2015 canonical N-Quads), and the cross-bundle
test that nodes shared by the two examples are described alike.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from ldpress.authoring import load_data_file
from ldpress.build import build_paths, check_bundle, seed_dir
from ldpress.graph import build_graph, merge_nodes
from ldpress.jsonld import canonical_nquads, expand
from ldpress.validate.layers import default_layers
from ldpress.validate.model import Options
from ldpress.validate.pipeline import validate_source
from ldpress.validate.sources import load_source
from tests.conftest import needs_sources

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
OUTPUT = ROOT / "output"
SEEDS = sorted(DATA.glob("*.yaml"))


def test_seed_build_matches_committed_output(tmp_path: Path) -> None:
    if os.environ.get("LDPRESS_REGEN") == "1":
        build_paths([DATA], OUTPUT)
    report = build_paths([DATA], tmp_path)
    assert report.ok, report.findings
    assert report.findings == []
    built = sorted(p.name for p in tmp_path.iterdir())
    assert built == sorted(p.name for p in OUTPUT.iterdir())
    assert len(built) == 2 * len(SEEDS)
    for name in built:
        assert (tmp_path / name).read_bytes() == (OUTPUT / name).read_bytes(), name


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    build_paths([DATA], tmp_path / "a")
    build_paths([DATA], tmp_path / "b")
    for p in (tmp_path / "a").iterdir():
        assert p.read_bytes() == (tmp_path / "b" / p.name).read_bytes()


def test_check_passes_on_committed_output_and_fails_when_stale(tmp_path: Path) -> None:
    assert build_paths([DATA], OUTPUT, check=True).ok
    shutil.copytree(OUTPUT, tmp_path, dirs_exist_ok=True)
    target = tmp_path / "japan-dprk-talks.jsonld"
    target.write_bytes(target.read_bytes().replace(b"Ulan Bator", b"Ulaanbaatar", 1))
    (tmp_path / "dprk-satellite-claim-review.html").unlink()
    report = build_paths([DATA], tmp_path, check=True)
    assert sorted(p.name for p in report.stale) == [
        "dprk-satellite-claim-review.html",
        "japan-dprk-talks.jsonld",
    ]
    assert {f.code for f in report.findings} == {"build.stale_output"}
    assert not (tmp_path / "dprk-satellite-claim-review.html").exists()  # --check wrote nothing


@pytest.mark.parametrize("source", SEEDS, ids=lambda p: p.name)
def test_written_bundle_is_the_in_memory_graph(source: Path) -> None:
    data = load_data_file(source)
    graph, conflicts = build_graph((n.wire for n in data.nodes), data.main_id)
    assert data.ok and not conflicts
    written = json.loads((OUTPUT / f"{data.slug}.jsonld").read_text(encoding="utf-8"))
    in_memory = {"@context": "https://schema.org", "@graph": graph}
    assert canonical_nquads(written) == canonical_nquads(in_memory)
    assert check_bundle(written) == []
    # Every node of the data file is in the bundle, under its minted or given @id.
    assert {n["@id"] for n in written["@graph"]} == {n.id for n in data.nodes}


def test_seed_models_the_article_completely() -> None:
    bundle = json.loads((OUTPUT / "japan-dprk-talks.jsonld").read_text(encoding="utf-8"))
    nodes = {n["@id"].split("#")[1]: n for n in bundle["@graph"]}
    article = bundle["@graph"][0]
    assert article["@type"] == "NewsArticle" and article["headline"]
    assert article["publisher"] == {"@id": nodes["org-china-daily"]["@id"]}
    assert nodes["org-china-daily"]["@type"] == "NewsMediaOrganization"
    assert article["sourceOrganization"] == {"@id": nodes["org-ap"]["@id"]}
    text = (DATA / "japan-dprk-talks.txt").read_text(encoding="utf-8").strip()
    assert article["articleBody"] == text
    talks = nodes["event-talks-ulan-bator"]
    assert (talks["startDate"], talks["endDate"]) == ("2012-11-15", "2012-11-16")
    soccer = nodes["event-soccer-match"]
    assert soccer["@type"] == "SportsEvent" and soccer["startDate"] == "2012-11-14"
    assert nodes["stadium-kim-il-sung"]["@type"] == "StadiumOrArena"
    assert nodes["landmark-mansu-hill-statues"]["@type"] == "LandmarksOrHistoricalBuildings"
    assert {nodes[k]["@type"] for k in ("team-upe-dprk", "team-nssu")} == {"SportsTeam"}
    assert nodes["event-talks-august"]["startDate"] == "2012-08"
    claims = [n for n in bundle["@graph"] if n["@type"] == "Claim"]
    by_author: dict[str, int] = {}
    for claim in claims:
        assert claim["appearance"] == {"@id": article["@id"]} and claim["datePublished"]
        authors = claim["author"] if isinstance(claim["author"], list) else [claim["author"]]
        for a in authors:
            by_author[a["@id"].split("#")[1]] = by_author.get(a["@id"].split("#")[1], 0) + 1
    assert by_author["person-huang-youfu"] >= 4 and by_author["person-shen-shishun"] >= 3
    assert by_author["gov-japan"] >= 2 and by_author["gov-dprk"] >= 2
    for key in ("person-koichiro-gemba", "person-kim-il-sung", "person-kim-jong-il", "org-kcna"):
        assert key in nodes


def test_seed_image_meets_google_article_image_rule_with_its_sizes() -> None:
    bundle = json.loads((OUTPUT / "japan-dprk-talks.jsonld").read_text(encoding="utf-8"))
    image = bundle["@graph"][0]["image"]
    assert image["@type"] == "ImageObject" and image["contentUrl"].startswith(
        "https://example.org/"
    )
    width, height = image["width"], image["height"]
    assert width * height >= 50_000 and abs(width / height - 16 / 9) < 0.01
    source = load_source("japan-dprk-talks.jsonld", json.dumps(bundle).encode(), "jsonld")
    found = validate_source(source, Options(), default_layers())
    image_rules = [f for f in found if f.path and ".image" in f.path and "google" in f.code]
    assert image_rules == []
    data = (DATA / "japan-dprk-talks.yaml").read_text(encoding="utf-8")
    assert "article.image:\n    added:" in data  # marked as added by the editors
    nodes = {n["@id"].split("#")[1]: n for n in bundle["@graph"]}
    assert {nodes[k]["@type"] for k in ("place-europe", "place-asia")} == {"Continent"}


def test_shared_nodes_agree_across_bundles() -> None:
    seen: dict[str, dict[str, object]] = {}
    shared = 0
    for path in sorted(OUTPUT.glob("*.jsonld")):
        for node in json.loads(path.read_text(encoding="utf-8"))["@graph"]:
            if node["@id"] in seen:
                shared += 1
                _, conflicts = merge_nodes(seen[node["@id"]], node)
                assert conflicts == [], (node["@id"], conflicts)
            seen.setdefault(node["@id"], node)
    assert shared >= 3  # the claim, its claimant and the article


@needs_sources
def test_seed_dir_is_the_source_data_when_not_installed() -> None:
    assert seed_dir().resolve() == DATA.resolve()


def test_written_bundle_expands_offline() -> None:
    for path in OUTPUT.glob("*.jsonld"):
        assert expand(json.loads(path.read_text(encoding="utf-8")))


def test_check_bundle_reports_schema_errors_with_paths() -> None:
    bundle = json.loads((OUTPUT / "japan-dprk-talks.jsonld").read_text(encoding="utf-8"))
    bundle["@graph"][1]["name"] = 5
    bundle["@graph"][0]["about"] = {"@id": bundle["@graph"][0]["@id"] + "-gone"}
    codes = {(f.code.split(".")[0], f.path) for f in check_bundle(bundle, "b.jsonld")}
    assert ("bundle", "$['@graph'][1]") in codes or any(p and "[1]" in p for _, p in codes)
    assert ("graph", "$['@graph'][0].about") in codes

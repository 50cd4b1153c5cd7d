"""File-level embedding: bundle checks, output paths, atomic writes, site maps."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from ldpress.build.check import check_bundle_object
from ldpress.errors import InputError
from ldpress.findings import Finding, Severity
from ldpress.html.batch import (
    bundle_refusals,
    embed_file,
    load_bundle,
    output_path,
)
from ldpress.html.site import load_site_map, plan_site

BUNDLE: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "h"}
PAGE = b"<html><head><title>t</title></head><body></body></html>\n"


def _checker(*severities: Severity) -> Any:
    def check(bundle: Any) -> list[Finding]:
        return [Finding(f"test.{s}", s, f"a {s}") for s in severities]

    return check


@pytest.mark.parametrize(
    ("severities", "force", "ok"),
    [
        ((), False, True),
        ((Severity.INFO,), False, True),
        ((Severity.WARNING,), False, False),
        ((Severity.WARNING,), True, True),
        ((Severity.ERROR,), True, False),
        ((Severity.WARNING, Severity.ERROR), True, False),
    ],
)
def test_errors_always_refuse_warnings_unless_forced(
    severities: tuple[Severity, ...], force: bool, ok: bool
) -> None:
    result, findings = bundle_refusals(
        BUNDLE, "b.jsonld", checker=_checker(*severities), force=force
    )
    assert result is ok
    assert [f.file for f in findings] == ["b.jsonld"] * len(severities)


def test_default_checks_are_the_validators() -> None:
    # no @context: expansion drops every term (an error); a typo'd property is an error
    codes = {f.code for f in check_bundle_object({"name": "x"})}
    assert "jsonld.dropped" in codes
    typo = {**BUNDLE, "headlin": "h"}
    found = check_bundle_object(typo)
    assert [(f.code, f.path, f.line) for f in found if f.severity is Severity.ERROR] == [
        ("vocab.unknown_property", "$.headlin", None)
    ]
    assert check_bundle_object("x")[0].code == "bundle.not_object"
    full = {
        **BUNDLE,
        "image": "https://example.org/a.jpg",
        "datePublished": "2012-11-15T20:00:00+08:00",
        "dateModified": "2012-11-15T20:00:00+08:00",
        "author": {"@type": "Person", "name": "A", "url": "https://example.org/a"},
    }
    assert check_bundle_object(full) == []


def test_load_bundle(tmp_path: Path) -> None:
    good, bad = tmp_path / "g.jsonld", tmp_path / "b.jsonld"
    good.write_text('{"@type": "Thing"}')
    bad.write_text('{"@type": ')
    assert load_bundle(good) == ({"@type": "Thing"}, [])
    assert [f.code for f in load_bundle(bad)[1]] == ["embed.bundle_not_json"]
    with pytest.raises(InputError):
        load_bundle(tmp_path / "missing.jsonld")


def test_output_path_keeps_relative_paths_and_refuses_traversal(tmp_path: Path) -> None:
    out = tmp_path / "out"
    site = tmp_path / "site"
    assert output_path(site / "a" / "b.html", out, site) == out / "a" / "b.html"
    for page in (site / ".." / "x.html", tmp_path / "elsewhere.html", Path("/etc/passwd")):
        refused = output_path(page, out, site)
        assert isinstance(refused, Finding) and refused.code == "embed.outside_output_dir"


def test_output_path_refuses_a_symlink_out_of_the_output_dir(tmp_path: Path) -> None:
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    (out / "a").symlink_to(outside, target_is_directory=True)
    refused = output_path(tmp_path / "site" / "a" / "p.html", out, tmp_path / "site")
    assert isinstance(refused, Finding)


def test_in_place_write_keeps_mode_and_skips_unchanged(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(PAGE)
    page.chmod(0o640)
    first = embed_file(page, BUNDLE, page)
    assert first.written and not first.failed
    assert stat.S_IMODE(page.stat().st_mode) == 0o640
    after = page.read_bytes()
    second = embed_file(page, BUNDLE, page)
    assert not second.written and page.read_bytes() == after


def test_failed_rename_leaves_the_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(PAGE)

    def fail(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    outcome = embed_file(page, BUNDLE, page)
    assert outcome.failed and not outcome.written
    assert [f.code for f in outcome.findings] == ["embed.write_failed"]
    assert page.read_bytes() == PAGE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.html"]  # no temp file left


def test_dry_run_writes_nothing_and_diffs(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(PAGE)
    outcome = embed_file(page, BUNDLE, tmp_path / "out.html", dry_run=True)
    assert not outcome.written and not (tmp_path / "out.html").exists()
    assert outcome.diff.startswith(f"--- {page}\n+++ {tmp_path / 'out.html'}\n@@")
    assert '+<html><head><title>t</title><script type="application/ld+json"' in outcome.diff


def test_refused_page_is_not_written(tmp_path: Path) -> None:
    page = tmp_path / "p.json"
    page.write_bytes(b'{"a": 1}')
    outcome = embed_file(page, BUNDLE, tmp_path / "o.json")
    assert outcome.failed and not (tmp_path / "o.json").exists()
    assert [f.code for f in outcome.findings] == ["embed.not_html"]


def test_site_map_yaml_and_json(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "news" / "2026").mkdir(parents=True)
    for rel in ("index.html", "news/a.html", "news/2026/b.html"):
        (site / rel).write_bytes(PAGE)
    (tmp_path / "cfg").mkdir()
    yaml_map = tmp_path / "cfg" / "map.yaml"
    yaml_map.write_text(
        "index.html: home.jsonld\n'news/**/*.html': b/news.jsonld\nnone/*.html: x\n"
    )
    mapping = load_site_map(yaml_map)
    assert mapping["index.html"] == tmp_path / "cfg" / "home.jsonld"
    plan = plan_site(site, mapping)
    assert plan.pages == {
        site / "index.html": tmp_path / "cfg" / "home.jsonld",
        site / "news" / "a.html": tmp_path / "cfg" / "b" / "news.jsonld",
        site / "news" / "2026" / "b.html": tmp_path / "cfg" / "b" / "news.jsonld",
    }
    assert [(f.code, f.severity) for f in plan.findings] == [
        ("embed.map_unmatched", Severity.WARNING)
    ]
    json_map = tmp_path / "map.json"
    json_map.write_text(
        '{"*.html": "x.jsonld", "index.html": "y.jsonld", "../*.json": "z"}'
    )  # matches itself
    plan = plan_site(site, load_site_map(json_map))
    assert plan.pages == {}
    codes = sorted(f.code for f in plan.findings)
    assert codes == ["embed.map_conflict", "embed.outside_site_dir"]


@pytest.mark.parametrize("text", ["- a\n- b\n", "a: 1\n", "{not json", "a: [b\n"])
def test_malformed_site_map_aborts(tmp_path: Path, text: str) -> None:
    path = tmp_path / ("map.json" if text.startswith("{") else "map.yaml")
    path.write_text(text)
    with pytest.raises(InputError):
        load_site_map(path)

"""``build --check`` reports leftovers (outputs without a data file, stale schemas) one line
per file; ``--jobs N`` gives the same outputs and findings as one process."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ldpress.build import build_files, build_paths, pipeline
from ldpress.build.pipeline import YOUNG_THRESHOLD, FileResult
from ldpress.build.stale import orphaned_outputs, stale_schemas
from ldpress.cli import app
from ldpress.schemas import build_schemas
from tests.conftest import ROOT

DATA = ROOT / "data"
OUTPUT = ROOT / "output"
CASES = ROOT / "tests" / "cases" / "build"
runner = CliRunner()


def _checkout(tmp_path: Path) -> Path:
    """A copy of the project's data, output and schemas, as a site's checkout has them."""
    for name in ("data", "output", "schemas"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def test_committed_tree_has_no_leftovers() -> None:
    report = build_paths([DATA], OUTPUT, check=True, schemas_dir=ROOT / "schemas")
    assert report.ok, report.findings
    assert report.stale == []


def test_output_without_data_file_is_stale(tmp_path: Path) -> None:
    tree = _checkout(tmp_path)
    (tree / "data" / "dprk-satellite-claim-review.yaml").unlink()
    (tree / "output" / "notes.txt").write_text("not an output")  # other files are not ours
    report = build_paths([tree / "data"], tree / "output", check=True)
    assert sorted(p.name for p in report.stale) == [
        "dprk-satellite-claim-review.html",
        "dprk-satellite-claim-review.jsonld",
    ]
    assert {f.code for f in report.findings} == {"build.orphaned_output"}
    assert not report.ok
    # the leftovers stay: --check writes and deletes nothing
    assert (tree / "output" / "dprk-satellite-claim-review.jsonld").is_file()


def test_orphans_are_only_judged_when_every_data_file_is_seen(tmp_path: Path) -> None:
    tree = _checkout(tmp_path)
    one = tree / "data" / "japan-dprk-talks.yaml"
    report = build_paths([one], tree / "output", check=True)
    assert report.ok and report.stale == []


def test_orphaned_outputs_ignores_a_missing_directory(tmp_path: Path) -> None:
    assert orphaned_outputs(tmp_path / "nope", ["a"]) == []


def test_stale_missing_and_unknown_schemas_are_each_reported(tmp_path: Path) -> None:
    schemas = _checkout(tmp_path) / "schemas"
    (schemas / "Person.schema.json").write_text("{}\n")
    (schemas / "Event.schema.json").unlink()
    (schemas / "Retired.schema.json").write_text("{}\n")
    (schemas / "README.md").write_text("not a schema")  # only *.schema.json files are ours
    found = {Path(f.file or "").name: f.message for f in stale_schemas(schemas)}
    assert found == {
        "Person.schema.json": "out of date: run ldpress schema",
        "Event.schema.json": "missing: run ldpress schema",
        "Retired.schema.json": "no model generates this schema any more: delete it",
    }


def test_missing_schema_directory_means_every_schema_is_missing(tmp_path: Path) -> None:
    found = stale_schemas(tmp_path / "schemas")
    assert len(found) == len(build_schemas())
    assert all(f.message.startswith("missing") for f in found)


def test_cli_check_prints_one_line_per_stale_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = _checkout(tmp_path)
    (tree / "output" / "old-article.jsonld").write_text("{}\n")
    (tree / "schemas" / "Claim.schema.json").write_text("{}\n")
    monkeypatch.chdir(tree)  # the default data/, output/ and schemas/ are the cwd's
    result = runner.invoke(app, ["build", "--check", "--jobs", "1"])
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert lines == [
        "output/old-article.jsonld: error build.orphaned_output no data file has slug "
        "'old-article': delete it (or restore its data file)",
        "schemas/Claim.schema.json: error build.stale_schema out of date: run ldpress schema",
    ]
    assert result.stdout == ""


def test_jobs_give_the_same_results_as_one_process(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    for name in ("bad-date", "dangling-key", "unknown-property"):
        shutil.copy(CASES / name / "input.yaml", data / f"zz-{name}.yaml")
    sources = sorted(p for p in data.iterdir() if p.suffix == ".yaml")
    one = build_files(sources, jobs=1)
    two = build_files(sources, jobs=2)
    assert [(r.source, r.slug, r.outputs, r.findings) for r in one] == [
        (r.source, r.slug, r.outputs, r.findings) for r in two
    ]
    assert any(r.findings for r in one) and any(r.outputs for r in one)


def test_jobs_write_the_same_bytes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    seed = (DATA / "japan-dprk-talks.yaml").read_text(encoding="utf-8")
    for i in range(3):  # more files than workers, so the pool really runs
        copy = seed.replace("slug: japan-dprk-talks", f"slug: copy-{i}")
        copy = copy.replace("/japan-dprk-talks\n", f"/japan-dprk-talks-{i}\n")
        (data / f"copy-{i}.yaml").write_text(copy, encoding="utf-8")
    assert build_paths([data], tmp_path / "one", jobs=1).ok
    assert build_paths([data], tmp_path / "two", jobs=2).ok
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert len(names) == 2 * 5
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir())
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_the_collector_is_tuned_after_the_first_file_and_restored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    states: list[tuple[int, tuple[int, int, int]]] = []
    real = pipeline.build_file

    def spy(path: Path, display: str | None = None) -> FileResult:
        states.append((gc.get_freeze_count(), gc.get_threshold()))
        return real(path, display)

    monkeypatch.setattr(pipeline, "build_file", spy)
    before = (gc.get_freeze_count(), gc.get_threshold())
    sources = sorted(DATA.glob("*.yaml")) * 2
    results = build_files(sources)
    assert [r.source for r in results] == [str(p) for p in sources]
    assert states[0] == before  # the first file fills the caches
    assert all(count > 0 and t[0] == YOUNG_THRESHOLD for count, t in states[1:])
    assert (gc.get_freeze_count(), gc.get_threshold()) == before

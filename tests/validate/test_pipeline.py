"""The pipeline: input discovery, per-file ordering, counts, jobs parity, crash isolation."""

from __future__ import annotations

from pathlib import Path

import pytest

from ldpress.errors import InputError
from ldpress.findings import Severity
from ldpress.validate.inputs import iter_inputs
from ldpress.validate.model import Options
from ldpress.validate.pipeline import (
    Progress,
    iter_results,
    validate_paths,
    validate_source,
)
from tests.validate import fakes


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "bad.jsonld").write_text(fakes.BAD)
    (tmp_path / "a-good.json").write_text(fakes.GOOD)
    (tmp_path / "c.jsonld").write_text(fakes.BROKEN)
    (tmp_path / "two.json").write_text(f"[{fakes.GOOD}, {fakes.BAD}]")
    (tmp_path / "notes.txt").write_text("not structured data")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.json").write_text("{}")
    return tmp_path


def test_directories_go_through_the_walker_with_the_globs(site: Path) -> None:
    calls = []

    def walker(root: str, include: object, exclude: object) -> list[str]:
        calls.append((root, include, exclude))
        return [str(site / "c.jsonld"), str(site / "a-good.json")]

    items = list(iter_inputs([site / "two.json", site], walker, ["*.x"], ["*.y"]))
    assert [i.name for i in items] == [
        str(site / n) for n in ("two.json", "c.jsonld", "a-good.json")
    ]
    assert calls == [(str(site), ["*.x"], ["*.y"])]


def test_explicit_files_keep_argument_order_and_missing_path_aborts(site: Path) -> None:
    order = [site / "two.json", site / "a-good.json"]
    assert [i.name for i in iter_inputs(order, fakes.walk_sorted)] == [str(p) for p in order]
    with pytest.raises(InputError, match="no such file"):
        list(iter_inputs([site / "nope.json"], fakes.walk_sorted))


def test_stdin_is_one_input_named_dash() -> None:
    (item,) = iter_inputs(["-"], fakes.walk_sorted, stdin=fakes.BAD.encode())
    assert item.name == "-" and item.read() == fakes.BAD.encode()


def test_report_counts_and_orders_findings(site: Path) -> None:
    report = validate_paths(
        [site / "b", site / "a-good.json", site / "two.json"],
        Options(),
        layers=fakes.LAYERS,
        loader=fakes.load_json,
        walker=fakes.walk_sorted,
    )
    assert report.files == 3
    assert report.blocks == 1 + 1 + 2
    assert report.names == [
        str(site / "b" / "bad.jsonld"),
        str(site / "a-good.json"),
        str(site / "two.json"),
    ]
    files = [f.file for f in report.findings]
    # Files in input order, each file's findings together.
    assert list(dict.fromkeys(files)) == report.names
    bad = [f for f in report.findings if f.file == report.names[0]]
    assert [(f.line, f.code) for f in bad] == [
        (None, "test.block_seen"),
        (2, "test.missing_headline"),
        (3, "test.old_property"),
        (4, "test.old_property"),
    ]
    assert bad[2].hint == "did you mean name?"
    assert (report.errors, report.warnings, report.infos) == (2, 4, 4)


def test_loader_findings_are_reported_with_the_file(site: Path) -> None:
    report = validate_paths(
        [site / "c.jsonld"],
        Options(),
        layers=fakes.LAYERS,
        loader=fakes.load_json,
        walker=fakes.walk_sorted,
    )
    (f,) = report.findings
    assert (f.code, f.file, f.line, f.severity) == (
        "syntax.invalid_json",
        str(site / "c.jsonld"),
        2,
        Severity.ERROR,
    )
    assert report.blocks == 0


def test_a_crashing_layer_becomes_an_error_and_other_layers_still_run() -> None:
    source = fakes.load_json("x.json", fakes.BAD.encode())
    found = validate_source(source, Options(), [fakes.crash, fakes.flag_old_keys])
    codes = [f.code for f in found]
    assert codes.count("internal.layer_crashed") == 1
    assert codes.count("test.old_property") == 2
    crashed = next(f for f in found if f.code == "internal.layer_crashed")
    assert "RuntimeError: boom" in crashed.message and crashed.file == "x.json"


def test_duplicate_findings_are_reported_once() -> None:
    source = fakes.load_json("x.json", fakes.BAD.encode())
    found = validate_source(source, Options(), [fakes.flag_old_keys, fakes.flag_old_keys])
    assert len(found) == 2


def test_progress_is_called_once_per_file(site: Path) -> None:
    steps: list[Progress] = []
    report = validate_paths(
        [site],
        Options(),
        layers=fakes.LAYERS,
        loader=fakes.load_json,
        walker=fakes.walk_sorted,
        progress=steps.append,
    )
    assert [s.done for s in steps] == [1, 2, 3, 4]
    assert {s.total for s in steps} == {4}
    assert steps[-1].findings == len(report.findings)


def _many(tmp_path: Path, n: int) -> Path:
    for i in range(n):
        body = fakes.BAD if i % 3 == 0 else fakes.GOOD if i % 3 == 1 else fakes.BROKEN
        (tmp_path / f"p{i:03d}.json").write_text(body)
    return tmp_path


def test_jobs_2_gives_the_same_report_as_jobs_1(tmp_path: Path) -> None:
    site = _many(tmp_path, 60)
    one = validate_paths(
        [site],
        Options(),
        layers=fakes.LAYERS,
        loader=fakes.load_json,
        walker=fakes.walk_sorted,
        jobs=1,
    )
    two = validate_paths(
        [site],
        Options(),
        layers=fakes.LAYERS,
        loader=fakes.load_json,
        walker=fakes.walk_sorted,
        jobs=2,
    )
    assert two.findings == one.findings
    assert (two.files, two.blocks, two.names) == (one.files, one.blocks, one.names)
    assert one.errors == 40 and one.files == 60


def test_jobs_runs_in_other_processes(tmp_path: Path) -> None:
    site = _many(tmp_path, 8)
    fakes.CALLS.clear()
    validate_paths(
        [site],
        Options(),
        layers=fakes.LAYERS,
        loader=fakes.load_json,
        walker=fakes.walk_sorted,
        jobs=2,
    )
    assert fakes.CALLS == []  # the layers ran in the pool's processes, not here
    validate_paths(
        [site],
        Options(),
        layers=fakes.LAYERS,
        loader=fakes.load_json,
        walker=fakes.walk_sorted,
        jobs=1,
    )
    assert len(fakes.CALLS) == 8


def test_a_file_that_cannot_be_read_is_a_finding(tmp_path: Path) -> None:
    gone = str(tmp_path / "deleted-after-listing.json")

    def walker(root: str, include: object, exclude: object) -> list[str]:
        return [gone]

    report = validate_paths(
        [tmp_path], Options(), layers=fakes.LAYERS, loader=fakes.load_json, walker=walker
    )
    assert [(f.code, f.file) for f in report.findings] == [("input.unreadable", gone)]
    assert report.files == 1 and report.errors == 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_iter_results_streams_what_validate_paths_reports(site: Path, jobs: int) -> None:
    wiring = {"layers": fakes.LAYERS, "loader": fakes.load_json, "walker": fakes.walk_sorted}
    report = validate_paths([site], Options(), jobs=jobs, **wiring)  # type: ignore[arg-type]
    stream = iter_results([site], Options(), jobs=jobs, **wiring)  # type: ignore[arg-type]
    first = next(stream)  # a generator: results come one file at a time
    assert (first.index, first.total) == (0, report.files)
    done = [first, *stream]
    assert [d.name for d in done] == report.names
    assert [f for d in done for f in d.result.findings] == report.findings
    assert sum(d.result.blocks for d in done) == report.blocks

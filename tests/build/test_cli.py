"""``ldpress build`` through typer's CliRunner (and one real subprocess): exit codes 0/1/2,
--check, --format json, stdout/stderr split."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ldpress.cli import app

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases" / "build"
runner = CliRunner()


def test_build_writes_and_prints_each_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(ROOT / "data"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    printed = result.stdout.split()
    assert sorted(Path(p).name for p in printed) == sorted(p.name for p in tmp_path.iterdir())
    assert len(printed) == 4


def test_check_is_clean_on_the_committed_output() -> None:
    result = runner.invoke(
        app, ["build", str(ROOT / "data"), "--out", str(ROOT / "output"), "--check"]
    )
    assert result.exit_code == 0, result.output


def test_check_reports_stale_output_and_writes_nothing(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(ROOT / "data"), "--out", str(tmp_path), "--check"])
    assert result.exit_code == 1
    assert list(tmp_path.iterdir()) == []
    assert result.stderr.count("build.stale_output") == 4


def test_invalid_input_exits_1_with_located_findings_and_writes_nothing(tmp_path: Path) -> None:
    source = CASES / "dangling-key" / "input.yaml"
    result = runner.invoke(app, ["build", str(source), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{source}:7:19: error data.dangling_ref" in result.stderr
    assert "did you mean 'person-huang-youfu'?" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_one_bad_file_blocks_the_whole_run(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.copy(CASES / "bad-date" / "input.yaml", data / "zz-bad.yaml")
    result = runner.invoke(app, ["build", str(data), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists()


def test_json_format(tmp_path: Path) -> None:
    source = CASES / "bad-date" / "input.yaml"
    result = runner.invoke(app, ["build", str(source), "--out", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["files"] == 1 and report["written"] == []
    assert [f["code"] for f in report["findings"]] == ["data.invalid_date"] * 3


@pytest.mark.parametrize(
    "args", [["build", "no-such-dir"], ["build", "--format", "xml"], ["build", "--bogus"]]
)
def test_usage_errors_exit_2(args: list[str], tmp_path: Path) -> None:
    result = runner.invoke(app, [*args, "--out", str(tmp_path)])
    assert result.exit_code == 2


def test_default_paths_use_data_in_the_cwd_else_the_seed(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "ldpress", "build"]
    seed = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert seed.returncode == 0, seed.stderr
    assert sorted(seed.stdout.split()) == sorted(
        f"output/{p.name}" for p in (ROOT / "output").iterdir()
    )
    assert (tmp_path / "output" / "japan-dprk-talks.jsonld").read_bytes() == (
        ROOT / "output" / "japan-dprk-talks.jsonld"
    ).read_bytes()
    (tmp_path / "data").mkdir()
    shutil.copy(CASES / "json-ok" / "input.json", tmp_path / "data" / "a.json")
    own = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert own.returncode == 0, own.stderr
    assert own.stdout.split() == ["output/a.jsonld", "output/a.html"]

"""``ldpress validate`` through typer's CliRunner, with the fake loader and layers wired in."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ldpress.cli import app
from ldpress.cli.progress import ProgressBar
from ldpress.cli.validate import progress_enabled
from ldpress.validate import layers as wiring
from ldpress.validate.pipeline import Progress
from tests.validate import fakes

runner = CliRunner()


@pytest.fixture(autouse=True)
def fake_wiring(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(wiring, "default_layers", lambda: list(fakes.LAYERS))
    monkeypatch.setattr(wiring, "default_loader", lambda: fakes.load_json)
    monkeypatch.setattr(wiring, "default_walker", lambda: fakes.walk_sorted)
    monkeypatch.setenv("LDPRESS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "good.jsonld").write_text(fakes.GOOD)
    return root


def invoke(*args: str, stdin: str | None = None) -> Result:
    return runner.invoke(app, ["validate", *args], input=stdin)


def test_no_arguments_is_a_usage_error() -> None:
    result = invoke()
    assert result.exit_code == 2
    assert "give at least one path" in result.stderr


def test_missing_path_aborts_with_2(site: Path) -> None:
    result = invoke(str(site / "nope.jsonld"))
    assert result.exit_code == 2
    assert "no such file or directory" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("bad", [["--format", "yaml"], ["--fail-on", "info"], ["--jobs", "0"]])
def test_bad_options_exit_2(site: Path, bad: list[str]) -> None:
    assert invoke(*bad, str(site)).exit_code == 2


def test_clean_site_exits_0(site: Path) -> None:
    result = invoke(str(site))
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings, 1 info in 1 file (1 block)" in result.stdout


def test_errors_exit_1_and_warnings_only_with_fail_on_warning(site: Path) -> None:
    (site / "bad.jsonld").write_text(fakes.BAD)
    assert invoke(str(site)).exit_code == 1
    (site / "bad.jsonld").write_text('{"@type": "NewsArticle", "headline": "h", "oldName": "x"}')
    assert invoke(str(site)).exit_code == 0
    assert invoke("--fail-on", "warning", str(site)).exit_code == 1


def test_json_report_on_stdout_and_summary_on_stderr(site: Path) -> None:
    (site / "bad.jsonld").write_text(fakes.BAD)
    result = invoke("--format", "json", "--profile", "google-article", str(site))
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["summary"] == {"files": 2, "blocks": 2, "errors": 1, "warnings": 2, "infos": 2}
    assert doc["tool"]["profiles"] == ["google-article"]
    assert "1 error, 2 warnings" in result.stderr


def test_quiet_writes_nothing_to_stderr(site: Path) -> None:
    result = invoke("-q", "--format", "json", str(site))
    assert result.exit_code == 0 and result.stderr == ""


def test_output_file_gets_the_report(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.sarif"
    result = invoke("--format", "sarif", "--output", str(out), str(site))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(out.read_text())["version"] == "2.1.0"


def test_stdin_is_read_with_dash_and_shown_in_text() -> None:
    result = invoke("-", stdin=fakes.BAD)
    assert result.exit_code == 1
    assert result.stdout.startswith("-\n")
    assert '   "oldName": "x",' in result.stdout  # the offending stdin line is shown


def test_jobs_2_output_equals_jobs_1(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for i in range(30):
        (root / f"p{i:02d}.json").write_text([fakes.GOOD, fakes.BAD, fakes.BROKEN][i % 3])
    one = invoke("--jobs", "1", "--no-cache", "--format", "json", str(root))
    two = invoke("--jobs", "2", "--no-cache", "--format", "json", str(root))
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert json.loads(one.stdout)["summary"]["files"] == 30


def test_cache_is_used_unless_no_cache(site: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    invoke("--no-cache", str(site))
    assert not cache.exists()
    first = invoke("--format", "json", str(site))
    assert list(cache.rglob("*.json"))
    fakes.CALLS.clear()
    second = invoke("--format", "json", "--jobs", "1", str(site))
    assert fakes.CALLS == []
    assert second.stdout == first.stdout


def test_baseline_round_trip(site: Path, tmp_path: Path) -> None:
    (site / "bad.jsonld").write_text(fakes.BAD)
    base = tmp_path / "baseline.json"
    written = invoke("--write-baseline", str(base), str(site))
    assert written.exit_code == 1  # writing a baseline still reports
    assert "wrote 5 findings to baseline" in written.stderr
    known = invoke("--baseline", str(base), "--format", "json", str(site))
    assert known.exit_code == 0
    assert json.loads(known.stdout)["findings"] == []
    assert "5 known findings suppressed" in known.stderr
    (site / "new.jsonld").write_text('{"@type": "NewsArticle"}')
    new = invoke("--baseline", str(base), "--format", "json", str(site))
    assert new.exit_code == 1
    assert {f["file"] for f in json.loads(new.stdout)["findings"]} == {str(site / "new.jsonld")}


def test_unreadable_baseline_exits_2(site: Path, tmp_path: Path) -> None:
    result = invoke("--baseline", str(tmp_path / "none.json"), str(site))
    assert result.exit_code == 2
    assert "cannot read baseline" in result.stderr


def test_text_is_plain_when_not_a_tty(site: Path) -> None:
    (site / "bad.jsonld").write_text(fakes.BAD)
    assert "\x1b[" not in invoke(str(site)).stdout


def test_progress_bar_waits_and_stays_off_when_disabled() -> None:
    step = Progress(done=1, total=10, findings=3)
    off = ProgressBar(enabled=False, delay=0)
    off(step)
    assert off.bar is None
    slow = ProgressBar(enabled=True, delay=3600)
    slow(step)
    assert slow.bar is None  # a short run never shows a bar
    on = ProgressBar(enabled=True, delay=0)
    on(step)
    assert on.bar is not None
    assert on.bar.tasks[0].completed == 1 and on.bar.tasks[0].fields["findings"] == 3
    on.close()
    assert on.bar is None


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_progress_only_on_a_terminal_and_never_with_quiet() -> None:
    assert progress_enabled(False, _Stream(tty=True))
    assert not progress_enabled(True, _Stream(tty=True))
    assert not progress_enabled(False, _Stream(tty=False))


def test_json_report_names_every_pack_in_use_by_default(site: Path) -> None:
    doc = json.loads(invoke("--format", "json", str(site)).stdout)
    assert doc["tool"]["profiles"] == [
        "factcheck",
        "google-article",
        "google-event",
        "google-profilepage",
        "google-speakable",
    ]

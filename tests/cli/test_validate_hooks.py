"""The pre-commit hooks: the file parses, the patterns pick the right files, and each hook's
entry, run as pre-commit would run it, passes a good file and fails a bad one."""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

HOOKS_FILE = ROOT / ".pre-commit-hooks.yaml"
WIRED = all(
    importlib.util.find_spec(f"ldpress.validate.{m}") is not None
    for m in ("sources", "syntax", "expansion", "vocabulary", "integrity", "packs", "consistency")
)
needs_layers = pytest.mark.skipif(not WIRED, reason="the validation layers are not merged yet")

GOOD_JSONLD = '{"@context": "https://schema.org", "@type": "Person", "name": "Ada Lovelace"}\n'
BAD_JSONLD = '{"@context": "https://schema.org", "@type": "Persn", "name": "Ada"}\n'
PAGE = """<!doctype html>
<html><head><title>Ada Lovelace</title>
<script type="application/ld+json">{body}</script>
</head><body><h1>Ada Lovelace</h1></body></html>
"""


def hooks() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(HOOKS_FILE.read_text(encoding="utf-8"))
    return {h["id"]: h for h in data}


def selects(hook: dict[str, Any], path: str) -> bool:
    """pre-commit's rule: ``files`` searches the path and ``exclude`` does not."""
    return bool(re.search(hook["files"], path)) and not re.search(hook.get("exclude", "^$"), path)


def test_hook_file_declares_both_hooks() -> None:
    got = hooks()
    assert set(got) == {"ldpress-validate-jsonld", "ldpress-validate-html"}
    for hook in got.values():
        assert hook["entry"] == "ldpress validate"
        assert hook["language"] == "python"
        assert hook["require_serial"] is True


@pytest.mark.parametrize(
    ("hook_id", "path", "taken"),
    [
        ("ldpress-validate-jsonld", "site/a.jsonld", True),
        ("ldpress-validate-jsonld", "data/article.json", True),
        ("ldpress-validate-jsonld", "package.json", False),
        ("ldpress-validate-jsonld", "web/tsconfig.json", False),
        ("ldpress-validate-jsonld", "node_modules/x/data.json", False),
        ("ldpress-validate-jsonld", ".vscode/settings.json", False),
        ("ldpress-validate-jsonld", "site/index.html", False),
        ("ldpress-validate-html", "site/index.html", True),
        ("ldpress-validate-html", "site/old.htm", True),
        ("ldpress-validate-html", "archive/2020.html.gz", True),
        ("ldpress-validate-html", "site/a.jsonld", False),
    ],
)
def test_hook_patterns(hook_id: str, path: str, taken: bool) -> None:
    assert selects(hooks()[hook_id], path) is taken


def run_entry(entry: str, files: list[Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a hook's entry as pre-commit does (entry words + file names), with this source
    tree's ldpress standing in for the installed console script."""
    words = shlex.split(entry)
    assert words[0] == "ldpress"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    cmd = [sys.executable, "-m", "ldpress", *words[1:], *map(str, files)]
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@needs_layers
@pytest.mark.parametrize("hook_id", ["ldpress-validate-jsonld", "ldpress-validate-html"])
def test_hook_entries_pass_good_files_and_fail_bad_ones(hook_id: str, tmp_path: Path) -> None:
    suffix = ".jsonld" if hook_id.endswith("jsonld") else ".html"
    bodies = {"good": GOOD_JSONLD, "bad": BAD_JSONLD}
    files = {}
    for name, body in bodies.items():
        path = tmp_path / f"{name}{suffix}"
        path.write_text(body if suffix == ".jsonld" else PAGE.format(body=body.strip()))
        assert selects(hooks()[hook_id], path.name)
        files[name] = path
    entry = hooks()[hook_id]["entry"]
    good = run_entry(entry, [files["good"]], tmp_path)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = run_entry(entry, [files["good"], files["bad"]], tmp_path)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "vocab.unknown_type" in bad.stdout
    missing = run_entry(entry, [tmp_path / "missing.html"], tmp_path)
    assert missing.returncode == 2

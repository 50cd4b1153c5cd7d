"""Fresh-machine proof: the wheel alone builds the embedded seed, writes the schemas and names
the vocabulary, outside the source tree.

The wheel is built the way ``pip install .`` builds it (an isolated build, which fetches
hatchling and mypy from the package index: the subprocesses are not under pytest-socket's
block; hatch_build.py compiles the hot validation modules with mypyc) and
installed with ``--no-deps --no-index`` into a virtual environment that sees this
environment's packages, so nothing else is downloaded.  Every command runs in an empty
directory, without PYTHONPATH, and the test asserts the venv's own copy of ldpress is the
one imported.  When the wheel cannot be built because the index is unreachable, the test
skips with that reason.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT, needs_shared

pytestmark = pytest.mark.slow

NETWORK_HINTS = (
    "Could not find a version that satisfies the requirement hatchling",
    "No matching distribution found for hatchling",
    "NewConnectionError",
    "Temporary failure in name resolution",
    "Network is unreachable",
)


def _run(args: list[str | Path], cwd: Path, timeout: int = 240) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv with the freshly built wheel installed; its bin directory."""
    base = tmp_path_factory.mktemp("install")
    wheels = base / "wheels"
    built = _run([sys.executable, "-m", "pip", "wheel", ROOT, "--no-deps", "-w", wheels], base)
    if built.returncode != 0:
        output = built.stdout + built.stderr
        if any(h in output for h in NETWORK_HINTS):
            pytest.skip("building the wheel needs hatchling from the package index, unreachable")
        pytest.fail(f"pip wheel failed:\n{output[-3000:]}")
    (wheel,) = wheels.glob("ldpress-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "ldpress/_seed/japan-dprk-talks.yaml" in names
    assert "ldpress/_seed/japan-dprk-talks.txt" in names
    assert "ldpress/_schemas/bundle.schema.json" in names
    assert "ldpress/vocab/data/schemaorg-index.json" in names
    env_dir = base / "venv"
    made = _run([sys.executable, "-m", "venv", "--system-site-packages", env_dir], base)
    assert made.returncode == 0, made.stderr
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    # --ignore-installed: this environment may have ldpress installed (editable) already;
    # the venv gets its own copy and nothing outside it is touched.
    args = ["-m", "pip", "install", "--no-deps", "--no-index", "--ignore-installed", wheel]
    installed = _run([bin_dir / "python", *args], base)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return bin_dir


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    work = tmp_path / "site"
    work.mkdir()
    return work


def test_the_venv_imports_its_own_ldpress(venv: Path, empty: Path) -> None:
    code = "import ldpress, pathlib; print(pathlib.Path(ldpress.__file__).resolve())"
    result = _run([venv / "python", "-c", code], empty)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).is_relative_to(venv.parent.resolve())


def test_build_in_an_empty_directory_writes_the_seed_bundle(venv: Path, empty: Path) -> None:
    result = _run([venv / "ldpress", "build"], empty)
    assert result.returncode == 0, result.stderr
    printed = result.stdout.split()
    assert "output/japan-dprk-talks.jsonld" in printed
    written = empty / "output" / "japan-dprk-talks.jsonld"
    assert written.read_bytes() == (ROOT / "output" / "japan-dprk-talks.jsonld").read_bytes()
    for path in printed:
        assert (empty / path).read_bytes() == (ROOT / path).read_bytes(), path
    check = _run([venv / "ldpress", "build", "--check"], empty)
    assert check.returncode == 0, check.stderr


def test_schema_command_writes_the_committed_schemas(venv: Path, empty: Path) -> None:
    result = _run([venv / "ldpress", "schema", "--out", "out-schemas"], empty)
    assert result.returncode == 0, result.stderr
    written = sorted((empty / "out-schemas").iterdir())
    committed = sorted((ROOT / "schemas").glob("*.schema.json"))
    assert [p.name for p in written] == [p.name for p in committed]
    for new, old in zip(written, committed, strict=True):
        assert new.read_bytes() == old.read_bytes(), new.name
    assert json.loads((empty / "out-schemas" / "bundle.schema.json").read_text())["$defs"]


def test_vocab_names_the_pinned_release(venv: Path, empty: Path) -> None:
    result = _run([venv / "ldpress", "vocab"], empty)
    assert result.returncode == 0, result.stderr
    assert "schema.org 30.0" in result.stdout


def _compiled_modules(venv: Path, cwd: Path) -> list[str]:
    code = (
        "import ldpress, pathlib, importlib.machinery as m\n"
        "root = pathlib.Path(ldpress.__file__).parent\n"
        "for p in sorted(root.rglob('*')):\n"
        "    if p.name.endswith(tuple(m.EXTENSION_SUFFIXES)): print(p.relative_to(root))"
    )
    result = _run([venv / "python", "-c", code], cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_wheel_compiles_the_modules_pyproject_lists(venv: Path, empty: Path) -> None:
    """With a C compiler (CI has one) every listed module is an extension in the wheel; a
    silent fall-back to pure Python would make the published speed figures untrue."""
    compiled = _compiled_modules(venv, empty)
    if not compiled and os.environ.get("CI") != "true":
        pytest.skip("the wheel was built pure Python (no C compiler, or LDPRESS_PURE is set)")
    listed = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    modules = listed["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]["compile"]
    stems = sorted(m.removeprefix("ldpress/").removesuffix(".py") for m in modules)
    assert sorted(c.split(".", 1)[0] for c in compiled) == stems


def _validate_json(python: Path, targets: list[Path], cwd: Path, src: bool) -> str:
    args = [python, "-m", "ldpress", "validate", "--no-cache", "--format", "json", "--jobs", "2"]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    if src:
        env["PYTHONPATH"] = str(ROOT / "src")
    result = subprocess.run(
        [*map(str, args), *map(str, targets)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr[-3000:]
    return result.stdout


@needs_shared
def test_the_installed_wheel_reports_what_the_sources_report(venv: Path, empty: Path) -> None:
    """The compiled wheel and the plain sources (what the rest of the suite tests) give the
    same report, byte for byte, on every corpus page, Google's samples, schema.org's examples,
    the invalid JSON-LD collection and the golden cases."""
    targets = [
        CORPUS / "html",
        CORPUS / "google-samples",
        CORPUS / "schemaorg-examples",
        CORPUS / "invalid",
        CORPUS / "claimreview",
        ROOT / "tests" / "cases",
        ROOT / "output",
    ]
    installed = _validate_json(venv / "python", targets, empty, src=False)
    sources = _validate_json(Path(sys.executable), targets, empty, src=True)
    assert json.loads(installed)["summary"]["files"] > 400
    assert installed == sources

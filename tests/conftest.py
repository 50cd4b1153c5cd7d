"""Shared fixtures: where ../shared is, and a skip marker for tests that need it.

Sockets are blocked for every test by pytest-socket (``--disable-socket`` in pyproject), so a
code path that tries the network fails loudly instead of passing by luck.
"""

from __future__ import annotations

import os
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LDPRESS_SHARED", ROOT.parent / "shared"))
SCHEMAORG = SHARED / "schemaorg"
CORPUS = SHARED / "corpus"

needs_shared = pytest.mark.skipif(
    not (SCHEMAORG / "schemaorg-current-https.jsonld").exists(),
    reason=f"needs the schema.org release and corpus in {SHARED} (present in CI, absent in a "
    "user's clone)",
)


def _imports_sources() -> bool:
    import ldpress

    return Path(ldpress.__file__).resolve().is_relative_to(ROOT / "src")


needs_sources = pytest.mark.skipif(
    not _imports_sources(),
    reason="tests the source tree's layout; this run imports an installed ldpress "
    "(tests/test_install.py checks the installed layout)",
)


def is_compiled(module: ModuleType) -> bool:
    """Whether ``module`` is a mypyc-compiled extension (the installed wheel's hot modules;
    the suite normally imports the plain sources through ``pythonpath = ["src"]``)."""
    return str(getattr(module, "__file__", "")).endswith(tuple(EXTENSION_SUFFIXES))


def pytest_report_header(config: pytest.Config) -> str:
    """Which ldpress the run tests: the sources, or an installed (compiled) wheel."""
    import ldpress

    package = Path(ldpress.__file__).parent
    compiled = [p for p in package.rglob("*") if p.name.endswith(tuple(EXTENSION_SUFFIXES))]
    return f"ldpress: {package} ({len(compiled)} compiled modules)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In CI a missing ../shared is a failure, never a silent skip."""
    if os.environ.get("CI") == "true" and not SCHEMAORG.exists():
        raise pytest.UsageError(f"CI=true but {SHARED} is missing: shared-data tests cannot run")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is absent")
    return SHARED

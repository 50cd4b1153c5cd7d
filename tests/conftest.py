"""Shared fixtures: where ../shared is, and a skip marker for tests that need it.

Sockets are blocked for every test by pytest-socket (``--disable-socket`` in pyproject), so a
code path that tries the network fails loudly instead of passing by luck.
"""

from __future__ import annotations

import os
from pathlib import Path

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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In CI a missing ../shared is a failure, never a silent skip."""
    if os.environ.get("CI") == "true" and not SCHEMAORG.exists():
        raise pytest.UsageError(f"CI=true but {SHARED} is missing: shared-data tests cannot run")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is absent")
    return SHARED

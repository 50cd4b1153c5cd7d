"""Golden cases of tests/cases/vocab/: each folder's findings equal its expected.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.golden import case_dirs, check_case

CASES = case_dirs("vocab")


def test_there_are_cases() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize("folder", CASES, ids=[c.name for c in CASES])
def test_case(folder: Path) -> None:
    check_case(folder)

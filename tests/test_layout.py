"""The package's imports point one way, as the pipeline runs (DESIGN.md, "Suggested layout"):
findings/errors ← vocab ← models ← graph, jsonld, html, authoring, schemas ← validate ←
build ← report ← cli.  Every ``import`` counts, also those inside functions (lazy imports
keep start-up light, not the layering loose)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "ldpress"
RANK = {
    "findings": 0,
    "errors": 0,
    "fsutil": 0,
    "vocab": 1,
    "models": 2,
    "graph": 3,
    "jsonld": 3,
    "html": 3,
    "authoring": 3,
    "schemas": 3,
    "validate": 4,
    "build": 5,
    "report": 6,
    "cli": 7,
}
# The public API and ``python -m ldpress`` sit on top of everything.
TOP = {"__init__", "__main__"}


def _part(module: str) -> str | None:
    """The top-level part of an ``ldpress.`` module name (None for other packages)."""
    parts = module.split(".")
    return parts[1] if parts[0] == "ldpress" and len(parts) > 1 else None


def _imports(path: Path) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            found += [(node.lineno, node.module if node.module != "ldpress" else n) for n in names]
    return found


def test_every_part_of_the_package_has_a_rank() -> None:
    parts = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()}
    parts = {p for p in parts if not p.startswith("_") and p != "py"} - {"__pycache__"}
    assert parts - RANK.keys() == set()


def test_imports_point_down_the_pipeline() -> None:
    upward: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        part = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if part in TOP:
            continue
        for line, module in _imports(path):
            target = _part(module)
            if target is None or target in TOP or target not in RANK:
                continue  # another package, or a name of ldpress/__init__.py (__version__)
            if RANK[target] > RANK[part]:
                upward.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert upward == []

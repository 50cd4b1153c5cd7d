"""What ``ldpress build --check`` finds stale besides the outputs it would write.

Two kinds of leftovers make a committed tree lie without changing any output the build
computes: a ``<slug>.jsonld``/``<slug>.html`` in the output directory whose data file was
removed or renamed (a site would keep publishing it), and a JSON Schema in ``schemas/`` that
differs from what ``ldpress schema`` would write now (editors would check data files against
an old format).  Each is one ``build.*`` error finding naming the file, so the CLI prints one
line per stale file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ldpress.findings import Finding, Severity

OUTPUT_SUFFIXES = (".jsonld", ".html")
SCHEMA_SUFFIX = ".schema.json"


def _stale(code: str, path: Path, message: str) -> Finding:
    return Finding(code, Severity.ERROR, message, str(path))


def orphaned_outputs(out: Path, slugs: Iterable[str]) -> list[Finding]:
    """Outputs in ``out`` that no data file of the run builds (``build.orphaned_output``)."""
    if not out.is_dir():
        return []
    known = set(slugs)
    return [
        _stale(
            "build.orphaned_output",
            path,
            f"no data file has slug {path.stem!r}: delete it (or restore its data file)",
        )
        for path in sorted(out.iterdir())
        if path.suffix in OUTPUT_SUFFIXES and path.is_file() and path.stem not in known
    ]


def stale_schemas(directory: Path) -> list[Finding]:
    """Schema files in ``directory`` that are missing, differ from what ``ldpress schema``
    writes, or are no longer generated (``build.stale_schema``)."""
    from ldpress.schemas import build_schemas  # generating the schemas imports pydantic's

    expected = build_schemas()
    findings = []
    for name, data in expected.items():
        path = directory / name
        current = path.read_bytes() if path.is_file() else None
        if current != data:
            state = "missing" if current is None else "out of date"
            findings.append(_stale("build.stale_schema", path, f"{state}: run ldpress schema"))
    if directory.is_dir():
        for path in sorted(directory.glob(f"*{SCHEMA_SUFFIX}")):
            if path.name not in expected:
                message = "no model generates this schema any more: delete it"
                findings.append(_stale("build.stale_schema", path, message))
    return findings

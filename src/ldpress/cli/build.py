"""``ldpress build``: data files → validated JSON-LD bundles and HTML pages.

Output files go to stdout one path per line; findings go to stderr as
``file:line:col: severity code message`` (or, with ``--format json``, everything is one JSON
object on stdout).  Exit 0 when the build succeeded (or ``--check`` found everything up to
date), 1 for invalid input or stale output, 2 for usage errors.  ``--check`` also checks the
JSON Schemas in ``--schemas`` (default: ``schemas/`` when the current directory has one, as a
checkout of a project that commits them does) and outputs whose data file is gone.
"""

from __future__ import annotations

import json
import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ldpress.errors import LdpressError
from ldpress.findings import Finding

if TYPE_CHECKING:  # the build stack (pydantic models, pyld) loads only when building
    from ldpress.build import BuildReport


class Format(StrEnum):
    text = "text"
    json = "json"


def _line(f: Finding) -> str:
    where = ":".join(str(x) for x in (f.file or "-", f.line, f.column) if x is not None)
    hint = f" ({f.hint})" if f.hint else ""
    path = f" at {f.path}" if f.path else ""
    return f"{where}: {f.severity} {f.code} {f.message}{path}{hint}"


def _emit(report: BuildReport, fmt: Format, check: bool) -> None:
    findings = sorted(report.findings, key=Finding.sort_key)
    if fmt is Format.json:
        payload = {
            "version": 1,
            "files": report.files,
            "written": [str(p) for p in report.written],
            "unchanged": [str(p) for p in report.unchanged],
            "stale": [str(p) for p in report.stale],
            "findings": [f.to_dict() for f in findings],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for path in [] if check else [*report.written, *report.unchanged]:
        typer.echo(str(path))
    for f in findings:
        typer.echo(_line(f), err=True)


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def build(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Data files or directories (default: data/, else the seed)."),
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Output directory.")] = Path("output"),
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 when outputs are stale.")
    ] = False,
    fmt: Annotated[Format, typer.Option("--format", help="Report format.")] = Format.text,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Processes (default: all cores).")
    ] = None,
    schemas: Annotated[
        Path | None,
        typer.Option(
            "--schemas", help="With --check: schema directory to check (default: ./schemas if any)."
        ),
    ] = None,
) -> None:
    """Build every data file into OUT as <slug>.jsonld and <slug>.html."""
    from ldpress.build import build_paths, seed_dir

    if not paths:
        paths = [Path("data")] if Path("data").is_dir() else [seed_dir()]
    if schemas is None and Path("schemas").is_dir():
        schemas = Path("schemas")
    try:
        report = build_paths(
            paths, out, check=check, jobs=jobs or default_jobs(), schemas_dir=schemas
        )
    except LdpressError as exc:
        typer.echo(f"ldpress build: error: {exc}", err=True)
        raise typer.Exit(2) from exc
    _emit(report, fmt, check)
    if not report.ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("build")(build)

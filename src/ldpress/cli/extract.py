"""``ldpress extract``: print the structured data of pages as JSON-LD (or per block as JSON).

Repairs and unreadable blocks are reported on stderr as ``file:line:col: severity code
message``; the other blocks are still printed.  Exit 0, or 1 when any block (or input)
could not be read, 2 for usage errors.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ldpress.findings import Finding, Severity

if TYPE_CHECKING:
    from ldpress.validate.model import Block


class ExtractFormat(StrEnum):
    JSONLD = "jsonld"
    JSON = "json"


def _diagnostic(f: Finding) -> str:
    where = ":".join(str(x) for x in (f.file or "-", f.line, f.column) if x is not None)
    return f"{where}: {f.severity} {f.code} {f.message}"


def _dump(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Pages, JSON-LD files, directories, or - for stdin.")
    ],
    output_format: Annotated[
        ExtractFormat, typer.Option("--format", help="jsonld: one document; json: per block.")
    ] = ExtractFormat.JSONLD,
    include: Annotated[
        list[str] | None, typer.Option(help="Glob of files to take from directories.")
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option(help="Glob of files to skip in directories.")
    ] = None,
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", help="Also list each block's position on stderr.")
    ] = False,
) -> None:
    """Print the structured data of pages: JSON-LD, microdata and RDFa as one JSON-LD document."""
    from ldpress.validate.extract import extract_source
    from ldpress.validate.sources import iter_sources

    documents: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []
    failed = False
    for source in iter_sources(paths, include or (), exclude or ()):
        document, findings = extract_source(source)
        documents.append(document)
        records.extend(_record(block) for block in source.blocks)
        if verbose:
            for block in source.blocks:
                typer.echo(_block_line(block), err=True)
        for finding in findings:
            typer.echo(_diagnostic(finding), err=True)
            failed = failed or finding.severity is Severity.ERROR
    if output_format is ExtractFormat.JSON:
        typer.echo(_dump(records))
    else:
        typer.echo(_dump(documents[0] if len(documents) == 1 else documents))
    if failed:
        raise typer.Exit(1)


def _record(block: Block) -> dict[str, Any]:
    return {
        "file": block.file,
        "kind": block.kind,
        "line": block.line,
        "column": block.column,
        "parsed": block.parsed,
        "data": block.data if block.parsed else None,
    }


def _block_line(block: Block) -> str:
    state = "parsed" if block.parsed else "not parsed"
    return f"{block.file}:{block.line}:{block.column}: block {block.index} ({block.kind}, {state})"


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)

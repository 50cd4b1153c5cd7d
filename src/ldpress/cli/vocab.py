"""``ldpress vocab``: show the schema.org release in use, or compile a newer one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def vocab(
    compile_file: Annotated[
        Path | None,
        typer.Option("--compile", help="Compile this schema.org release file (…-https.jsonld)."),
    ] = None,
    release: Annotated[
        str | None, typer.Option(help="Release number of the file given with --compile.")
    ] = None,
    context: Annotated[
        Path | None,
        typer.Option(help="The release's schemaorgcontext.jsonld (keeps its retired terms)."),
    ] = None,
    out: Annotated[Path, typer.Option(help="Directory for the compiled index and context.")] = Path(
        "vocab"
    ),
) -> None:
    """Print the schema.org release in use; with --compile, compile another release."""
    from ldpress.vocab import load_vocabulary
    from ldpress.vocab.store import ENV_VAR, write_compiled

    if compile_file is not None:
        if not release:
            raise typer.BadParameter("--release is required with --compile", param_hint="--release")
        _index_path, _context_path = write_compiled(compile_file, release, out, context)
        typer.echo(f"compiled schema.org {release} into {out}")
        typer.echo(f"use it with: {ENV_VAR}={out.resolve()} ldpress ...", err=True)
        return
    v = load_vocabulary()
    typer.echo(
        f"{v.label}: {len(v.types)} types, {len(v.properties)} properties, "
        f"{len(v.members)} enumeration members"
    )
    typer.echo(v.attribution)


def register(app: typer.Typer) -> None:
    app.command("vocab")(vocab)

"""``ldpress schema``: write the JSON Schemas generated from the models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def schema(
    out: Annotated[
        Path, typer.Option("--out", help="Directory to write the *.schema.json files into.")
    ] = Path("schemas"),
) -> None:
    """Write the JSON Schemas (one per node type, and the bundle) generated from the models."""
    # The pydantic models load only for this command.  The authoring format registers its
    # schema when imported (ldpress.build used to import it as a side effect).
    import ldpress.authoring  # noqa: F401
    from ldpress.schemas import write_schemas

    written = write_schemas(out)
    for path in written:
        typer.echo(str(path))
    typer.echo(f"wrote {len(written)} schemas into {out}", err=True)


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)

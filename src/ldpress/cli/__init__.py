"""The command-line interface: the only place that imports typer, prints or exits.

Each command lives in its own module with a ``register(app)`` function.  Exit codes follow
DESIGN.md: 0 nothing at or above the threshold, 1 findings (or stale output), 2 usage error
or abort.
"""

from __future__ import annotations

import sys

import typer

from ldpress.cli import build as build_cmd
from ldpress.cli import embed as embed_cmd
from ldpress.cli import extract as extract_cmd
from ldpress.cli import schema as schema_cmd
from ldpress.cli import validate as validate_cmd
from ldpress.cli import vocab as vocab_cmd
from ldpress.errors import LdpressError

app = typer.Typer(
    name="ldpress",
    help="schema.org structured data for newsrooms: build, embed, extract and validate JSON-LD.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from ldpress import __version__

        typer.echo(f"ldpress {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """schema.org structured data for newsrooms: build, embed, extract and validate JSON-LD."""


for module in (build_cmd, validate_cmd, embed_cmd, extract_cmd, schema_cmd, vocab_cmd):
    module.register(app)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except LdpressError as exc:
        print(f"ldpress: error: {exc}", file=sys.stderr)
        sys.exit(2)

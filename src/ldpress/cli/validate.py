"""``ldpress validate``: check structured data in files, pages, directories or stdin.

Results go to stdout (or ``--output FILE``, written atomically); diagnostics, the baseline
note and the progress bar go to stderr.  Exit codes follow DESIGN.md: 0 nothing at or above
``--fail-on``, 1 findings at or above it, 2 usage error or abort.
"""

from __future__ import annotations

import os
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from ldpress.errors import LdpressError, UsageError
from ldpress.findings import Severity

if TYPE_CHECKING:
    from ldpress.cli.progress import ProgressBar
    from ldpress.validate.model import Options
    from ldpress.validate.pipeline import ValidationReport

# The validation stack (pipeline, layers, report writers) is imported inside the command, so
# that `import ldpress.cli`, and with it every other command, does not pay for it.


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


class DaskMode(StrEnum):
    local = "local"


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _say(message: str) -> None:
    typer.echo(f"ldpress: {message}", err=True)


def _apply_baselines(
    report: ValidationReport, baseline: Path | None, write_to: Path | None, quiet: bool
) -> None:
    from ldpress.validate.baseline import apply_baseline, load_baseline, write_baseline

    if write_to is not None:
        write_baseline(write_to, report.findings)
        if not quiet:
            _say(f"wrote {len(report.findings)} findings to baseline {write_to}")
    if baseline is not None:
        report.findings, suppressed = apply_baseline(report.findings, load_baseline(baseline))
        if not quiet:
            _say(f"{suppressed} known findings suppressed by baseline {baseline}")


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from ldpress.fsutil import write_atomic

        write_atomic(output, text.encode("utf-8"))


def _check_warc_inputs(paths: list[str], distributed: bool) -> None:
    from ldpress.validate.warc import is_warc

    warcs = [p for p in paths if is_warc(p)]
    if warcs and not distributed:
        raise UsageError(
            f"WARC input {warcs[0]} is read on a Dask cluster: add --dask local or --scheduler"
        )


def _run(
    paths: list[str],
    options: Options,
    *,
    scheduler: str | None,
    dask: DaskMode | None,
    jobs: int,
    no_cache: bool,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    progress: ProgressBar,
    stdin: bytes | None,
) -> ValidationReport:
    """The local pipeline, or the same inputs on a Dask cluster when one is asked for."""
    if scheduler is not None and dask is not None:
        raise UsageError("give --scheduler or --dask local, not both")
    _check_warc_inputs(paths, scheduler is not None or dask is not None)
    if scheduler is None and dask is None:
        from ldpress.validate.cache import FindingCache, cache_dir_from_env
        from ldpress.validate.pipeline import validate_paths

        cache = None if no_cache else FindingCache(cache_dir_from_env())
        return validate_paths(
            paths,
            options,
            include=include,
            exclude=exclude,
            jobs=jobs,
            cache=cache,
            progress=progress,
            stdin=stdin,
        )
    from ldpress.validate.distributed import validate_distributed

    # Files are read by the workers under the names given here; stdin is sent as bytes.
    return validate_distributed(
        paths,
        options,
        scheduler=scheduler,
        local_workers=jobs,
        include=include,
        exclude=exclude,
        progress=progress,
        stdin=stdin,
    )


def progress_enabled(quiet: bool, stream: TextIO) -> bool:
    """A bar only for a person watching: stderr is a terminal and -q was not given."""
    return not quiet and stream.isatty()


def _use_colour(output: Path | None) -> bool:
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _active_profiles(options: Options) -> tuple[str, ...]:
    """The rule packs in use, for the report: those asked for, else every available pack."""
    from ldpress.validate.packs.model import select_packs

    return tuple(p.id for p in select_packs(options.profiles, options.pack_dirs))


def validate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="[PATHS...|-]", help="Files, pages, directories, or - for stdin."),
    ] = None,
    profile: Annotated[
        list[str] | None, typer.Option("--profile", help="Rule pack to apply (repeatable).")
    ] = None,
    pack_dir: Annotated[
        list[Path] | None, typer.Option("--pack-dir", help="Extra rule-pack directory.")
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="Report format.")] = (
        OutputFormat.text
    ),
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Lowest severity that fails the run.")
    ] = FailOn.error,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Processes (default: all cores).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to FILE.")
    ] = None,
    allow_context: Annotated[
        list[str] | None, typer.Option("--allow-context", help="Remote @context to allow.")
    ] = None,
    include: Annotated[
        list[str] | None, typer.Option("--include", help="Glob of files to take in directories.")
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Glob of files to skip in directories.")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Suppress findings known in FILE.")
    ] = None,
    write_baseline_to: Annotated[
        Path | None, typer.Option("--write-baseline", help="Record current findings in FILE.")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not use the cache.")] = False,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="tcp://HOST:PORT",
            help="Validate on this Dask cluster (needs ldpress[dask]; files read by workers).",
        ),
    ] = None,
    dask: Annotated[
        DaskMode | None,
        typer.Option("--dask", help="Validate on a local Dask cluster of --jobs workers."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or notes.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Timing notes.")] = False,
) -> None:
    """Validate structured data (JSON-LD, microdata, RDFa) offline."""
    from ldpress.cli.progress import ProgressBar
    from ldpress.report import SourceLines, render
    from ldpress.report.text import render_summary
    from ldpress.validate.inputs import STDIN
    from ldpress.validate.model import Options

    if not paths:
        raise typer.BadParameter("give at least one path, or - for stdin", param_hint="PATHS")
    options = Options(
        profiles=tuple(profile) if profile else None,
        pack_dirs=tuple(str(d) for d in pack_dir or ()),
        allow_context=tuple(allow_context or ()),
    )
    stdin = sys.stdin.buffer.read() if STDIN in paths else None
    bar = ProgressBar(enabled=progress_enabled(quiet, sys.stderr))
    started = time.perf_counter()
    try:
        report = _run(
            paths,
            options,
            scheduler=scheduler,
            dask=dask,
            jobs=jobs or default_jobs(),
            no_cache=no_cache,
            include=tuple(include or ()),
            exclude=tuple(exclude or ()),
            progress=bar,
            stdin=stdin,
        )
        bar.close()
        _apply_baselines(report, baseline, write_baseline_to, quiet)
        text = render(
            report,
            fmt.value,
            profiles=_active_profiles(options),
            files=report.names,
            root=Path.cwd(),
            color=_use_colour(output),
            lines=SourceLines({STDIN: stdin} if stdin is not None else None),
        )
        _emit(text, output)
    except LdpressError as exc:
        bar.close()
        _say(f"error: {exc}")
        raise typer.Exit(2) from exc
    if verbose:
        _say(f"validated in {time.perf_counter() - started:.2f} s")
    if not quiet and (fmt is not OutputFormat.text or output is not None):
        _say(render_summary(report))
    raise typer.Exit(1 if report.fails(Severity(fail_on.value)) else 0)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)

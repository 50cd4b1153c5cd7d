"""``ldpress embed``: put JSON-LD bundles into HTML pages, safely and idempotently.

``ldpress embed BUNDLE PAGE... (--in-place | --out DIR) [--dry-run] [--force]`` embeds one
bundle into pages; ``ldpress embed --site DIR --map FILE (--in-place | --out DIR)`` embeds the
bundles a map file assigns to the site's pages (see :mod:`ldpress.html.site`).  ``--dry-run``
prints a unified diff on stdout and writes nothing.  Problems and the summary go to stderr.
Exit codes: 0 every page done, 1 some page or bundle refused, 2 usage error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ldpress.findings import Finding, Severity
from ldpress.html.embed import DEFAULT_MARKER

if TYPE_CHECKING:  # batch and site load the validator: imported when the command runs
    from ldpress.html.batch import PageOutcome


def embed(
    args: Annotated[
        list[Path] | None, typer.Argument(help="BUNDLE then PAGE...; none in --site mode.")
    ] = None,
    in_place: Annotated[bool, typer.Option("--in-place", help="Rewrite each page.")] = False,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write pages under DIR (same relative paths).")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print a unified diff; write nothing.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Embed despite bundle warnings (never errors).")
    ] = False,
    site: Annotated[
        Path | None, typer.Option("--site", help="Site directory (with --map).")
    ] = None,
    map_file: Annotated[
        Path | None, typer.Option("--map", help="JSON/YAML map: page glob -> bundle path.")
    ] = None,
    marker: Annotated[
        str, typer.Option(help="Text of the marker comment, as in <!-- ldpress -->.")
    ] = DEFAULT_MARKER,
) -> None:
    """Embed a JSON-LD bundle into HTML pages (end of <head>, or at <!-- ldpress -->)."""
    _check_usage(args or [], in_place, out, dry_run, site, map_file)
    base = site if site is not None else Path.cwd()
    jobs, failed = _jobs(args or [], site, map_file)
    bundles: dict[Path, Any] = {}
    for bundle_path in dict.fromkeys(jobs.values()):
        bundle, ok = _checked_bundle(bundle_path, force)
        if ok:
            bundles[bundle_path] = bundle
    target_dir = None if in_place else out
    outcomes = _embed_pages(jobs, bundles, target_dir, base, dry_run, marker, failed)
    _summary(len(jobs), outcomes, failed, dry_run)
    if failed:
        raise typer.Exit(1)


def _embed_pages(
    jobs: dict[Path, Path],
    bundles: dict[Path, Any],
    out: Path | None,
    base: Path,
    dry_run: bool,
    marker: str,
    failed: list[str],
) -> list[PageOutcome]:
    """Embed each page on its own; refusals are appended to ``failed`` and the batch goes on."""
    from ldpress.html.batch import embed_file, output_path

    outcomes: list[PageOutcome] = []
    for page, bundle_path in jobs.items():
        if bundle_path not in bundles:
            failed.append(f"{page} (bundle {bundle_path} refused)")
            continue
        target = page if out is None else output_path(page, out, base)
        if isinstance(target, Finding):
            _echo_finding(target)
            failed.append(f"{page} ({target.code})")
            continue
        outcome = embed_file(page, bundles[bundle_path], target, dry_run=dry_run, marker=marker)
        _report_page(outcome, dry_run)
        outcomes.append(outcome)
        if outcome.failed:
            failed.append(f"{page} ({', '.join(sorted({f.code for f in outcome.findings}))})")
    return outcomes


def _check_usage(
    args: list[Path],
    in_place: bool,
    out: Path | None,
    dry_run: bool,
    site: Path | None,
    map_file: Path | None,
) -> None:
    if in_place and out is not None:
        raise typer.BadParameter("use --in-place or --out DIR, not both")
    if not (in_place or out is not None or dry_run):
        raise typer.BadParameter("say where pages go: --in-place, --out DIR or --dry-run")
    if (site is None) != (map_file is None):
        raise typer.BadParameter("--site DIR and --map FILE go together")
    if site is not None and args:
        raise typer.BadParameter("--site mode takes no BUNDLE or PAGE arguments")
    if site is None and len(args) < 2:
        raise typer.BadParameter("give a BUNDLE and at least one PAGE (or --site and --map)")
    if site is not None and not site.is_dir():
        raise typer.BadParameter(f"--site {site} is not a directory")


def _jobs(
    args: list[Path], site: Path | None, map_file: Path | None
) -> tuple[dict[Path, Path], list[str]]:
    """Page → bundle path, and the pages already known to fail (site map problems)."""
    if site is None or map_file is None:
        return dict.fromkeys(args[1:], args[0]), []
    from ldpress.html.site import load_site_map, plan_site

    plan = plan_site(site, load_site_map(map_file))
    failed: list[str] = []
    for finding in plan.findings:
        _echo_finding(finding)
        if finding.severity is Severity.ERROR:
            failed.append(f"{finding.file or map_file} ({finding.code})")
    return plan.pages, failed


def bundle_checker() -> Callable[[Any], list[Finding]]:
    """The build's checks on a bundle (the validator's layers, what ``ldpress build`` runs on
    its own output), imported on first use."""
    from ldpress.build.check import check_bundle_object

    return check_bundle_object


def _checked_bundle(path: Path, force: bool) -> tuple[Any, bool]:
    from ldpress.html.batch import bundle_refusals, load_bundle

    bundle, problems = load_bundle(path)
    if problems:
        for finding in problems:
            _echo_finding(finding)
        return None, False
    ok, findings = bundle_refusals(bundle, str(path), checker=bundle_checker(), force=force)
    for finding in findings:
        _echo_finding(finding)
    if not ok:
        why = "errors" if any(f.severity is Severity.ERROR for f in findings) else "warnings"
        extra = " (--force embeds despite warnings)" if why == "warnings" else ""
        typer.echo(f"ldpress embed: bundle {path} refused: it has {why}{extra}", err=True)
    return bundle, ok


def _report_page(outcome: PageOutcome, dry_run: bool) -> None:
    for finding in outcome.findings:
        _echo_finding(finding)
    if dry_run and outcome.diff:
        typer.echo(outcome.diff, nl=False)


def _echo_finding(f: Finding) -> None:
    where = f.file or "-"
    if f.line is not None:
        where += f":{f.line}"
    path = f" at {f.path}" if f.path else ""
    hint = f" (hint: {f.hint})" if f.hint else ""
    typer.echo(f"{where}: {f.severity} {f.code}{path}: {f.message}{hint}", err=True)


def _summary(total: int, outcomes: list[PageOutcome], failed: list[str], dry_run: bool) -> None:
    done = [o for o in outcomes if not o.failed]
    changed = sum(1 for o in done if o.result is not None and o.result.changed)
    verb = "would change" if dry_run else "changed"
    typer.echo(
        f"ldpress embed: {total} page(s): {changed} {verb}, {len(done) - changed} unchanged, "
        f"{len(failed)} refused",
        err=True,
    )
    for item in failed:
        typer.echo(f"  refused: {item}", err=True)


def register(app: typer.Typer) -> None:
    app.command("embed")(embed)

"""Embed bundles into page files: check the bundle, derive safe output paths, write atomically.

The file-level half of ``ldpress embed``.  A bundle is checked once before any page is touched
(errors always refuse, warnings refuse unless forced).  Each page is then handled on its own so
that one refused page never stops the others: an output path that would leave the output
directory, a page that cannot be placed, or a failed write becomes a finding for that page.
Writes go through :func:`ldpress.fsutil.write_atomic`, so the original page is intact after any
failure and keeps its file mode.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ldpress.errors import InputError
from ldpress.findings import Finding, Severity
from ldpress.fsutil import write_atomic
from ldpress.html.embed import DEFAULT_MARKER, EmbedResult, embed_page
from ldpress.html.pagebytes import read_page_bytes

Checker = Callable[[Any], list[Finding]]


@dataclass(slots=True)
class PageOutcome:
    """What happened to one page file."""

    source: Path
    target: Path | None
    result: EmbedResult | None = None
    findings: list[Finding] = field(default_factory=list)
    written: bool = False
    diff: str = ""

    @property
    def failed(self) -> bool:
        """True when the page was refused or could not be read or written."""
        return any(f.severity is Severity.ERROR for f in self.findings) or self.result is None


def load_bundle(path: Path) -> tuple[Any, list[Finding]]:
    """The parsed bundle, or findings saying why it cannot be used (missing file aborts)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read bundle {path}: {exc.strerror or exc}") from exc
    try:
        return json.loads(raw), []
    except (ValueError, UnicodeDecodeError) as exc:
        msg = f"the bundle is not valid JSON: {exc}"
        return None, [Finding("embed.bundle_not_json", Severity.ERROR, msg, file=str(path))]


def bundle_refusals(
    bundle: Any, name: str, *, checker: Checker, force: bool = False
) -> tuple[bool, list[Finding]]:
    """Run the checker (the CLI passes the build's, ``ldpress.build.check.check_bundle_object``:
    this module sits below the build); ``(ok, findings)`` where ok is False on errors, or
    warnings unforced."""
    findings = [f.located(file=name) for f in checker(bundle)]
    worst = {f.severity for f in findings}
    ok = Severity.ERROR not in worst and (force or Severity.WARNING not in worst)
    return ok, findings


def output_path(page: Path, out_dir: Path, base: Path | None = None) -> Path | Finding:
    """Where ``page`` goes under ``out_dir``, keeping its path relative to ``base`` (or cwd).

    Refused when the result would be outside ``out_dir`` (``..`` in the page path, an absolute
    path elsewhere, a symlink inside ``out_dir`` that points out of it).
    """
    base = base if base is not None else Path.cwd()
    rel = Path(os.path.relpath(page.absolute(), base.absolute()))
    target = out_dir / rel
    root = out_dir.resolve()
    resolved = target.resolve()
    if resolved == root or not resolved.is_relative_to(root):
        return Finding(
            "embed.outside_output_dir",
            Severity.ERROR,
            f"{page} would be written to {target}, outside the output directory {out_dir}",
            file=str(page),
        )
    return target


def embed_file(
    source: Path,
    bundle: Any,
    target: Path,
    *,
    dry_run: bool = False,
    marker: str | None = DEFAULT_MARKER,
) -> PageOutcome:
    """Embed ``bundle`` into the page at ``source`` and write it to ``target`` (atomically)."""
    outcome = PageOutcome(source, target)
    try:
        raw = source.read_bytes()
    except OSError as exc:
        msg = f"cannot read {source}: {exc.strerror or exc}"
        outcome.findings.append(Finding("embed.unreadable", Severity.ERROR, msg, file=str(source)))
        return outcome
    result = embed_page(raw, bundle, marker=marker, name=str(source))
    outcome.result = result
    outcome.findings.extend(result.findings)
    if result.page is None:
        return outcome
    if dry_run:
        outcome.diff = render_diff(raw, result.page, str(source), str(target))
        return outcome
    if result.changed or target.absolute() != source.absolute():
        try:
            write_atomic(target, result.page)
        except OSError as exc:
            msg = f"cannot write {target}: {exc.strerror or exc}; the original is unchanged"
            outcome.findings.append(
                Finding("embed.write_failed", Severity.ERROR, msg, file=str(source))
            )
            return outcome
        outcome.written = True
    return outcome


def render_diff(old: bytes, new: bytes, old_name: str, new_name: str) -> str:
    """A unified diff of two versions of a page, as text (empty when they are equal)."""
    if old == new:
        return ""
    lines = difflib.unified_diff(
        _display_text(old).splitlines(keepends=True),
        _display_text(new).splitlines(keepends=True),
        fromfile=old_name,
        tofile=new_name,
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _display_text(raw: bytes) -> str:
    page = read_page_bytes(raw)
    if not isinstance(page, Finding) and page.encoding.startswith("utf-16"):
        return page.text
    return raw.decode("utf-8", errors="replace")

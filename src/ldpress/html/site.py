"""Site mode for ``ldpress embed``: a map file says which bundle goes into which pages.

The map is a JSON or YAML object (YAML loaded with the safe loader).  Each key is a page path
or glob relative to the site directory (``*``, ``?``, ``[...]`` and ``**`` for any depth);
each value is a bundle path relative to the map file's own directory::

    # embed-map.yaml
    index.html: bundles/home.jsonld
    "news/**/*.html": bundles/news.jsonld

A page matched by two entries with different bundles is refused (each run would overwrite the
other's block); a pattern that matches no page is reported as a warning; a page outside the
site directory (``..`` in a pattern, a symlink out of it) is refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ldpress.errors import InputError
from ldpress.findings import Finding, Severity


@dataclass(slots=True)
class SitePlan:
    """Pages to embed, each with its bundle, and what the map got wrong."""

    pages: dict[Path, Path] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def load_site_map(map_file: Path) -> dict[str, Path]:
    """Patterns and absolute bundle paths from ``map_file``; a malformed map aborts."""
    try:
        text = map_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read site map {map_file}: {exc}") from exc
    try:
        data = json.loads(text) if map_file.suffix.lower() == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise InputError(f"site map {map_file} is not valid JSON or YAML: {exc}") from exc
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise InputError(
            f"site map {map_file} must be an object of page glob -> bundle path (strings)"
        )
    return {k: (map_file.parent / v) for k, v in data.items()}


def plan_site(site_dir: Path, mapping: dict[str, Path]) -> SitePlan:
    """Expand the map's patterns under ``site_dir`` into page → bundle pairs."""
    plan = SitePlan()
    root = site_dir.resolve()
    conflicts: set[Path] = set()
    for pattern, bundle in mapping.items():
        try:
            matches = sorted(p for p in site_dir.glob(pattern) if p.is_file())
        except (NotImplementedError, ValueError):  # absolute or empty patterns
            matches = []
        if not matches:
            msg = f"site map pattern {pattern!r} matches no page in {site_dir}"
            plan.findings.append(Finding("embed.map_unmatched", Severity.WARNING, msg))
        for page in matches:
            if not page.resolve().is_relative_to(root):
                plan.findings.append(_outside(page, site_dir))
                continue
            known = plan.pages.setdefault(page, bundle)
            if known.resolve() != bundle.resolve():
                conflicts.add(page)
    for page in sorted(conflicts):
        del plan.pages[page]
        msg = f"{page} is matched by site map entries with different bundles"
        plan.findings.append(Finding("embed.map_conflict", Severity.ERROR, msg, file=str(page)))
    return plan


def _outside(page: Path, site_dir: Path) -> Finding:
    return Finding(
        "embed.outside_site_dir",
        Severity.ERROR,
        f"{page} is outside the site directory {site_dir}; it was not touched",
        file=str(page),
    )

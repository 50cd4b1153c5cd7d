"""The build pipeline: data files → validated JSON-LD bundles and pages, written atomically."""

from __future__ import annotations

from ldpress.build.check import bundle_schema, check_bundle
from ldpress.build.jsonld import subset_context, to_bundle
from ldpress.build.page import render_page
from ldpress.build.pipeline import (
    BuildReport,
    FileResult,
    build_file,
    build_paths,
    discover,
    render_bundle,
    seed_dir,
)

__all__ = [
    "BuildReport",
    "FileResult",
    "build_file",
    "build_paths",
    "bundle_schema",
    "check_bundle",
    "discover",
    "render_bundle",
    "render_page",
    "seed_dir",
    "subset_context",
    "to_bundle",
]

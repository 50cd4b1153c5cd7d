"""Stable node identifiers and safe output names.

A node's ``@id`` is the article's canonical URL plus ``#`` plus its local key, so ids are
stable across builds and readable in any consumer.  Slugs become file names; they are checked
here so that no slug can name a path outside the output directory.
"""

from __future__ import annotations

import re
from pathlib import Path

from ldpress.errors import UsageError

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG = 100


def mint_id(url: str, key: str) -> str:
    """``https://example.org/a`` + ``person-x`` → ``https://example.org/a#person-x``."""
    return f"{url.split('#', 1)[0]}#{key}"


def document_of(iri: str) -> str:
    """The document part of an IRI (everything before ``#``)."""
    return iri.split("#", 1)[0]


def is_safe_slug(slug: str) -> bool:
    return len(slug) <= MAX_SLUG and bool(_SLUG.match(slug))


def output_path(out_dir: Path, slug: str, suffix: str) -> Path:
    """``out_dir/slug.suffix``; raises :class:`UsageError` for a slug that could escape.

    The slug pattern already forbids separators and dots; the resolved-parent check is the
    second line of defence should the pattern ever be loosened.
    """
    if not is_safe_slug(slug):
        raise UsageError(f"unsafe output slug {slug!r}")
    path = out_dir / f"{slug}.{suffix}"
    if path.resolve().parent != out_dir.resolve():
        raise UsageError(f"output slug {slug!r} escapes {out_dir}")
    return path

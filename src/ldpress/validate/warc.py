"""Read the HTML pages of a crawl stored as WARC, so it can be validated where it lies.

:func:`iter_warc_pages` streams the ``response`` records of one WARC file (plain or gzipped,
as warcio reads both) whose HTTP ``Content-Type`` is HTML, as ``(target URI, body)`` pairs:
the body with its transfer and content encodings undone, ready for
:func:`ldpress.validate.sources.load_source`.  :func:`bag_from_warcs` makes a ``dask.bag``
with one partition per WARC file, so each worker reads its own file and nothing but the
findings crosses the network.  warcio and dask are optional extras, imported on first use.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ldpress.errors import InputError, UsageError

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_EXTRA = "pip install 'ldpress[warc]' (or 'ldpress[dask]', which includes it)"


def is_warc(name: str) -> bool:
    """True when ``name`` looks like a WARC file (``.warc`` or ``.warc.gz``)."""
    return name.lower().endswith(WARC_SUFFIXES)


def _archive_iterator() -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:
        raise UsageError(f"reading WARC files needs warcio: {WARC_EXTRA}") from exc
    return ArchiveIterator


def _is_html(record: Any) -> bool:
    headers = record.http_headers
    if headers is None:  # a response record without HTTP headers (e.g. dns:)
        return False
    content_type = (headers.get_header("Content-Type") or "").split(";", 1)[0]
    return content_type.strip().lower() in HTML_TYPES


def iter_warc_pages(path: str | os.PathLike[str]) -> Iterator[tuple[str, bytes]]:
    """``(target URI, body)`` for each HTML response record of the WARC file at ``path``, in
    file order.  Raises :class:`InputError` when the file cannot be read or is not a WARC."""
    archive_iterator = _archive_iterator()
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with Path(path).open("rb") as fh:
            for record in archive_iterator(fh):
                if record.rec_type != "response" or not _is_html(record):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                yield uri, record.content_stream().read()
    except OSError as exc:
        raise InputError(f"cannot read WARC file {os.fspath(path)}: {exc}") from exc
    except ArchiveLoadFailed as exc:
        raise InputError(f"not a readable WARC file {os.fspath(path)}: {exc}") from exc


def _pages_of(paths: Iterable[str]) -> Iterator[tuple[str, bytes]]:
    # A generator, so dask fuses it with the validation step: a partition's pages stream
    # through one at a time instead of a whole WARC file being held in memory.
    for p in paths:
        yield from iter_warc_pages(p)


def bag_from_warcs(paths: Sequence[str | os.PathLike[str]]) -> Any:
    """A ``dask.bag.Bag`` of ``(target URI, body)`` records with one partition per WARC file,
    in the order given.  The paths are opened by the workers, so they must be readable there
    (a shared file system, or the machine the WARC files are on)."""
    from ldpress.validate.dask_cluster import require_dask

    require_dask()
    _archive_iterator()
    import dask.bag as db

    names = [os.fspath(p) for p in paths]
    if not names:
        raise UsageError("no WARC files given")
    return db.from_sequence(names, npartitions=len(names)).map_partitions(_pages_of)

"""Validate on a Dask cluster: a ``dask.bag`` of inputs in, one report out, identical to a
local run.

:func:`validate_bag` takes a bag whose items are paths (``str``, read by the worker that
validates them) or ``(name, bytes)`` records (a page sent with its display name, or read from
a WARC file by :func:`ldpress.validate.warc.bag_from_warcs`).  Each partition runs the local
pipeline's own per-file step, :func:`ldpress.validate.pipeline.validate_source` after the
same source loader, and sends back only each file's name, block count and findings; the
client gathers the partitions in order, so files, findings and counts come out exactly as
from ``validate_paths(..., jobs=1)``.  :func:`validate_distributed` is what ``ldpress
validate --dask local`` / ``--scheduler`` runs: it lists the inputs like the local pipeline,
connects to (or starts) a cluster, and first checks that every worker would produce the same
findings as this process (same ldpress code, vocabulary, options and packs), since a worker
with another version would silently change the report.  The distributed run does not use the
finding cache: workers have no common cache directory.  dask is an optional extra, imported
only when used (see :mod:`ldpress.validate.dask_cluster`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ldpress.errors import LdpressError, UsageError
from ldpress.findings import Finding
from ldpress.validate.dask_cluster import (
    check_workers,
    cluster_failures,
    open_client,
    require_dask,
)
from ldpress.validate.inputs import InputItem, Walker, iter_inputs
from ldpress.validate.model import Layer, Options
from ldpress.validate.pipeline import (
    Progress,
    ProgressCallback,
    SourceLoader,
    ValidationReport,
    _unreadable,
    validate_source,
)
from ldpress.validate.warc import is_warc

FILES_PER_PARTITION = 64  # bounds the partitions of a big site; small sites get 4 per worker

BagItem = str | tuple[str, bytes]


@dataclass(frozen=True, slots=True)
class _Plan:
    """What each partition needs; one opaque object, so dask never mistakes a list of
    callable layers for tasks of its own graph."""

    options: Options
    layers: Sequence[Layer]
    loader: SourceLoader


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What a worker sends back for one input: picklable, and only the findings."""

    name: str
    blocks: int
    findings: list[Finding]


def _as_item(raw: BagItem) -> InputItem:
    if isinstance(raw, str):
        return InputItem(raw, path=raw)
    if isinstance(raw, tuple) and len(raw) == 2 and isinstance(raw[1], bytes):
        return InputItem(str(raw[0]), data=raw[1])
    raise UsageError(f"a bag item must be a path or a (name, bytes) pair, not {type(raw)}")


def _validate_item(item: InputItem, plan: _Plan) -> FileOutcome:
    # The per-file step of ldpress.validate.pipeline (_process without the cache), so a
    # worker reports exactly what a local run reports for the same bytes.
    try:
        data = item.read()
    except OSError as exc:
        result = _unreadable(item, exc)
        return FileOutcome(item.name, result.blocks, result.findings)
    source = plan.loader(item.name, data)
    findings = validate_source(source, plan.options, plan.layers)
    return FileOutcome(item.name, len(source.blocks), findings)


def _validate_partition(items: Iterable[BagItem], plan: _Plan) -> list[FileOutcome]:
    return [_validate_item(_as_item(raw), plan) for raw in items]


_Wired = tuple[Sequence[Layer], SourceLoader]


def _wiring(layers: Sequence[Layer] | None, loader: SourceLoader | None) -> _Wired:
    from ldpress.validate import layers as wiring

    return (
        wiring.default_layers() if layers is None else layers,
        wiring.default_loader() if loader is None else loader,
    )


def _partition_results(mapped: Any, client: Any) -> Iterator[list[FileOutcome]]:
    """Each partition's outcomes, in partition order; with a client, partition by partition
    as they are gathered (progress can follow), else all at once on dask's active scheduler."""
    from dask.base import compute

    parts = mapped.to_delayed()
    if client is None:
        yield from compute(*parts)
        return
    futures = client.compute(parts)
    for future in futures:
        yield future.result()
        future.release()  # the worker may drop it now


def validate_bag(
    bag: Any,
    options: Options,
    *,
    client: Any = None,
    layers: Sequence[Layer] | None = None,
    loader: SourceLoader | None = None,
    progress: ProgressCallback | None = None,
    total: int = 0,
) -> ValidationReport:
    """Validate every item of ``bag`` (paths, or ``(name, bytes)`` records) and return one
    report, in bag order, identical to the local pipeline's on the same inputs.

    ``client`` is a ``distributed.Client`` to run on (default: dask's active scheduler, e.g.
    the client made current by ``with Client(...)``).  ``layers`` and ``loader`` default to
    the wiring of :mod:`ldpress.validate.layers` and must pickle.  ``progress`` is called
    after each partition with ``total`` as the expected file count (0 when unknown).
    """
    require_dask()
    plan = _Plan(options, *_wiring(layers, loader))
    mapped = bag.map_partitions(_validate_partition, plan)
    report = ValidationReport()
    for outcomes in _partition_results(mapped, client):
        for outcome in outcomes:
            report.names.append(outcome.name)
            report.files += 1
            report.blocks += outcome.blocks
            report.extend(outcome.findings)
        if progress is not None:
            done = report.files
            progress(Progress(done, max(total, done), len(report.findings)))
    return report


def _segments(items: Sequence[InputItem]) -> Iterator[tuple[bool, list[InputItem]]]:
    """Runs of consecutive inputs, each flagged True when it is one WARC file."""
    run: list[InputItem] = []
    for it in items:
        if it.path is not None and is_warc(it.name):
            if run:
                yield False, run
                run = []
            yield True, [it]
        else:
            run.append(it)
    if run:
        yield False, run


def bag_from_inputs(items: Sequence[InputItem], *, partition_size: int | None = None) -> Any:
    """A bag of ``items`` in order: files as paths (read on the workers, so they must be
    readable there under the same name), in-memory inputs (stdin) as ``(name, bytes)``, and
    each WARC file as its own partition of ``(target URI, body)`` pages."""
    require_dask()
    import dask.bag as db

    from ldpress.validate.warc import bag_from_warcs

    size = partition_size or max(1, min(FILES_PER_PARTITION, len(items) // 8))
    bags = []
    for warc, run in _segments(items):
        if warc:
            bags.append(bag_from_warcs([it.name for it in run]))
            continue
        raw: list[BagItem] = [it.path or (it.name, it.read()) for it in run]
        bags.append(db.from_sequence(raw, partition_size=size))
    if not bags:
        raise UsageError("nothing to validate")
    return bags[0] if len(bags) == 1 else db.concat(bags)


def _partition_size(files: int, workers: int) -> int:
    # About four partitions per worker balances uneven pages; the cap bounds what one
    # partition holds in memory and what a lost worker costs to recompute.
    return max(1, min(FILES_PER_PARTITION, -(-files // (4 * max(1, workers)))))


def validate_distributed(
    paths: Iterable[str | os.PathLike[str]],
    options: Options,
    *,
    scheduler: str | None = None,
    local_workers: int = 1,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    stdin: bytes | None = None,
    progress: ProgressCallback | None = None,
    walker: Walker | None = None,
    client: Any = None,
) -> ValidationReport:
    """Validate the inputs named by ``paths`` (as :func:`ldpress.validate.pipeline.
    validate_paths` lists them, plus ``.warc``/``.warc.gz`` files) on ``client``, else on the
    Dask cluster at ``scheduler``, else on a local cluster of ``local_workers`` processes.
    Files are read by the workers; stdin is sent as bytes."""
    require_dask()
    from ldpress.validate import layers as wiring

    items = list(
        iter_inputs(paths, walker or wiring.default_walker(), include, exclude, stdin=stdin)
    )
    if not items:  # an empty directory: the local run's empty report, no cluster needed
        return ValidationReport()
    if client is not None:
        return _validate_items(client, items, options, progress)
    with open_client(scheduler, local_workers) as opened:
        return _validate_items(opened, items, options, progress)


def _validate_items(
    client: Any, items: Sequence[InputItem], options: Options, progress: ProgressCallback | None
) -> ValidationReport:
    layers, loader = _wiring(None, None)
    check_workers(client, options, layers)
    workers = len(client.scheduler_info().get("workers", {}))
    bag = bag_from_inputs(items, partition_size=_partition_size(len(items), workers))
    total = sum(1 for it in items if not (it.path is not None and is_warc(it.name)))
    try:
        return validate_bag(
            bag,
            options,
            client=client,
            layers=layers,
            loader=loader,
            progress=progress,
            total=total,
        )
    except cluster_failures() as exc:  # an abort with a message, not a traceback
        raise LdpressError(f"the Dask cluster failed: {type(exc).__name__}: {exc}") from exc

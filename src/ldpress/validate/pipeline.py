"""Run the validation layers over many inputs and gather one :class:`ValidationReport`.

The pipeline lists the inputs first (names only: files, directory contents, ``-`` for
stdin), then streams them one at a time through the source loader and the layers, keeping
only the findings, so memory stays flat however large the site.  With ``jobs > 1`` the
files go to a forked process pool in chunks and the results are taken back in input order,
so the report is identical to a one-process run.  An optional cache skips files whose
findings are already known.  The library never prints: progress is a callback.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ldpress.errors import LdpressError
from ldpress.findings import Finding, Report, Severity
from ldpress.validate.cache import BoundCache, FileResult, FindingCache
from ldpress.validate.inputs import READ_LIMIT, InputItem, Walker, iter_inputs
from ldpress.validate.layers import resolve_all
from ldpress.validate.model import Context, Layer, Options, Source


class SourceLoader(Protocol):
    """``load_source(name, data) -> Source`` of ldpress.validate.sources (extra parameters
    with defaults are fine)."""

    def __call__(self, name: str, data: bytes, /) -> Source: ...


@dataclass(frozen=True, slots=True)
class Progress:
    """What a progress display needs after each file: files done of total, findings so far."""

    done: int
    total: int
    findings: int


ProgressCallback = Callable[[Progress], None]


@dataclass(slots=True)
class ValidationReport(Report):
    """A :class:`Report` that also names the files read, in input order (junit needs them)."""

    names: list[str] = field(default_factory=list)


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    # Exact duplicates carry no information (a loader and a layer may both report the same
    # syntax repair); the sort makes the output independent of layer scheduling.
    unique = dict.fromkeys(findings)
    return sorted(unique, key=lambda f: (f.sort_key(), f.message, f.node_id or ""))


def _crash(layer: Layer, exc: Exception) -> Finding:
    name = getattr(layer, "__module__", "?") + "." + getattr(layer, "__qualname__", "?")
    return Finding(
        "internal.layer_crashed",
        Severity.ERROR,
        f"layer {name} crashed on this input: {type(exc).__name__}: {exc}",
        hint="this is a bug in ldpress; please report it with the input",
    )


def validate_source(source: Source, options: Options, layers: Sequence[Layer]) -> list[Finding]:
    """Every finding the layers report on one source, located in ``source.file``,
    deduplicated and sorted deterministically.  What the loader found while reading (input
    problems, syntax repairs) is reported by the syntax layer, the first of the defaults.

    A layer that raises anything but an :class:`LdpressError` (an abort) becomes one
    ``internal.layer_crashed`` error so one bug never hides the other layers or files.
    """
    found: list[Finding] = []
    ctx = Context(options=options)
    for layer in layers:
        try:
            found.extend(layer(source, ctx))
        except LdpressError:
            raise
        except Exception as exc:
            found.append(_crash(layer, exc))
    if not options.infos:
        found = [f for f in found if f.severity is not Severity.INFO]
    # Layers mostly set ``file`` already: copying those findings would change nothing.
    return _ordered(f if f.file is not None else f.located(file=source.file) for f in found)


@dataclass(slots=True)
class _Run:
    """What a worker needs; set before the pool forks so nothing here is pickled."""

    options: Options
    layers: Sequence[Layer]
    loader: SourceLoader
    cache: BoundCache | None


_RUN: _Run | None = None


def _unreadable(item: InputItem, exc: OSError) -> FileResult:
    message = f"cannot read the file: {exc.strerror or exc}"
    return FileResult(0, [Finding("input.unreadable", Severity.ERROR, message, file=item.name)])


def _process(item: InputItem) -> FileResult:
    run = _RUN
    assert run is not None, "pipeline worker started without a run"
    try:
        data = item.read()
    except OSError as exc:  # vanished or unreadable since listed: a finding, never cached
        return _unreadable(item, exc)
    source = run.loader(item.name, data)
    result = FileResult(
        blocks=len(source.blocks), findings=validate_source(source, run.options, run.layers)
    )
    if run.cache is not None:
        run.cache.put(item.name, data, result)
    return result


def _cached(items: list[InputItem], cache: BoundCache | None) -> dict[int, FileResult]:
    """The results the cache already holds, by input index.  Looked up here, before any
    worker starts, so a fully cached run never imports the layers or forks a pool."""
    hits: dict[int, FileResult] = {}
    if cache is None:
        return hits
    for i, item in enumerate(items):
        try:
            if item.path is None:
                hit = cache.get(item.name, item.read())
            else:
                hit = cache.lookup(item.name, item.path, READ_LIMIT)
        except OSError:
            continue  # _process reports it
        if hit is not None:
            hits[i] = hit
    cache.save_index()
    return hits


def _computed(items: list[InputItem], jobs: int) -> Iterator[FileResult]:
    if jobs <= 1 or len(items) < 2:
        yield from map(_process, items)
        return
    run = _RUN
    assert run is not None
    resolve_all([*run.layers, run.loader])  # import once here rather than in every worker
    workers = min(jobs, len(items))
    # Chunks amortise the inter-process round trip; four chunks per worker keep the pool
    # balanced when some pages are much slower than others.
    chunk = max(1, min(64, len(items) // (workers * 4)))
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_process, items, chunksize=chunk)


def _results(items: list[InputItem], jobs: int, cache: BoundCache | None) -> Iterator[FileResult]:
    """One result per input, in input order: cache hits, and the misses computed in order."""
    hits = _cached(items, cache)
    computed = _computed([it for i, it in enumerate(items) if i not in hits], jobs)
    for i in range(len(items)):
        yield hits.pop(i) if i in hits else next(computed)


@dataclass(frozen=True, slots=True)
class FileDone:
    """One validated input, as :func:`iter_results` streams it: its name, its position and
    the number of inputs, and its result."""

    name: str
    index: int
    total: int
    result: FileResult


def iter_results(
    paths: Iterable[str | os.PathLike[str]],
    options: Options,
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    jobs: int = 1,
    cache: FindingCache | None = None,
    layers: Sequence[Layer] | None = None,
    loader: SourceLoader | None = None,
    walker: Walker | None = None,
    stdin: bytes | None = None,
) -> Iterator[FileDone]:
    """Validate every input named by ``paths``, yielding each file's result in input order
    as soon as it is known and keeping nothing: memory stays flat however many files (only
    the list of input names is held).  Arguments as :func:`validate_paths`."""
    global _RUN
    if layers is None or loader is None or walker is None:
        from ldpress.validate import layers as wiring

        layers = wiring.default_layers() if layers is None else layers
        loader = wiring.default_loader() if loader is None else loader
        walker = wiring.default_walker() if walker is None else walker
    items = list(iter_inputs(paths, walker, include, exclude, stdin=stdin))
    # A run without infos holds fewer findings than the cache key (which does not name
    # ``infos``) promises, so it neither reads nor fills the cache.
    bound = cache.bind(options, layers) if cache is not None and options.infos else None
    _RUN = _Run(options, layers, loader, bound)
    try:
        for i, (item, result) in enumerate(zip(items, _results(items, jobs, bound), strict=True)):
            yield FileDone(item.name, i, len(items), result)
    finally:
        _RUN = None


def validate_paths(
    paths: Iterable[str | os.PathLike[str]],
    options: Options,
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    jobs: int = 1,
    cache: FindingCache | None = None,
    layers: Sequence[Layer] | None = None,
    loader: SourceLoader | None = None,
    walker: Walker | None = None,
    progress: ProgressCallback | None = None,
    stdin: bytes | None = None,
) -> ValidationReport:
    """Validate every input named by ``paths`` and return one report: findings sorted per
    file, files in input order, files and blocks counted.  Raises :class:`InputError` for a
    path that does not exist; a file that cannot be read is an ``input.unreadable`` finding.
    ``layers``, ``loader`` and ``walker`` default to the wiring of
    :mod:`ldpress.validate.layers`.  The report holds every finding; :func:`iter_results`
    streams them instead."""
    report = ValidationReport()
    for done in iter_results(
        paths,
        options,
        include=include,
        exclude=exclude,
        jobs=jobs,
        cache=cache,
        layers=layers,
        loader=loader,
        walker=walker,
        stdin=stdin,
    ):
        report.names.append(done.name)
        report.files += 1
        report.blocks += done.result.blocks
        report.extend(done.result.findings)
        if progress is not None:
            progress(Progress(report.files, done.total, len(report.findings)))
    return report

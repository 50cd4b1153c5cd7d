"""The build: data files → checked bundles and pages → files in the output directory.

Everything is computed and checked in memory first; only when no data file of the run has an
error are files written (each atomically, and only when its bytes changed), so a failed build
leaves the old outputs intact and a site never gets half of a change.  ``check=True`` writes
nothing and reports every output that is missing or differs, outputs left behind by removed
data files, and stale JSON Schemas (:mod:`ldpress.build.stale`).  Data files are built
independently, so ``jobs`` spreads them over processes without changing any result.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import orjson

from ldpress.authoring import load_data_file
from ldpress.build.check import check_bundle, validate_bundle_bytes
from ldpress.build.jsonld import to_bundle
from ldpress.build.page import render_page
from ldpress.build.stale import orphaned_outputs, stale_schemas
from ldpress.errors import UsageError
from ldpress.findings import Finding, Severity, has_errors
from ldpress.fsutil import write_atomic
from ldpress.graph import build_graph, output_path

DATA_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(slots=True)
class FileResult:
    """One data file's outputs (name → bytes) and findings."""

    source: str
    slug: str = ""
    outputs: dict[str, bytes] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


@dataclass(slots=True)
class BuildReport:
    """What a build run did or would do."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    stale: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files: int = 0

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)


def discover(paths: Sequence[Path]) -> list[Path]:
    """Data files named by ``paths``: files as given, directories' data files sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in DATA_SUFFIXES))
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"no such file or directory: {path}")
    return found


def render_bundle(bundle: dict[str, object]) -> bytes:
    """2-space indent, UTF-8, trailing newline: the published bytes of a bundle."""
    return orjson.dumps(bundle, option=orjson.OPT_INDENT_2) + b"\n"


def build_file(path: Path, display: str | None = None) -> FileResult:
    """Load, resolve, build, compact and check one data file, in memory."""
    data = load_data_file(path, display)
    result = FileResult(source=data.file, slug=data.slug, findings=list(data.findings))
    if not data.ok:
        return result
    # to_bundle orders every object's keys itself (both in the direct compaction and after
    # pyld), so the graph stage need not sort them first.
    graph, conflicts = build_graph(
        (n.wire for n in data.nodes), data.main_id, data.file, keys_sorted=False
    )
    for f in conflicts:
        where = data.locate(f.node_id or "", (f.path or "$.").split(".", 1)[-1])
        located = f.located(line=where.line, column=where.column) if where else f
        result.findings.append(replace(located, path=where.path) if where else located)
    if conflicts:
        return result
    bundle = to_bundle(graph)
    problems = check_bundle(bundle, data.file)
    result.findings.extend(problems)
    if has_errors(problems):
        return result
    rendered = render_bundle(bundle)
    problems = validate_bundle_bytes(rendered, f"{data.slug}.jsonld")
    result.findings.extend(problems)
    if has_errors(problems):
        return result
    result.outputs[f"{data.slug}.jsonld"] = rendered
    result.outputs[f"{data.slug}.html"] = render_page(bundle, data.provenance).encode()
    return result


def _duplicate_slugs(results: list[FileResult]) -> list[Finding]:
    first: dict[str, str] = {}
    out = []
    for r in results:
        if r.slug and r.slug in first:
            message = f"slug {r.slug!r} is also used by {first[r.slug]}"
            out.append(Finding("build.duplicate_slug", Severity.ERROR, message, r.source, 1, 1))
        first.setdefault(r.slug, r.source)
    return out


def _pool() -> Any:
    # fork: workers inherit the warm caches (vocabulary, validators, rule packs) of the
    # parent instead of rebuilding them; spawn where the platform has no fork.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


# Net allocations of tracked objects between two young-generation collections (CPython's
# default is 700); see _collector_tuned.
YOUNG_THRESHOLD = 7000


@contextmanager
def _collector_tuned() -> Iterator[None]:
    """Keep Python's cyclic garbage collector from walking the warm caches over and over.

    Building a file allocates tens of thousands of containers that reference counting frees;
    every 700 net allocations start a young collection, every tenth of those a middle one,
    and full ones walk the whole heap, the vocabulary, models, schemas and rule packs
    included: measured, 3.3 ms of ~20 ms CPU per seed file over 200 files, 17 ms of ~110 over
    1,000 (a loaded host).  The caches, warm after the first file, are frozen (left out of
    every collection) and the young threshold raised tenfold: 0.2-1.2 ms per file.  A
    build makes few cycles (the validator's per-bundle block memo), so the collections
    still run, only less often.  Both settings are restored afterwards; a heap the caller
    froze already is left as it is.
    """
    freeze = gc.get_freeze_count() == 0
    thresholds = gc.get_threshold()
    if freeze:
        gc.freeze()
    gc.set_threshold(max(thresholds[0], YOUNG_THRESHOLD), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if freeze:
            gc.unfreeze()


def build_files(sources: Sequence[Path], jobs: int = 1) -> list[FileResult]:
    """:func:`build_file` of each source, in order; ``jobs > 1`` spreads them over a process
    pool (the result is the same list: each file is built independently).  The first file
    is built before the others (and before the pool starts), so the caches it fills are
    warm for, and shared by, every later file and worker.
    """
    if not sources:
        return []
    first = build_file(sources[0])
    rest = list(sources[1:])
    with _collector_tuned():
        if jobs <= 1 or len(rest) < 2:
            return [first, *map(build_file, rest)]
        workers = min(jobs, len(rest))
        # chunks amortise the round trip to a worker; four per worker keep the pool balanced
        chunk = max(1, min(32, len(rest) // (workers * 4)))
        with _pool().Pool(workers) as pool:
            return [first, *pool.map(build_file, rest, chunksize=chunk)]


def _compare(planned: list[tuple[Path, bytes]], check: bool, report: BuildReport) -> None:
    """Write (or, with ``check``, compare) each planned output, recording what happened."""
    for target, data in planned:
        current = target.read_bytes() if target.is_file() else None
        if current == data:
            report.unchanged.append(target)
        elif check:
            report.stale.append(target)
            message = "missing" if current is None else "out of date"
            report.findings.append(
                Finding(
                    "build.stale_output",
                    Severity.ERROR,
                    f"{message}: run ldpress build",
                    str(target),
                )
            )
        else:
            write_atomic(target, data)
            report.written.append(target)


def build_paths(
    paths: Sequence[Path],
    out: Path,
    check: bool = False,
    *,
    jobs: int = 1,
    schemas_dir: Path | None = None,
) -> BuildReport:
    """Build every data file under ``paths`` into ``out`` (or, with ``check``, compare).

    ``check`` also reports outputs in ``out`` that no data file builds (only when every path
    is a directory, so the run sees every data file) and, given ``schemas_dir``, schema files
    that differ from what ``ldpress schema`` would write.
    """
    sources = discover(paths)
    results = build_files(sources, jobs)
    report = BuildReport(files=len(sources))
    for r in results:
        report.findings.extend(r.findings)
    report.findings.extend(_duplicate_slugs(results))
    if not report.ok:
        return report
    planned = [
        (output_path(out, r.slug, name.rsplit(".", 1)[1]), data)
        for r in results
        for name, data in r.outputs.items()
    ]
    _compare(planned, check, report)
    if check:
        leftovers = []
        if all(p.is_dir() for p in paths):
            leftovers.extend(orphaned_outputs(out, (r.slug for r in results)))
        if schemas_dir is not None:
            leftovers.extend(stale_schemas(schemas_dir))
        report.stale.extend(Path(f.file or "") for f in leftovers)
        report.findings.extend(leftovers)
    return report


def seed_dir() -> Path:
    """The embedded default example: ``ldpress/_seed`` in a wheel, else the source tree."""
    packaged = Path(__file__).resolve().parents[1] / "_seed"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"

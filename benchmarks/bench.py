"""ldpress benchmark: validation speed and memory next to the naive pipeline and the floor.

    python benchmarks/bench.py            # full run (~25 min): 10,000-page site, 100,000
                                          # pages for memory, build of 1,000 files
    python benchmarks/bench.py --quick    # ~1 min, small samples; what CI runs (prints only)

Everything runs pinned to one core (children inherit the affinity), in one run, so the
figures are comparable.  Per-page times are taken between consecutive results of one
streaming run (``iter_results``), so they include reading, decoding and every layer, as a
real run does; "cpu" is the process's CPU time for the same span, which other processes
competing for the core do not inflate.  Medians over ``--repeat`` runs (the corpus's naive
and ldpress passes in turn, after an untimed pass of each; the build ``--repeat`` times too).  The last section lists each
target of issue 5 next to this run's figure.  Needs ../shared (the corpus and the schema.org
examples).  The benchmark prints; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import operator
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import workloads as wl
from naive import Naive, floor_page

# The environment of child processes; main() points it (and this process) at the code
# measured: the checkout's src/ or, with --installed, the installed ldpress.
ENV: dict[str, str] = {}
CHILD_FLAGS: list[str] = []  # --installed, passed on to this script's own child runs
# Issue 5's targets as this run measured them: name -> (figure, unit, comparison, target).
TARGETS: dict[str, tuple[float, str, str, float]] = {}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{cpu}, {os.cpu_count()} cores, pinned to one; Python {platform.python_version()}; "
        f"{time.strftime('%Y-%m-%d %H:%M')}; load average {load:.2f} at start"
    )


def pin_one_core(core: int | None) -> None:
    if hasattr(os, "sched_setaffinity"):
        cores = os.sched_getaffinity(0)
        os.sched_setaffinity(0, {core if core is not None else min(cores)})


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def fmt_ms(wall: list[float], cpu: list[float] | None = None) -> str:
    out = f"median {statistics.median(wall) * 1e3:7.3f} ms  p95 {pct(wall, 0.95) * 1e3:7.3f} ms"
    return out + (f"  (cpu median {statistics.median(cpu) * 1e3:.3f})" if cpu else "")


def time_each(items: Iterable[Any], fn: Callable[[Any], Any]) -> list[float]:
    out = []
    for item in items:
        t = time.perf_counter()
        fn(item)
        out.append(time.perf_counter() - t)
    return out


def stream_times(paths: list[str], keep: bool = False, **kw: Any) -> dict[str, Any]:
    """Validate ``paths`` in one streaming run; per-file wall and cpu times, counts."""
    from ldpress.validate.model import Options
    from ldpress.validate.pipeline import iter_results

    wall: list[float] = []
    cpu: list[float] = []
    kept: list[Any] = []
    findings = files = 0
    t0, c0 = time.perf_counter(), time.thread_time()
    start, cstart = t0, c0
    for done in iter_results(paths, Options(), jobs=1, **kw):
        now, cnow = time.perf_counter(), time.thread_time()
        wall.append(now - t0)
        cpu.append(cnow - c0)
        t0, c0 = now, cnow
        files += 1
        findings += len(done.result.findings)
        if keep:  # what validate_paths and the CLI do: hold every finding for the report
            kept.extend(done.result.findings)
    return {
        "wall": wall,
        "cpu": cpu,
        "files": files,
        "findings": findings,
        "total": time.perf_counter() - start,
        "total_cpu": time.thread_time() - cstart,
    }


def section(title: str) -> None:
    print(f"\n== {title}")


def bench_jsonld(args: argparse.Namespace, tmp: Path) -> None:
    section("schema.org JSON-LD examples (one file per JSON-LD text)")
    docs = wl.jsonld_examples()
    where = wl.write_docs(docs, tmp / "examples")
    paths = [str(where / name) for name, _ in docs]
    stream_times(paths[:20])  # imports and first-use caches, as in any long run
    runs = [stream_times(paths) for _ in range(args.repeat)]
    rate = statistics.median(r["files"] / r["total"] for r in runs)
    cpu_rate = statistics.median(r["files"] / r["total_cpu"] for r in runs)
    print(f"docs: {len(docs)} ({sum(len(d) for _, d in docs) / len(docs) / 1024:.1f} KB avg)")
    print(f"ldpress validate (all layers)  {rate:8.0f} docs/s   (cpu {cpu_rate:.0f} docs/s)")
    TARGETS["JSON-LD examples"] = (rate, "docs/s", ">=", 2000)
    naive = Naive()
    sample = docs if not args.quick else docs[::8]
    t = time_each([d for _, d in sample], naive.json_file)
    print(f"naive pyld + jsonschema loop   {len(t) / sum(t):8.0f} docs/s   ({len(sample)} docs)")
    import orjson

    t = time_each([d for _, d in docs], orjson.loads)
    print(f"floor (orjson parse)           {len(t) / sum(t):8.0f} docs/s")


def bench_corpus(args: argparse.Namespace, pages: list[Path]) -> float:
    section(f"corpus pages ({len(pages)} of {wl.CORPUS_HTML})")
    datas = [p.read_bytes() for p in pages]
    print(f"pages: {len(pages)}, {sum(map(len, datas)) / len(datas) / 1024:.0f} KB avg")
    floor = time_each(datas, floor_page)
    print(f"floor (regex + orjson)             {fmt_ms(floor)}")
    naive = Naive()
    paths = [str(p) for p in pages]
    # A first pass of each pipeline over every page, untimed as a figure: it fills the caches
    # a long run fills once (imports, the validators of each rule pack, the vocabulary's
    # look-ups of each type and property), which 313 pages would otherwise over-represent.
    sample = datas if not args.quick else datas[:20]
    time_each(sample, naive.page)
    cold = statistics.median(stream_times(paths)["wall"])
    # The passes alternate, naive then ldpress, so a slow stretch of the host falls on both
    # pipelines' passes alike instead of on one side of the ratio.
    naive_runs: list[list[float]] = []
    runs: list[dict[str, Any]] = []
    for _ in range(args.repeat):
        naive_runs.append(time_each(sample, naive.page))
        runs.append(stream_times(paths))
    naive_wall = [statistics.median(t) for t in naive_runs]
    wall = [statistics.median(r["wall"]) for r in runs]
    middle = wall.index(statistics.median(wall)) if len(runs) % 2 else 0
    naive_middle = naive_wall.index(statistics.median(naive_wall)) if len(runs) % 2 else 0
    speedup = statistics.median(naive_wall) / statistics.median(wall)
    print(f"naive (extruct + pyld + jsonschema) {fmt_ms(naive_runs[naive_middle])}")
    print(f"ldpress validate (all layers)      {fmt_ms(runs[middle]['wall'], runs[middle]['cpu'])}")
    print(
        f"  median of {len(runs)} passes' medians, the two pipelines' passes in turn: ldpress "
        f"{statistics.median(wall) * 1e3:.3f} ms (passes: {', '.join(f'{w * 1e3:.2f}' for w in wall)}), "
        f"naive {statistics.median(naive_wall) * 1e3:.3f} ms "
        f"(passes: {', '.join(f'{w * 1e3:.2f}' for w in naive_wall)}): {speedup:.1f}x faster"
    )
    print(f"  ldpress's first pass (caches cold, not counted): median {cold * 1e3:.3f} ms")
    TARGETS["corpus median"] = (statistics.median(wall) * 1e3, "ms/page", "<=", 2.0)
    TARGETS["corpus vs naive"] = (speedup, "x", ">=", 8.0)
    side_by_side(paths if not args.quick else paths[:20], naive, args.repeat)
    return float(statistics.median(wall))


def side_by_side(paths: list[str], naive: Naive, rounds: int) -> None:
    """ldpress and the naive pipeline on the same pages in alternation, in CPU time.

    The passes above run one after the other, so a host whose speed drifts between them
    (this one drifts by up to 40% within minutes) skews their ratio either way.  Here the
    two take turns within seconds: each validates a chunk of pages, then the other the same
    chunk, the order alternating from chunk to chunk and round to round; a page's figure is
    its median over the rounds.  ldpress runs exactly what a streaming run does per file
    (read, load, every layer), without the cache.

    Chunks of 20 pages keep each pipeline's code and data in the CPU caches as in a real
    run; turns of a single page (also printed) make each pipeline start every page with
    caches the other has just filled, which costs ldpress ~10% per page.
    """
    from ldpress.validate import layers as wiring
    from ldpress.validate.model import Options
    from ldpress.validate.pipeline import validate_source

    layers, loader, options = wiring.default_layers(), wiring.default_loader(), Options()

    def ours(path: str) -> None:
        with open(path, "rb") as fh:  # noqa: PTH123 - as the pipeline reads a file
            validate_source(loader(path, fh.read()), options, layers)

    def theirs(path: str) -> None:
        with open(path, "rb") as fh:  # noqa: PTH123
            naive.page(fh.read())

    for chunk, label in ((20, "in turns of 20 pages"), (1, "in turns of one page")):
        times: dict[Any, list[list[float]]] = {
            ours: [[] for _ in paths],
            theirs: [[] for _ in paths],
        }
        for r in range(rounds):
            for k, lo in enumerate(range(0, len(paths), chunk)):
                turn = range(lo, min(lo + chunk, len(paths)))
                for fn in (ours, theirs) if (k + r) % 2 == 0 else (theirs, ours):
                    for i in turn:
                        c = time.thread_time()
                        fn(paths[i])
                        times[fn][i].append(time.thread_time() - c)
        mine = statistics.median(statistics.median(t) for t in times[ours])
        base = statistics.median(statistics.median(t) for t in times[theirs])
        print(
            f"  side by side, {label} ({len(paths)} pages x {rounds} rounds, cpu): ldpress "
            f"median {mine * 1e3:.3f} ms, naive {base * 1e3:.3f} ms: {base / mine:.1f}x faster"
        )


def child(kind: str, target: str, keep: bool) -> None:
    """Run in a fresh process so its peak RSS is the validation's alone; prints JSON."""
    import resource

    result = stream_times([target], keep=keep)
    wall = result.pop("wall")
    cpu = result.pop("cpu")
    result.update(
        median=statistics.median(wall),
        p95=pct(wall, 0.95),
        cpu_median=statistics.median(cpu),
        rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )
    print(json.dumps(result))


def run_child(target: Path, keep: bool = False) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", "dir", str(target), *CHILD_FLAGS]
    cmd += ["--keep"] if keep else []
    out = subprocess.run(cmd, capture_output=True, text=True, env=ENV, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def bench_site(args: argparse.Namespace, pages: list[Path], tmp: Path) -> None:
    count = 1_000 if args.quick else args.site
    section(f"generated site: {count:,} pages (links to corpus pages in turn), one process")
    site = wl.make_site(pages, count, tmp / "site")
    r = run_child(site, keep=True)
    print(
        f"ldpress validate median {r['median'] * 1e3:.3f} ms  p95 {r['p95'] * 1e3:.3f} ms  "
        f"(cpu median {r['cpu_median'] * 1e3:.3f} ms)"
    )
    print(
        f"  {r['files']:,} pages in {r['total']:.1f} s ({r['files'] / r['total']:.0f} pages/s), "
        f"{r['findings']:,} findings, peak RSS {r['rss_mb']:.0f} MB holding every finding "
        "(as validate_paths and the CLI do)"
    )


def bench_memory(args: argparse.Namespace, pages: list[Path], tmp: Path) -> None:
    count = 2_000 if args.quick else args.memory
    section(f"memory: {count:,} pages streamed (iter_results), one process")
    site = wl.make_site(pages, count, tmp / "memory")
    small = wl.make_site(pages, max(len(pages), count // 10), tmp / "memory-small")
    r_small, r = run_child(small), run_child(site)
    TARGETS[f"memory, {r['files']:,} pages"] = (r["rss_mb"], "MB", "<", 300)
    print(
        f"peak RSS {r_small['rss_mb']:.0f} MB at {r_small['files']:,} pages, "
        f"{r['rss_mb']:.0f} MB at {r['files']:,} pages "
        f"({r['findings']:,} findings streamed, {r['total']:.0f} s)"
    )


def bench_cache(args: argparse.Namespace, pages: list[Path], tmp: Path) -> None:
    section(f"cache: first run vs re-run of {len(pages)} corpus pages")
    from ldpress.validate.cache import FindingCache
    from ldpress.validate.model import Options
    from ldpress.validate.pipeline import validate_paths

    paths = [str(p) for p in pages]
    stream_times(paths[:3])  # layers imported, as in the CLI's first run
    firsts: list[float] = []
    reruns: list[float] = []
    for i in range(args.repeat):
        cache = FindingCache(tmp / f"cache-{i}")
        t = time.perf_counter()
        first = validate_paths(paths, Options(), cache=cache)
        firsts.append(time.perf_counter() - t)
        t = time.perf_counter()
        again = validate_paths(paths, Options(), cache=cache)
        reruns.append(time.perf_counter() - t)
        assert again.findings == first.findings, "cached re-run differs"
    f, r = statistics.median(firsts), statistics.median(reruns)
    print(f"in-process: first {f:.3f} s, re-run {r:.3f} s: {f / r:.0f}x faster")
    cli_cache(args, "corpus pages", paths, tmp)
    count = 1_000 if args.quick else args.site
    site = wl.make_site(wl.corpus_pages(), count, tmp / "cache-site")
    cli_cache(args, f"{count:,}-page generated site", [str(site)], tmp)


def cli_cache(args: argparse.Namespace, what: str, paths: list[str], tmp: Path) -> None:
    """First run vs re-run of ``ldpress validate`` as a command, a fresh process each."""
    cmd = [sys.executable, "-m", "ldpress", "validate", *paths, "-q", "--jobs", "1"]
    cmd += ["--format", "json", "--output", str(tmp / "report.json")]
    firsts: list[float] = []
    reruns: list[float] = []
    for i in range(args.repeat):
        env = {**ENV, "LDPRESS_CACHE_DIR": str(tmp / f"cli-cache-{what[:6]}-{i}")}
        for out in (firsts, reruns):
            t = time.perf_counter()
            subprocess.run(cmd, env=env, cwd=tmp, capture_output=True, check=False)
            out.append(time.perf_counter() - t)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import ldpress.cli"], env=ENV, check=True)
    start = time.perf_counter() - t
    f, r = statistics.median(firsts), statistics.median(reruns)
    if "site" in what:
        TARGETS[f"cached re-run, {what}"] = (f / r, "x", ">=", 20)
    print(
        f"CLI, {what} (fresh process each, --jobs 1): first {f:.2f} s, re-run {r:.2f} s: "
        f"{f / r:.1f}x faster (interpreter + CLI import alone: {start:.2f} s)"
    )


def bench_build(args: argparse.Namespace, tmp: Path) -> None:
    count = 20 if args.quick else args.build
    section(f"ldpress build of {count:,} article data files generated from the seed")
    data = wl.make_build_data(count, tmp / "build-data")
    took: list[float] = []
    for i in range(args.repeat):
        out = tmp / f"out-{i}"  # a fresh output directory: every file is written each time
        cmd = [sys.executable, "-m", "ldpress", "build", str(data), "--out", str(out)]
        t = time.perf_counter()
        done = subprocess.run(cmd, env=ENV, cwd=tmp, capture_output=True, text=True, check=False)
        took.append(time.perf_counter() - t)
        written = len(done.stdout.split())
    median = statistics.median(took)
    print(
        f"{median:.1f} s median of {len(took)} builds ({', '.join(f'{t:.1f}' for t in took)} s; "
        f"{median / count * 1e3:.0f} ms per file, exit {done.returncode}, {written} files written)"
    )
    TARGETS[f"build of {count:,} files"] = (median, "s", "<", 10)


_COMPARE = {">=": operator.ge, "<=": operator.le, "<": operator.lt}


def print_targets(quick: bool) -> None:
    """Each target of issue 5 next to what this run measured; a quick run measures samples
    of other sizes, so it prints the figures without a verdict."""
    if not TARGETS:
        return
    section("targets (issue 5), as measured in this run" + (" (quick: samples)" if quick else ""))
    for name, (figure, unit, op, target) in TARGETS.items():
        verdict = "" if quick else ": met" if _COMPARE[op](figure, target) else ": MISSED"
        shown = f"{figure:,.0f}" if figure >= 100 else f"{figure:.2f}"
        print(f"{name:40s} {shown:>8s} {unit:8s} target {op} {target:g}{verdict}")
    if quick:
        print("(a quick run measures samples, not the targets' workloads: no verdict)")


def main() -> None:
    p = argparse.ArgumentParser(description="ldpress benchmark (prints; asserts nothing)")
    p.add_argument("--quick", action="store_true", help="small samples (~1 min)")
    p.add_argument("--repeat", type=int, default=None, help="runs per measure (3; quick: 1)")
    p.add_argument("--core", type=int, default=None, help="core to pin to (default: lowest)")
    p.add_argument("--site", type=int, default=10_000, help="pages of the generated site")
    p.add_argument("--memory", type=int, default=100_000, help="pages of the memory run")
    p.add_argument("--build", type=int, default=1_000, help="data files to build")
    p.add_argument("--only", default="jsonld,corpus,site,cache,memory,build")
    p.add_argument(
        "--installed",
        action="store_true",
        help="measure the installed ldpress (e.g. the compiled wheel of `pip install .`) "
        "instead of the checkout's src/",
    )
    p.add_argument("--child", nargs=2, metavar=("KIND", "TARGET"), help=argparse.SUPPRESS)
    p.add_argument("--keep", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    ENV.update(wl.select_code(args.installed))
    CHILD_FLAGS.extend(["--installed"] if args.installed else [])
    if args.child:
        kind, target = args.child
        child(kind, target, keep=args.keep)
        return
    if not wl.CORPUS_HTML.exists():
        sys.exit(f"needs {wl.SHARED} (the corpus and the schema.org examples)")
    args.repeat = args.repeat or (1 if args.quick else 3)
    pin_one_core(args.core)
    print(f"machine: {machine()}")
    print(f"code: {wl.describe_code()}")
    pages = wl.corpus_pages()
    sample = pages[::10] if args.quick else pages
    only = set(args.only.split(","))
    with tempfile.TemporaryDirectory(prefix="ldpress-bench-") as raw:
        tmp = Path(raw)
        if "jsonld" in only:
            bench_jsonld(args, tmp)
        if "corpus" in only:
            bench_corpus(args, sample)
        if "site" in only:
            bench_site(args, pages, tmp)
        if "cache" in only:
            bench_cache(args, sample, tmp)
        if "memory" in only:
            bench_memory(args, pages, tmp)
        if "build" in only:
            bench_build(args, tmp)
    print_targets(args.quick)


if __name__ == "__main__":
    main()

"""Compare two builds of ldpress page by page, in lockstep (prints only).

    python benchmarks/ab.py OLD_TREE NEW_TREE [--rounds 7] [--chunk 10]

Each tree is a directory holding an ``ldpress`` package: ``src/`` of a checkout, or a
wheel installed with ``pip install --no-deps --target DIR``.  One worker process per tree,
both pinned to the same core, validate the corpus pages in turns of ``--chunk`` pages (the
order alternating from turn to turn and round to round), so a drift of the host's speed
(this one drifts by up to half within minutes) reaches both alike.  A page's figure is its
minimum CPU time over the rounds; printed are both medians and sums, and the median and
quartiles of NEW/OLD per page.  Differences of 1% show up reliably with the defaults,
where separate runs of the benchmark differ by 10%.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

WORKER = r"""
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
os.sched_setaffinity(0, {int(sys.argv[3])})
from ldpress.validate import layers as wiring
from ldpress.validate.model import Options
from ldpress.validate.pipeline import validate_source
import workloads as wl

layers, loader, options = wiring.default_layers(), wiring.default_loader(), Options()
wiring.resolve_all([*layers, loader])
pages = [(str(p), p.read_bytes()) for p in wl.corpus_pages()]
for name, data in pages:  # warm-up: imports, caches, the vocabulary
    validate_source(loader(name, data), options, layers)
print(len(pages), flush=True)
for line in sys.stdin:
    lo, hi = map(int, line.split())
    out = []
    for name, data in pages[lo:hi]:
        start = time.thread_time()
        validate_source(loader(name, data), options, layers)
        out.append(time.thread_time() - start)
    print(json.dumps(out), flush=True)
"""


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("old", help="directory holding the ldpress package to compare against")
    p.add_argument("new", help="directory holding the ldpress package to measure")
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--chunk", type=int, default=10, help="pages per turn")
    p.add_argument("--core", type=int, default=min(os.sched_getaffinity(0)))
    args = p.parse_args()
    trees = [str(Path(args.old).resolve()), str(Path(args.new).resolve())]
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, tree, str(HERE), str(args.core)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for tree in trees
    ]
    counts = {int(w.stdout.readline()) for w in workers if w.stdout is not None}
    if len(counts) != 1:
        sys.exit("the two workers read different corpora")
    n = counts.pop()
    times: list[list[list[float]]] = [[[] for _ in range(n)] for _ in workers]
    for r in range(args.rounds):
        for k, lo in enumerate(range(0, n, args.chunk)):
            hi = min(n, lo + args.chunk)
            for w in (0, 1) if (k + r) % 2 == 0 else (1, 0):
                worker = workers[w]
                assert worker.stdin is not None and worker.stdout is not None
                worker.stdin.write(f"{lo} {hi}\n")
                worker.stdin.flush()
                for i, t in zip(range(lo, hi), json.loads(worker.stdout.readline()), strict=True):
                    times[w][i].append(t)
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.close()
        worker.wait()
    best = [[min(t) for t in per_page] for per_page in times]
    for label, tree, b in zip(("old", "new"), trees, best, strict=True):
        print(f"{label} {tree}: median {statistics.median(b) * 1e3:.3f} ms, sum {sum(b):.3f} s")
    ratios = sorted(new / old for old, new in zip(*best, strict=True))
    q = len(ratios) // 4
    print(
        f"new/old per page ({n} pages, {args.rounds} rounds): median "
        f"{statistics.median(ratios):.3f}, quartiles {ratios[q]:.3f} {ratios[-q - 1]:.3f}"
    )


if __name__ == "__main__":
    main()

"""ldpress build speed: 1,000 data files generated from the seed, one core and ``--jobs 2``.

    python benchmarks/bench_build.py              # 1,000 files, --jobs 1 and --jobs 2
    python benchmarks/bench_build.py --files 100  # fewer files (a quick look)
    python benchmarks/bench_build.py --profile    # also write a pyinstrument HTML profile

Each generated file is the seed article (``data/japan-dprk-talks.yaml``) under its own URL and
slug, so every @id differs and nothing can be shared between files by accident.  The build
runs as the CLI does (``python -m ldpress build DIR --out OUT``) in a fresh process, as one
process (``--jobs 1``: one core) and as two workers (``--jobs 2``); the figure includes interpreter
start-up and imports, as a CI job would see it; the CPU time (build process and workers) is
printed too, as wall time on a shared machine also counts other processes.  The two runs'
outputs are compared byte for byte.  The target (issue 5): 1,000 files in under 10 s on one
core.  Prints only.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from workloads import describe_code, select_code

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "japan-dprk-talks.yaml"
SEED_TEXT = ROOT / "data" / "japan-dprk-talks.txt"
SEED_URL = "https://example.org/news/2012/11/15/japan-dprk-talks"
SEED_SLUG = "japan-dprk-talks"


def generate(directory: Path, count: int) -> None:
    """``count`` copies of the seed, each with its own URL and slug."""
    text = SEED.read_text(encoding="utf-8")
    if f"\nslug: {SEED_SLUG}\n" not in text or SEED_URL not in text:
        raise SystemExit("the seed data file no longer has the expected url/slug lines")
    shutil.copy(SEED_TEXT, directory / SEED_TEXT.name)
    for i in range(count):
        slug = f"{SEED_SLUG}-{i:05d}"
        copy = text.replace(SEED_URL, f"{SEED_URL}-{i:05d}")
        copy = copy.replace(f"\nslug: {SEED_SLUG}\n", f"\nslug: {slug}\n")
        (directory / f"{slug}.yaml").write_text(copy, encoding="utf-8")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_build(
    data: Path, out: Path, jobs: int, profile: Path | None, env: dict[str, str]
) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the build and its workers)."""
    args = ["-m", "ldpress", "build", str(data), "--out", str(out), "--jobs", str(jobs)]
    if profile is not None:
        args = ["-m", "pyinstrument", "-r", "html", "-o", str(profile), *args]
    cpu = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, *args],
        env=env,
        capture_output=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode(errors="replace")[-2000:])
        raise SystemExit(f"build failed (exit {proc.returncode})")
    return elapsed, _children_cpu() - cpu


def same_tree(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir())
    if names != sorted(p.name for p in b.iterdir()):
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return not mismatch and not errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--profile", action="store_true", help="pyinstrument HTML of --jobs 1")
    parser.add_argument(
        "--installed", action="store_true", help="build with the installed ldpress, not src/"
    )
    args = parser.parse_args()
    env = select_code(args.installed)
    available = sorted(os.sched_getaffinity(0))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"machine: {platform.machine()}, {len(available)} cores usable, load average {load}")
    print(f"python {platform.python_version()}, {args.files} data files from the seed")
    print(f"code: {describe_code()}")
    with tempfile.TemporaryDirectory(prefix="ldpress-bench-build-") as tmp:
        base = Path(tmp)
        data = base / "data"
        data.mkdir()
        generate(data, args.files)
        outs = {}
        for jobs in (1, 2):
            if jobs > len(available):
                print(f"--jobs {jobs}: skipped ({len(available)} core usable)")
                continue
            out = outs[jobs] = base / f"out{jobs}"
            profile = ROOT / "bench_build_profile.html" if args.profile and jobs == 1 else None
            elapsed, cpu = run_build(data, out, jobs, profile, env)
            rate = args.files / elapsed
            print(
                f"--jobs {jobs} ({jobs} core{'s' if jobs > 1 else ''}): {elapsed:.2f} s, "
                f"{rate:.0f} files/s, {1000 * elapsed / args.files:.1f} ms/file "
                f"(CPU {cpu:.2f} s)"
            )
        if len(outs) == 2:
            print(f"--jobs 1 and --jobs 2 outputs identical: {same_tree(outs[1], outs[2])}")


if __name__ == "__main__":
    main()

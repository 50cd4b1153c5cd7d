"""ldpress benchmark: validation speed next to the naive pipeline and the floor, one core.

    python benchmarks/bench.py            # full run (10,000-page site, 1,000-file build)
    python benchmarks/bench.py --quick    # a few seconds; what CI runs (prints only)

Everything runs in this one process on one core, in one run, so the figures are comparable:

- ldpress: ``validate_paths`` with every layer (syntax, JSON-LD, vocabulary, graph, packs,
  page consistency), cache off, one job;
- naive: extruct (JSON-LD only) + pyld expand with per-call context resolution (the same
  offline context, but without the ``static`` tag, which is pyld's default behaviour for a
  loader) + python-jsonschema validation of each node against a small Article schema;
- floor: a regex scan for JSON-LD script elements plus an orjson parse of each block.

Peak memory is the process's maximum resident set size.  Needs ../shared (the corpus and the
schema.org examples).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LDPRESS_SHARED", ROOT.parent / "shared"))
CORPUS_HTML = SHARED / "corpus" / "html"
EXAMPLES = SHARED / "schemaorg" / "schemaorg-all-examples.txt"
SCRIPT_RE = re.compile(
    rb"<script[^>]*type\s*=\s*[\"']?application/ld\+json[^>]*>(.*?)</script",
    re.IGNORECASE | re.DOTALL,
)
ARTICLE_SCHEMA = {
    "type": "object",
    "properties": {
        "headline": {"type": "string"},
        "datePublished": {"type": "string"},
        "author": {"anyOf": [{"type": "object"}, {"type": "array"}, {"type": "string"}]},
    },
}


def corpus_pages() -> list[Path]:
    return sorted(p for p in CORPUS_HTML.rglob("*") if p.suffix in {".html", ".htm"})


def floor_page(data: bytes) -> int:
    n = 0
    for m in SCRIPT_RE.finditer(data):
        try:
            orjson.loads(m.group(1))
        except orjson.JSONDecodeError:
            pass
        n += 1
    return n


class Naive:
    """extruct + pyld (context re-resolved per call) + python-jsonschema."""

    def __init__(self) -> None:
        import extruct
        import jsonschema
        from pyld import jsonld

        from ldpress.jsonld.loader import OfflineLoader

        loader = OfflineLoader()

        def per_call(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
            doc = dict(loader(url, options))
            doc.pop("tag", None)  # no static tag: pyld re-processes the context every call
            return doc

        self.extruct = extruct
        self.jsonld = jsonld
        self.options = {"documentLoader": per_call}
        self.validator = jsonschema.Draft202012Validator(ARTICLE_SCHEMA)

    def page(self, data: bytes) -> int:
        try:
            blocks = self.extruct.extract(data, syntaxes=["json-ld"], uniform=False)["json-ld"]
        except Exception:
            return 0
        for block in blocks:
            self.doc(block)
        return len(blocks)

    def doc(self, block: Any) -> None:
        try:
            expanded = self.jsonld.expand(block, self.options)
        except Exception:
            return
        for node in expanded:
            list(self.validator.iter_errors(node))


def ldpress_page_validator() -> Callable[[Path], int]:
    from ldpress.validate.model import Options
    from ldpress.validate.pipeline import validate_paths

    options = Options()

    def run(path: Path) -> int:
        return len(validate_paths([str(path)], options, jobs=1).findings)

    return run


def time_each(items: Iterable[Any], fn: Callable[[Any], Any]) -> list[float]:
    out = []
    for item in items:
        t = time.perf_counter()
        fn(item)
        out.append(time.perf_counter() - t)
    return out


def ms(values: list[float]) -> str:
    med = statistics.median(values) * 1000
    p95 = sorted(values)[max(0, int(len(values) * 0.95) - 1)] * 1000
    return f"median {med:7.3f} ms   p95 {p95:7.3f} ms"


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def main() -> None:
    parser = argparse.ArgumentParser(description="ldpress benchmark")
    parser.add_argument("--quick", action="store_true", help="small samples; a few seconds")
    args = parser.parse_args()
    if not CORPUS_HTML.exists():
        sys.exit(f"needs {SHARED} (corpus and schema.org examples)")
    pin_one_core()
    print(f"machine: {platform.machine()} {platform.processor() or ''} python "
          f"{platform.python_version()}, one core, {time.strftime('%Y-%m-%d')}")
    pages = corpus_pages()
    if args.quick:
        pages = pages[::10]
    datas = [p.read_bytes() for p in pages]
    print(f"corpus pages: {len(pages)}")
    floor = time_each(datas, floor_page)
    print(f"floor  (regex + orjson)          {ms(floor)}")
    naive = Naive()
    naive.page(datas[0])
    t_naive = time_each(datas, naive.page)
    print(f"naive  (extruct + pyld + jsonschema) {ms(t_naive)}")
    try:
        run = ldpress_page_validator()
    except ImportError as exc:
        print(f"ldpress: validate pipeline not available ({exc})")
    else:
        run(pages[0])
        t_ld = time_each(pages, run)
        speedup = statistics.median(t_naive) / statistics.median(t_ld)
        print(f"ldpress validate (all layers)    {ms(t_ld)}   {speedup:.1f}x faster than naive")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()

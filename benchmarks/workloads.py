"""Inputs for the benchmark: corpus pages, schema.org JSON-LD examples, generated sites and
generated build data, all made in temporary directories (nothing is written to the repo).

A generated site of N pages is N symbolic links with distinct names to the corpus pages in
turn: the pipeline reads, decodes and validates each one as a separate file, while 100,000
pages cost no disk (the corpus is 52 MB; copies would be 17 GB).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LDPRESS_SHARED", ROOT.parent / "shared"))
CORPUS_HTML = SHARED / "corpus" / "html"
EXAMPLES = SHARED / "schemaorg" / "schemaorg-all-examples.txt"
SEED = ROOT / "data"
SEED_YAML = SEED / "japan-dprk-talks.yaml"
SEED_URL = "https://example.org/news/2012/11/15/japan-dprk-talks"


def select_code(installed: bool) -> dict[str, str]:
    """Make this process import the checkout's ``src/`` (default) or, with ``installed``,
    the ldpress installed in this Python (a ``pip install .`` wheel, compiled when a C
    compiler was present); returns the environment for child processes, which import the
    same copy."""
    env = dict(os.environ)
    if installed:
        env.pop("PYTHONPATH", None)
    else:
        sys.path.insert(0, str(ROOT / "src"))
        env["PYTHONPATH"] = str(ROOT / "src")
    return env


def describe_code() -> str:
    """Which ldpress the benchmark runs: its directory and how many of its modules are
    mypyc-compiled extensions (the rest, or all, pure Python)."""
    from importlib.machinery import EXTENSION_SUFFIXES

    import ldpress

    package = Path(ldpress.__file__).parent
    compiled = [p for p in package.rglob("*") if p.name.endswith(tuple(EXTENSION_SUFFIXES))]
    kind = f"{len(compiled)} modules compiled with mypyc" if compiled else "pure Python"
    return f"ldpress from {package} ({kind})"


def corpus_pages() -> list[Path]:
    return sorted(p for p in CORPUS_HTML.rglob("*") if p.suffix in {".html", ".htm"})


def jsonld_examples() -> list[tuple[str, bytes]]:
    """(name, bytes) of every JSON-LD text of the schema.org examples file."""
    sys.path.insert(0, str(ROOT))  # the parser lives with the tests that also use it
    from tests.support.schemaorg_examples import iter_examples

    return [
        (f"{ex.id}-{i}.jsonld", text.encode("utf-8"))
        for ex in iter_examples(EXAMPLES)
        for i, text in enumerate(ex.jsonld_texts)
    ]


def write_docs(docs: list[tuple[str, bytes]], where: Path) -> Path:
    where.mkdir(parents=True, exist_ok=True)
    for name, data in docs:
        (where / name).write_bytes(data)
    return where


def make_site(pages: list[Path], count: int, where: Path) -> Path:
    """``count`` pages under ``where`` (1,000 per directory), linking to ``pages`` in turn."""
    for i in range(count):
        folder = where / f"d{i // 1000:03d}"
        if i % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        src = pages[i % len(pages)]
        (folder / f"p{i:06d}-{src.name}").symlink_to(src)
    return where


def iter_build_data(count: int) -> Iterator[tuple[str, str]]:
    """(file name, YAML) of ``count`` article data files: the seed with its own slug and URL."""
    seed = SEED_YAML.read_text(encoding="utf-8")
    slug = re.compile(r"^slug: japan-dprk-talks$", re.MULTILINE)
    for i in range(count):
        text = slug.sub(
            f"slug: japan-dprk-talks-{i:04d}", seed.replace(SEED_URL, f"{SEED_URL}-{i:04d}")
        )
        yield f"article-{i:04d}.yaml", text


def make_build_data(count: int, where: Path) -> Path:
    where.mkdir(parents=True, exist_ok=True)
    for extra in SEED.iterdir():  # files the seed refers to ({file: ...})
        if extra.suffix != ".yaml":
            (where / extra.name).write_bytes(extra.read_bytes())
    for name, text in iter_build_data(count):
        (where / name).write_text(text, encoding="utf-8")
    return where

"""Golden case folders: ``tests/cases/<area>/<name>/input*.jsonld`` + ``expected.json``.

Each ``input*.jsonld`` file is one block of one source (several files: one page with several
blocks); an optional ``source.json`` gives the source's ``kind`` and ``url``.  The expected
file lists the findings of the JSON-LD, vocabulary and graph layers (code, severity,
location, node, hint -- not the prose).  ``LDPRESS_REGEN=1`` rewrites the expected files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ldpress.validate import expansion, integrity, vocabulary
from tests.support.blocks import make_context, make_source

CASES = Path(__file__).resolve().parents[1] / "cases"
FIELDS = ("code", "severity", "line", "column", "path", "node_id", "hint")


def case_dirs(area: str) -> list[Path]:
    return sorted(p for p in (CASES / area).iterdir() if p.is_dir())


def run_case(folder: Path) -> list[dict[str, Any]]:
    meta = folder / "source.json"
    opts = json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else {}
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("input*.jsonld"))]
    source = make_source(*texts, kind=opts.get("kind", "jsonld"), url=opts.get("url"))
    ctx = make_context()
    found = []
    for layer in (expansion, vocabulary, integrity):
        found.extend(layer.check(source, ctx))
    found.sort(key=lambda f: f.sort_key())
    return [{k: f.to_dict()[k] for k in FIELDS} for f in found]


def check_case(folder: Path) -> None:
    got = run_case(folder)
    expected_file = folder / "expected.json"
    if os.environ.get("LDPRESS_REGEN") == "1":
        expected_file.write_text(json.dumps(got, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert got == expected

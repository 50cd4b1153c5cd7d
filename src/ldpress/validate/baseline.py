"""Baselines: record today's findings so a site adopting ldpress fails only on new problems.

A finding's fingerprint is the sha256 of its file (normalised: ``./site/a.html`` and
``site/a.html`` are one file; ``/`` separators), code, JSONPath, node ``@id`` and message
(whitespace collapsed).  Line and column are left out on purpose, so editing a page above a
known problem does not make it new; the path and node id still tell two problems of one
code apart.  Identical fingerprints are counted: a baseline with two copies suppresses two
findings, and a third one is new.  The file is JSON, sorted, one entry per finding with its
readable fields next to the fingerprint, so a reviewer reads the diff of a baseline update.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import orjson

from ldpress.errors import InputError
from ldpress.findings import Finding
from ldpress.fsutil import write_atomic

FORMAT = 1


def _norm_file(name: str | None) -> str:
    if not name or name == "-":
        return name or ""
    return Path(os.path.normpath(name)).as_posix()


def fingerprint(f: Finding) -> str:
    """The line-shift-stable identity of a finding (see the module docstring)."""
    fields = (
        _norm_file(f.file),
        f.code,
        f.path or "",
        f.node_id or "",
        " ".join(f.message.split()),
    )
    return hashlib.sha256("\0".join(fields).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def render_baseline(findings: Iterable[Finding]) -> bytes:
    """The baseline file's bytes for ``findings`` (deterministic)."""
    entries = [
        {
            "fingerprint": fingerprint(f),
            "file": _norm_file(f.file),
            "code": f.code,
            "path": f.path,
            "node_id": f.node_id,
            "message": f.message,
        }
        for f in findings
    ]
    entries.sort(key=lambda e: (e["file"] or "", e["code"], e["path"] or "", e["fingerprint"]))
    doc = {"version": FORMAT, "tool": "ldpress", "findings": entries}
    return orjson.dumps(doc, option=orjson.OPT_INDENT_2) + b"\n"


def write_baseline(path: Path, findings: Iterable[Finding]) -> None:
    write_atomic(Path(path), render_baseline(findings))


def load_baseline(path: Path) -> Counter[str]:
    """The fingerprints of a baseline file, with how often each may be suppressed."""
    try:
        doc = orjson.loads(Path(path).read_bytes())
    except OSError as exc:
        raise InputError(f"cannot read baseline {path}: {exc.strerror or exc}") from exc
    except orjson.JSONDecodeError as exc:
        raise InputError(f"baseline {path} is not JSON: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("version") != FORMAT:
        raise InputError(f"{path} is not an ldpress baseline (version {FORMAT})")
    entries = doc.get("findings")
    if not isinstance(entries, list):
        raise InputError(f"{path} is not an ldpress baseline (version {FORMAT})")
    try:
        return Counter(str(e["fingerprint"]) for e in entries)
    except (TypeError, KeyError) as exc:
        raise InputError(f"baseline {path} has an entry without a fingerprint") from exc


def apply_baseline(findings: Iterable[Finding], known: Counter[str]) -> tuple[list[Finding], int]:
    """The findings the baseline does not know, in their order, and how many it suppressed."""
    left = Counter(known)
    kept: list[Finding] = []
    suppressed = 0
    for f in findings:
        fp = fingerprint(f)
        if left[fp] > 0:
            left[fp] -= 1
            suppressed += 1
        else:
            kept.append(f)
    return kept, suppressed

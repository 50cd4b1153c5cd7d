"""The ``--format json`` report: exactly the object of DESIGN.md's CLI contract, one per run.

Key order is fixed (``version``, ``tool``, ``summary``, ``findings``; each finding's keys in
:meth:`ldpress.findings.Finding.to_dict` order) and the output is 2-space indented UTF-8
with a trailing newline, so two runs over the same input are byte-identical.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson

from ldpress.findings import Report

FORMAT_VERSION = 1


def tool_info(profiles: Sequence[str]) -> dict[str, Any]:
    """The ``tool`` object: name, version, vocabulary release and the profiles asked for
    (an empty list: every pack that applies)."""
    from ldpress import __version__
    from ldpress.vocab import load_vocabulary

    return {
        "name": "ldpress",
        "version": __version__,
        "vocabulary": load_vocabulary().label,
        "profiles": list(profiles),
    }


def build_json(report: Report, *, profiles: Sequence[str] = ()) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "tool": tool_info(profiles),
        "summary": {
            "files": report.files,
            "blocks": report.blocks,
            "errors": report.errors,
            "warnings": report.warnings,
            "infos": report.infos,
        },
        "findings": [f.to_dict() for f in report.findings],
    }


def render_json(report: Report, *, profiles: Sequence[str] = ()) -> str:
    # orjson: same bytes as json.dumps(indent=2, ensure_ascii=False), several times faster.
    return (
        orjson.dumps(build_json(report, profiles=profiles), option=orjson.OPT_INDENT_2).decode(
            "utf-8"
        )
        + "\n"
    )

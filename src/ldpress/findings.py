"""The one record every layer of ldpress reports problems with, and the report that holds them.

A :class:`Finding` carries a stable dotted ``code`` (tests and baselines rely on codes, not on
prose), a severity, a one-sentence message and, where known, the location: file, 1-based line
and column in that file, a JSONPath inside the block, the ``@id`` of the node concerned, the
source of the rule and a hint.  This module is pure data: it never prints and never exits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How bad a finding is; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def at_least(self, other: Severity) -> bool:
        """True when this severity is as bad as ``other`` or worse."""
        return self.rank >= other.rank


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
# Severity(value) goes through the Enum machinery (~1 us); a cached re-run rebuilds every
# finding of every file from its JSON.
_BY_VALUE = {s.value: s for s in Severity}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, at one place, with a stable code."""

    code: str
    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None
    node_id: str | None = None
    rule_url: str | None = None
    hint: str | None = None

    def located(self, **changes: Any) -> Finding:
        """A copy with location fields filled in (only those not already set)."""
        fill = {k: v for k, v in changes.items() if getattr(self, k) is None}
        return replace(self, **fill) if fill else self

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of DESIGN.md's report (key order fixed)."""
        # Fields read directly: dataclasses.asdict deep-copies every value (~10x slower).
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message,
            "path": self.path,
            "node_id": self.node_id,
            "rule_url": self.rule_url,
            "hint": self.hint,
        }

    def to_row(self) -> list[Any]:
        """The fields in declaration order, the severity as its value: the compact JSON form
        the cache stores (a cached re-run rebuilds tens of thousands of findings)."""
        return [
            self.code,
            self.severity.value,
            self.message,
            self.file,
            self.line,
            self.column,
            self.path,
            self.node_id,
            self.rule_url,
            self.hint,
        ]

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> Finding:
        """The finding :meth:`to_row` gave ``row`` for; ValueError for a row of another
        length, KeyError for an unknown severity."""
        code, severity, message, file, line, column, path, node_id, rule_url, hint = row
        # The frozen dataclass's __init__ sets each field through object.__setattr__
        # (3.2 us a finding); its slots' own setters do the same in half the time.
        new = _NEW(cls)
        s = _SLOTS
        s[0](new, code)
        s[1](new, _BY_VALUE[severity])
        s[2](new, message)
        s[3](new, file)
        s[4](new, line)
        s[5](new, column)
        s[6](new, path)
        s[7](new, node_id)
        s[8](new, rule_url)
        s[9](new, hint)
        return new

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        """The finding :meth:`to_dict` gave ``d`` for (absent location keys are None)."""
        get = d.get
        severity = d["severity"]
        return cls(
            d["code"],
            _BY_VALUE.get(severity) or Severity(severity),
            d["message"],
            get("file"),
            get("line"),
            get("column"),
            get("path"),
            get("node_id"),
            get("rule_url"),
            get("hint"),
        )

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file or "", self.line or 0, self.column or 0, self.code, self.path or "")


_NEW = object.__new__
# Each field's slot setter, in declaration order (what :meth:`Finding.from_row` fills).
_SLOTS: tuple[Callable[[Finding, Any], None], ...] = tuple(
    getattr(Finding, f.name).__set__ for f in fields(Finding)
)


@dataclass(slots=True)
class Report:
    """Findings of one run, with the counts the reporters need."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    blocks: int = 0

    def extend(self, findings: Iterable[Finding]) -> None:
        self.findings.extend(findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    @property
    def infos(self) -> int:
        return self.count(Severity.INFO)

    def fails(self, threshold: Severity = Severity.ERROR) -> bool:
        """True when any finding is at or above ``threshold``."""
        return any(f.severity.at_least(threshold) for f in self.findings)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def json_path(*parts: str | int) -> str:
    """JSONPath in DESIGN.md's spelling: ``$['@graph'][2].author``.

    Keys that are not plain identifiers (``@type``, ``og:title``, ...) are bracket-quoted.
    """
    out = ["$"]
    for p in parts:
        out.append(path_step(p))
    return "".join(out)


def path_step(p: str | int) -> str:
    if isinstance(p, int):
        return f"[{p}]"
    if p.isidentifier():
        return f".{p}"
    escaped = p.replace("\\", "\\\\").replace("'", "\\'")
    return f"['{escaped}']"

"""Rule packs as data: load a pack directory (pack.json + JSON Schema files) into rules.

A pack is a directory holding ``pack.json`` (id, consumer, title, source URL, as-of date and
its *targets*: which schema.org types it applies to, with which JSON Schema file and which
named Python checks) and one JSON Schema (draft 2020-12) per target.  Each rule of a schema
is a subschema annotated with ``x-ldpress`` (rule id, severity, message, source, as-of date);
standard tools ignore the annotation, so ajv or check-jsonschema can use the files as they
are.  Loading validates ``pack.json`` against ``pack.schema.json`` and each user schema
against its metaschema (the built-in schemas are checked by the tests: the metaschema check
cost ~0.2 s at every start), and compiles one validator per schema, once per process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError, ValidationError

from ldpress.errors import UsageError
from ldpress.findings import Severity
from ldpress.validate.packs.fastschema import RequiredSplit, rs_validator, split_required

jsonschema_rs: Any
try:  # Rust validator: ~100x faster; python-jsonschema stays the reference (differential test)
    import jsonschema_rs
except ImportError:  # pragma: no cover - a dependency, but the pure-Python path still works
    jsonschema_rs = None

BUILTIN_DIR = Path(__file__).resolve().parent
PACK_SCHEMA = BUILTIN_DIR / "pack.schema.json"
ANNOTATION = "x-ldpress"
SEVERITY = {
    "required": Severity.ERROR,
    "recommended": Severity.WARNING,
    "advice": Severity.INFO,
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: stable id, severity, message template and where the fact comes from."""

    pack: str
    id: str
    severity: Severity
    message: str
    source: str
    as_of: str
    hint: str | None = None

    @property
    def code(self) -> str:
        return f"pack.{self.pack.replace('-', '_')}.{self.id}"

    @classmethod
    def from_annotation(cls, pack: str, data: dict[str, Any]) -> Rule:
        return cls(
            pack=pack,
            id=data["rule"],
            severity=SEVERITY[data["severity"]],
            message=data["message"],
            source=data["source"],
            as_of=data["as_of"],
            hint=data.get("hint"),
        )


@dataclass(frozen=True, slots=True)
class CheckRule:
    """A named Python check applied at a property path (``at``; "" is the node itself)."""

    check: str
    at: tuple[str, ...]
    rule: Rule
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Target:
    """Which nodes a pack applies to, and with what."""

    pack_id: str
    types: tuple[str, ...]
    subtypes: bool
    exclude: tuple[str, ...]
    scope: Literal["all", "main"]
    elsewhere: Literal["info", "skip"]
    schema: dict[str, Any]
    validator: Draft202012Validator
    checks: tuple[CheckRule, ...]
    fast: Any = None
    # The schema's plain ``required`` rules split off the jsonschema-rs validator (fastschema)
    split: RequiredSplit | None = None
    rules_by_path: dict[tuple[str | int, ...], Rule | None] = field(default_factory=dict)


@dataclass(slots=True)
class Pack:
    id: str
    consumer: str
    title: str
    source: str
    as_of: str
    directory: Path
    targets: tuple[Target, ...]


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot read rule pack file {path}: {exc}") from exc


@cache
def _pack_meta_validator() -> Draft202012Validator:
    return Draft202012Validator(_read_json(PACK_SCHEMA))


@cache
def load_pack(directory: Path) -> Pack:
    """Load and compile one pack directory (cached per process)."""
    meta = _read_json(directory / "pack.json")
    try:
        _pack_meta_validator().validate(meta)
    except ValidationError as exc:
        raise UsageError(f"invalid rule pack {directory}: {exc.message}") from exc
    # Built-in schemas ship with the package and the tests hold each to its metaschema.
    trusted = directory.resolve().parent == BUILTIN_DIR
    targets = tuple(_load_target(directory, meta["id"], t, trusted) for t in meta["targets"])
    return Pack(
        id=meta["id"],
        consumer=meta["consumer"],
        title=meta["title"],
        source=meta["source"],
        as_of=meta["as_of"],
        directory=directory,
        targets=targets,
    )


def _load_target(directory: Path, pack_id: str, data: dict[str, Any], trusted: bool) -> Target:
    schema = _read_json(directory / data["schema"])
    if not trusted:
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as exc:
            path = directory / data["schema"]
            raise UsageError(f"invalid JSON Schema in {path}: {exc}") from exc
    checks = tuple(
        CheckRule(
            check=c["check"],
            at=tuple(p for p in c.get("at", "").split(".") if p),
            rule=Rule.from_annotation(pack_id, c),
            args=c.get("args", {}),
        )
        for c in data.get("checks", ())
    )
    return Target(
        pack_id=pack_id,
        types=tuple(data["types"]),
        subtypes=data.get("subtypes", True),
        exclude=tuple(data.get("exclude", ())),
        scope=data.get("scope", "all"),
        elsewhere=data.get("elsewhere", "info"),
        schema=schema,
        validator=Draft202012Validator(schema),
        checks=checks,
        fast=rs_validator(jsonschema_rs, schema) if jsonschema_rs is not None else None,
        split=split_required(jsonschema_rs, schema) if jsonschema_rs is not None else None,
    )


def iter_pack_dirs(root: Path) -> list[Path]:
    """``root`` itself when it holds pack.json, else its subdirectories that do (sorted)."""
    if (root / "pack.json").is_file():
        return [root]
    if not root.is_dir():
        raise UsageError(f"rule pack directory not found: {root}")
    return sorted(p for p in root.iterdir() if (p / "pack.json").is_file())


def builtin_packs() -> list[Pack]:
    return [load_pack(p) for p in iter_pack_dirs(BUILTIN_DIR)]


@cache
def select_packs(
    profiles: tuple[str, ...] | None, pack_dirs: tuple[str, ...] = ()
) -> tuple[Pack, ...]:
    """The packs a run uses: built-in and user packs, filtered by ``profiles`` (None: all).

    A user pack with the id of a built-in one replaces it, so a site can pin its own copy.
    """
    packs = {p.id: p for p in builtin_packs()}
    for d in pack_dirs:
        for p in iter_pack_dirs(Path(d).resolve()):
            pack = load_pack(p)
            packs[pack.id] = pack
    if profiles is None:
        return tuple(packs.values())
    unknown = [name for name in profiles if name not in packs]
    if unknown:
        raise UsageError(
            f"unknown profile {', '.join(unknown)}: available are {', '.join(sorted(packs))}"
        )
    return tuple(packs[name] for name in profiles)

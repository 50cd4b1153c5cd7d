"""The wiring of the validate pipeline: which source loader and which layers run, in order.

Each layer is a module of :mod:`ldpress.validate` with ``check(source, ctx)``; the order is
the data flow of DESIGN.md (JSON-LD expansion first, because later layers reuse its
expanded blocks through ``ctx.scratch``; page consistency last).  Syntax findings come from
the source loader itself (on the source and its blocks), so syntax is not listed here.
The modules are imported by name so that this wiring names the real layers only.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING, cast

from ldpress.errors import LdpressError
from ldpress.validate.model import Layer

if TYPE_CHECKING:
    from ldpress.validate.pipeline import SourceLoader

LAYER_MODULES = ("expansion", "vocabulary", "integrity", "packs", "consistency")
SOURCES_MODULE = "sources"


def _import(name: str) -> ModuleType:
    try:
        return importlib.import_module(f"ldpress.validate.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"ldpress.validate.{name}":
            raise
        raise LdpressError(f"this ldpress has no validation module {name!r}") from exc


def default_layers() -> list[Layer]:
    """The layers ``ldpress validate`` runs, in order."""
    return [cast(Layer, _import(name).check) for name in LAYER_MODULES]


def default_loader() -> SourceLoader:
    """``ldpress.validate.sources.load_source``."""
    return cast("SourceLoader", _import(SOURCES_MODULE).load_source)

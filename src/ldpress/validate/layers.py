"""The wiring of the validate pipeline: which source loader and which layers run, in order.

Each layer is a module of :mod:`ldpress.validate` with ``check(source, ctx)``; the order is
the data flow of DESIGN.md: syntax (what the loader found while reading), JSON-LD expansion
(later layers reuse its expanded blocks through ``ctx.scratch``), vocabulary, graph
integrity, rule packs, page consistency.  The loader and the directory walker come from
:mod:`ldpress.validate.sources`.  Modules are imported by name so that this wiring names the
real layers only.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING, cast

from ldpress.errors import LdpressError
from ldpress.validate.model import Layer

if TYPE_CHECKING:
    from ldpress.validate.pipeline import SourceLoader, Walker

LAYER_MODULES = ("syntax", "expansion", "vocabulary", "integrity", "packs", "consistency")
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


def default_walker() -> Walker:
    """``ldpress.validate.sources.iter_files``."""
    return cast("Walker", _import(SOURCES_MODULE).iter_files)

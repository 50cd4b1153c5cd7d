"""The wiring of the validate pipeline: which source loader and which layers run, in order.

Each layer is a module of :mod:`ldpress.validate` with ``check(source, ctx)``; the order is
the data flow of DESIGN.md: syntax (what the loader found while reading), JSON-LD expansion
(later layers reuse its expanded blocks through ``ctx.scratch``), vocabulary, graph
integrity, rule packs, page consistency.  The loader and the directory walker come from
:mod:`ldpress.validate.sources`.  Modules are imported by name so that this wiring names the
real layers only, and lazily: a run whose every file comes from the cache never imports
them (pyld and the rule-pack engine take about a second to import).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

from ldpress.errors import LdpressError
from ldpress.validate.model import Layer

if TYPE_CHECKING:
    from ldpress.validate.inputs import Walker
    from ldpress.validate.pipeline import SourceLoader

LAYER_MODULES = ("syntax", "expansion", "vocabulary", "integrity", "packs", "consistency")
SOURCES_MODULE = "sources"


def _import(name: str) -> ModuleType:
    try:
        return importlib.import_module(f"ldpress.validate.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"ldpress.validate.{name}":
            raise
        raise LdpressError(f"this ldpress has no validation module {name!r}") from exc


class LazyCheck:
    """``ldpress.validate.<module>.<attr>``, imported on first call; it carries the target's
    ``__module__`` and ``__qualname__`` so the cache keys on the layer without importing it."""

    def __init__(self, module: str, attr: str = "check") -> None:
        self.__module__ = f"ldpress.validate.{module}"
        self.__qualname__ = attr
        self._module = module
        self._target: Callable[..., Any] | None = None

    def resolve(self) -> Callable[..., Any]:
        if self._target is None:
            self._target = cast(
                "Callable[..., Any]", getattr(_import(self._module), self.__qualname__)
            )
        return self._target

    def __call__(self, *args: Any) -> Any:
        return self.resolve()(*args)


def default_layers() -> list[Layer]:
    """The layers ``ldpress validate`` runs, in order."""
    for name in LAYER_MODULES:
        if importlib.util.find_spec(f"ldpress.validate.{name}") is None:
            raise LdpressError(f"this ldpress has no validation module {name!r}")
    return [cast(Layer, LazyCheck(name)) for name in LAYER_MODULES]


def default_loader() -> SourceLoader:
    """``ldpress.validate.sources.load_source``, imported on first call."""
    return cast("SourceLoader", LazyCheck(SOURCES_MODULE, "load_source"))


def resolve_all(callables: Iterable[object]) -> None:
    """Import every lazy layer now: before forking a pool, so each worker does not import
    them again."""
    for c in callables:
        if isinstance(c, LazyCheck):
            c.resolve()


def default_walker() -> Walker:
    """``ldpress.validate.sources.iter_files``."""
    return cast("Walker", _import(SOURCES_MODULE).iter_files)

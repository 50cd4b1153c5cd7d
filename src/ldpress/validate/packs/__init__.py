"""Consumer rule packs (Google Article, Event, ProfilePage; fact-check) as data, and their layer.

Each pack is a directory next to this module (``google-article/``, ``google-event/``, ...)
of JSON Schema files plus ``pack.json`` metadata; users add their own with
``Options.pack_dirs``.  :func:`check` is the validation layer; see docs/rule-packs.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ldpress.validate.packs.model import Pack, Rule, Target, builtin_packs, load_pack, select_packs

if TYPE_CHECKING:
    from ldpress.validate.packs.engine import check, match_target

_ENGINE = ("check", "match_target")


def __getattr__(name: str) -> Any:
    # The engine (page graph, resolved views, pyld) is imported on first use: choosing the
    # packs, as the cache key does, needs only their data, so a run whose every file comes
    # from the cache never imports it.
    if name in _ENGINE:
        from ldpress.validate.packs import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Pack",
    "Rule",
    "Target",
    "builtin_packs",
    "check",
    "load_pack",
    "match_target",
    "select_packs",
]

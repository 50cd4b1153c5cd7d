"""Consumer rule packs (Google Article, Event, ProfilePage; fact-check) as data, and their layer.

Each pack is a directory next to this module (``google-article/``, ``google-event/``, ...)
of JSON Schema files plus ``pack.json`` metadata; users add their own with
``Options.pack_dirs``.  :func:`check` is the validation layer; see docs/rule-packs.md.
"""

from __future__ import annotations

from ldpress.validate.packs.engine import check, match_target
from ldpress.validate.packs.model import Pack, Rule, Target, builtin_packs, load_pack, select_packs

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

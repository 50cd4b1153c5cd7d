"""The page scan's openers as one regex: the reference :mod:`ldpress.validate.tagfind` is
held to (the scan used this regex until a search per opener replaced it).

It stops at a comment opener (taking the ``>`` or ``->`` that closes it at once as group 1)
or at a start tag the scan reads or skips (name as group 2, attributes up to the ``>`` as
group 3, None when malformed), over the page's UTF-8 bytes.  Metas and links none of whose
attributes the scan reads (no ``&``, no ``<``, no wanted key) are passed over: the scan
records nothing for them either.
"""

from __future__ import annotations

import re

from ldpress.validate.tagfind import ATTRS_RE


def _anycase(pattern: str) -> str:
    return "".join(f"[{c}{c.upper()}]" if c.isalpha() else c for c in pattern)


_TRIE = (
    "s(?:cript|tyle|vg)|t(?:i(?:tle|me)|e(?:xtarea|mplate))|h1|m(?:eta|ath)|link|iframe|xmp"
    "|no(?:embed|frames)|plaintext"
)


def _skippable(name: str, exclude: str, allowed: str) -> str:
    """A well-formed ``name`` tag none of whose characters is in ``exclude`` except as the
    pattern ``allowed`` matches it."""

    def narrow(m: re.Match[str]) -> str:
        run = "++" if m.group(2) else ""
        return f"(?:[^{m.group(1)}{exclude}]{run}|{allowed}){m.group(2) or ''}"

    narrowed = re.sub(r"\[\^([^\]]*)\](\*\+)?", narrow, ATTRS_RE)
    return _anycase(name) + r"(?=[\s/>])" + narrowed


_SKIP = (
    _skippable("meta", "&<:", r"(?!(?<=og):(?:title|url)|(?<=article):published_time):")
    + "|"
    + _skippable("link", "&<cC", "[cC](?!" + _anycase("anonical") + ")")
)
OPENER = re.compile(
    (
        r"<(?=[!sStTmMhHlLiIxXnNpP])(?!"
        + _SKIP
        + r")(?:!--(-?>)?|("
        + _anycase(_TRIE)
        + r")(?=[\s/>])("
        + ATTRS_RE
        + r")?+)"
    ).encode("ascii")
)

"""Whether a page holds microdata or schema.org RDFa, by cheap substring tests.

The microdata and RDFa readers build a DOM (and pyRdfa costs ~50 ms per page), so
:mod:`ldpress.validate.markup` runs them only on pages these tests pick.
"""

from __future__ import annotations

import re

from ldpress.validate.bytefind import contains, find, utf8_length

_RDFA_SCHEMA = re.compile(
    r"""(?:vocab|prefix)\s*=\s*["']?[^"'>]{0,100}schema\.org|typeof\s*=\s*["']?[^"'>]{0,100}schema:""",
    re.IGNORECASE,
)


def markup_hints(page: str, utf8: bytes | None = None) -> tuple[bool, bool]:
    """(microdata, schema.org RDFa) present, by cheap substring tests.

    ``str.find`` of a literal costs ~0.04 ms on a news page; a case-insensitive regex or a
    regex alternation costs 10-20 times more (0.3 s on a 2.5 MB page), so the spellings are
    checked literally and in lower case (what every corpus page and every templating tool
    writes): ``itemscope`` for microdata, ``typeof=`` for RDFa —
    a typed RDFa item needs ``typeof``, a bare ``typeof`` is in most pages' JavaScript.  An
    RDFa page counts only with a schema.org ``vocab``/``prefix`` or a ``schema:`` type:
    RDFa of other vocabularies (Drupal's ``foaf:Image``) gives no schema.org data, and
    pyRdfa costs ~50 ms per page.  ``utf8``, the bytes ``page`` is the UTF-8 decoding of,
    gives the same answers through StringZilla's vectorised search (ASCII bytes in UTF-8
    are ASCII characters): ~12 us for the two literal tests on a news page against ~150 us
    for ``in`` on the bytes, and the text's ``typeof=`` searches (two bytes per character
    on most pages) are spared (:mod:`ldpress.validate.bytefind`)."""
    if utf8 is not None:
        return _hints_in_bytes(page, utf8)
    microdata = "itemscope" in page
    first = page.find("typeof=")
    if first < 0:
        return microdata, False
    # The typeof= search goes on from the first one found (each needle costs a pass over
    # the page: 2.5 MB pages make this function's mean), and a schema.org type ends it.
    for needle in ("typeof=", "vocab=", "prefix="):
        at = first if needle == "typeof=" else page.find(needle)
        while at >= 0:
            if _RDFA_SCHEMA.match(page, at) is not None:
                return microdata, True
            at = page.find(needle, at + 1)
    return microdata, False


def _hints_in_bytes(page: str, utf8: bytes) -> tuple[bool, bool]:
    """:func:`markup_hints` with every search on the bytes: each candidate is matched in the
    text at its character offset, so the answer is the text's."""
    microdata = contains(utf8, b"itemscope")
    first = find(utf8, b"typeof=")
    if first < 0:
        return microdata, False
    for needle in (b"typeof=", b"vocab=", b"prefix="):
        at = first if needle == b"typeof=" else find(utf8, needle)
        while at >= 0:
            if _RDFA_SCHEMA.match(page, utf8_length(utf8, 0, at)) is not None:
                return microdata, True
            at = find(utf8, needle, at + 1)
    return microdata, False

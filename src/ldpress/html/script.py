"""Serialise JSON-LD for a ``<script type="application/ld+json">`` element, safely.

The one escaping function shared by ``build`` (the page next to each bundle), ``embed`` and
the template helpers.  ``<``, ``>`` and ``&`` become JSON ``\\u`` escapes, so no string in the
data can end the script element (``</script>``), open a comment (``<!--``) or change the
HTML parser's script-data state; U+2028 and U+2029 are escaped because some JavaScript
consumers treat them as line terminators.  HTML entities are never used: the element's text
is raw text, so an entity would reach the JSON parser undecoded (and Google decodes entities
once more than standard parsers).  The result is still valid JSON that parses to the same
value.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}
SCRIPT_TYPE = "application/ld+json"


def json_for_script(data: Any, indent: int | None = 2) -> str:
    """JSON text of ``data`` that is safe as the content of a script element."""
    return _dumps(data, indent).translate(_ESCAPES)


def _dumps(data: Any, indent: int | None) -> str:
    """orjson when it can (the build writes its .jsonld files with it, so the page and the
    file carry the same text; ~10x faster than json), json for what orjson refuses
    (integers beyond 64 bits, non-string keys)."""
    if indent in (None, 2):
        option = orjson.OPT_INDENT_2 if indent == 2 else 0
        try:
            return orjson.dumps(data, option=option).decode()
        except TypeError:
            pass
    return json.dumps(data, ensure_ascii=False, indent=indent)


def script_tag(data: Any, indent: int | None = 2, attrs: str = "") -> str:
    """The whole ``<script type="application/ld+json">`` element for ``data``."""
    extra = f" {attrs.strip()}" if attrs.strip() else ""
    return f'<script type="{SCRIPT_TYPE}"{extra}>\n{json_for_script(data, indent)}\n</script>'

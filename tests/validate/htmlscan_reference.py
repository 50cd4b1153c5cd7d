"""The script scan as it was first written: one regex over the page text.

Kept as the reference the byte scan (:func:`ldpress.validate.htmlscan.scan_page`) must agree
with: the regex states the rules (comment ends, script-data end tags, word boundaries after
the tag name, Unicode whitespace) in their most readable form.
"""

from __future__ import annotations

import re

from ldpress.validate.htmlscan import ScriptBlock, is_jsonld_type, parse_attributes

_OPENER = re.compile(
    r"<(?:!--(-?>)?|([sS](?:[cC][rR][iI][pP][tT]|[tT][yY][lL][eE]))\b"
    r"""((?:[^>"']|"[^"]*"|'[^']*')*)(>)?)"""
)
_SCRIPT_END = re.compile(r"</[sS][cC][rR][iI][pP][tT][\s/>]")
_STYLE_END = re.compile(r"</[sS][tT][yY][lL][eE][\s/>]")
_COMMENT_END = re.compile(r"--!?>")


def reference_scan(page: str) -> tuple[list[ScriptBlock], list[tuple[int, int]]]:
    """(JSON-LD scripts, raw spans) of ``page``, offsets in characters."""
    scripts: list[ScriptBlock] = []
    raw: list[tuple[int, int]] = []
    pos = 0
    while (m := _OPENER.search(page, pos)) is not None:
        abrupt, name, tag, gt = m.groups()
        if name is None:
            if abrupt is not None:
                pos = m.end()
            else:
                end = _COMMENT_END.search(page, m.end())
                pos = len(page) if end is None else end.end()
            raw.append((m.start(), pos))
            continue
        if gt is None:
            raw.append((m.start(), len(page)))
            break
        start = m.end()
        style = name[1] in "tT"
        close = (_STYLE_END if style else _SCRIPT_END).search(page, start)
        stop = len(page) if close is None else close.start()
        raw.append((m.start(), stop))
        if close is not None:
            pos = close.end()
        if (
            not style
            and "ld+json" in tag.lower()
            and is_jsonld_type(parse_attributes(tag).get("type"))
        ):
            line = page.count("\n", 0, start) + 1
            column = start - page.rfind("\n", 0, start)
            scripts.append(ScriptBlock(page[start:stop], start, line, column, close is not None))
        if close is None:
            break
    return scripts, raw


def reference_tag_offsets(page: str, attr: str) -> list[int]:
    """Offsets of the ``<`` of every start tag with attribute ``attr`` (outside comments
    and script/style contents), searched in the text."""
    raw = reference_scan(page)[1]
    out: list[int] = []
    at = page.find(attr)
    while at >= 0:
        inside = any(a <= at < b for a, b in raw)
        if (
            not inside
            and page[at - 1 : at].isspace()
            and page[at + len(attr) : at + len(attr) + 1] in " \t\n\r\f=>/"
        ):
            lt = page.rfind("<", 0, at)
            if lt >= 0 and page.find(">", lt, at) < 0 and page[lt + 1 : lt + 2].isalpha():
                out.append(lt)
        at = page.find(attr, at + len(attr))
    return out

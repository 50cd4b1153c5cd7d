"""The element scan under :mod:`ldpress.validate.pagescan`: a page's title, h1s, wanted metas,
``<time datetime>`` values and canonical link, read one element at a time from its bytes.

:class:`Scanner` stops only at comments, raw-text elements and the tags of interest (the
compiled regex of :mod:`ldpress.validate.pagetags`), skips what HTML's parser skips, and
raises :class:`~ldpress.validate.pagetags.Unsupported` at markup whose parse it does not
reproduce exactly; :class:`PageScan` holds what it has read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ldpress.validate.bytefind import find
from ldpress.validate.pagetags import (
    BREAKOUT,
    DELIMITER,
    OPENER,
    RAW,
    VOID,
    WANTED,
    WANTED_META,
    Unsupported,
    attributes,
    comment_end,
    decoded,
    end_tag,
    heading_text,
    text_value,
)


@dataclass(slots=True)
class PageScan:
    """What the consistency layer reads of a page, as lexbor's DOM would give it."""

    title: str | None = None
    h1: list[str] = field(default_factory=list)
    # The content of the first <meta> with each wanted (WANTED_META) property= / name=
    # value, as CSS css_first finds it; no other meta is ever asked for.
    by_property: dict[str, str | None] = field(default_factory=dict)
    by_name: dict[str, str | None] = field(default_factory=dict)
    times: list[str] = field(default_factory=list)
    canonical: str | None = None
    canonical_seen: bool = False

    def meta(self, prop: str) -> str | None:
        """As PageDom: the first meta with ``property=prop`` if its content is not empty,
        else the first with ``name=prop``."""
        for table in (self.by_property, self.by_name):
            content = table.get(prop)
            if content:
                return content
        return None


class Scanner:
    """The scan, one element at a time, so a question is answered from a prefix."""

    def __init__(self, page: bytes, lower: bytes) -> None:
        self.page = page  # UTF-8
        self.lower = lower  # its ASCII-lower-cased copy, for end tags
        self.out = PageScan()
        self.pos = 0
        self.finished = False

    def run(self, done: Callable[[], bool], limit: int | None = None) -> None:
        """Scan until ``done()``, the end of the page, or the first element at or past the
        offset ``limit``.  ``done`` reads only what the scan records, so it is asked again
        only after a step that recorded something (most steps skip a comment, a script or
        an unwanted meta)."""
        page, search = self.page, OPENER.search
        pos = self.pos
        stop = len(page) if limit is None else limit
        try:
            while pos < stop and not done():
                while pos < stop:
                    m = search(page, pos)
                    if m is None:
                        self.finished = True
                        return
                    abrupt, raw, tag_end = m.groups()
                    if raw is None:  # a comment
                        pos = comment_end(page, m.end(), abrupt)
                        continue
                    if tag_end is None:
                        raise Unsupported(f"malformed <{raw.decode('ascii')}> tag")
                    name, after = raw.decode("ascii").lower(), m.end()
                    if name in RAW:  # skipped up to its end tag
                        pos = end_tag(page, self.lower, name, after)
                    elif name in VOID:
                        pos = after
                        if self.void(name, m.start(3), after - 1):
                            break
                    else:
                        pos = self.element(name, after)
                        break
        finally:
            self.pos = pos

    def element(self, name: str, after: int) -> int:
        page, lower, out = self.page, self.lower, self.out
        if name == "plaintext":
            raise Unsupported("<plaintext>")
        end = end_tag(page, lower, name, after)
        if name == "h1":
            out.h1.append(heading_text(_text(page, after, end)))
            return after  # a <time> inside the heading still counts
        if name == "title":
            if out.title is None:
                out.title = text_value(_text(page, after, end))
        elif name == "template":
            if find(lower, b"<template", after, end) >= 0:
                raise Unsupported("nested template")
        else:  # svg, math: foreign content
            if BREAKOUT.search(page, after, end) or _has_tag(lower, name, after, end):
                raise Unsupported(f"<{name}> content this scan does not follow")
            if out.title is None and _has_tag(lower, "title", after, end):
                raise Unsupported("foreign <title> before the page title")
        return end

    def void(self, name: str, start: int, end: int) -> bool:
        """Record a meta, time or link tag whose attributes are ``page[start:end]``; False
        when it certainly recorded nothing.  The attributes are decoded only when the bytes
        show they can hold what is read."""
        page, lower, out = self.page, self.lower, self.out
        if name == "meta":
            if page.find(b"&", start, end) < 0 and WANTED.search(page, start, end) is None:
                return False
            attrs = attributes(_text(page, start, end))
            for key, table in (("property", out.by_property), ("name", out.by_name)):
                value = decoded(attrs, key)
                # Only the wanted keys are ever asked for: the others are not recorded.
                if value in WANTED_META and value not in table:
                    table[value] = decoded(attrs, "content")
        elif name == "time":
            if lower.find(b"datetime", start, end) >= 0 and (
                stamp := decoded(attributes(_text(page, start, end)), "datetime")
            ):
                out.times.append(stamp)
        elif lower.find(b"canonical", start, end) >= 0 or page.find(b"&", start, end) >= 0:
            attrs = attributes(_text(page, start, end))
            rel = decoded(attrs, "rel")
            if rel is None:
                return False
            if rel != "canonical" and rel.strip().lower() == "canonical":
                raise Unsupported("rel=canonical spelled unusually")
            if rel == "canonical" and not out.canonical_seen:
                out.canonical_seen = True
                out.canonical = decoded(attrs, "href")
        else:
            return False
        return True


def _has_tag(lower: bytes, name: str, start: int, end: int) -> bool:
    """Whether ``lower[start:end]`` holds a ``<name`` start tag (its name ending there)."""
    needle = b"<" + name.encode("ascii")
    at = find(lower, needle, start, end)
    while at >= 0:
        after = at + len(needle)
        if after < end and lower[after] in DELIMITER:
            return True
        at = find(lower, needle, at + 1, end)
    return False


def _text(page: bytes, start: int, end: int) -> str:
    """The text of ``page[start:end]`` (both at ASCII bytes, so at character boundaries)."""
    return page[start:end].decode("utf-8", "surrogatepass")

"""The page's own URL: its canonical link, else its ``og:url``, read without a DOM."""

from __future__ import annotations

from ldpress.validate.bytefind import find
from ldpress.validate.htmlscan import parse_attributes


def find_page_url(page: str, utf8: bytes | None = None) -> str | None:
    """The page's canonical URL (``<link rel=canonical>``), else its ``og:url``, else None.

    Looks for the literal, lower-case ``canonical`` / ``og:url`` in the head with
    ``str.find`` (a case-insensitive regex over the head costs more than the whole script
    scan); every page of the corpus spells them so.  ``utf8``, the bytes ``page`` is the
    UTF-8 decoding of, gives the same answer through a vectorised search (every offset the
    search needs is at an ASCII byte, where bytes and text agree).
    """
    if utf8 is not None:
        return _page_url_in_bytes(utf8)
    head_end = page.find("</head")
    if head_end < 0:
        head_end = page.find("</HEAD")
    head_end = len(page) if head_end < 0 else head_end
    for needle, attr in (("canonical", "href"), ("og:url", "content")):
        at = page.find(needle, 0, head_end)
        while at >= 0:
            tag_start = page.rfind("<", 0, at)
            tag_end = page.find(">", at)
            if tag_start >= 0 and tag_end >= 0 and page.find(">", tag_start, at) < 0:
                value = _url_attribute(page[tag_start + 1 : tag_end], attr)
                if value:
                    return value
            at = page.find(needle, at + 1, head_end)
    return None


def _page_url_in_bytes(data: bytes) -> str | None:
    """:func:`find_page_url` over the page's UTF-8 bytes."""
    head_end = find(data, b"</head")
    if head_end < 0:
        head_end = find(data, b"</HEAD")
    head_end = len(data) if head_end < 0 else head_end
    for needle, attr in ((b"canonical", "href"), (b"og:url", "content")):
        at = find(data, needle, 0, head_end)
        while at >= 0:
            tag_start = data.rfind(b"<", 0, at)
            tag_end = data.find(b">", at)
            if tag_start >= 0 and tag_end >= 0 and data.find(b">", tag_start, at) < 0:
                value = _url_attribute(data[tag_start + 1 : tag_end].decode("utf-8"), attr)
                if value:
                    return value
            at = find(data, needle, at + 1, head_end)
    return None


def _url_attribute(tag: str, attr: str) -> str | None:
    """``attr`` of a canonical link or og:url meta tag (its text between ``<`` and ``>``)."""
    name, _, rest = tag.partition(" ")
    name = name.strip().lower()
    attrs = parse_attributes(" " + rest)
    if name == "link" and "canonical" in attrs.get("rel", "").lower().split():
        return attrs.get(attr, "").strip() or None
    if name == "meta" and attrs.get("property", attrs.get("name", "")).lower() == "og:url":
        return attrs.get(attr, "").strip() or None
    return None

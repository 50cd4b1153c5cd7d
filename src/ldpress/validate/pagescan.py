"""Read a page's title, headings, meta tags and ``<time>`` elements without building a DOM.

The page-consistency layer compares the JSON-LD with what the page shows; a full DOM parse
(selectolax/lexbor) costs ~0.75 ms on a 94 KB news page, more than every other layer
together.  :func:`scan_page` finds the few elements that layer reads with one compiled regex
(:mod:`ldpress.validate.pagetags`, with the readers of their values) that stops only at
comments, raw-text elements and the tags of interest, and reproduces the
HTML parser's view of them: comments and the contents of script, style, textarea, iframe,
xmp, noembed, noframes and template are skipped, ``<noscript>`` content counts (lexbor parses
with scripting off), entity references are decoded as HTML does.  Whenever the page holds
something whose parse this scan does not reproduce exactly (a heading not closed by its own
end tag, markup inside a heading other than plain inline tags, an SVG title before the page
title, an unusual comment, ``<plaintext>``, NUL bytes, an ambiguous character reference in an
attribute) it returns None and the caller parses the DOM.  :class:`LazyScan` asks the
element scan (:mod:`ldpress.validate.tagscan`) to read only as far as each question needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ldpress.validate.bytefind import ascii_lower, find
from ldpress.validate.pagetags import WANTED_META, Unsupported, meta_absent
from ldpress.validate.tagscan import PageScan, Scanner

__all__ = ["WANTED_META", "LazyScan", "PageScan", "Unsupported", "scan_page"]


class LazyScan:
    """The page as the consistency layer asks about it, scanned only as far as each question
    needs: the title and the head's metas are near the top, so a page whose headline matches
    its title is never scanned to the end.  A value is returned only once no later markup
    can change it (the first title, the first meta of each kind); the h1s and times need the
    whole page.  Raises :class:`Unsupported` when the part scanned needs a real parse."""

    def __init__(self, page: str, utf8: bytes | None = None, lower: bytes | None = None) -> None:
        # ``utf8``: the bytes ``page`` is the UTF-8 decoding of, when the caller has them;
        # ``lower``: their ASCII-lower-cased copy, when the caller has that too.
        data = utf8 if utf8 is not None else page.encode("utf-8", "surrogatepass")
        if lower is None or utf8 is None:
            lower = ascii_lower(data)
        self._scanner = Scanner(data, lower)
        self.found = self._scanner.out
        self._utf8 = data
        self._lower = lower
        self._absent_metas: dict[str, bool] = {}

    def _absent(self, tag: bytes) -> bool:
        """Whether the page certainly holds no ``tag`` element: no ``<tag`` in its
        lower-cased bytes (~6 us) answers the question without scanning to the end of the
        page (an element needs its start tag written out, its name in any ASCII case)."""
        return find(self._lower, tag) < 0

    def _until(self, done: Callable[[], bool], limit: int | None = None) -> None:
        if not self._scanner.finished:
            self._scanner.run(done, limit)

    def finish(self) -> PageScan:
        self._until(lambda: False)
        return self.found

    @property
    def title(self) -> str | None:
        self._until(lambda: self.found.title is not None)
        return self.found.title

    def _meta_absent(self, prop: str) -> bool:
        """Whether no meta tag the scan has not read yet can carry ``prop`` (an answer that
        stays true as the scan reads on)."""
        absent = self._absent_metas.get(prop)
        if not absent:
            start = self._scanner.pos
            absent = self._absent_metas[prop] = meta_absent(self._utf8, self._lower, prop, start)
        return absent

    def meta(self, prop: str) -> str | None:
        found = self.found

        def settled() -> bool:  # the first property= meta has content, or both are known
            if prop not in found.by_property:
                return False
            return bool(found.by_property[prop]) or prop in found.by_name

        if prop not in found.by_property and prop not in found.by_name:
            # A page that never spells the value out can only have it through a character
            # reference in a meta tag: a look at those settles it without reading the head.
            if (
                find(self._utf8, prop.encode("utf-8")) < 0
                and not self._scanner.finished
                and self._meta_absent(prop)
            ):
                return None
            # Metas sit in the head: read that far first.  Past it, a look at the metas not
            # read yet tells whether reading on to the end of the page can find one at all.
            head_end = find(self._lower, b"</head")
            self._until(settled, head_end if head_end >= 0 else None)
        if not settled() and not self._scanner.finished and self._meta_absent(prop):
            # No meta the scan has not read can change the answer: neither a first
            # property= meta nor a name= one can follow (a page with only the name= variant
            # would otherwise be read to its end for a property= one).
            return found.meta(prop)
        self._until(settled)
        return found.meta(prop)

    @property
    def og_title(self) -> str | None:
        return self.meta("og:title")

    @property
    def og_url(self) -> str | None:
        return self.meta("og:url")

    @property
    def published_time(self) -> str | None:
        return self.meta("article:published_time")

    @property
    def canonical(self) -> str | None:
        self._until(lambda: self.found.canonical_seen)
        return self.found.canonical

    @property
    def h1(self) -> list[str]:
        return [] if self._absent(b"<h1") else self.finish().h1

    @property
    def times(self) -> list[str]:
        return [] if self._absent(b"<time") else self.finish().times

    def _iter_found(self, tag: bytes, found: list[str]) -> Iterator[str]:
        """The values the scan records in ``found`` (the h1 texts, the times), each as soon
        as the scan has read it: a caller that stops at one does not make the scan read
        the rest of the page."""
        if self._absent(tag):
            return
        i = 0
        while True:
            while i < len(found):
                yield found[i]
                i += 1
            self._until(_more_than(found, i))
            if len(found) == i:  # the scan reached the end of the page
                return

    def iter_h1(self) -> Iterator[str]:
        """The h1 texts in page order, as :attr:`h1`, read lazily."""
        return self._iter_found(b"<h1", self.found.h1)

    def iter_times(self) -> Iterator[str]:
        """The ``<time datetime>`` values in page order, as :attr:`times`, read lazily."""
        return self._iter_found(b"<time", self.found.times)

    def iter_headings(self) -> Iterator[tuple[str, str]]:
        """(label, text) of the title, og:title and every h1, as PageDom.headings, read
        lazily: a caller that stops at the title never makes the scan read the h1s."""
        if self.title:
            yield "<title>", self.title
        if self.og_title:
            yield "og:title", self.og_title
        yield from (("<h1>", h) for h in self.iter_h1() if h)


def _more_than(found: list[str], count: int) -> Callable[[], bool]:
    """A scan's ``done``: ``found`` holds more than ``count`` values."""
    return lambda: len(found) > count


def scan_page(page: str) -> LazyScan | None:
    """The page scanned to the end (title, h1 texts, metas, ``<time datetime>`` values,
    canonical link), or None when the page needs a real HTML parse to read them exactly."""
    scan = LazyScan(page)
    try:
        scan.finish()
    except Unsupported:
        return None
    return scan

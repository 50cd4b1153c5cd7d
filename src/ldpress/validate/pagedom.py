"""A page's DOM, for what the consistency layer reads when the text scan cannot read it.

:mod:`ldpress.validate.pagescan` reads most pages' title, headings, metas and times from
the text; a page it cannot read exactly, and a fact check's visible text, need the real
HTML5 parse: selectolax over lexbor, parsed once per page and shared by the layers through
the run's scratch space.
"""

from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser

from ldpress.validate.model import Context, Source
from ldpress.validate.packs.values import normalise_text

_INVISIBLE = ["script", "style", "noscript", "template", "head"]


class PageDom:
    def __init__(self, html: str) -> None:
        self._tree = LexborHTMLParser(html)
        self.title = self._text("title")
        self.og_title = self._meta("og:title")
        self.h1 = [n.text(deep=True, separator=" ") for n in self._tree.css("h1")]
        self.published_time = self._meta("article:published_time")
        self.times = [
            t for n in self._tree.css("time[datetime]") if (t := n.attributes.get("datetime"))
        ]
        self.og_url = self._meta("og:url")
        link = self._tree.css_first('link[rel="canonical"]')
        self.canonical = link.attributes.get("href") if link is not None else None
        self._visible: str | None = None

    def _text(self, selector: str) -> str | None:
        node = self._tree.css_first(selector)
        return node.text(deep=True, separator=" ") if node is not None else None

    def _meta(self, prop: str) -> str | None:
        for attr in ("property", "name"):
            node = self._tree.css_first(f'meta[{attr}="{prop}"]')
            if node is not None:
                content = node.attributes.get("content")
                if content:
                    return content
        return None

    def iter_headings(self) -> Iterator[tuple[str, str]]:
        return iter(self.headings())

    def iter_times(self) -> Iterator[str]:
        return iter(self.times)

    def headings(self) -> list[tuple[str, str]]:
        """(label, text) of the title, og:title and every h1."""
        out = [("<title>", self.title), ("og:title", self.og_title)]
        out += [("<h1>", h) for h in self.h1]
        return [(label, text) for label, text in out if text]

    def visible_text(self) -> str:
        """Normalised text of the body (computed on first use; strips the tree's scripts)."""
        if self._visible is None:
            self._tree.strip_tags(_INVISIBLE)
            body = self._tree.body
            raw = body.text(deep=True, separator=" ") if body is not None else ""
            self._visible = normalise_text(raw)
        return self._visible


def page_dom(source: Source, ctx: Context) -> PageDom:
    """The DOM of an HTML source, parsed once per run and shared by the layers."""
    cache: dict[int, PageDom] = ctx.scratch.setdefault("page_dom", {})
    dom = cache.get(id(source))
    if dom is None:
        dom = PageDom(source.text or "")
        cache[id(source)] = dom
    return dom

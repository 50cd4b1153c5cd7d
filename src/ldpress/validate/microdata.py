"""A microdata reader on lxml: the WHATWG algorithm, with the elements' source lines.

extruct's microdata extractor spends most of its time cleaning each text value with
lxml's Cleaner and html_text (8 ms of a 10 ms page in profiles), and evaluates an EXSLT
set difference per item.  This reader walks each item's subtree once, reads text values
with one compiled XPath (script and style text left out, whitespace collapsed), and
records where each item and property element is, for locating findings.  Its items have
extruct's shape (``type``, ``id``, ``properties``) and are checked against extruct on the
whole corpus in the tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from lxml import etree  # type: ignore[import-untyped]  # no stubs; extruct pins lxml

from ldpress.validate.model import PathTuple

_SKIP_TEXT = frozenset({"script", "style", "noscript", "template"})
# Elements that separate words when rendered (html_text's list, which extruct uses).
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
_ITEMS = etree.XPath("//*[@itemscope]")
_DESCENDANT_PROPS = etree.XPath("descendant::*[@itemprop]")
_SELF_OR_DESCENDANT_PROPS = etree.XPath("descendant-or-self::*[@itemprop]")
_PROPS = etree.XPath("//*[@itemprop]")
_SRC = frozenset({"audio", "embed", "iframe", "img", "source", "track", "video"})
_HREF = frozenset({"a", "area", "link"})
_HTML_WS = " \t\n\f\r"

Mark = tuple[int, int, str]  # source line, nth such attribute on that line, attribute


@dataclass(slots=True)
class Item:
    """A top-level item: its data in extruct's shape and where its parts are."""

    data: dict[str, Any]
    mark: Mark
    marks: dict[PathTuple, Mark] = field(default_factory=dict)


def parse(page: str) -> Any:
    """lxml's HTML parser with plain elements: lxml.html's element-class lookup runs per
    element proxy and costs more than the parse on big pages."""
    parser = etree.HTMLParser(encoding="utf-8")
    root = etree.fromstring(page.encode("utf-8"), parser=parser)
    return root if root is not None else etree.fromstring(b"<html></html>", parser=parser)


def _marks(elements: list[Any], attr: str) -> dict[Any, Mark]:
    """Each element's line and its rank among elements with ``attr`` on that line."""
    seen: dict[int, int] = {}
    out: dict[Any, Mark] = {}
    for el in elements:
        line = el.sourceline or 1
        out[el] = (line, seen.get(line, 0), attr)
        seen[line] = seen.get(line, 0) + 1
    return out


def _crawled_from(prop: Any, root: Any, self_too: bool) -> bool:
    """Whether crawling from ``root`` reaches ``prop``: no itemscope element between them
    (and, for an itemref target that is itself an item, ``prop`` is the target)."""
    if prop is root:
        return self_too
    if self_too and root.get("itemscope") is not None:
        return False
    node = prop.getparent()
    while node is not None and node is not root:
        if node.get("itemscope") is not None:
            return False
        node = node.getparent()
    return node is root


class _Reader:
    def __init__(self, root: Any, base_url: str | None) -> None:
        self.root = root
        self.base = base_url or ""
        self.items = _ITEMS(root)
        self.item_marks = _marks(self.items, "itemscope")
        self.prop_marks = _marks(_PROPS(root), "itemprop")
        self.seen: set[Any] = set()
        self.open: set[Any] = set()  # items being read: an itemref loop must not recurse
        self.ids: dict[str, Any] | None = None
        self._order: dict[Any, int] | None = None

    def by_id(self, ref: str) -> Any:
        if self.ids is None:
            self.ids = {}
            for el in self.root.iter():
                key = el.get("id") if isinstance(el.tag, str) else None
                if key is not None:
                    self.ids.setdefault(key, el)
        return self.ids.get(ref)

    def top_level(self) -> list[Item]:
        out = []
        for el in self.items:
            if el not in self.seen:
                marks: dict[PathTuple, Mark] = {}
                out.append(Item(self.item(el, (), marks), self.item_marks[el], marks))
        return out

    def item(self, el: Any, path: PathTuple, marks: dict[PathTuple, Mark]) -> dict[str, Any]:
        self.seen.add(el)
        self.open.add(el)
        try:
            return self._item(el, path, marks)
        finally:
            self.open.discard(el)

    def _item(self, el: Any, path: PathTuple, marks: dict[PathTuple, Mark]) -> dict[str, Any]:
        data: dict[str, Any] = {}
        types = (el.get("itemtype") or "").split()
        if types:
            data["type"] = types[0] if len(types) == 1 else types
            if el.get("itemid"):
                data["id"] = el.get("itemid").strip(_HTML_WS)
        grouped: dict[str, list[Any]] = {}
        for prop in self.properties(el):
            for name in prop.get("itemprop").split():
                grouped.setdefault(name, []).append(prop)
        props: dict[str, Any] = {}
        for name, elements in grouped.items():
            values = []
            for i, prop in enumerate(elements):
                # One value is written without a list, so its path has no index.
                child = (*path, name) if len(elements) == 1 else (*path, name, i)
                marks[child] = self.prop_marks.get(prop) or self.item_marks[prop]
                values.append(self.value(prop, child, marks))
            props[name] = values[0] if len(values) == 1 else values
        if props:
            data["properties"] = props
        return data

    def properties(self, el: Any) -> list[Any]:
        """The item's property elements in tree order (WHATWG "crawl the properties": the
        item's descendants and its itemref targets, not descending into other items).

        XPath finds the candidates in C; each is kept when no other item lies between it
        and the crawl root — walking up a few parents beats visiting a whole subtree in
        Python for ``<html itemscope>`` pages.
        """
        found = [p for p in _DESCENDANT_PROPS(el) if _crawled_from(p, el, self_too=False)]
        refs = [self.by_id(r) for r in (el.get("itemref") or "").split()]
        targets = [t for t in refs if t is not None and t is not el]
        for target in targets:
            for p in _SELF_OR_DESCENDANT_PROPS(target):
                if p not in found and _crawled_from(p, target, self_too=True):
                    found.append(p)
        if targets:
            found.sort(key=self.order)
        return found

    def order(self, el: Any) -> int:
        if self._order is None:
            self._order = {e: i for i, e in enumerate(self.root.iter())}
        return self._order.get(el, 0)

    def value(self, el: Any, path: PathTuple, marks: dict[PathTuple, Mark]) -> Any:
        if el.get("itemscope") is not None:
            if el in self.open:  # an itemref cycle: stop instead of recursing forever
                return {}
            return self.item(el, path, marks)
        prop = el.get("itemprop") or ""
        if prop.endswith(("-input", "-output")):  # schema.org Actions: "required name=q"
            parts = ["required"] if "required" in el.attrib else []
            parts += [f"name={el.get('name')}"] if el.get("name") else []
            return " ".join(parts)
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "meta":
            return el.get("content", "")
        for tags, attr in ((_SRC, "src"), (_HREF, "href"), (frozenset({"object"}), "data")):
            if tag in tags:
                return urljoin(self.base, (el.get(attr) or "").strip(_HTML_WS))
        if tag in ("data", "meter"):
            return el.get("value", "")
        if tag == "time" and el.get("datetime") is not None:
            return el.get("datetime")
        if el.get("content"):  # not in the spec, but in schema.org's own examples
            return el.get("content")
        return element_text(el)


def element_text(el: Any) -> str:
    """Rendered-ish text: script/style left out, block elements separate words, whitespace
    collapsed (what extruct's html_text gives, without its per-value Cleaner pass)."""
    parts: list[str] = []
    stack: list[tuple[Any, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if closing:
            if tag in _BLOCK:
                parts.append(" ")
            if node is not el and node.tail:
                parts.append(node.tail)
            continue
        if tag in _SKIP_TEXT or not tag:
            if node is not el and node.tail:
                parts.append(node.tail)
            continue
        if tag in _BLOCK:
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return " ".join("".join(parts).split())


def read_items(page: str, base_url: str | None = None) -> list[Item]:
    """Top-level microdata items of ``page`` in document order."""
    return _Reader(parse(page), base_url).top_level()

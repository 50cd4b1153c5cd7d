"""A microdata reader: the WHATWG algorithm over lexbor's HTML5 DOM, located by text scan.

extruct's microdata extractor spends most of its time cleaning each text value with lxml's
Cleaner and html_text, and evaluates an EXSLT set difference per item; lxml's own parse
costs 2.5 times lexbor's (selectolax), which also builds the DOM as browsers (and Google)
do (only as far as the last item when that gives the same items:
:mod:`ldpress.validate.mdprefix`).  lexbor keeps no source positions: elements are located
by :mod:`ldpress.validate.mdlocate`.  Items have extruct's shape (``type``, ``id``, ``properties``) and are checked against
extruct on the whole corpus in the tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ldpress.validate.mdprefix import prefix_tree
from ldpress.validate.model import PathTuple

_SKIP_TEXT = frozenset({"script", "style", "noscript", "template"})
# Elements that separate words when rendered (html_text's list, which extruct uses).
_BLOCK = frozenset(
    [
        *("address", "article", "aside", "blockquote", "br", "dd", "details", "dialog"),
        *("div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1"),
        *("h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p"),
        *("pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead"),
        *("title", "tr", "ul"),
    ]
)
_SRC = frozenset({"audio", "embed", "iframe", "img", "source", "track", "video"})
_HREF = frozenset({"a", "area", "link"})
# The attribute holding a URL value, by element (WHATWG "property value").
_URL_ATTR = {**dict.fromkeys(_SRC, "src"), **dict.fromkeys(_HREF, "href"), "object": "data"}
_HTML_WS = " \t\n\f\r"
# An absolute http(s) URL urljoin gives back unchanged whatever the base: a host, printable
# ASCII only, no ";" (urlparse would split path parameters), no empty "?" or "#" (urlunparse
# drops them), no brackets (urlsplit checks them as IPv6 hosts).  Most URL values of a page
# are such; urljoin costs ~10 us each.
_ABSOLUTE = re.compile(
    r"https?://(?!/)[^\x00-\x20\x7f-\U0010ffff\[\]\\;?#]+"  # host and path
    r"(?:\?[^\x00-\x20\x7f-\U0010ffff\[\]\\#]+)?"  # a non-empty query
    r"(?:#[^\x00-\x20\x7f-\U0010ffff\[\]\\]+)?"  # a non-empty fragment
)

Mark = tuple[str, int]  # attribute, rank among the page's elements carrying it


@dataclass(slots=True)
class Item:
    """A top-level item: its data in extruct's shape and where its parts are."""

    data: dict[str, Any]
    mark: Mark
    marks: dict[PathTuple, Mark] = field(default_factory=dict)


class _Reader:
    def __init__(self, tree: LexborHTMLParser, base_url: str | None) -> None:
        self.tree = tree
        self.base = base_url or ""
        self.seen: set[int] = set()
        self.open: set[int] = set()  # items being read: an itemref loop must not recurse
        self.attrs: dict[int, dict[str, str | None]] = {}  # per marked element, read once
        self.owned: dict[int, list[LexborNode]] = {}
        self.prop_ranks: dict[int, int] = {}
        # One DOM traversal for items and properties (each query walks the whole tree,
        # ~0.1 ms on a news page); lexbor reports matches in document order, an element
        # carrying both attributes once per selector (skipped here: a :not() in the
        # selector doubles the query's cost).
        self.items: list[LexborNode] = []
        props: list[LexborNode] = []
        for node in tree.css("[itemscope],[itemprop]"):
            key = node.mem_id
            if key in self.attrs:
                continue
            attrs = self.attrs[key] = node.attributes
            if "itemscope" in attrs:
                self.items.append(node)
            if "itemprop" in attrs:
                props.append(node)
        self.item_rank = {n.mem_id: i for i, n in enumerate(self.items)}
        if self.items:
            self._own(props)

    def _own(self, props: list[LexborNode]) -> None:
        """Give each property element to its nearest item ancestor (WHATWG crawl: an item's
        properties are the ``itemprop`` descendants with no other item between them), in
        one pass over the page's properties instead of a subtree query and an ancestor
        walk per item and property."""
        for i, prop in enumerate(props):
            key = prop.mem_id
            self.prop_ranks[key] = i
            node = prop.parent
            while node is not None and node.mem_id not in self.item_rank:
                node = node.parent
            if node is not None:
                self.owned.setdefault(node.mem_id, []).append(prop)

    def prop_rank(self, node: LexborNode) -> int:
        return self.prop_ranks.get(node.mem_id, 0)

    def attributes(self, node: LexborNode) -> dict[str, str | None]:
        attrs = self.attrs.get(node.mem_id)
        return node.attributes if attrs is None else attrs

    def top_level(self) -> list[Item]:
        out = []
        for el in self.items:
            if el.mem_id not in self.seen:
                marks: dict[PathTuple, Mark] = {}
                data = self.item(el, (), marks)
                out.append(Item(data, ("itemscope", self.item_rank[el.mem_id]), marks))
        return out

    def item(self, el: LexborNode, path: PathTuple, marks: dict[PathTuple, Mark]) -> dict[str, Any]:
        self.seen.add(el.mem_id)
        self.open.add(el.mem_id)
        try:
            return self._item(el, path, marks)
        finally:
            self.open.discard(el.mem_id)

    def _item(
        self, el: LexborNode, path: PathTuple, marks: dict[PathTuple, Mark]
    ) -> dict[str, Any]:
        data: dict[str, Any] = {}
        attrs = self.attributes(el)
        types = (attrs.get("itemtype") or "").split()
        if types:
            data["type"] = types[0] if len(types) == 1 else types
            if attrs.get("itemid"):
                data["id"] = (attrs.get("itemid") or "").strip(_HTML_WS)
        grouped: dict[str, list[LexborNode]] = {}
        for prop in self.properties(el):
            for name in (self.attributes(prop).get("itemprop") or "").split():
                grouped.setdefault(name, []).append(prop)
        props: dict[str, Any] = {}
        for name, elements in grouped.items():
            values = []
            for i, prop in enumerate(elements):
                # One value is written without a list, so its path has no index.
                child = (*path, name) if len(elements) == 1 else (*path, name, i)
                marks[child] = ("itemprop", self.prop_rank(prop))
                values.append(self.value(prop, child, marks))
            props[name] = values[0] if len(values) == 1 else values
        if props:
            data["properties"] = props
        return data

    def properties(self, el: LexborNode) -> list[LexborNode]:
        """The item's property elements in tree order (WHATWG "crawl the properties": the
        item's descendants and its itemref targets, not descending into other items)."""
        found = list(self.owned.get(el.mem_id, ()))
        refs = (self.attributes(el).get("itemref") or "").split()
        targets = [t for t in (self.tree.css_first(f"[id={_css_string(r)}]") for r in refs) if t]
        targets = [t for t in targets if t.mem_id != el.mem_id]
        if not targets:
            return found
        ids = {p.mem_id for p in found}
        for target in targets:
            below = target.css("[itemprop]")
            for p in [target, *below] if "itemprop" in target.attributes else below:
                if p.mem_id not in ids and self._crawled_from(p, target):
                    found.append(p)
                    ids.add(p.mem_id)
        return sorted(found, key=self.prop_rank)

    def _crawled_from(self, prop: LexborNode, target: LexborNode) -> bool:
        """Whether crawling from the itemref target ``target`` reaches ``prop``: no item
        between them, and a target that is itself an item only gives itself."""
        if prop.mem_id == target.mem_id:
            return True
        if target.mem_id in self.item_rank:
            return False
        node = prop.parent
        while node is not None and node.mem_id != target.mem_id:
            if node.mem_id in self.item_rank:
                return False
            node = node.parent
        return node is not None

    def value(self, el: LexborNode, path: PathTuple, marks: dict[PathTuple, Mark]) -> Any:
        attrs = self.attributes(el)
        if "itemscope" in attrs:
            if el.mem_id in self.open:  # an itemref cycle: stop instead of recursing forever
                return {}
            return self.item(el, path, marks)
        value = attribute_value(el.tag or "", attrs, self.base)
        return element_text(el) if value is None else value


def attribute_value(tag: str, attrs: dict[str, str | None], base: str) -> str | None:
    """The value of a property element that is not an item, when an attribute gives it
    (WHATWG "property value"); None when the value is the element's text."""
    prop = attrs.get("itemprop") or ""
    if prop.endswith(("-input", "-output")):  # schema.org Actions: "required name=q"
        parts = ["required"] if "required" in attrs else []
        parts += [f"name={attrs['name']}"] if attrs.get("name") else []
        return " ".join(parts)
    if tag == "meta":
        return attrs.get("content") or ""
    url_attr = _URL_ATTR.get(tag)
    if url_attr is not None:
        return resolve_url(base, (attrs.get(url_attr) or "").strip(_HTML_WS))
    if tag in ("data", "meter"):
        return attrs.get("value") or ""
    if tag == "time" and attrs.get("datetime") is not None:
        return attrs.get("datetime")
    content = attrs.get("content")
    if content:  # not in the spec, but in schema.org's own examples
        return content
    return None


def text_valued(el: LexborNode) -> bool:
    """Whether the value of the property element ``el`` is its text."""
    attrs = el.attributes
    return "itemscope" not in attrs and attribute_value(el.tag or "", attrs, "") is None


def resolve_url(base: str, url: str) -> str:
    """``urljoin(base, url)``, skipping the parse for URLs it would give back as they are."""
    return url if _ABSOLUTE.fullmatch(url) else urljoin(base, url)


def _css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def element_text(el: LexborNode) -> str:
    """Rendered-ish text: script/style left out, block elements separate words, whitespace
    collapsed (what extruct's html_text gives, without its per-value Cleaner pass)."""
    tag = el.tag or ""
    if tag in _SKIP_TEXT or tag.startswith(("-", "!")):
        return ""
    first = el.child
    if first is not None and first.next is None and first.tag == "-text":
        return " ".join((first.text_content or "").split())  # the common case: one text
    parts: list[str] = []
    # One lazy child iterator per open element (and whether it closes with a space): no
    # per-node tuples or reversed child lists, which cost more than the lexbor calls.
    stack = [el.iter(include_text=True)]
    closes = [False]
    while stack:
        for child in stack[-1]:
            tag = child.tag or ""
            if tag == "-text":
                parts.append(child.text_content or "")
            elif not (tag in _SKIP_TEXT or tag.startswith(("-", "!"))):
                block = tag in _BLOCK
                if block:
                    parts.append(" ")
                stack.append(child.iter(include_text=True))
                closes.append(block)
                break
        else:
            stack.pop()
            if closes.pop():
                parts.append(" ")
    return " ".join("".join(parts).split())


def read_items(
    page: str, base_url: str | None = None, utf8: bytes | None = None, lower: bytes | None = None
) -> list[Item]:
    """Top-level microdata items of ``page`` in document order; ``utf8`` is the page's bytes
    when ``page`` was decoded from exactly them as UTF-8 (lexbor parses UTF-8, so they spare
    it encoding the text again), ``lower`` their ASCII-lower-cased copy: with both, only the
    part of the page up to its last item-bearing tag is parsed when that gives the same
    items (:mod:`ldpress.validate.mdprefix`)."""
    tree = None
    if utf8 is not None and lower is not None:
        tree = prefix_tree(utf8, lower, text_valued)
    if tree is None:
        tree = LexborHTMLParser(page if utf8 is None else utf8)
    return _Reader(tree, base_url).top_level()

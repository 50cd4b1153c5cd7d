"""Parse a microdata page only as far as its microdata goes, when that gives the same items.

lexbor's parse is most of a microdata page's cost, and half the pages' last ``itemprop`` or
``itemscope`` sits before the last third of the page (footers, comments, scripts).  HTML
tree building is online: once an element is closed, later markup never adds to it, so the
elements closed before the end of the last item-bearing tag are the same in a parse of
that prefix.  What later markup can still change, and how each is ruled out:

- an element still open there can gain content: a comment (the *sentinel*) parsed at the
  cut lands in the current node, so the open elements are its ancestors, and none of them
  may be a property whose value is its text;
- a misnested formatting element (``<b>``, ``<a>``...) closed later moves nodes (the
  adoption agency) and is recreated as clones (with its attributes) around later content:
  none may be open at the cut (no ancestor of the sentinel), and a text *probe* after the
  sentinel must land next to it, which it does only when no formatting element waits to be
  reopened;
- content fostered out of a table goes into an open table's parent, and an open table is
  no ancestor of what was fostered: no ``<table`` before the cut;
- a later ``<html>`` tag adds attributes to the existing element, and a later ``<frameset>``
  can replace a body no content has committed yet: neither may occur; a later ``<body>``
  tag adds attributes to the body, so it may only follow a cut before the body's content,
  where it creates the body (with no item attribute: none follows the cut);
- an ``itemref`` target is the first element with its id in tree order, which later
  markup does not change, and a target after the cut holds no property.

A cut before the body's content (an item on the ``<html>`` element, its properties in the
head) leaves the sentinel at the end of the head and the probe alone in a body the probe
made.  A cut inside raw text, a comment or a template leaves no sentinel comment where it is
looked for, which also refuses the prefix.  The tests hold the items read from the prefix
to those of the whole page on every corpus page and on generated markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import stringzilla
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ldpress.validate.bytefind import find

_SENTINEL = "ldpress:end-of-microdata"
_PROBE = "ldpress-probe"
_TAIL = f"<!--{_SENTINEL}-->{_PROBE}".encode("ascii")
# HTML's formatting elements: the adoption agency algorithm and the reconstruction of the
# active formatting elements act on them.
_FORMATTING = frozenset(
    [
        *("a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small"),
        *("strike", "strong", "tt", "u"),
    ]
)
_NAME = re.compile(rb"<([a-z][a-z0-9]*+)")
# A run of end tags: cutting after it closes the elements around the last item's tag too.
_END_TAGS = re.compile(rb"(?:[ \t\n\r\f]*+</[A-Za-z][^<>]*+>)++")
_VOID = frozenset(
    [
        *(b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link"),
        *(b"meta", b"source", b"track", b"wbr"),
    ]
)
# Below this many bytes after the cut, the whole page is parsed (the checks cost more).
MIN_SAVED = 16384


def _cut(data: bytes, lower: bytes, last: int) -> int:
    """Where to cut: after the tag holding ``last`` (an item attribute's offset), after the
    element's end tag when it has one and is not an item, and after the end tags that
    follow at once; -1 when no tag is found there.  Any cut is checked by the parse; this
    one leaves the elements around the last property closed, so the checks pass.  An
    item's own element may stay open: no property follows to join it (often it is the
    ``<html>`` or ``<body>`` element, closed only at the end of the page)."""
    start = data.rfind(b"<", 0, last)
    name = _NAME.match(lower, start) if start >= 0 else None
    end = data.find(b">", last) + 1
    if name is None or end <= 0:
        return -1
    if name.group(1) not in _VOID and not lower.startswith(b"itemscope", last):
        close = find(lower, b"</" + name.group(1), end)
        after = data.find(b">", close) + 1 if close >= 0 else 0
        if after > 0:
            end = after
    run = _END_TAGS.match(data, end)
    return run.end() if run is not None else end


def prefix_tree(
    data: bytes,
    lower: bytes,
    text_valued: Callable[[LexborNode], bool],
    min_saved: int = MIN_SAVED,
) -> LexborHTMLParser | None:
    """The DOM of ``data`` (UTF-8; ``lower`` its ASCII-lower-cased copy) up to the end of its
    last tag with ``itemprop`` or ``itemscope``, or None when that DOM could give other
    items than the whole page's (or would not save ``min_saved`` bytes of parsing).
    ``text_valued`` tells whether a property element's value is its text."""
    last = max(
        int(stringzilla.rfind(lower, b"itemprop")), int(stringzilla.rfind(lower, b"itemscope"))
    )
    end = _cut(data, lower, last) if last >= 0 else -1
    if end < 0 or len(data) - end < min_saved:
        return None
    return tree_up_to(data, lower, end, text_valued)


def tree_up_to(
    data: bytes, lower: bytes, end: int, text_valued: Callable[[LexborNode], bool]
) -> LexborHTMLParser | None:
    """The DOM of ``data[:end]``, or None when the elements it holds could differ from the
    whole page's in what a microdata reader sees (no item attribute may follow ``end``)."""
    later = max(0, end - len(b"<frameset"))  # a tag the cut falls into counts as later
    if (
        find(lower, b"<table", 0, end) >= 0
        or find(lower, b"<html", later) >= 0
        or find(lower, b"<frameset", later) >= 0
    ):
        return None
    later_body = find(lower, b"<body", later) >= 0
    if later_body and find(lower, b"<body", 0, later) >= 0:
        return None  # the body exists before the cut: refused below, without the parse
    tree = LexborHTMLParser(data[:end] + _TAIL)
    node = tree.root
    while node is not None and (child := node.last_child) is not None:
        node = child
    if node is None or not node.is_text_node or node.text_content != _PROBE:
        return None  # the probe was fostered, wrapped in reopened elements, or swallowed
    sentinel = node.prev
    if sentinel is None:
        sentinel = _before_body(node)
    elif later_body:
        return None  # a later <body> tag would add its attributes to this body
    if sentinel is None or not sentinel.is_comment_node:
        return None
    if sentinel.comment_content != _SENTINEL:
        return None
    open_element = sentinel.parent
    while open_element is not None:
        tag = open_element.tag or ""
        if tag in _FORMATTING:
            return None
        if (
            not tag.startswith("-")
            and "itemprop" in open_element.attributes
            and text_valued(open_element)
        ):
            return None
        open_element = open_element.parent
    return tree


def _before_body(probe: LexborNode) -> LexborNode | None:
    """The node before the body when the probe is all the body holds: the cut came before
    the body's content, so the sentinel went to the end of the head, or after it.  A body
    with attributes is refused: a later ``<body>`` tag could add an item's type to it."""
    body = probe.parent
    if body is None or body.tag != "body" or body.attributes:
        return None
    before = body.prev
    if before is not None and before.tag == "head":
        return before.last_child if before.last_child is not None else before.prev
    return before

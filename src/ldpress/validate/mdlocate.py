"""Where a page's microdata elements are: the offsets of their start tags in the page text.

lexbor keeps no source positions, so microdata elements are located by scanning the page
for start tags carrying ``itemscope`` / ``itemprop`` (outside comments and raw-text
elements): the k-th such element in document order is the k-th such tag in the text.
"""

from __future__ import annotations

from ldpress.validate.bytefind import char_at, char_before, find
from ldpress.validate.htmlscan import PageScan, scan_page


def tag_offsets(
    page: str, attr: str, scan: PageScan | None = None, limit: int | None = None
) -> list[int]:
    """Offsets of the ``<`` of every start tag with attribute ``attr``, in page order (the
    first ``limit`` of them when given: the rest of the page is not searched).

    ``scan`` is the page's script scan (:func:`scan_page`, which the page load already has:
    its UTF-8 bytes and the spans of its comments and script/style contents); without it the
    page is scanned again.  The search runs over the bytes (a vectorised search for the
    attribute, the tests at ASCII bytes or on the whole character there) and the offsets
    found are converted to characters.
    """
    if scan is None:
        scan = scan_page(page)
    data, raw = scan.data, scan.raw_bytes
    out: list[int] = []
    needle = attr.encode("ascii")
    size, nraw = len(needle), len(raw)
    at = find(data, needle)
    r = 0
    # The cheap tests first: most hits pass them all, and the rest of the tests only run
    # for hits that are still candidates (every test is side-effect free).
    while at >= 0:
        while r < nraw and raw[r][1] <= at:
            r += 1
        if (
            (r == nraw or raw[r][0] > at)  # not inside a comment or raw text
            and char_before(data, at).isspace()
            and data[at + size : at + size + 1] in b" \t\n\r\f=>/"
        ):
            lt = data.rfind(b"<", 0, at)
            if lt >= 0 and data.find(b">", lt, at) < 0 and char_at(data, lt + 1).isalpha():
                out.append(lt)
                if len(out) == limit:
                    break
        at = find(data, needle, at + size)
    return scan.char_offsets(out)

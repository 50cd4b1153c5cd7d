"""A page's bytes as the embedder sees them: text to scan, byte offsets, and how to write a block.

``embed`` decodes a page only to find positions; the output is the original bytes with one
range replaced.  For ASCII-compatible pages (UTF-8, windows-1252, Latin-1, ...) the scan text
is the Latin-1 decoding, so every string offset is the byte offset and no byte is ever
re-encoded.  UTF-16 pages with a byte-order mark are decoded for the scan and the block is
written in the same UTF-16 flavour.  The inserted block is written as UTF-8 only when an HTML
parser would read the page as UTF-8 (a BOM, or a ``<meta>`` charset in its first 1024 bytes;
an XML declaration alone does not count); anywhere else every non-ASCII character becomes a JSON ``\\u`` escape, which reads the same in every
ASCII-compatible encoding, so a wrong guess about a page's encoding can never garble the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ldpress.findings import Finding, Severity

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
# what the HTML encoding prescan reads: a <meta> charset; an XML declaration does not count,
# since a page parsed as HTML ignores it (found by the html5lib property test)
_DECLARES_UTF8 = re.compile(
    r"""<meta\b[^>]*?charset\s*=\s*["']?\s*utf-?8\b""", re.IGNORECASE | re.ASCII
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# lone surrogates cannot be encoded at all; U+FFFE/U+FFFF are not allowed in XML (XHTML)
_UNWRITABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class PageBytes:
    """One page: the text to scan and how offsets and blocks map back to bytes."""

    raw: bytes
    text: str
    encoding: str
    """``utf-16-le``, ``utf-16-be``, ``utf-8`` (declared) or ``ascii-compatible``."""
    bom: bytes = b""

    @property
    def xml(self) -> bool:
        """True for documents with an XML declaration (XHTML parsed as XML)."""
        return self.text.lstrip("\ufeff\xef\xbb\xbf \t\r\n").startswith("<?xml")

    @property
    def newline(self) -> str:
        """The page's own line ending: CRLF when most of its lines end that way."""
        crlf = self.text.count("\r\n")
        return "\r\n" if crlf and crlf * 2 >= self.text.count("\n") else "\n"

    def byte_offset(self, pos: int) -> int:
        if not self.encoding.startswith("utf-16"):
            return pos
        return len(self.bom) + len(self.text[:pos].encode(self.encoding, "surrogatepass"))

    def encode_block(self, block: str) -> bytes:
        """Bytes of an inserted block; characters the page cannot carry become JSON escapes.

        Only JSON string contents can hold non-ASCII characters (the markup around them is
        ASCII), so a ``\\u`` escape there keeps the JSON equal to the bundle.
        """
        if self.encoding.startswith("utf-16"):
            return _UNWRITABLE.sub(_json_escape, block).encode(self.encoding)
        if self.encoding == "utf-8":
            return _UNWRITABLE.sub(_json_escape, block).encode("utf-8")
        return _NON_ASCII.sub(_json_escape, block).encode("ascii")


def _json_escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def read_page_bytes(raw: bytes, name: str = "-") -> PageBytes | Finding:
    """A :class:`PageBytes` for ``raw``, or the finding that says why it is not a usable page."""
    if raw.startswith(_UTF32_BOMS):
        return _refuse("embed.unsupported_encoding", "is UTF-32, which ldpress does not edit", name)
    for bom, encoding in _UTF16_BOMS.items():
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                return _refuse(
                    "embed.not_html", "has a UTF-16 byte-order mark but bad UTF-16", name
                )
            page = PageBytes(raw, text, encoding, bom)
            return _check_markup(page, name)
    text = raw.decode("latin-1")
    if "\x00" in text[:8192]:
        return _refuse("embed.not_html", "looks binary (it contains NUL bytes)", name)
    utf8 = raw.startswith(UTF8_BOM) or bool(_DECLARES_UTF8.search(text[:1024]))
    bom = UTF8_BOM if raw.startswith(UTF8_BOM) else b""
    return _check_markup(PageBytes(raw, text, "utf-8" if utf8 else "ascii-compatible", bom), name)


def _check_markup(page: PageBytes, name: str) -> PageBytes | Finding:
    start = page.text.lstrip("\ufeff\xef\xbb\xbf \t\r\n\f")
    if not start:
        return _refuse("embed.not_html", "is empty", name)
    if start[0] in "{[":
        return _refuse("embed.not_html", "looks like JSON, not HTML", name)
    if "<" not in start:
        return _refuse("embed.not_html", "has no HTML markup", name)
    return page


def _refuse(code: str, what: str, name: str) -> Finding:
    return Finding(code, Severity.ERROR, f"{name} {what}; nothing was embedded", file=name)

"""Bytes → text for inputs: bounded gzip, and decoding as browsers do.

HTML: a byte order mark wins, then a ``<meta charset>`` (or ``http-equiv`` content type) in
the first 4 KB, then UTF-8; bytes that are not valid in the chosen encoding fall back to
windows-1252 (what browsers use for legacy pages) with an ``input.encoding_fallback``
warning at the first bad byte.  JSON files: BOM, else UTF-8 (RFC 8259), same fallback.
Decoding never fails: windows-1252's five unassigned bytes map to the C1 controls, as in the
WHATWG encoding standard.
"""

from __future__ import annotations

import codecs
import re
import zlib

from ldpress.findings import Finding, Severity

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# WHATWG label aliases whose Python codec differs from the label's plain meaning.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc-kr": "cp949",
    "shift_jis": "cp932",
    "x-sjis": "cp932",
}
_CP1252 = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256))


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress every gzip member of ``data``; OverflowError past ``limit`` bytes,
    ValueError for a corrupt or truncated stream."""
    out: list[bytes] = []
    size = 0
    rest = data
    try:
        while rest:
            d = zlib.decompressobj(wbits=31)
            chunk = d.decompress(rest, limit + 1 - size)
            size += len(chunk)
            out.append(chunk)
            if size > limit or d.unconsumed_tail:
                raise OverflowError(f"more than {limit} bytes when decompressed")
            if not d.eof:
                raise ValueError("the gzip stream is truncated")
            rest = d.unused_data.lstrip(b"\x00")
    except zlib.error as exc:
        raise ValueError(f"corrupt gzip data ({exc})") from exc
    return b"".join(out)


def decode_cp1252(data: bytes) -> str:
    """windows-1252 as browsers decode it: never fails."""
    return data.decode("latin-1").translate(_CP1252)


def _codec(label: str) -> str | None:
    label = label.strip().lower()
    name = _ALIASES.get(label, label)
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"  # a meta declaring UTF-16 in an ASCII-compatible page means UTF-8
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def _fallback(data: bytes, name: str, exc: UnicodeDecodeError, tried: str) -> tuple[str, Finding]:
    line = data.count(b"\n", 0, exc.start) + 1
    column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
    finding = Finding(
        "input.encoding_fallback",
        Severity.WARNING,
        f"bytes that are not valid {tried}; decoded the file as windows-1252",
        file=name,
        line=line,
        column=column,
        hint='save the file as UTF-8 (and declare <meta charset="utf-8">)',
    )
    return decode_cp1252(data), finding


def _decode(data: bytes, name: str, codec: str) -> tuple[str, list[Finding]]:
    if codec == "cp1252":
        return decode_cp1252(data), []
    try:
        return data.decode(codec), []
    except UnicodeDecodeError as exc:
        text, finding = _fallback(data, name, exc, codec)
        return text, [finding]


def decode_html(data: bytes, name: str) -> tuple[str, list[Finding]]:
    """The page text and any decoding finding."""
    text, findings, _ = decode_html_utf8(data, name)
    return text, findings


def decode_html_utf8(data: bytes, name: str) -> tuple[str, list[Finding], bytes | None]:
    """:func:`decode_html`, plus the bytes the text is the exact UTF-8 decoding of (``data``
    without its BOM), or None when the page was read in another encoding or fell back."""
    bom = _bom(data)
    body, codec = (data[bom[1] :], bom[0]) if bom is not None else (data, None)
    if codec is None:
        m = _META_CHARSET.search(data, 0, 4096)
        codec = (_codec(m.group(1).decode("ascii")) if m else None) or "utf-8"
    text, findings = _decode(body, name, codec)
    return text, findings, body if codec == "utf-8" and not findings else None


def decode_json(data: bytes, name: str) -> tuple[str, list[Finding]]:
    """The JSON text (BOM removed) and any decoding finding."""
    bom = _bom(data)
    if bom is not None:
        return _decode(data[bom[1] :], name, bom[0])
    return _decode(data, name, "utf-8")

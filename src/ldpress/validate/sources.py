"""Read inputs into :class:`~ldpress.validate.model.Source` objects: files, pages, directories,
stdin.

:func:`iter_sources` expands paths (directories recursively, in sorted order, filtered by
include/exclude globs; ``-`` for stdin) and yields one source per input, lazily, so memory
stays flat on big sites.  :func:`load_source` turns bytes into a source: gzip is undone,
bytes are decoded (HTML by BOM, then ``<meta charset>``, then UTF-8, falling back to
windows-1252 with a warning), JSON-LD script elements and microdata/RDFa items become
located blocks.  Nothing here raises on bad input: an unreadable file, a broken gzip stream
or an oversized input is an ``input.*`` finding on the source.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from fnmatch import translate
from functools import lru_cache
from pathlib import Path
from typing import Literal

from ldpress.findings import Finding, Severity
from ldpress.fsutil import read_limited
from ldpress.validate.decode import decode_html_utf8, decode_json, gunzip
from ldpress.validate.htmlscan import scan_page
from ldpress.validate.iris import looks_like_jsonld
from ldpress.validate.model import Source
from ldpress.validate.pageurl import find_page_url
from ldpress.validate.tolerant import parse_block

MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Largest input (after decompression) ldpress reads; bigger inputs get ``input.too_large``."""

JSON_SUFFIXES = (".jsonld", ".json")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DEFAULT_PATTERNS = tuple(f"*{s}" for s in (*JSON_SUFFIXES, *HTML_SUFFIXES)) + tuple(
    f"*{s}.gz" for s in (*JSON_SUFFIXES, *HTML_SUFFIXES)
)

SourceKind = Literal["jsonld", "html"]


def _finding(name: str, code: str, message: str, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(code, severity, message, file=name)


def kind_from_name(name: str) -> SourceKind | None:
    """``jsonld``/``html`` from the file name (``.gz`` looked through), None when unknown."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    if lower.endswith(JSON_SUFFIXES):
        return "jsonld"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    return None


def sniff_kind(data: bytes) -> SourceKind:
    """JSON when the first significant byte opens an object or array, else HTML."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    return "jsonld" if head[:1] in (b"{", b"[") else "html"


def load_source(name: str, data: bytes, kind: str | None = None) -> Source:
    """A :class:`Source` for ``data`` read from ``name`` (``-`` for stdin); never raises."""
    guess: SourceKind = "html" if (kind or kind_from_name(name)) == "html" else "jsonld"
    if len(data) > MAX_INPUT_BYTES:
        return _too_large(name, guess, len(data))
    if data[:2] == b"\x1f\x8b":
        try:
            data = gunzip(data, MAX_INPUT_BYTES)
        except OverflowError:
            return _too_large(name, guess, MAX_INPUT_BYTES + 1)
        except ValueError as exc:
            source = Source(file=name, kind=guess)
            source.findings.append(_finding(name, "input.bad_gzip", f"cannot decompress: {exc}"))
            return source
    resolved = kind or kind_from_name(name) or sniff_kind(data)
    if resolved == "html":
        return _load_html(name, data)
    return _load_json(name, data)


def _too_large(name: str, kind: SourceKind, size: int) -> Source:
    source = Source(file=name, kind=kind)
    message = f"input is larger than the {MAX_INPUT_BYTES} byte limit ({size} bytes); not read"
    source.findings.append(_finding(name, "input.too_large", message))
    return source


def _load_json(name: str, data: bytes) -> Source:
    text, findings = decode_json(data, name)
    source = Source(file=name, kind="jsonld", findings=findings)
    block = parse_block(text, file=name, index=0, kind="jsonld-file", line=1, column=1)
    if block.parsed and _plain_json_name(name) and not looks_like_jsonld(block.data):
        source.findings.append(_not_jsonld(name))
    else:
        source.blocks.append(block)
    return source


def _plain_json_name(name: str) -> bool:
    """``.json`` names any JSON (extractors' outputs, test expectations, configs next to the
    pages); only a JSON-LD keyword or an IRI key at its top level says it is structured data.
    ``.jsonld`` files, stdin and script elements claim to be JSON-LD: always read as such."""
    return name.lower().removesuffix(".gz").endswith(".json")


def _not_jsonld(name: str) -> Finding:
    return Finding(
        code="input.not_jsonld",
        severity=Severity.INFO,
        message="this .json file has no JSON-LD keyword (@context, @type, @id, ...) at its top "
        "level, so it is not read as structured data",
        file=name,
        line=1,
        column=1,
        path="$",
        rule_url="https://www.w3.org/TR/json-ld11/",
        hint='if it is JSON-LD, add "@context": "https://schema.org" (or name it .jsonld)',
    )


def _load_html(name: str, data: bytes) -> Source:
    text, findings, utf8 = decode_html_utf8(data, name)
    source = load_html_text(name, text, utf8)
    source.findings[:0] = findings
    return source


def load_html_text(name: str, text: str, utf8: bytes | None = None) -> Source:
    """A :class:`Source` for an already decoded HTML page; never raises.  ``utf8``, when
    given, must be the bytes ``text`` is the UTF-8 decoding of (the DOM parser reads them
    instead of encoding the text again)."""
    source = Source(file=name, kind="html", text=text, utf8=utf8)
    scan = scan_page(text, utf8)
    if utf8 is not None:
        source.lower = scan.lower
    for index, script in enumerate(scan.scripts):
        block = parse_block(
            script.text,
            file=name,
            index=index,
            kind="jsonld-script",
            line=script.line,
            column=script.column,
        )
        if not script.terminated:
            block.findings.append(
                Finding(
                    "syntax.unterminated_script",
                    Severity.WARNING,
                    "the JSON-LD script element is not closed before the end of the page",
                    file=name,
                    line=script.line,
                    column=script.column,
                )
            )
        source.blocks.append(block)
    source.url = find_page_url(text, utf8)
    # imported here: the microdata/RDFa readers (selectolax) are ~40 ms of start-up that a
    # JSON-LD-only run, ``ldpress build``'s check of its bundles, never needs
    from ldpress.validate.markup import add_markup_blocks

    add_markup_blocks(source, scan, utf8)
    return source


def read_source(path: str | Path, name: str | None = None) -> Source:
    """Read one file into a :class:`Source`; an unreadable file is a finding, not an error."""
    display = name if name is not None else str(path)
    kind = kind_from_name(display)
    try:
        size = Path(path).stat().st_size
        if size > MAX_INPUT_BYTES:
            return _too_large(display, kind or "jsonld", size)
        data = read_limited(path, MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        source = Source(file=display, kind=kind or "jsonld")
        source.findings.append(_finding(display, "input.not_found", "no such file"))
        return source
    except OSError as exc:
        source = Source(file=display, kind=kind or "jsonld")
        message = f"cannot read the file: {exc.strerror or exc}"
        source.findings.append(_finding(display, "input.unreadable", message))
        return source
    return load_source(display, data, kind)


def _matches(rel: str, patterns: Sequence[str]) -> bool:
    """Whether the relative path or its file name matches one of the globs (fnmatch's)."""
    return _hit(_globs(tuple(patterns)), rel, rel.rsplit("/", 1)[-1])


def _hit(match: Callable[[str], re.Match[str] | None], rel: str, name: str) -> bool:
    """Whether ``match`` (a :func:`_globs` set) takes the relative path or its last part."""
    return match(rel) is not None or match(name) is not None


@lru_cache(maxsize=64)
def _globs(patterns: tuple[str, ...]) -> Callable[[str], re.Match[str] | None]:
    # One regex for the whole set instead of fnmatch per file, pattern, path and name (up
    # to ten calls a file, 5% of a cached re-run of a 10,000-page site under the profiler).
    # fnmatch normalises case with os.path.normcase, which is the identity on POSIX.
    joined = "|".join(translate(os.path.normcase(p)) for p in patterns) or "(?!)"
    match = re.compile(joined).match
    if os.path.normcase("A") == "A":
        return match
    return lambda text: match(os.path.normcase(text))


def iter_files(
    root: str, include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> Iterator[str]:
    """Files under ``root`` (paths joined to ``root`` as given), sorted by relative path.

    Without ``include`` only JSON-LD, JSON and HTML files (optionally gzipped) are taken;
    hidden files and directories (``.git``, ``.ldpress-cache``) are skipped.
    """
    wanted = _globs(tuple(include) or DEFAULT_PATTERNS)
    unwanted = _globs(tuple(exclude)) if exclude else None
    # os.path.join(root, *parts) without the call: the root as the user spelled it ("./site",
    # "site/") followed by the relative path in the platform's spelling.
    prefix = os.path.join(root, "")  # noqa: PTH118
    found: list[tuple[list[str], str]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        rel_dir = "" if rel_dir == "." else rel_dir.replace(os.sep, "/") + "/"
        dirnames[:] = [
            d
            for d in dirnames
            if not d.startswith(".") and not (unwanted and _hit(unwanted, rel_dir + d, d))
        ]
        for filename in filenames:
            if filename[:1] == ".":
                continue
            rel = rel_dir + filename
            if not _hit(wanted, rel, filename) or (unwanted and _hit(unwanted, rel, filename)):
                continue
            parts = rel.split("/")
            found.append((parts, prefix + (rel if os.sep == "/" else rel.replace("/", os.sep))))
    found.sort()
    for _, path in found:
        yield path


def iter_sources(
    paths: Sequence[str], include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> Iterator[Source]:
    """One :class:`Source` per input, in a deterministic order: the paths in the order
    given, each directory's files sorted; ``-`` reads stdin."""
    for p in paths:
        if p == "-":
            try:
                data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
            except (OSError, ValueError, AttributeError) as exc:
                source = Source(file="-", kind="jsonld")
                source.findings.append(
                    _finding("-", "input.unreadable", f"cannot read stdin: {exc}")
                )
                yield source
                continue
            yield load_source("-", data)
        elif Path(p).is_dir():
            for path in iter_files(p, include, exclude):
                yield read_source(path)
        else:
            yield read_source(p)

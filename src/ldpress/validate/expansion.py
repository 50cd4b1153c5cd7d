"""The JSON-LD layer: expand each block offline and report what JSON-LD itself gets wrong.

Remote contexts other than schema.org's are refused before any loader is asked (no network);
blocks with only the schema.org context take the fast expander, anything else goes through
pyld with the offline loader, whose errors become ``jsonld.invalid`` findings with pyld's
code.  Problems expansion does not raise on -- misspelt keywords, terms that map to no IRI,
null values, relative or malformed IRIs -- are found by walking the block as written, with
each key resolved by pyld's rules (:class:`~ldpress.validate.fastexpand.Terms`).  No layer
reads an expanded document, so none is kept: the fast path only checks that expansion would
succeed (:func:`~ldpress.validate.fastcheck.fast_check`).  Later layers find each block's
top-level terms in ``ctx.scratch``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

from pyld.jsonld import JsonLdError

from ldpress.errors import RemoteDocumentRefused
from ldpress.findings import Finding, Severity, json_path
from ldpress.jsonld import OfflineLoader, default_loader, expand
from ldpress.validate.fastcheck import fast_check, fast_check_closed
from ldpress.validate.fastexpand import Terms, is_schema_context, schema_terms
from ldpress.validate.jsonldscan import find_path, iter_context_urls, names_other_context
from ldpress.validate.jsonldwalk import BlockWalk
from ldpress.validate.model import Block, Context, Source

TERMS = "jsonld.terms"
_LOADER = "jsonld.loader"
JSONLD_SPEC = "https://www.w3.org/TR/json-ld11/"

# Where pyld's error codes point in the block as written.
_ERROR_KEYS: dict[str, tuple[str, ...]] = {
    "invalid @id value": ("@id", "id"),
    "invalid type value": ("@type", "type"),
    "colliding keywords": ("@id", "id", "@type", "type"),
    "invalid value object": ("@value",),
    "invalid typed value": ("@value",),
    "invalid language-tagged value": ("@language", "@value"),
    "invalid set or list object": ("@list", "@set"),
    "invalid reverse property map": ("@reverse",),
}


def loader_for(ctx: Context) -> OfflineLoader:
    """The run's loader: the shared one, or one with the user's allowlist."""
    loader = ctx.scratch.get(_LOADER)
    if loader is None:
        allow = ctx.options.allow_context
        loader = OfflineLoader(allow=allow) if allow else default_loader()
        ctx.scratch[_LOADER] = loader
    assert isinstance(loader, OfflineLoader)
    return loader


def base_of(source: Source, ctx: Context) -> str | None:
    """The base IRI for relative @ids: the page's own URL when it is absolute (a relative
    canonical link is resolved against ``--base-url`` when given, else ignored)."""
    page, given = source.url, ctx.options.base_url
    if page and _ABSOLUTE.match(page):
        return page
    if page and given and _ABSOLUTE.match(given):
        return urljoin(given, page)
    return given if given and _ABSOLUTE.match(given) else None


_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^\s/]+")


def block_terms(block: Block, ctx: Context) -> Terms | None:
    """The terms of the block's top-level context (None: unknown, e.g. a refused context)."""
    cache: dict[int, Terms | None] = ctx.scratch.setdefault(TERMS, {})
    if block.index in cache:
        return cache[block.index]
    terms = _top_terms(block.data, ctx)
    cache[block.index] = terms
    return terms


def _top_terms(data: Any, ctx: Context) -> Terms | None:
    top = data[0] if isinstance(data, list) and data else data
    if not isinstance(top, dict):
        return None
    local = top.get("@context")
    if is_schema_context(local):
        return schema_terms()
    initial = Terms.initial(loader_for(ctx))
    if local is None:
        return initial
    try:
        return initial.with_context(local)
    except Exception:  # refused or invalid: reported by check(); terms stay unknown
        return None


def check(source: Source, ctx: Context) -> Iterator[Finding]:
    """Findings of the JSON-LD layer for every parsed block of ``source``."""
    base = base_of(source, ctx)
    for block in source.blocks:
        if not block.parsed:
            continue
        findings: list[Finding] = []
        has_base = source.kind == "html" or base is not None
        if not _expand_block(block, ctx, base, findings, has_base):
            BlockWalk(block, has_base, findings).run(block_terms(block, ctx))
        yield from findings


def _expand_block(
    block: Block, ctx: Context, base: str | None, findings: list[Finding], has_base: bool
) -> bool:
    """Report what stops the block from expanding (the expanded document is not needed);
    True: it expands and the walk of the block as written would find nothing either."""
    if not isinstance(block.data, dict | list):
        # pyld would take a top-level string for a URL to load: never hand it one
        findings.append(
            _finding(block, (), "jsonld.invalid", "a JSON-LD block must be an object or an array")
        )
        return False
    try:
        closed = fast_check_closed(block.data, base, has_base)
    except Exception:  # whatever it is, the full sequence below reports it
        closed = 0
    if closed:
        # expands, and names no context but schema.org's or a top-level @vocab
        return closed == 2
    loader = loader_for(ctx)
    refused = False
    urls = iter_context_urls(block.data) if names_other_context(block.data) else iter(())
    for path, url in urls:
        if not is_schema_context(url) and url not in loader.allow:
            findings.append(_remote(block, path, url))
            refused = True
    if refused:
        return False  # expansion would need the refused context
    try:
        if not fast_check(block.data, base):
            expand(block.data, base=base, loader=loader)
    except JsonLdError as exc:
        findings.append(_from_pyld(block, exc))
    except RecursionError:
        findings.append(_finding(block, (), "jsonld.invalid", "the block nests too deeply"))
    except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
        # pyld raises plain Python errors on some malformed IRIs (an empty or relative one
        # resolved against no base); the block is still bad content, never a crash.
        message = f"JSON-LD expansion failed: {type(exc).__name__}: {exc}"
        findings.append(_finding(block, (), "jsonld.invalid", message[:300]))
    return False


def _remote(block: Block, path: tuple[str | int, ...], url: str) -> Finding:
    return _finding(
        block,
        path,
        "jsonld.remote_context",
        f"remote context {url!r} refused: ldpress works offline and serves only schema.org's",
        hint=f"if you trust it, allow it with --allow-context {url}",
    )


def _refused_url(exc: BaseException) -> str | None:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, RemoteDocumentRefused):
            return seen.url
        details = getattr(seen, "details", None)
        cause = details.get("cause") if isinstance(details, dict) else None
        seen = cause if isinstance(cause, BaseException) else seen.__cause__
    return None


def _from_pyld(block: Block, exc: JsonLdError) -> Finding:
    url = _refused_url(exc)
    if url is not None:
        path = find_path(block.data, ("@context",)) or ()
        return _remote(block, path, url)
    code = str(getattr(exc, "code", None) or getattr(exc, "type", "error"))
    path = find_path(block.data, _ERROR_KEYS.get(code, ("@context",))) or ()
    message = str(exc).split("\n", 1)[0]
    return _finding(block, path, "jsonld.invalid", f"JSON-LD error ({code}): {message}")


def _finding(
    block: Block, path: tuple[str | int, ...], code: str, message: str, hint: str | None = None
) -> Finding:
    line, column = block.locate(path)
    return Finding(
        code=code,
        severity=Severity.ERROR,
        message=message,
        file=block.file,
        line=line,
        column=column,
        path=json_path(*path),
        rule_url=JSONLD_SPEC,
        hint=hint,
    )

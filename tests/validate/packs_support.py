"""Test support for the pack and consistency layers: Sources through the real page loader
(ldpress.validate.sources: JSON-LD scripts located in the page, tolerant syntax, microdata
and RDFa), and the two layers run together."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ldpress.findings import Finding
from ldpress.validate import consistency, packs, sources
from ldpress.validate.model import Context, Options, Source
from ldpress.validate.packs import Target


def html_source(name: str, html: str, url: str | None = None) -> Source:
    source = sources.load_source(name, html.encode("utf-8"), "html")
    source.url = url
    return source


def jsonld_source(name: str, text: str) -> Source:
    return sources.load_source(name, text.encode("utf-8"), "jsonld")


def load_source(path: Path, name: str | None = None, url: str | None = None) -> Source:
    source = sources.load_source(name or path.name, path.read_bytes())
    source.url = url
    return source


def run_layers(source: Source, options: Options | None = None) -> list[Finding]:
    """Findings of the pack and consistency layers, sorted."""
    ctx = Context(options or Options())
    found = [*packs.check(source, ctx), *consistency.check(source, ctx)]
    return sorted(found, key=Finding.sort_key)


def codes(findings: list[Finding]) -> list[str]:
    return sorted(f.code for f in findings)


def entity_targets(paths: Iterable[Path]) -> Iterator[tuple[Path, Target, dict[str, Any]]]:
    """(page, target, resolved view) for every entity of every page and each pack's target
    for it, through the real loader and page graph."""
    from ldpress.validate.packs.engine import match_target
    from ldpress.validate.packs.values import vocabulary
    from ldpress.validate.resolve import PageGraph

    for path in paths:
        graph = PageGraph(load_source(path))
        for entity in graph.entities:
            for pack in packs.select_packs(None):
                target = match_target(pack, entity.types, vocabulary())
                if target is not None:
                    yield path, target, graph.view(entity).data

"""The syntax layer reports source and block findings with the file filled in."""

from __future__ import annotations

from ldpress.findings import Finding, Severity
from ldpress.validate import syntax
from ldpress.validate.model import Context, Options, Source
from ldpress.validate.sources import load_source


def test_check_yields_source_and_block_findings_located() -> None:
    page = (
        b"<p>\xff\n"
        b'<script type="application/ld+json">{"a": 1,}</script>\n'
        b'<script type="application/ld+json">{"a": x}</script>\n'
        b'<script type="application/ld+json">{"ok": true}</script>'
    )
    source = load_source("site/p.html", page)
    found = list(syntax.check(source, Context(Options())))
    assert [(f.file, f.code, f.severity, f.line, f.column) for f in found] == [
        ("site/p.html", "input.encoding_fallback", Severity.WARNING, 1, 4),
        ("site/p.html", "syntax.trailing_comma", Severity.WARNING, 2, 43),
        ("site/p.html", "syntax.invalid_json", Severity.ERROR, 3, 42),
    ]
    assert [b.parsed for b in source.blocks] == [True, False, True]


def test_findings_without_position_get_the_block_position() -> None:
    source = load_source("x.html", b'\n\n<script type="application/ld+json">{}</script>')
    source.blocks[0].findings.append(Finding("syntax.test", Severity.INFO, "m"))
    source.findings.append(Finding("input.test", Severity.INFO, "m"))
    found = list(syntax.check(source, Context(Options())))
    assert [(f.file, f.line, f.column) for f in found] == [
        ("x.html", None, None),
        ("x.html", 3, 36),
    ]


def test_clean_source_has_no_findings() -> None:
    assert list(syntax.check(Source(file="-", kind="jsonld"), Context(Options()))) == []

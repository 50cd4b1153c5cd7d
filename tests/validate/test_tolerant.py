"""Strict then tolerant parsing of blocks: repairs, their page positions, errors, locator."""

from __future__ import annotations

from typing import Any

import pytest

from ldpress.findings import Severity
from ldpress.validate.model import Block
from ldpress.validate.tolerant import MAX_DEPTH, parse_block


def parse(text: str, line: int = 1, column: int = 1) -> Block:
    return parse_block(text, file="p.html", index=0, kind="jsonld-script", line=line, column=column)


def codes(block: Block) -> list[tuple[str, int | None, int | None]]:
    return [(f.code, f.line, f.column) for f in block.findings]


def test_strict_json_has_no_findings() -> None:
    block = parse('{"@type": "Thing", "name": "x"}')
    assert block.parsed and block.data == {"@type": "Thing", "name": "x"} and not block.findings


@pytest.mark.parametrize(
    ("text", "data", "expected"),
    [
        (
            '{"a": [1, 2,], }',
            {"a": [1, 2]},
            [("syntax.trailing_comma", 1, 12), ("syntax.trailing_comma", 1, 14)],
        ),
        (
            '{"a": 1, // c\n}',
            {"a": 1},
            [("syntax.js_comment", 1, 10), ("syntax.trailing_comma", 1, 8)],
        ),
        ('/* x */ {"a": 1}', {"a": 1}, [("syntax.js_comment", 1, 1)]),
        (
            '<!--\n{"a": 1}\n-->',
            {"a": 1},
            [("syntax.html_comment", 1, 1), ("syntax.html_comment", 3, 1)],
        ),
        ('<!-- note -->\n{"a": 1}', {"a": 1}, [("syntax.html_comment", 1, 1)]),
        (
            '//<![CDATA[\n{"a": 1}\n//]]>',
            {"a": 1},
            [("syntax.js_comment", 1, 1), ("syntax.js_comment", 3, 1)],
        ),
        ('<![CDATA[{"a": 1}]]>', {"a": 1}, [("syntax.cdata", 1, 1), ("syntax.cdata", 1, 18)]),
        ('{"a": 1};', {"a": 1}, [("syntax.trailing_semicolon", 1, 9)]),
        ('{"a": "x\ny\tz"}', {"a": "x\ny\tz"}, [("syntax.control_character", 1, 9)]),
        (
            '{"a": "\\\'q\\x"}',
            {"a": "'qx"},
            [("syntax.bad_escape", 1, 8), ("syntax.bad_escape", 1, 11)],
        ),
        ('{"a": "\\ud800"}', {"a": "\ufffd"}, [("syntax.bad_escape", 1, 8)]),
        (
            "{'a': 'it\\'s \"q\"'}",
            {"a": 'it\'s "q"'},
            [("syntax.single_quotes", 1, 2), ("syntax.single_quotes", 1, 7)],
        ),
        ('{"a": 1}}', {"a": 1}, [("syntax.stray_bracket", 1, 9)]),
        ('\ufeff{"a": 1}', {"a": 1}, [("syntax.byte_order_mark", 1, 1)]),
    ],
)
def test_repairs(text: str, data: Any, expected: list[tuple[str, int, int]]) -> None:
    block = parse(text)
    assert block.parsed and block.data == data
    assert codes(block) == expected
    assert all(f.severity is Severity.WARNING for f in block.findings)


def test_concatenated_values_become_a_list() -> None:
    block = parse('{"a": 1}\n{"b": 2},[3]')
    assert block.data == [{"a": 1}, {"b": 2}, [3]]
    assert codes(block) == [
        ("syntax.concatenated_values", 2, 1),
        ("syntax.concatenated_values", 2, 10),
    ]
    assert block.locate((1, "b")) == (2, 2)


def test_entity_encoded_body() -> None:
    block = parse("{&quot;name&quot;: &quot;A &amp; B&quot;,}", line=5, column=10)
    assert block.data == {"name": "A & B"}
    assert codes(block) == [("syntax.html_entities", 5, 11), ("syntax.trailing_comma", 5, 50)]
    assert block.locate(("name",)) == (5, 11)


@pytest.mark.parametrize("text", ["", "  \n\t", "<!-- -->", "//only a comment"])
def test_empty_blocks_warn_and_are_not_parsed(text: str) -> None:
    block = parse(text, line=3, column=4)
    assert not block.parsed
    assert (block.findings[-1].code, block.findings[-1].severity) == (
        "syntax.empty_block",
        Severity.WARNING,
    )
    assert all(f.severity is Severity.WARNING for f in block.findings)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"a": b}', (1, 7)),
        ('{\n  "a": "say "hi"",\n}', (2, 14)),
        ('{"a": [1, 2}', (1, 12)),
        ('{"a": 1', (1, 8)),
        ("Musik und Sport", (1, 1)),
        ("[NaN]", (1, 2)),
    ],
)
def test_unrecoverable_is_an_error_where_parsing_failed(text: str, where: tuple[int, int]) -> None:
    block = parse(text)
    assert not block.parsed and block.data is None
    errors = [f for f in block.findings if f.severity is Severity.ERROR]
    assert [(f.code, f.line, f.column) for f in errors] == [("syntax.invalid_json", *where)]


def test_error_position_is_in_page_coordinates() -> None:
    block = parse('{"a": 1,\n "b": x}', line=40, column=12)
    assert codes(block) == [("syntax.invalid_json", 41, 7)]
    block = parse('{"a": x}', line=40, column=12)
    assert codes(block) == [("syntax.invalid_json", 40, 18)]


def test_repairs_after_the_failure_are_not_reported() -> None:
    block = parse('{"a": "<img src="https://x/y">", "b": 1,}')
    assert [f.code for f in block.findings] == ["syntax.invalid_json"]


def test_too_deep_is_refused() -> None:
    deep = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    block = parse(deep)
    assert not block.parsed and [f.code for f in block.findings] == ["input.too_deep"]
    ok = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert parse(ok).parsed


def test_locator_for_strict_block() -> None:
    text = '{\n  "@graph": [\n    {"@type": "Person", "name": "A"},\n    "x"\n  ]\n}'
    block = parse(text, line=10, column=5)
    assert block.locator is not None and not block.positions  # lazy
    assert block.locate(()) == (10, 5)
    assert block.locate(("@graph",)) == (11, 3)
    assert block.locate(("@graph", 0)) == (12, 5)
    assert block.locate(("@graph", 0, "name")) == (12, 25)
    assert block.locate(("@graph", 1)) == (13, 5)
    assert block.locate(("@graph", 0, "missing", 3)) == (12, 5)


def test_locator_after_length_changing_repairs() -> None:
    text = '{"d": "a\nb\nc", "e\\q": 1, "k": [0, \'v\']}'
    block = parse(text, line=2, column=3)
    assert block.data == {"d": "a\nb\nc", "eq": 1, "k": [0, "v"]}
    assert block.locate(("eq",)) == (4, 5)
    assert block.locate(("k", 1)) == (4, 24)


def test_escaped_keys_are_located() -> None:
    block = parse('{"a\\u0062": {"\\"": 1}}')
    assert block.locate(("ab", '"')) == (1, 14)

"""Located safe YAML loading."""

from __future__ import annotations

import pytest

from ldpress.authoring import yamlpos
from ldpress.authoring.yamlpos import load_located

TEXT = """\
url: https://example.org/a
nodes:
  article:
    "@type": NewsArticle
    datePublished: 2012-11-15
    country: NO
    flag: true
    items: [1, two]
"""


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "python":
        monkeypatch.setattr(yamlpos, "_CParser", None)
    elif yamlpos._CParser is None:
        pytest.skip("PyYAML without libyaml")
    return str(request.param)


def test_values_and_positions(parser: str) -> None:
    doc = load_located(TEXT, "f.yaml")
    assert doc.findings == []
    node = doc.data["nodes"]["article"]
    # Dates stay text (reduced precision survives); only true/false are booleans.
    assert node["datePublished"] == "2012-11-15" and node["country"] == "NO"
    assert node["flag"] is True and node["items"] == [1, "two"]
    assert doc.at(("nodes", "article", "datePublished"), key=True) == (5, 5)
    assert doc.at(("nodes", "article", "datePublished")) == (5, 20)
    assert doc.at(("nodes", "article", "items", 1)) == (8, 16)
    assert doc.at(("nodes", "article", "missing", 3)) == (4, 5)  # nearest located ancestor


def test_duplicate_keys_alias_and_syntax_are_findings(parser: str) -> None:
    doc = load_located("a: &x 1\nb: *x\na: 2\n", "f.yaml")
    assert [(f.code, f.line, f.column, f.path) for f in doc.findings] == [
        ("data.yaml_alias", 2, 4, "$.b"),
        ("data.duplicate_key", 3, 1, "$.a"),
    ]
    bad = load_located("a: [1, 2\n", "f.yaml")
    assert [(f.code, f.line) for f in bad.findings] == [("data.yaml_syntax", 2)]
    assert load_located("", "f.yaml").findings[0].code == "data.empty"


def test_unsafe_tags_are_refused(parser: str) -> None:
    doc = load_located("a: !!python/object/apply:os.system ['true']\n", "f.yaml")
    assert [(f.code, f.line, f.column) for f in doc.findings] == [("data.yaml_tag", 1, 4)]
    doc = load_located("a: !!python/name:os.system\n", "f.yaml")
    assert [f.code for f in doc.findings] == ["data.yaml_tag"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !!int x\n", "'x' is not a YAML int"),
        ("a: !!float x\n", "'x' is not a YAML float"),
        ("a: !!bool x\n", "'x' is not a YAML bool"),
        ("a: !!int\n", "'' is not a YAML int"),
        ("!!int x: 1\n", "'x' is not a YAML int"),
    ],
)
def test_core_tags_on_text_they_cannot_read_are_findings(
    parser: str, text: str, message: str
) -> None:
    doc = load_located(text, "f.yaml")
    assert [(f.code, f.message, f.line) for f in doc.findings] == [("data.yaml_tag", message, 1)]
    assert load_located("a: !!int 12\nb: !!float 1.5\n", "f.yaml").data == {"a": 12, "b": 1.5}


def test_billion_laughs_does_not_expand(parser: str) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    doc = load_located("\n".join(lines) + "\n", "f.yaml")
    assert doc.findings and {f.code for f in doc.findings} == {"data.yaml_alias"}


def test_ampersand_in_text_is_no_anchor(parser: str) -> None:
    # "&" in text turns the libyaml alias watch on; it must not change what is loaded
    doc = load_located("a: https://x.org/?p=1&q=2\nb: [AT&T, &n c, *n]\n", "f.yaml")
    assert doc.data == {"a": "https://x.org/?p=1&q=2", "b": ["AT&T", "c", None]}
    assert [(f.code, f.line, f.column) for f in doc.findings] == [("data.yaml_alias", 2, 17)]


def test_positions_found_lazily_match_a_located_load(parser: str) -> None:
    doc = load_located(TEXT, "f.yaml")
    assert doc._values is None and doc._keys is None  # nothing located until asked
    assert doc.at(("nodes", "article", "items", 0)) == (8, 13)
    assert doc.values[("nodes", "article", "country")] == (6, 14)
    assert doc.keys[("nodes", "article", "flag")] == (7, 5)

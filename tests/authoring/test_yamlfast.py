"""The event path of the YAML load builds what the composing path builds, or declines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ldpress.authoring import yamlpos
from ldpress.authoring.yamlfast import plain_values

ROOT = Path(__file__).resolve().parents[2]
YAML_FILES = sorted(
    p for p in ROOT.glob("**/*.yaml") if ".git" not in p.parts and "output" not in p.parts
)

PLAIN = """\
url: https://example.org/a?x=1
slug: a
nodes:
  article:
    "@type": NewsArticle
    wordCount: 12
    ratio: 1.5
    flag: true
    other: false
    empty:
    tilde: ~
    country: NO
    date: 2012-11-15
    items: [1, two, {a: b}, [c]]
    text: |
      two
      lines
"""

UNUSUAL = [
    "",
    "# only a comment\n",
    "a: &x 1\nb: *x\n",
    "a: !!int 12\n",
    "a: !!str 12\n",
    "a: !custom x\n",
    "1: x\n",
    "? [a, b]\n: c\n",
    "a: 1\na: 2\n",
    "a: [1, 2\n",
    "a: 1\n---\nb: 2\n",
    "x: " + "[" * 40 + "]" * 40 + "\n",
    "a: !!set {x}\n",
]


def _composed(text: str) -> yamlpos.Located:
    # the composing path, positions and all (what a file with a finding is loaded with)
    return yamlpos._load(text, "f.yaml", track=True)


def _events(text: str) -> tuple[bool, Any]:
    loader = yamlpos._CLoader(text)
    try:
        return plain_values(loader)
    finally:
        loader.dispose()


pytestmark = pytest.mark.skipif(yamlpos._CParser is None, reason="PyYAML without libyaml")


def test_plain_text_builds_the_same_values() -> None:
    plain, data = _events(PLAIN)
    assert plain
    assert data == _composed(PLAIN).data
    assert data["nodes"]["article"]["country"] == "NO" and data["nodes"]["article"]["empty"] is None


@pytest.mark.parametrize("text", UNUSUAL)
def test_anything_unusual_is_left_to_the_composing_path(text: str) -> None:
    assert _events(text) == (False, None)
    # and load_located then reports what the composing path reports
    assert yamlpos.load_located(text, "f.yaml").findings == _composed(text).findings


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_repository_yaml_files_load_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    plain, data = _events(text)
    composed = _composed(text)
    assert plain or path.parent.name != "data"  # the shipped examples take the event path
    if plain:
        assert not composed.findings and data == composed.data
    loaded = yamlpos.load_located(text, "f.yaml")
    assert (loaded.data, loaded.findings) == (composed.data, composed.findings)


_scalars = st.one_of(
    st.text(max_size=12),
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
    st.sampled_from(["NO", "yes", "on", "~", "null", "0x1F", "1e3", "2012-08", ".inf", "&a"]),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(_values, st.booleans())
def test_dumped_values_load_the_same_either_way(value: object, flow: bool) -> None:
    text = yaml.safe_dump({"v": value}, default_flow_style=flow, allow_unicode=True)
    plain, data = _events(text)
    composed = _composed(text)
    if plain:
        assert data == composed.data and not composed.findings
    assert yamlpos.load_located(text, "f.yaml").data == composed.data

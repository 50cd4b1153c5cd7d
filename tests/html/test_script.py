from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from ldpress.html import json_for_script, script_tag

HOSTILE = ["</script>", "</SCRIPT >", "<!--", "<script>", "]]>", "<\\/", "&amp;", "\u2028\u2029"]


def test_hostile_strings_are_escaped_not_entity_encoded() -> None:
    text = json_for_script({"headline": "".join(HOSTILE)})
    for ch in "<>&\u2028\u2029":
        assert ch not in text
    assert "&lt;" not in text and "&amp;" not in text
    assert json.loads(text) == {"headline": "".join(HOSTILE)}


def test_script_tag_shape() -> None:
    tag = script_tag({"@type": "Thing"}, attrs='data-ldpress="1"')
    assert tag.startswith('<script type="application/ld+json" data-ldpress="1">\n')
    assert tag.endswith("\n</script>")


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=20,
    )
)
def test_round_trips_and_never_contains_markup(value: object) -> None:
    text = json_for_script(value)
    assert json.loads(text) == value
    assert "<" not in text and ">" not in text and "&" not in text

"""normalise_text: one folding table and a skip for texts it would not change, equal to
applying the invisible, quote and dash tables one after the other."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from ldpress.validate.packs import values
from ldpress.validate.packs.values import normalise_text

_SPECIAL = "\u2018\u2019\u201b\u2032`\u00b4\u201c\u201d\u2033\u00ab\u200b\u00ad\u2013\u2212\ufb01"


def _three_steps(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(values._INVISIBLE)
    text = text.translate(values._QUOTES).translate(values._DASHES)
    return " ".join(text.casefold().split())


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(_SPECIAL) | st.characters(exclude_categories=["Cs"])))
def test_normalise_text_equals_the_three_tables_in_turn(text: str) -> None:
    assert normalise_text(text) == _three_steps(text)


def test_every_folded_character() -> None:
    for code in values._FOLD:
        assert normalise_text(f"a{chr(code)}b") == _three_steps(f"a{chr(code)}b")
    assert (
        normalise_text("Mayor \u201cquits\u201d \u2014 fi\u00adnally") == 'mayor "quits" - finally'
    )

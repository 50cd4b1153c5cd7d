from __future__ import annotations

from dataclasses import FrozenInstanceError, fields
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ldpress.findings import Finding, Report, Severity, json_path


def test_json_path_brackets_keyword_keys() -> None:
    assert json_path("@graph", 2, "author") == "$['@graph'][2].author"
    assert json_path("og:title") == "$['og:title']"
    assert json_path() == "$"


def test_severity_order() -> None:
    assert Severity.ERROR.at_least(Severity.WARNING)
    assert not Severity.INFO.at_least(Severity.WARNING)


def test_finding_round_trips_through_dict() -> None:
    f = Finding(
        "vocab.unknown_property",
        Severity.ERROR,
        "unknown property 'headlin'",
        file="a.jsonld",
        line=3,
        column=5,
        path="$.headlin",
        hint="did you mean headline?",
    )
    d = f.to_dict()
    assert list(d) == [
        "file",
        "line",
        "column",
        "severity",
        "code",
        "message",
        "path",
        "node_id",
        "rule_url",
        "hint",
    ]
    assert Finding.from_dict(d) == f


def test_located_fills_only_missing_fields() -> None:
    f = Finding("x.y", Severity.WARNING, "m", line=4)
    g = f.located(file="p.html", line=9, column=2)
    assert (g.file, g.line, g.column) == ("p.html", 4, 2)


def test_report_counts_and_threshold() -> None:
    r = Report([Finding("a", Severity.WARNING, "w"), Finding("b", Severity.INFO, "i")])
    assert (r.errors, r.warnings, r.infos) == (0, 1, 1)
    assert not r.fails()
    assert r.fails(Severity.WARNING)


_text = st.none() | st.text(max_size=20)
_number = st.none() | st.integers(min_value=1, max_value=10**6)


@given(
    code=st.text(min_size=1, max_size=20),
    severity=st.sampled_from(list(Severity)),
    message=st.text(max_size=40),
    file=_text,
    line=_number,
    column=_number,
    path=_text,
    node_id=_text,
    rule_url=_text,
    hint=_text,
)
def test_finding_round_trips_through_row(**kw: Any) -> None:
    f = Finding(**kw)
    row = f.to_row()
    assert row == [kw[x.name] for x in fields(Finding)]  # declaration order
    back = Finding.from_row(orjson.loads(orjson.dumps(row)))
    assert back == f
    assert back.severity is f.severity
    assert hash(back) == hash(f)
    with pytest.raises(FrozenInstanceError):
        back.line = 1  # type: ignore[misc]


def test_from_row_refuses_other_shapes() -> None:
    row = Finding("a.b", Severity.INFO, "m").to_row()
    with pytest.raises(ValueError):
        Finding.from_row(row[:-1])
    with pytest.raises(ValueError):
        Finding.from_row([*row, None])
    with pytest.raises(KeyError):
        Finding.from_row(["a.b", "fatal", *row[2:]])

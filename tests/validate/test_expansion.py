"""The JSON-LD layer and the fast expander.

The fast expander must equal pyld exactly: a differential test runs both over every
schema.org JSON-LD example and every JSON-LD block of the corpus pages.  Hypothesis checks
that the layer never raises on any JSON value.
"""

from __future__ import annotations

import json
import re
import socket
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ldpress.findings import Severity
from ldpress.jsonld import expand
from ldpress.validate import expansion
from ldpress.validate.fastcheck import fast_check, fast_check_closed
from ldpress.validate.fastexpand import fast_expand, is_schema_context
from ldpress.validate.jsonldscan import iter_context_urls, names_other_context
from tests.conftest import CORPUS, SCHEMAORG, needs_shared
from tests.support.blocks import doc_source, make_context
from tests.support.schemaorg_examples import iter_examples

SCRIPT = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script\s*>", re.S | re.I)
CTX = "https://schema.org"


def _corpus_blocks() -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for page in sorted((CORPUS / "html").rglob("*.htm*")):
        text = page.read_text(encoding="utf-8", errors="replace")
        for i, m in enumerate(SCRIPT.finditer(text)):
            try:
                out.append((f"{page.name}#{i}", json.loads(m.group(1))))
            except ValueError:
                continue  # broken blocks are the syntax layer's business
    return out


def _example_blocks() -> list[tuple[str, Any]]:
    path = SCHEMAORG / "schemaorg-all-examples.txt"
    return [(e.id, json.loads(t)) for e in iter_examples(path) for t in e.jsonld_texts]


def codes(doc: Any, **kw: Any) -> list[tuple[str, str | None]]:
    src = doc_source(doc, **kw)
    return [(f.code, f.path) for f in expansion.check(src, make_context())]


@needs_shared
@pytest.mark.parametrize("base", [None, "https://news.example/a/b"])
def test_fast_expander_equals_pyld_on_examples_and_corpus(base: str | None) -> None:
    docs = _example_blocks() + _corpus_blocks()
    fast = compared = 0
    for name, doc in docs:
        got = fast_expand(doc, base)
        if got is None:
            continue
        fast += 1
        assert got == expand(doc, base=base), name
        compared += 1
    assert len(docs) > 900
    assert fast / len(docs) > 0.9  # the fast path must carry nearly every real block
    assert compared == fast


@needs_shared
@pytest.mark.parametrize("base", [None, "https://news.example/a/b"])
def test_fast_check_agrees_with_fast_expander_on_examples_and_corpus(base: str | None) -> None:
    docs = _example_blocks() + _corpus_blocks()
    agreed = [fast_check(doc, base) == (fast_expand(doc, base) is not None) for _, doc in docs]
    assert len(agreed) > 900
    assert all(agreed), [name for (name, _), ok in zip(docs, agreed, strict=True) if not ok]


def test_fast_expander_declines_what_it_does_not_model() -> None:
    assert fast_expand({"@context": {"@vocab": "x/"}, "name": "x"}, None) is None
    assert fast_expand({"@context": {"@vocab": CTX, "name": "@id"}, "name": "x"}, None) is None
    nested = {"@context": {"@vocab": "http://schema.org/"}, "about": {"@context": CTX}}
    assert fast_expand(nested, None) is None  # schema.org's context over a bare @vocab
    assert fast_expand({"@context": CTX, "@reverse": {"author": {"@id": "x"}}}, None) is None
    assert fast_expand({"@context": CTX, "@id": 5}, None) is None
    assert fast_expand({"@context": CTX, "name": {"@list": ["a"]}}, None) is None


@pytest.mark.parametrize("base", [None, "https://news.example/a/b"])
def test_fast_expander_models_a_bare_vocab_context(base: str | None) -> None:
    doc = [
        {"@context": {"@vocab": "https://schema.org/"}, "@type": "Dataset", "@id": "d"},
        {"@context": CTX, "@type": "Thing", "url": "u", "schema:name": {"@value": "n"}},
        {"@context": {"@vocab": "http://x.example/#"}, "url": "u", "@type": "schema:T"},
    ]
    assert fast_expand(doc, base) is not None
    assert fast_expand(doc, base) == expand(doc, base=base)


def test_fast_expander_nulls_and_empty_lists_like_pyld() -> None:
    doc = {"@context": CTX, "@type": [], "name": None, "image": [], "about": [None, "x"]}
    assert fast_expand(doc, None) == expand(doc)


def test_remote_context_refused_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*_: Any, **__: Any) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    doc = {"@context": [CTX, "https://evil.example/ctx.jsonld"], "@type": "Thing"}
    assert codes(doc) == [("jsonld.remote_context", "$['@context'][1]")]


def test_allowlisted_context_is_not_reported_as_remote() -> None:
    src = doc_source({"@context": "https://ctx.example/c", "name": "x"})
    ctx = make_context(allow_context=("https://ctx.example/c",))
    ctx.scratch["jsonld.loader"] = _StubLoader()
    found = [f.code for f in expansion.check(src, ctx)]
    assert "jsonld.remote_context" not in found


class _StubLoader(expansion.OfflineLoader):
    def __init__(self) -> None:
        super().__init__(allow=("https://ctx.example/c",), fetch=lambda url: {"@context": {}})


def test_keyword_typos_get_suggestions() -> None:
    src = doc_source({"@context": CTX, "@typ": "Thing", "@Id": "https://x.example/"})
    found = {f.path: f for f in expansion.check(src, make_context())}
    assert found["$['@typ']"].hint == "did you mean @type?"
    assert found["$['@Id']"].hint == "did you mean @id?"
    assert all(f.severity is Severity.ERROR for f in found.values())


def test_relative_iri_needs_a_base_only_in_standalone_files() -> None:
    doc = {"@context": CTX, "@id": "#a", "@type": "Thing", "url": "/x"}
    assert [c for c, _ in codes(doc)] == ["jsonld.relative_iri", "jsonld.relative_iri"]
    assert codes(doc, kind="html") == []
    assert codes(doc, url="https://news.example/a") == []


def test_schemeless_host_is_reported_even_with_a_base() -> None:
    doc = {"@context": CTX, "@type": "Thing", "url": "www.example.org/x", "image": "a.jpg"}
    assert codes(doc, kind="html") == [("jsonld.relative_iri", "$.url")]


def test_dropped_terms_and_nulls() -> None:
    doc = {"@context": {"name": "http://schema.org/name"}, "name": "x", "author": "y", "a": None}
    found = {(f.code, f.path, f.severity) for f in expansion.check(doc_source(doc), make_context())}
    assert ("jsonld.dropped", "$.author", Severity.WARNING) in found
    assert ("jsonld.dropped", "$.a", Severity.WARNING) in found  # no IRI either


def test_pyld_errors_become_findings_at_the_key() -> None:
    doc = {"@context": {"@vocab": "http://schema.org/"}, "@id": ["not", "a", "string"]}
    assert codes(doc) == [("jsonld.invalid", "$['@id']")]


def test_top_level_string_is_never_loaded_as_a_url() -> None:
    assert codes("https://evil.example/doc.jsonld") == [("jsonld.invalid", "$")]


def test_schema_org_blocks_never_reach_pyld(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any, **kw: Any) -> Any:
        raise AssertionError("pyld called for a block the fast check carries")

    monkeypatch.setattr(expansion, "expand", boom)
    doc = {"@context": CTX, "@type": "Thing", "@id": "https://x.example/#t", "name": ["a", 1]}
    assert codes(doc) == []


def test_blocks_the_fast_check_declines_still_go_to_pyld() -> None:
    # colliding keywords: the fast path declines, pyld reports
    doc = {"@context": CTX, "@id": "https://x.example/a", "id": "https://x.example/b"}
    assert not fast_check(doc, None)
    assert codes(doc) == [("jsonld.invalid", "$['@id']")]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "@context",
                    "@id",
                    "@type",
                    "@graph",
                    "@value",
                    "@list",
                    "name",
                    "author",
                    "url",
                    "@typ",
                    "x:y",
                    "id",
                    "type",
                ]
            )
            | st.text(max_size=5),
            inner,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(doc=JSON)
def test_never_raises_on_any_json(doc: Any) -> None:
    if isinstance(doc, dict) and "@context" in doc and not isinstance(doc["@context"], str):
        doc["@context"] = CTX
    list(expansion.check(doc_source(doc), make_context()))


SCHEMA_DOCS = st.dictionaries(
    st.sampled_from(["@id", "@type", "@value", "@language", "@graph", "id", "url", "name"]),
    JSON | st.floats(allow_nan=False) | st.just({"@value": "v", "@language": "en"}),
    max_size=5,
).flatmap(
    lambda d: st.sampled_from([CTX, {"@vocab": "https://schema.org/"}]).map(
        lambda c: {"@context": c, **d}
    )
)


@settings(max_examples=300, deadline=None)
@given(
    doc=SCHEMA_DOCS | st.lists(SCHEMA_DOCS, max_size=3),
    base=st.sampled_from([None, "https://n.example/a"]),
)
def test_fast_check_agrees_with_fast_expander_on_any_json(doc: Any, base: str | None) -> None:
    assert fast_check(doc, base) == (fast_expand(doc, base) is not None)


@settings(max_examples=300, deadline=None)
@given(doc=JSON)
def test_context_prescan_never_hides_a_context_url(doc: Any) -> None:
    urls = [url for _, url in iter_context_urls(doc)]
    if not names_other_context(doc):
        assert all(is_schema_context(url) for url in urls)
    assert not names_other_context({"@context": CTX, "a": [{"@context": "http://schema.org/"}]})
    assert names_other_context({"@context": CTX, "a": [{"@context": "https://x.example/"}]})


@pytest.mark.parametrize(
    "doc",
    [{"@context": {"@base": ""}, "@id": ""}, {"@context": {"@base": "a"}, "@id": "b"}],
    ids=["empty-base", "relative-base"],
)
def test_pyld_value_errors_become_findings(doc: Any) -> None:
    """pyld raises a plain ValueError on an empty or relative @base (found by the
    never-raises property); the layer reports it instead of crashing."""
    codes = [f.code for f in expansion.check(doc_source(doc), make_context())]
    assert "jsonld.invalid" in codes


def _closed(doc: Any) -> bool:
    try:
        return fast_check_closed(doc, None)
    except Exception:
        return False


@settings(max_examples=400, deadline=None)
@given(doc=JSON | SCHEMA_DOCS | st.lists(SCHEMA_DOCS, max_size=3))
def test_a_closed_fast_check_leaves_no_context_url_to_refuse(doc: Any) -> None:
    """The JSON-LD layer skips the context-URL walk when the fast check saw the whole
    document: then every context URL in it is schema.org's, and it expands."""
    if _closed(doc):
        assert fast_check(doc, None)
        assert all(is_schema_context(url) for _, url in iter_context_urls(doc))


@pytest.mark.parametrize(
    "doc",
    [
        {"@context": CTX, "@foo": {"@context": "https://x.example/"}},
        [{"@context": CTX, "name": "a"}, {"@value": {"@context": "https://x.example/"}}],
        {"@context": CTX, "@graph": [{"@value": 1, "x": [{"@context": "https://x.example/"}]}]},
    ],
    ids=["dropped-key", "top-level-value", "graph-value"],
)
def test_contexts_the_fast_check_does_not_see_are_still_refused(doc: Any) -> None:
    assert not _closed(doc)
    assert "jsonld.remote_context" in [c for c, _ in codes(doc)]

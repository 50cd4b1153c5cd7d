"""Run rule packs over the page graph: JSON Schema errors and named checks become findings.

For every entity of the page (all descriptions of one ``@id`` merged), each selected pack
picks the first target whose types match the entity's (subtypes through the vocabulary),
validates the entity's resolved view against the target's compiled schema and runs the
target's named checks.  A schema error is attributed to the innermost subschema annotated
with ``x-ldpress`` along its schema path; an error about a reference defined nowhere on the
page is dropped (the graph layer reports it once, instead of each rule again).  Targets with
scope ``main`` apply fully to the page's main entities only; elsewhere their findings become
info-level hints (``elsewhere: info``: only the rules that would be errors on a main entity,
as info) or are not produced (``elsewhere: skip``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any, NamedTuple

from ldpress.findings import Finding, Severity, json_path
from ldpress.validate.model import Context, Source
from ldpress.validate.nodes import node_id
from ldpress.validate.packs.checks import CHECKS
from ldpress.validate.packs.fastschema import rs_errors
from ldpress.validate.packs.model import ANNOTATION, CheckRule, Pack, Rule, Target, select_packs
from ldpress.validate.packs.values import vocabulary
from ldpress.validate.resolve import Entity, PageGraph, View, is_unresolved_reference, page_graph
from ldpress.vocab import Vocabulary

ViewPath = tuple[str | int, ...]


def check(source: Source, ctx: Context) -> Iterator[Finding]:
    """The rule-pack layer: findings of every selected pack on every entity of ``source``."""
    packs = select_packs(ctx.options.profiles, ctx.options.pack_dirs)
    graph = page_graph(source, ctx)
    vocab = vocabulary()
    seen: set[tuple[str, str | None, int, str]] = set()
    packs_key = tuple(map(id, packs))
    for entity in graph.entities:
        if not entity.types:
            continue
        # Most entities (breadcrumbs, images, organisations) match no pack's target.
        for target in _targets(packs, packs_key, entity.types, vocab):
            for f, block in _check_entity(target, entity, graph, vocab, ctx.options.infos):
                key = (f.code, f.path, block, f.message)
                if key not in seen:
                    seen.add(key)
                    yield f


_TARGETS: dict[tuple[tuple[int, ...], tuple[str, ...]], list[Target]] = {}


def _targets(
    packs: tuple[Pack, ...], packs_key: tuple[int, ...], types: list[str], vocab: Vocabulary
) -> list[Target]:
    """The target each pack picks for a node of ``types``, in pack order (memoised by the
    packs, keyed by ``packs_key``, and the type list: one look-up per entity instead of one
    per entity and pack)."""
    key = (packs_key, tuple(types))
    found = _TARGETS.get(key)
    if found is None:
        found = [t for p in packs if (t := match_target(p, types, vocab)) is not None]
        _TARGETS[key] = found
    return found


def _check_entity(
    target: Target, entity: Entity, graph: PageGraph, vocab: Vocabulary, infos: bool
) -> Iterator[tuple[Finding, int]]:
    hint_only = target.scope == "main" and entity.key not in graph.main
    if hint_only and (target.elsewhere == "skip" or not infos):
        return  # nothing, or only info-level hints nobody asked for
    view = graph.view(entity)
    for rule, path, detail, hint in _violations(target, view, vocab):
        if hint_only and rule.severity is not Severity.ERROR:
            continue  # a mentioned node gets hints about what a listing would need, no more
        f, block = _finding(rule, view, path, detail, hint)
        if hint_only:
            f = replace(
                f, severity=Severity.INFO, message=f"{f.message} (hint only: not a main entity)"
            )
        yield f, block


_MATCHED: dict[tuple[int, tuple[str, ...]], Target | None] = {}


def match_target(pack: Pack, types: list[str], vocab: Vocabulary) -> Target | None:
    """The first target of ``pack`` for a node of ``types`` (memoised: packs are loaded once)."""
    key = (id(pack), tuple(types))
    if key not in _MATCHED:
        _MATCHED[key] = _match(pack, types, vocab)
    return _MATCHED[key]


def _match(pack: Pack, types: list[str], vocab: Vocabulary) -> Target | None:
    for target in pack.targets:
        if any(vocab.is_subtype(t, x) for t in types for x in target.exclude):
            continue
        for t in types:
            if t in target.types or (
                target.subtypes and any(vocab.is_subtype(t, w) for w in target.types)
            ):
                return target
    return None


def _violations(
    target: Target, view: View, vocab: Vocabulary
) -> Iterator[tuple[Rule, ViewPath, str | None, str | None]]:
    for error in schema_errors(target, view.data):
        if _through_reference(view.data, error.path):
            continue
        rule = rule_for(target, error.schema_path)
        if rule is not None:
            yield rule, error.path, _describe(error, rule), None
    for c in target.checks:
        fn = CHECKS[c.check]
        for at, value in _values_at(view.data, c):
            for v in fn(value, view.data, c.args, vocab):
                yield c.rule, (*at, *v.path), v.detail, v.hint


class SchemaError(NamedTuple):
    """One JSON Schema error, whichever validator found it."""

    schema_path: tuple[str | int, ...]
    path: ViewPath
    keyword: str
    instance: Any


def schema_errors(target: Target, data: Any, reference: bool = False) -> Iterator[SchemaError]:
    """Errors of ``data`` against the target's schema: jsonschema-rs when available, else (or
    with ``reference``) python-jsonschema, whose results the tests hold the fast path to."""
    if target.fast is not None and not reference:
        # Most entities pass their target's schema, and is_valid costs a twentieth of
        # iter_errors, which builds its error iterator even when there is none to give.
        if target.fast.is_valid(data):
            return
        if target.split is not None and isinstance(data, dict):
            errors = target.split.errors(data)
        else:
            errors = rs_errors(target.fast, data)
        for schema_path, path, keyword, instance in errors:
            yield SchemaError(schema_path, path, keyword, instance)
        return
    for err in target.validator.iter_errors(data):
        yield SchemaError(
            tuple(err.absolute_schema_path),
            tuple(err.absolute_path),
            str(err.validator),
            err.instance,
        )


def _values_at(data: dict[str, Any], c: CheckRule) -> Iterator[tuple[ViewPath, Any]]:
    """Each value at the check's ``at`` path (list items one by one); the node for ""."""
    if not c.at:
        yield (), data
        return
    found: list[tuple[ViewPath, Any]] = [((), data)]
    for step in c.at:
        nxt: list[tuple[ViewPath, Any]] = []
        for where, value in found:
            if isinstance(value, dict) and step in value:
                child = value[step]
                if isinstance(child, list) and not c.args.get("whole"):
                    nxt.extend(((*where, step, i), v) for i, v in enumerate(child))
                else:
                    nxt.append(((*where, step), child))
        found = nxt
    yield from found


def _through_reference(data: Any, path: ViewPath) -> bool:
    cur = data
    for step in path:
        if is_unresolved_reference(cur):
            return True
        try:
            cur = cur[step]
        except (KeyError, IndexError, TypeError):
            return False
    return is_unresolved_reference(cur)


def rule_for(target: Target, schema_path: tuple[str | int, ...]) -> Rule | None:
    """The innermost ``x-ldpress`` rule along a schema path (local ``$ref``s followed)."""
    if schema_path in target.rules_by_path:
        return target.rules_by_path[schema_path]
    rule: dict[str, Any] | None = None
    node: Any = target.schema
    for step in schema_path:
        if isinstance(node, dict) and isinstance(node.get(ANNOTATION), dict):
            rule = node[ANNOTATION]
        if step == "$ref" and isinstance(node, dict):
            node = _local_ref(target.schema, node["$ref"])
        else:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                break
    found = Rule.from_annotation(target.pack_id, rule) if rule is not None else None
    target.rules_by_path[schema_path] = found
    return found


def _local_ref(root: dict[str, Any], ref: str) -> Any:
    node: Any = root
    for part in ref.lstrip("#").strip("/").split("/") if ref != "#" else []:
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def _describe(error: SchemaError, rule: Rule) -> str | None:
    if "{value}" in rule.message:
        return None
    if error.keyword in ("pattern", "maxLength", "not", "const", "enum", "format"):
        text = repr(error.instance)
        return f"{text[:80]}…" if len(text) > 80 else text
    return None


def _finding(
    rule: Rule, view: View, path: ViewPath, detail: str | None, hint: str | None
) -> tuple[Finding, int]:
    """The finding, and the index of the block it is in (for de-duplication)."""
    at, where = view.locate(path)
    types = view.data.get("@type")
    kind = types[0] if isinstance(types, list) and types else types
    message = rule.message.replace("{type}", kind if isinstance(kind, str) else "node")
    if "{value}" in message:
        value = _value_at(view.data, path)
        message = message.replace("{value}", repr(value)[:80])
    elif detail:
        message = f"{message}: {detail}"
    line, column = at.block.locate(where)
    found = Finding(
        code=rule.code,
        severity=rule.severity,
        message=message,
        file=at.block.file,
        line=line,
        column=column,
        path=json_path(*where),
        node_id=node_id(at.node) or node_id(view.root.node),
        rule_url=rule.source,
        hint=hint or rule.hint,
    )
    return found, at.block.index


def _value_at(data: Any, path: ViewPath) -> Any:
    cur = data
    for step in path:
        try:
            cur = cur[step]
        except (KeyError, IndexError, TypeError):
            return None
    return cur

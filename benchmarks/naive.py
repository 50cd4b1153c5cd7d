"""What ldpress is compared with: the naive pipeline and the floor.

- naive: extruct (JSON-LD only) + pyld expand with per-call context resolution (the same
  offline context, without the ``static`` tag, which is what pyld does with a plain
  document loader) + python-jsonschema validation of each node against a small Article
  schema: what a script written from the libraries' READMEs does;
- floor: a regex scan for JSON-LD script elements plus an orjson parse of each block, the
  least any JSON-LD checker must do.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

import orjson

SCRIPT_RE = re.compile(
    rb"<script[^>]*type\s*=\s*[\"']?application/ld\+json[^>]*>(.*?)</script",
    re.IGNORECASE | re.DOTALL,
)
ARTICLE_SCHEMA = {
    "type": "object",
    "properties": {
        "headline": {"type": "string"},
        "datePublished": {"type": "string"},
        "author": {"anyOf": [{"type": "object"}, {"type": "array"}, {"type": "string"}]},
    },
}


def floor_page(data: bytes) -> int:
    n = 0
    for m in SCRIPT_RE.finditer(data):
        with contextlib.suppress(orjson.JSONDecodeError):
            orjson.loads(m.group(1))
        n += 1
    return n


class Naive:
    """extruct + pyld (context re-resolved per call) + python-jsonschema."""

    def __init__(self) -> None:
        import extruct
        import jsonschema
        from pyld import jsonld

        from ldpress.jsonld.loader import OfflineLoader

        loader = OfflineLoader()

        def per_call(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
            doc = dict(loader(url, options))
            doc.pop("tag", None)  # no static tag: pyld re-processes the context every call
            return doc

        self.extruct = extruct
        self.jsonld = jsonld
        # pyld keeps resolved contexts in one module-level cache; ldpress's own runs in this
        # process fill it with static-tagged entries the naive loop must not profit from.
        self.own_cache = type(jsonld._resolved_context_cache)(maxsize=100)
        self.options = {"documentLoader": per_call}
        self.validator = jsonschema.Draft202012Validator(ARTICLE_SCHEMA)

    def page(self, data: bytes) -> int:
        try:
            blocks = self.extruct.extract(data, syntaxes=["json-ld"], uniform=False)["json-ld"]
        except Exception:
            return 0
        for block in blocks:
            self.doc(block)
        return len(blocks)

    def json_file(self, data: bytes) -> None:
        try:
            doc = orjson.loads(data)
        except orjson.JSONDecodeError:
            return
        self.doc(doc)

    def doc(self, block: Any) -> None:
        shared = self.jsonld._resolved_context_cache
        self.jsonld._resolved_context_cache = self.own_cache
        try:
            expanded = self.jsonld.expand(block, self.options)
        except Exception:
            return
        finally:
            self.jsonld._resolved_context_cache = shared
        for node in expanded:
            list(self.validator.iter_errors(node))

"""Parse schema.org's ``schemaorg-all-examples.txt`` into examples with their markup sections.

The file is a sequence of records, each starting with a ``TYPES: #eg-NNNN Term, ...`` line and
holding ``PRE-MARKUP:``, ``MICRODATA:``, ``RDFA:`` and ``JSON:`` sections.  A section may be a
placeholder (``TODO.``, ``No JSON-LD``, ``This example is in microdata only.``); its JSON-LD may
be bare JSON or wrapped in one or more ``<script type="application/ld+json">`` elements.  Tests
of several layers reuse this parser (JSON-LD here; microdata and RDFa for the extraction path).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SECTION_NAMES = ("PRE-MARKUP", "MICRODATA", "RDFA", "JSON")
_RECORD_RE = re.compile(r"^TYPES:", re.MULTILINE)
_SECTION_RE = re.compile(r"^(PRE-MARKUP|MICRODATA|RDFA|JSON):[ \t]*$", re.MULTILINE)
_ID_RE = re.compile(r"#(eg-\d+)")
_SCRIPT_RE = re.compile(
    r"<script[^>]*type\s*=\s*[\"']?application/ld\+json[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class Example:
    """One record: its id (``eg-0382``), the terms it illustrates and its raw sections."""

    id: str
    terms: tuple[str, ...]
    line: int
    sections: dict[str, str] = field(default_factory=dict)

    @property
    def microdata(self) -> str | None:
        return _markup(self.sections.get("MICRODATA", ""))

    @property
    def rdfa(self) -> str | None:
        return _markup(self.sections.get("RDFA", ""))

    @property
    def jsonld_texts(self) -> list[str]:
        """The JSON texts of the JSON section: each script element's body, or the bare JSON."""
        body = self.sections.get("JSON", "").strip()
        if "<script" in body.lower():
            return [m.group(1).strip() for m in _SCRIPT_RE.finditer(body)]
        if body.startswith(("{", "[")):
            return [body]
        return []


def _markup(text: str) -> str | None:
    """Markup of a section, or None for placeholders (markup always contains a tag)."""
    body = text.strip()
    return body if body.startswith("<") else None


def _parse_record(record: str, line: int) -> Example:
    header, _, rest = record.partition("\n")
    found = _ID_RE.search(header)
    eid = found.group(1) if found else f"line-{line}"
    terms = tuple(t.strip() for t in _ID_RE.sub("", header).split(",") if t.strip())
    sections: dict[str, str] = {}
    marks = list(_SECTION_RE.finditer(rest))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(rest)
        sections[m.group(1)] = rest[m.end() : end].strip("\n")
    return Example(eid, terms, line, sections)


def iter_examples(path: Path) -> Iterator[Example]:
    """Every record of the examples file, in file order."""
    text = path.read_text(encoding="utf-8")
    starts = [m.start() for m in _RECORD_RE.finditer(text)]
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        line = text.count("\n", 0, start) + 1
        yield _parse_record(text[start + len("TYPES:") : end], line)

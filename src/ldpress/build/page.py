"""The minimal HTML5 page written next to each bundle.

Title and heading are the main node's headline (or name); the article text, or for a
ClaimReview the claim, the verdict and the review text, is visible, so page-consistency
checks find the markup's content on the page.  The bundle is embedded with the shared
:func:`ldpress.html.script_tag`, so no string in the data can end the script element.  The
provenance notes are listed in a visible aside: readers should see what the editors added
or inferred as plainly as the data file records it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ldpress.authoring.format import Note
from ldpress.html import script_tag

BODY_PROPERTIES = ("articleBody", "reviewBody", "text", "description")


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _paragraphs(text: str) -> list[str]:
    return [f"<p>{escape(line.strip())}</p>" for line in text.splitlines() if line.strip()]


def _review_lines(main: dict[str, Any]) -> list[str]:
    lines = []
    claim = _text(main.get("claimReviewed"))
    if claim:
        lines.append(f'<p class="claim">Claim: {escape(claim)}</p>')
    rating = main.get("reviewRating")
    verdict = _text(rating.get("alternateName")) if isinstance(rating, dict) else ""
    if verdict:
        lines.append(f'<p class="verdict">Verdict: {escape(verdict)}</p>')
    return lines


def _notes(provenance: dict[str, Note]) -> list[str]:
    if not provenance:
        return []
    items = []
    for where in sorted(provenance):
        note = provenance[where]
        kind, why = ("added", note.added) if note.added is not None else ("inferred", note.inferred)
        items.append(f"<li><code>{escape(where)}</code>: {kind}: {escape(why or '')}</li>")
    return [
        '<aside class="provenance">',
        "<h2>About this data</h2>",
        "<ul>",
        *items,
        "</ul>",
        "</aside>",
    ]


def render_page(bundle: dict[str, Any], provenance: dict[str, Note]) -> str:
    """The HTML page for ``bundle`` (its first node is the page's main node)."""
    main: dict[str, Any] = bundle["@graph"][0]
    title = _text(main.get("headline")) or _text(main.get("name")) or "Untitled"
    language = _text(main.get("inLanguage")) or "en"
    url = _text(main.get("url"))
    body = next((_text(main[p]) for p in BODY_PROPERTIES if _text(main.get(p))), "")
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        *([f'<link rel="canonical" href="{escape(url)}">'] if url else []),
        script_tag(bundle),
        "</head>",
    ]
    dateline = _text(main.get("dateline"))
    article = [
        "<body>",
        "<article>",
        f"<h1>{escape(title)}</h1>",
        *([f'<p class="dateline">{escape(dateline)}</p>'] if dateline else []),
        *_review_lines(main),
        *_paragraphs(body),
        "</article>",
        *_notes(provenance),
        "</body>",
        "</html>",
    ]
    return "\n".join(head + article) + "\n"

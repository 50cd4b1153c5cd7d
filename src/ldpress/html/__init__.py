"""HTML: the safe script element, embedding bundles into pages, extracting structured data."""

from __future__ import annotations

from ldpress.html.embed import EmbedResult, embed_page
from ldpress.html.script import json_for_script, script_tag

__all__ = ["EmbedResult", "embed_page", "json_for_script", "script_tag"]

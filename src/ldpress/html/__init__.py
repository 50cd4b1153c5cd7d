"""HTML: the safe script element, embedding bundles into pages, extracting structured data."""

from __future__ import annotations

from ldpress.html.script import json_for_script, script_tag

__all__ = ["json_for_script", "script_tag"]

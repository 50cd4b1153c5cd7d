"""ldpress: schema.org structured data for newsrooms and fact-checkers.

Describe an article and what it mentions as schema.org records, build validated JSON-LD
bundles, embed them into pages safely, extract them back and validate structured data
offline.  The library never prints and never exits; see :mod:`ldpress.cli` for the CLI.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ldpress.findings import Finding, Report, Severity

try:
    __version__ = version("ldpress")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.1.0"

__all__ = ["Finding", "Report", "Severity", "__version__"]

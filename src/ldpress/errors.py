"""Exceptions for aborts only: unreadable input, bad options, a refused URL.

Bad *content* never raises; it becomes a :class:`ldpress.findings.Finding`.  The CLI maps
every :class:`LdpressError` to exit code 2 with its message on stderr.
"""

from __future__ import annotations


class LdpressError(Exception):
    """Base of every error ldpress raises on purpose."""


class UsageError(LdpressError):
    """A bad option or argument combination."""


class InputError(LdpressError):
    """An input that cannot be read at all (missing file, unreadable bytes)."""


class RemoteDocumentRefused(LdpressError):
    """The offline loader was asked for a URL it does not serve."""

    def __init__(self, url: str) -> None:
        super().__init__(
            f"refused to load remote document {url!r}: ldpress works offline and serves only "
            "the pinned schema.org context (allow other contexts with --allow-context)"
        )
        self.url = url


class VocabularyError(LdpressError):
    """The compiled vocabulary is missing or does not match its format."""

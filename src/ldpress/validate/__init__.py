"""Offline validation of structured data: sources → blocks → layers → findings."""

from __future__ import annotations

"""``python -m ldpress`` runs the command-line interface."""

from __future__ import annotations

from ldpress.cli import main

main()

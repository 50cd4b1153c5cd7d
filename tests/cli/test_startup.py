"""Start-up: importing the command line loads no command's heavy stack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def test_importing_the_cli_loads_neither_the_build_nor_the_validation_stack() -> None:
    code = (
        "import sys, ldpress.cli\n"
        "heavy = ('ldpress.build', 'ldpress.models', 'ldpress.schemas', 'ldpress.authoring',\n"
        "         'ldpress.validate.pipeline', 'ldpress.html.batch', 'pyld', 'selectolax')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('ldpress', 'pyld', 'selectolax')\n"
        "             and any(m == h or m.startswith(h + '.') for h in heavy)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "[]"

"""Start-up: importing the command line loads no command's heavy stack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def _python(code: str, cwd: Path | None = None) -> str:
    """What ``code`` prints, run by a fresh interpreter importing ldpress from ``src``."""
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(SRC)},
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def test_importing_the_cli_loads_neither_the_build_nor_the_validation_stack() -> None:
    code = (
        "import sys, ldpress.cli\n"
        "heavy = ('ldpress.build', 'ldpress.models', 'ldpress.schemas', 'ldpress.authoring',\n"
        "         'ldpress.validate.pipeline', 'ldpress.html.batch', 'pyld', 'selectolax')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('ldpress', 'pyld', 'selectolax')\n"
        "             and any(m == h or m.startswith(h + '.') for h in heavy)))\n"
    )
    assert _python(code) == "[]"


def test_a_fully_cached_validate_run_imports_neither_pyld_nor_the_pack_engine(
    tmp_path: Path,
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>T</title><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "T"}'
        "</script></head><body><h1>T</h1></body></html>",
        encoding="utf-8",
    )
    code = (
        "import sys, contextlib, io\n"
        "from ldpress.cli import main\n"
        "sys.argv = ['ldpress', 'validate', '-q', '--jobs', '1', 'page.html']\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ('pyld', 'ldpress.validate.packs.engine', 'ldpress.validate.expansion')\n"
        "print(sorted(m for m in sys.modules if m in heavy or m.startswith('pyld.')))\n"
    )

    first = _python(code, tmp_path)
    assert "pyld" in first  # the first run validates, so the layers are loaded
    assert (tmp_path / ".ldpress-cache").is_dir()
    assert _python(code, tmp_path) == "[]"

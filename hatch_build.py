"""Wheel build hook: compile ldpress's hot validation modules with mypyc.

The modules listed under ``[tool.hatch.build.targets.wheel.hooks.custom] compile`` in
pyproject.toml are fully type-annotated (mypy --strict), so mypyc turns them into C
extensions that run the validation layers 12-25% faster (docs/performance.md).  The
``.py`` files stay in the wheel beside the extensions; Python imports the extension first.

Only regular wheels are compiled.  An editable install (``pip install -e .``) and the test
suite (``pythonpath = ["src"]``) run the plain sources, so an edited module is never shadowed
by a stale extension.  Compilation is best effort: without a C compiler, or with
``LDPRESS_PURE=1``, the hook leaves the wheel pure Python and says so; the behaviour is the
same either way (tests/test_install.py compares the two on the corpus).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# mypy settings for the compile only: the build environment holds none of ldpress's runtime
# dependencies (pydantic, pyld, selectolax ...), so their imports are typed as Any there;
# the project's own strict configuration is checked by ``mypy`` in development.
MYPY_CONFIG = """\
[mypy]
python_version = 3.11
ignore_missing_imports = True
follow_imports = silent
"""


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        if os.environ.get("LDPRESS_PURE"):
            self.app.display_info("ldpress: LDPRESS_PURE is set, building a pure-Python wheel")
            return
        modules = [str(m) for m in self.config.get("compile", [])]
        if not modules:
            return
        try:
            built = self._compile(modules)
        except (Exception, SystemExit) as exc:  # any failure: a pure wheel
            self.app.display_warning(
                f"ldpress: mypyc compilation failed ({type(exc).__name__}: {exc}); "
                "building a pure-Python wheel (same behaviour, slower validation)"
            )
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        for path, name in built.items():
            build_data["force_include"][path] = name
        self.app.display_info(f"ldpress: compiled {len(modules)} modules with mypyc")

    def _compile(self, modules: list[str]) -> dict[str, str]:
        """Build the extensions in a scratch directory; {built file: path in the wheel}."""
        from mypyc.build import mypycify
        from setuptools import Distribution

        src = Path(self.root) / "src"
        work = Path(tempfile.mkdtemp(prefix="ldpress-mypyc-"))
        self._scratch = work
        config = work / "mypy.ini"
        config.write_text(MYPY_CONFIG, encoding="utf-8")
        cwd = Path.cwd()
        os.chdir(src)  # module names come from paths relative to the source root
        try:
            extensions = mypycify(
                ["--config-file", str(config), *modules],
                opt_level="3",
                target_dir=str(work / "c"),
                group_name="ldpress",
            )
            dist = Distribution({"name": "ldpress-mypyc", "ext_modules": extensions})
            command = dist.get_command_obj("build_ext")
            command.build_lib = str(work / "lib")  # type: ignore[attr-defined]
            command.build_temp = str(work / "tmp")  # type: ignore[attr-defined]
            command.parallel = os.cpu_count() or 1  # type: ignore[attr-defined]
            dist.run_command("build_ext")
        finally:
            os.chdir(cwd)
        suffix = "*.pyd" if sys.platform == "win32" else "*.so"
        lib = work / "lib"
        return {str(p): p.relative_to(lib).as_posix() for p in lib.rglob(suffix)}

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)

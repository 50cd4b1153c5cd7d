"""Compile the pinned schema.org release into src/ldpress/vocab/data/.

    python scripts/compile_vocab.py [RELEASE_JSONLD] [--release 30.0] [--context CONTEXT]

Default input: ../shared/schemaorg/schemaorg-current-https.jsonld and schemaorgcontext.jsonld
(release 30.0).  The release
files themselves are never copied into the repository; only the compiled index and context are.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ldpress.vocab.store import write_compiled  # noqa: E402

SHARED = ROOT.parent / "shared" / "schemaorg"
DEFAULT = SHARED / "schemaorg-current-https.jsonld"
DEFAULT_CONTEXT = SHARED / "schemaorgcontext.jsonld"
OUT = ROOT / "src" / "ldpress" / "vocab" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release_file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--release", default="30.0")
    parser.add_argument("--context", type=Path, default=DEFAULT_CONTEXT)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    context = args.context if args.context.exists() else None
    index_path, context_path = write_compiled(args.release_file, args.release, args.out, context)
    print(f"wrote {index_path} and {context_path}")


if __name__ == "__main__":
    main()

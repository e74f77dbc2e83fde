#!/usr/bin/env python3
"""Check all content without building the site: the same rules and messages as the build, in a fraction of the time.

Usage: python scripts/check.py [--root DIR] [--region ID] [--lang id|en] [--strict]
The region is the one the build would use: `--region`, else LINDUNGI_REGION, else mkdocs.yml's default.
Exit status: 1 when there is an error (or, with --strict, a warning); 0 otherwise.
The same as `lindungi check` (lindungi.engine.cli) run from this repository's root.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from lindungi.engine.cli import check  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=Path(__file__).resolve().parents[1], type=Path)
    parser.add_argument("--lang", default=None, help="language of the messages (default: the site's language)")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--region", default=None, help="the region to check (a folder under regions/)")
    args = parser.parse_args(argv)
    return check(args.root, args.lang, args.strict, args.region)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Check all content without building the site: the same rules and messages as the build, in a fraction of the time.

Usage: python scripts/check.py [--root DIR] [--region ID] [--lang id|en] [--strict]
The region is the one the build would use: `--region`, else LINDUNGI_REGION, else mkdocs.yml's default.
Exit status: 1 when there is an error (or, with --strict, a warning); 0 otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from lindungi.checking import check_project  # noqa: E402
from lindungi.memo import source_memo  # noqa: E402
from lindungi.problems import ERROR, format_report  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=Path(__file__).resolve().parents[1], type=Path)
    parser.add_argument("--lang", default=None, help="language of the messages (default: the site's language)")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--region", default=None, help="the region to check (a folder under regions/)")
    args = parser.parse_args(argv)
    if args.region:
        os.environ["LINDUNGI_REGION"] = args.region  # mkdocs.yml reads it with !ENV, as the build does
    sources = source_memo(args.root)  # YAML unchanged since the last check or build is not parsed again
    project = check_project(args.root, remember=sources.get)
    sources.save()
    lang = args.lang or project.settings.language
    if project.problems:
        print("\n".join(format_report(project.problems, lang)))
    else:
        print("Tidak ada masalah." if lang == "id" else "No problems found.")
    errors = any(p.severity == ERROR for p in project.problems)
    return 1 if errors or (args.strict and project.problems) else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Print the verification code of a workshop's certificate, computed again from the workshop file.

Usage: python scripts/certificate_code.py workshops/<id>.yml [--region ID] [--text] [--root DIR]
The code is the first 12 hexadecimal digits of the SHA-256 of the workshop's text (its title, place, organiser, dates,
JP and agenda, one fact a line; `--text` prints it), as hooks/lindungi/printing/certificate.py computes it for the certificate
PDF. The organiser comes from the region (`--region`, else LINDUNGI_REGION, else mkdocs.yml's default), as in the
build. Exit status 1 when the workshop is unknown or the content has an error.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from lindungi.printing import certificate  # noqa: E402
from lindungi.engine.checking import check_project  # noqa: E402
from lindungi.validation.problems import ERROR, format_report  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workshop", help="the workshop file (workshops/<id>.yml) or its id")
    parser.add_argument("--root", default=ROOT, type=Path)
    parser.add_argument("--region", default=None, help="the region the certificate was made for")
    parser.add_argument("--text", action="store_true", help="also print the text the code is the hash of")
    args = parser.parse_args(argv)
    if args.region:
        os.environ["LINDUNGI_REGION"] = args.region  # mkdocs.yml reads it with !ENV, as the build does
    project = check_project(args.root)
    if any(p.severity == ERROR for p in project.problems):
        print("\n".join(format_report(project.problems, project.settings.language)), file=sys.stderr)
        return 1
    wanted = Path(args.workshop).stem
    workshop = project.workshops.get(wanted)
    if workshop is None:
        print(f"{args.workshop}: pelatihan tidak ditemukan; yang ada: {', '.join(sorted(project.workshops)) or '-'}",
              file=sys.stderr)
        return 1
    if args.text:
        print(certificate.canonical_text(workshop, project.settings), end="")
    print(certificate.verification_code(workshop, project.settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""SCORM 1.2 packages for learning platforms: build/scorm/<module id>.zip for every module.

Usage: python scripts/scorm.py [--root DIR] [--out DIR] [--module ID ...]
Each zip holds imsmanifest.xml, the module's sessions (learner view) and self-check on one page, and its local assets;
see hooks/lindungi/quiz/scorm.py. The packages are trainer-kit material: they are never written into site/.
Exit status 1 when the content has an error or a module cannot become a package (nothing is written then).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from lindungi.quiz import scorm  # noqa: E402
from lindungi.engine.checking import check_project  # noqa: E402
from lindungi.i18n.locales import strings  # noqa: E402
from lindungi.validation.problems import ERROR, format_report  # noqa: E402

ASSETS = ROOT / "docs" / "assets"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=ROOT, type=Path)
    parser.add_argument("--out", default=None, type=Path, help="default: <root>/build/scorm")
    parser.add_argument("--module", action="append", default=[], help="only this module (may be repeated)")
    args = parser.parse_args(argv)
    out = args.out or args.root / "build" / "scorm"
    project = check_project(args.root)
    lang = project.settings.language
    problems = [p for p in project.problems if p.severity == ERROR]
    modules = [m for m in project.modules.values() if not args.module or m.id in args.module]
    unknown = sorted(set(args.module) - set(project.modules))
    if unknown:
        print(f"Modul tidak dikenal / unknown module: {', '.join(unknown)}", file=sys.stderr)
        return 1
    if not problems:
        for module in modules:
            problems += scorm.package_problems(module, project)
    if problems:
        print("\n".join(format_report(problems, lang)), file=sys.stderr)
        return 1
    ui = strings(lang)
    assets = args.root / "docs" / "assets"
    assets = assets if all((assets / name).is_file() for name in scorm.ASSETS) else ASSETS
    for module in modules:
        dest = scorm.write_zip(scorm.package_files(module, project, ui, assets), out / f"{module.id}.zip")
        print(f"{dest} ({dest.stat().st_size / 1024:.0f} KB)")
    print(f"{len(modules)} paket SCORM ditulis ke {out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Export every quiz bank for Moodle (GIFT and Moodle XML), and the printable worksheets and answer keys.

Usage: python scripts/export_quizzes.py [--root DIR] [--out DIR] [--no-sheets]
Writes <bank>.gift, <bank>.xml, semua-bank-soal.gift/.xml, semua-bank-soal-moodle-lama.gift/.xml (ordering questions
as matching, for Moodle before 4.4) and (unless --no-sheets) <bank>-lembar-soal[-a|-b].html and
<bank>-kunci-jawaban[-a|-b].html into --out (default build/kuis). The site build publishes the same files under
pelatih/kuis/. Exit status 1 when the content has an error (nothing is written then).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from lindungi.engine.checking import check_project  # noqa: E402
from lindungi.i18n.locales import strings  # noqa: E402
from lindungi.validation.problems import ERROR, format_report  # noqa: E402
from lindungi.quiz.quizpages import QUIZ_DIR, trainer_files  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=ROOT, type=Path)
    parser.add_argument("--out", default=ROOT / "build" / "kuis", type=Path)
    parser.add_argument("--no-sheets", action="store_true", help="only the Moodle files")
    args = parser.parse_args(argv)
    project = check_project(args.root)
    if any(p.severity == ERROR for p in project.problems):
        print("\n".join(format_report(project.problems, project.settings.language)), file=sys.stderr)
        return 1
    files = trainer_files(project, strings(project.settings.language))
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    for path, text in sorted(files.items()):
        name = path[len(QUIZ_DIR) + 1:]
        if args.no_sheets and name.endswith(".html"):
            continue
        (args.out / name).write_text(text, encoding="utf-8")
        written += 1
    print(f"{written} berkas ditulis ke {args.out} dari {len(project.quizzes)} bank soal.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

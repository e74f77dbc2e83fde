#!/usr/bin/env python3
"""Build cost of quizzes: N pages x 5 questions against the same Markdown without the quizzes, in one run.

Usage: python scripts/bench_quiz.py [--pages 100] [--rounds 5] [--limit 1.3] [--cold]
Both sites use the project's hooks and the site-wide quiz assets; the quiz site adds one bank per page (single,
multiple, true/false, matching, short answer) and a `::: quiz` line in each page. Builds alternate, so both see the
same machine load; the report gives median wall times and their ratio. Exit status 1 when the ratio is over --limit.
Both sites keep the build's caches between rounds (as a real rebuild does); `--cold` deletes them before every build
(a first build on a fresh machine; the compiled templates in the package stay).
A benchmark, never part of `make test`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CONFIG = f"""site_name: Bench
use_directory_urls: false
theme:
  name: material
  language: id
  font: false
  custom_dir: {ROOT.as_posix()}/docs/.overrides
hooks:
  - {ROOT.as_posix()}/hooks/main.py
plugins:
  - search
markdown_extensions: [attr_list, md_in_html, tables, admonition]
extra_css: [assets/lindungi.css, assets/quiz.css]
extra_javascript: [assets/exit.js, assets/quiz.js]
extra:
  generator: false
  lindungi:
    organisation: Lembaga Uji
    region: Kabupaten Uji
    help_lines:
      - {{name: SAPA 129, phone: "129"}}
"""

PROSE = ("Kekerasan dalam rumah tangga meliputi kekerasan fisik, psikis, seksual dan penelantaran rumah tangga. "
         "Pemberi layanan mendengarkan tanpa menghakimi, menjaga kerahasiaan dan menawarkan rujukan. ") * 3

BANK = """id: halaman-{n}
title: Cek halaman {n}
uses: [public]
questions:
  - id: satu
    type: single
    prompt: Apa yang pertama kali dilakukan pada halaman {n}?
    explanation: Mendengarkan membangun rasa aman.
    options:
      - {{id: a, text: Mendengarkan, correct: true, feedback: Tepat.}}
      - {{id: b, text: Menasihati, feedback: Kurang tepat.}}
      - {{id: c, text: Menyalahkan, feedback: Kurang tepat.}}
  - id: dua
    type: multiple
    prompt: Mana bentuk KDRT?
    options:
      - {{id: fisik, text: Fisik, correct: true, feedback: Ya.}}
      - {{id: psikis, text: Psikis, correct: true, feedback: Ya.}}
      - {{id: cuaca, text: Cuaca, feedback: Bukan.}}
  - id: tiga
    type: true_false
    prompt: KDRT urusan pribadi.
    answer: false
    feedback_correct: Tepat, ini mitos.
    feedback_incorrect: Ini mitos.
  - id: empat
    type: matching
    prompt: Pasangkan.
    explanation: Setiap layanan punya peran.
    pairs:
      - {{id: visum, left: Visum, right: Rumah sakit}}
      - {{id: lapor, left: Laporan, right: Polres}}
      - {{id: dampingan, left: Pendampingan, right: UPTD PPA}}
  - id: lima
    type: short_answer
    prompt: Singkatan layanan terpadu?
    accepted: [UPTD PPA, P2TP2A]
    feedback_correct: Tepat.
    feedback_incorrect: UPTD PPA.
"""


def make_site(dest: Path, pages: int, quizzes: bool) -> None:
    (dest / "docs" / "assets").mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    for name in ("lindungi.css", "quiz.css", "exit.js", "quiz.js"):
        if (ROOT / "docs" / "assets" / name).is_file():
            shutil.copy(ROOT / "docs" / "assets" / name, dest / "docs" / "assets" / name)
    (dest / "docs" / "index.md").write_text("# Beranda\n\n" + PROSE + "\n", encoding="utf-8")
    if quizzes:
        (dest / "quizzes").mkdir()
    for n in range(1, pages + 1):
        text = f"# Halaman {n}\n\n{PROSE}\n\n## Bagian\n\n{PROSE}\n"
        if quizzes:
            text += f"\n::: quiz halaman-{n}\n"
            (dest / "quizzes" / f"halaman-{n}.yml").write_text(BANK.format(n=n), encoding="utf-8")
        (dest / "docs" / f"halaman-{n}.md").write_text(text, encoding="utf-8")


def build(site: Path, cold: bool = False) -> float:
    if cold:
        shutil.rmtree(site / ".cache", ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"], cwd=site, env=env,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build of {site} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--limit", type=float, default=1.3)
    parser.add_argument("--cold", action="store_true", help="no cache kept between builds")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-quiz-") as tmp:
        plain, quiz = Path(tmp) / "tanpa-kuis", Path(tmp) / "dengan-kuis"
        make_site(plain, args.pages, False)
        make_site(quiz, args.pages, True)
        build(plain), build(quiz)  # warm-up: imports and file caches
        times: dict = {"plain": [], "quiz": []}
        for _ in range(args.rounds):
            times["plain"].append(build(plain, args.cold))
            times["quiz"].append(build(quiz, args.cold))
        html = (quiz / "site" / "halaman-1.html").read_text(encoding="utf-8")
        assert html.count('class="lpq-q"') == 5, "the quiz was not rendered"
    plain_s, quiz_s = statistics.median(times["plain"]), statistics.median(times["quiz"])
    ratio = quiz_s / plain_s
    paired = statistics.median(q / p for p, q in zip(times["plain"], times["quiz"]))  # each round's pair: drift-proof
    print(f"{args.pages} halaman x 5 soal, {args.rounds} putaran{' tanpa cache' if args.cold else ''} "
          "(median waktu bangun):")
    print(f"  tanpa kuis : {plain_s:.2f} s  {[round(t, 2) for t in times['plain']]}")
    print(f"  dengan kuis: {quiz_s:.2f} s  {[round(t, 2) for t in times['quiz']]}")
    print(f"  rasio      : {ratio:.2f}x (batas {args.limit}x) {'ok' if ratio <= args.limit else 'MELEBIHI BATAS'}")
    print(f"  median rasio per putaran: {paired:.2f}x")
    return 0 if ratio <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Build cost of quizzes: N pages x 5 questions against plain Material and against the same site without quizzes.

Usage: python scripts/bench_quiz.py [--pages 100] [--rounds 5] [--limit 1.3] [--cold]
Three sites with the same prose pages: *quiz* (the project's hooks, theme overrides and quiz assets, one bank per page
(single, multiple, true/false, matching, short answer) and a `::: quiz` line in each page), *no-quiz* (the same hooks,
overrides and assets, no bank) and *material* (plain Material: no hook, no `custom_dir`, no extra asset, the same
pages without the quiz line). Each round builds all three, the order rotating, in fresh subprocesses; each build's
wall time and CPU time (user+sys of the build and its waited-for children: the quiz helper process) are recorded.
The verdict is the median of per-round CPU ratios quiz / material (exit status 1 when over --limit); quiz / no-quiz,
the marginal cost of the quizzes, is reported beside it. Builds keep their caches between rounds (as a real rebuild
does); `--cold` deletes them before every build (a first build on a fresh machine).
A benchmark, never part of `make test` (tests/test_bench.py runs a smoke size).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MATERIAL = """site_name: Bench
use_directory_urls: false
theme:
  name: material
  language: id
  font: false
plugins:
  - search
markdown_extensions: [attr_list, md_in_html, tables, admonition]
extra:
  generator: false
"""

CONFIG = """site_name: Bench
use_directory_urls: false
theme:
  name: material
  language: id
  font: false
  custom_dir: {code}/docs/.overrides
hooks:
  - {code}/hooks/main.py
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


def make_site(dest: Path, pages: int, quizzes: bool, material: bool = False, code: Path = ROOT) -> None:
    (dest / "docs" / "assets").mkdir(parents=True)
    config = MATERIAL if material else CONFIG.format(code=Path(code).resolve().as_posix())
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in () if material else ("lindungi.css", "quiz.css", "exit.js", "quiz.js"):
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


def build(site: Path, cold: bool = False) -> dict:
    """One `mkdocs build` in a fresh subprocess: wall seconds and CPU seconds (it and the children it waited for)."""
    if cold:
        shutil.rmtree(site / ".cache", ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"], cwd=site, env=env,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"build of {site} failed:\n{result.stdout}{result.stderr}")
    return {"seconds": elapsed, "cpu": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)}


ARMS = ("quiz", "noquiz", "material")


def ratios(times: dict, top: str, bottom: str, key: str) -> list:
    return [q[key] / p[key] for q, p in zip(times[top], times[bottom]) if p[key]]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--limit", type=float, default=1.3)
    parser.add_argument("--cold", action="store_true", help="no cache kept between builds")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose hooks are measured")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-quiz-") as tmp:
        sites = {"quiz": Path(tmp) / "dengan-kuis", "noquiz": Path(tmp) / "tanpa-kuis",
                 "material": Path(tmp) / "material"}
        make_site(sites["quiz"], args.pages, True, code=args.code)
        make_site(sites["noquiz"], args.pages, False, code=args.code)
        make_site(sites["material"], args.pages, False, material=True)
        for site in sites.values():
            build(site)  # warm-up: imports, file caches, our memos
        times: dict = {name: [] for name in ARMS}
        for round_ in range(args.rounds):
            order = ARMS[round_ % 3:] + ARMS[:round_ % 3]
            for name in order:
                times[name].append(build(sites[name], args.cold and name != "material"))
        html = (sites["quiz"] / "site" / "halaman-1.html").read_text(encoding="utf-8")
        assert html.count('class="lpq-q"') == 5, "the quiz was not rendered"
    pairs = {(top, bottom, key): ratios(times, top, bottom, key)
             for top, bottom in (("quiz", "material"), ("quiz", "noquiz"), ("noquiz", "material"))
             for key in ("seconds", "cpu")}
    verdict = statistics.median(pairs[("quiz", "material", "cpu")])
    labels = {"quiz": "dengan kuis", "noquiz": "tanpa kuis (hook kami)", "material": "Material polos"}
    print(f"{args.pages} halaman x 5 soal, {args.rounds} putaran{' tanpa cache' if args.cold else ''} "
          "(median; CPU = user+sys bangun + proses anak):")
    for name in ARMS:
        wall = [round(t["seconds"], 2) for t in times[name]]
        cpu = [round(t["cpu"], 2) for t in times[name]]
        print(f"  {labels[name]:<24}: {statistics.median(wall):.2f} s wall {wall}; "
              f"{statistics.median(cpu):.2f} s CPU {cpu}")
    for (top, bottom, key), values in pairs.items():
        print(f"  {top}/{bottom} {'wall' if key == 'seconds' else 'CPU '}: median rasio per putaran "
              f"{statistics.median(values):.2f}x (rentang {min(values):.2f}–{max(values):.2f})")
    print(f"  keputusan: kuis / Material polos, CPU {verdict:.2f}x (batas {args.limit}x) "
          f"{'ok' if verdict <= args.limit else 'MELEBIHI BATAS'}")
    return 0 if verdict <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())

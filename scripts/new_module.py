#!/usr/bin/env python3
"""Write a new, valid module to start from: module.yml, two sessions and a self-check quiz bank, all commented.

Usage: python scripts/new_module.py <module-id> "Judul modul" [--root DIR]
It refuses to overwrite existing files. Run `make check` afterwards; the new module is a draft until reviewed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

MODULE = """\
# Modul pelatihan. Setiap kunci dijelaskan di docs/panduan-penulis/index.md (dan daftar kuncinya di situs).
id: {id}                      # sama dengan nama folder; juga menjadi alamat halaman
title: {title}
summary: Ringkasan satu atau dua kalimat untuk katalog.
audience: [konselor, manajer_kasus]   # konselor, manajer_kasus, pendamping_hukum, psikolog, fasilitator_desa, polisi, tenaga_kesehatan, pekerja_sosial, guru, publik
level: dasar                  # dasar | lanjutan
status: draft                 # draft | pilot | stable (stable hanya sesudah ditinjau kantor)
objectives:                   # tujuan yang dapat diukur; id dipakai sesi dan soal
  - id: tujuan-pertama
    text: Menjelaskan ...
  - id: tujuan-kedua
    text: Mempraktikkan ...
key_points:                   # pesan kunci; juga dicetak di handout
  - Pesan kunci pertama.
prerequisites: []             # id modul yang sebaiknya diikuti lebih dulu
sessions: [pengantar, praktik]   # urutan sesi = nama berkas .md tanpa akhiran
quizzes:
  self_check: {id}            # bank soal quizzes/{id}.yml
handout:
  pages: 1                    # 1 atau 2 halaman A4
  what_to_do:
    - Langkah pertama yang perlu dilakukan pembaca.
sources:                      # hanya sumber yang benar-benar dikutip
  - title: Judul sumber
    publisher: Penerbit
    year: {year}
    use: cited                # cited: hanya dikutip; adapted: teks modul disusun darinya (isi juga licence)
reviewed: {today}
next_review: {next_year}
"""

SESSION = """\
---
title: {title}
objectives: [{objective}]     # id dari 'objectives' di module.yml
steps:                        # lama sesi = jumlah menit langkah (jangan ditulis dua kali)
  - {{title: Pembukaan, minutes: 10, method: ceramah singkat}}
  - {{title: Diskusi kelompok, minutes: 30, method: diskusi, materials: [kertas plano, spidol]}}
materials: []
self_care: false
---
Teks untuk peserta, dalam kalimat pendek.

::: trainer
Catatan khusus pelatih (tidak tampil di halaman peserta).
:::

::: keypoint
Satu pesan kunci sesi ini.
:::
"""

QUIZ = """\
id: {id}
title: "Cek mandiri: {title}"
uses: [self_check]            # self_check | pre_test | post_test | public
pass_mark: 70                 # persen
questions:
  - id: soal-pertama
    type: single              # single | multiple | true_false | scenario | ordering | matching | short_answer
    objective: tujuan-pertama
    prompt: Pertanyaan pertama?
    explanation: Penjelasan yang tampil sesudah jawaban diperiksa.
    options:
      - id: a
        text: Pilihan yang benar
        correct: true
        feedback: Tepat, karena ...
      - id: b
        text: Pilihan lain
        feedback: Kurang tepat, karena ...
  - id: soal-kedua
    type: true_false
    objective: tujuan-kedua
    prompt: Sebuah pernyataan.
    answer: true              # true = fakta, false = mitos
    feedback_correct: Tepat, ...
    feedback_incorrect: Kurang tepat, ...
"""


def scaffold(root: Path, module_id: str, title: str, today: dt.date | None = None) -> list[Path]:
    """Write the files of a new module under `root`; returns the paths written."""
    if not ID_RE.match(module_id):
        raise SystemExit(f"id '{module_id}' tidak sah: pakai huruf kecil, angka dan tanda hubung (misalnya 'rujukan-kasus').")
    today = today or dt.date.today()
    files = {
        root / "modules" / module_id / "module.yml": MODULE.format(
            id=module_id, title=title, year=today.year, today=today.isoformat(),
            next_year=today.replace(year=today.year + 1).isoformat()),
        root / "modules" / module_id / "pengantar.md": SESSION.format(title="Pengantar", objective="tujuan-pertama"),
        root / "modules" / module_id / "praktik.md": SESSION.format(title="Praktik", objective="tujuan-kedua"),
        root / "quizzes" / f"{module_id}.yml": QUIZ.format(id=module_id, title=title),
    }
    existing = [p for p in files if p.exists()]
    if existing:
        raise SystemExit("Sudah ada, tidak ditimpa: " + ", ".join(p.relative_to(root).as_posix() for p in existing))
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("module_id")
    parser.add_argument("title")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    for path in scaffold(args.root, args.module_id, args.title):
        print(f"dibuat: {path.relative_to(args.root).as_posix()}")
    print("Lanjutkan dengan: make check")
    return 0


if __name__ == "__main__":
    sys.exit(main())

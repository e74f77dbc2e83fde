"""The bad-input corpus: one way of breaking a copy of tests/sites/minimal per case, with the rule that must report it.

Shared by `tests/test_bad_input.py` (every case in-process: a clean `file:line` message, never an exception) and
`scripts/bad_input.py` (every case through `scripts/check.py` in its own process with a time limit, counted as clean,
traceback, wrong or hang: the figures before and after a change).

A case is `(name, file, change, rule)`: `change(root)` breaks the copy at `root`; the report must hold a line starting
with `file:` that ends in `[rule]`. `rule` None means the input is valid and must give no problem at all.
"""

from __future__ import annotations

import os
from pathlib import Path

MODULE = "modules/contoh-modul/module.yml"
SESSION = "modules/contoh-modul/sesi-satu.md"
QUIZ = "quizzes/kuis-contoh.yml"
WORKSHOP = "workshops/uji.yml"
PAGE = "docs/index.md"
CONFIG = "mkdocs.yml"


def _edit(rel: str, old: str, new: str):
    def change(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def _append(rel: str, text: str):
    def change(root: Path) -> None:
        with open(root / rel, "a", encoding="utf-8") as handle:
            handle.write(text)
    return change


def _bytes(rel: str, old: bytes, new: bytes):
    def change(root: Path) -> None:
        path = root / rel
        data = path.read_bytes()
        assert old in data, (rel, old)
        path.write_bytes(data.replace(old, new, 1))
    return change


def _folder(rel: str):
    def change(root: Path) -> None:
        path = root / rel
        if path.exists():
            path.unlink()
        path.mkdir()
        (path / "isi.txt").write_text("x", encoding="utf-8")
    return change


def _dangling(rel: str):
    def change(root: Path) -> None:
        path = root / rel
        path.unlink()
        os.symlink(root / "tidak-ada.yml", path)
    return change


def _fifo(rel: str):
    def change(root: Path) -> None:
        os.mkfifo(root / rel)
    return change


def _replace_file(rel: str, text: str):
    def change(root: Path) -> None:
        (root / rel).write_text(text, encoding="utf-8")
    return change


def laughs(levels: int) -> str:
    """About 1 KB of nested anchors and aliases that would expand to 9**levels strings ("billion laughs")."""
    lines = ['lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        lines.append(f"lol{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _nested_flow(depth: int) -> str:
    return "[" * depth + "]" * depth


def _key_points(count: int, size: int = 90) -> str:
    return "key_points:\n" + "".join(f"  - Pesan kunci nomor {n} {'x' * size}\n" for n in range(count))


def _both(*changes):
    def change(root: Path) -> None:
        for one in changes:
            one(root)
    return change


def _new_file(rel: str, text: str):
    def change(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return change


SHEET = "modules/contoh-modul/lembar/lembar-uji.md"
SHEET_TEXT = "---\ntitle: Lembar uji\n---\nTulis jawaban Anda di sini.\n"
DISCUSSION_STEP = "  - {title: Diskusi, minutes: 20, method: diskusi, materials: [kertas plano]}"
SOURCE = "{title: Sumber uji, publisher: Penerbit, use: cited, year: 2024}"


CASES = [
    # --- YAML limits ------------------------------------------------------------------------------------------------
    ("alias-bomb-module", MODULE, _append(MODULE, laughs(9)), "yaml-alias"),
    ("alias-bomb-7-module", MODULE, _append(MODULE, laughs(7)), "yaml-alias"),
    ("alias-simple", MODULE, _edit(MODULE, "summary: Modul kecil untuk uji.", "summary: &s Modul kecil untuk uji.\ncontent_note: *s"), "yaml-alias"),
    ("alias-merge-key", QUIZ, _edit(QUIZ, "    type: true_false", "    <<: &q {type: true_false}\n    extra: *q"), "yaml-alias"),
    ("alias-session", SESSION, _edit(SESSION, "title: Sesi satu", "title: &t Sesi satu\ncontent_note: *t"), "yaml-alias"),
    ("alias-settings", CONFIG, _edit(CONFIG, "    organisation: Lembaga Uji", "    organisation: &o Lembaga Uji\n    region2: *o"), "yaml-alias"),
    ("flow-400-module", MODULE, _append(MODULE, f"extra: {_nested_flow(400)}\n"), "yaml-too-deep"),
    ("flow-400-session", SESSION, _edit(SESSION, "title: Sesi satu", f"title: Sesi satu\nextra: {_nested_flow(400)}"), "yaml-too-deep"),
    ("flow-400-workshop", WORKSHOP, _append(WORKSHOP, f"extra: {_nested_flow(400)}\n"), "yaml-too-deep"),
    ("flow-200000-quiz", QUIZ, _append(QUIZ, f"extra: {_nested_flow(200000)}\n"), "yaml-too-deep"),
    ("block-nesting-40", MODULE, _append(MODULE, "extra:\n" + "".join("  " * n + f"k{n}:\n" for n in range(1, 41))), "yaml-too-deep"),
    ("list-1500-items", QUIZ, _append(QUIZ, "extra:\n" + "  - x\n" * 1500), "yaml-too-many-items"),
    ("key-points-41", MODULE, _edit(MODULE, "key_points:\n  - Pesan kunci pertama.\n", _key_points(41, 10)), "list-too-long"),
    ("key-points-55000", MODULE, _edit(MODULE, "key_points:\n  - Pesan kunci pertama.\n", _key_points(55000)), "file-too-large"),
    ("file-2mb-comments", WORKSHOP, _append(WORKSHOP, ("# " + "x" * 98 + "\n") * 21000), "file-too-large"),
    ("session-2mb", SESSION, _append(SESSION, ("Teks panjang. " * 7 + "\n") * 21000), "file-too-large"),
    # --- encoding, folders and other non-files ---------------------------------------------------------------------
    ("latin1-module", MODULE, _bytes(MODULE, "Modul contoh".encode(), b"Modul contoh caf\xe9"), "not-utf8"),
    ("latin1-session-bytes", SESSION, _bytes(SESSION, b"Teks peserta.", b"Teks peserta caf\xe9."), "not-utf8"),
    ("latin1-session-front", SESSION, _bytes(SESSION, b"title: Sesi satu", b"title: Sesi satu caf\xe9"), "not-utf8"),
    ("latin1-quiz", QUIZ, _bytes(QUIZ, b"Pilih yang benar.", b"Pilih yang b\xe9nar."), "not-utf8"),
    ("latin1-workshop", WORKSHOP, _bytes(WORKSHOP, b"Pelatihan uji", b"Pelatihan \xff uji"), "not-utf8"),
    ("latin1-page-bytes", PAGE, lambda root: (root / PAGE).write_bytes((root / PAGE).read_bytes() + b"\nCaf\xe9\n"), "not-utf8"),
    ("latin1-config", CONFIG, _bytes(CONFIG, b"Lembaga Uji", b"Lembaga \xe9 Uji"), "not-utf8"),
    ("truncated-utf8", QUIZ, lambda root: (root / QUIZ).write_bytes((root / QUIZ).read_bytes() + "# é".encode()[:-1]), "not-utf8"),
    ("quiz-is-folder", QUIZ, _folder(QUIZ), "not-a-file"),
    ("workshop-is-folder", WORKSHOP, _folder(WORKSHOP), "not-a-file"),
    ("module-yml-is-folder", MODULE, _folder(MODULE), "not-a-file"),
    ("session-is-folder", SESSION, _folder(SESSION), "not-a-file"),
    ("quiz-dangling-link", QUIZ, _dangling(QUIZ), "not-a-file"),
    ("page-is-fifo", "docs/pipa.md", _fifo("docs/pipa.md"), "not-a-file"),
    ("control-character", MODULE, _edit(MODULE, "Modul contoh", "Modul \x07contoh"), "yaml-syntax"),
    # --- addresses -------------------------------------------------------------------------------------------------
    ("exit-bare-domain", CONFIG, _edit(CONFIG, "    region: Kabupaten Uji", "    region: Kabupaten Uji\n    exit_url: www.google.com"), "bad-url"),
    ("exit-javascript", CONFIG, _edit(CONFIG, "    region: Kabupaten Uji", "    region: Kabupaten Uji\n    exit_url: javascript:alert(document.domain)"), "bad-url"),
    ("exit-javascript-case", CONFIG, _edit(CONFIG, "    region: Kabupaten Uji", "    region: Kabupaten Uji\n    exit_url: JaVaScRiPt:alert(1)"), "bad-url"),
    ("exit-data", CONFIG, _edit(CONFIG, "    region: Kabupaten Uji", "    region: Kabupaten Uji\n    exit_url: 'data:text/html,<script>alert(1)</script>'"), "bad-url"),
    ("exit-vbscript", CONFIG, _edit(CONFIG, "    region: Kabupaten Uji", "    region: Kabupaten Uji\n    exit_url: VBScript:msgbox(1)"), "bad-url"),
    ("exit-breakout", CONFIG, _edit(CONFIG, "    region: Kabupaten Uji", "    region: Kabupaten Uji\n    exit_url: 'javascript:alert(\"x\")//\" onfocus=\"alert(`y`)\" autofocus=\"'"), "bad-url"),
    ("exit-quote-https", CONFIG, _edit(CONFIG, "    region: Kabupaten Uji", "    region: Kabupaten Uji\n    exit_url: 'https://a.id/\" onfocus=\"alert(1)'"), "bad-url"),
    ("exit-http", CONFIG, _edit(CONFIG, "    region: Kabupaten Uji", "    region: Kabupaten Uji\n    exit_url: http://www.bmkg.go.id/"), "bad-url"),
    ("exit-relative", CONFIG, _edit(CONFIG, "    region: Kabupaten Uji", "    region: Kabupaten Uji\n    exit_url: /keluar/"), "bad-url"),
    ("exit-own-host", CONFIG, _both(
        _edit(CONFIG, "use_directory_urls: false", "use_directory_urls: false\nsite_url: https://pelatihan.contoh.go.id/situs/"),
        _edit(CONFIG, "    region: Kabupaten Uji", "    region: Kabupaten Uji\n    exit_url: https://PELATIHAN.contoh.go.id/lain/")),
     "exit-url-own-site"),
    ("site-url-javascript", CONFIG, _edit(CONFIG, "use_directory_urls: false", "use_directory_urls: false\nsite_url: 'javascript:alert(1)'"), "bad-url"),
    ("source-bare-domain", MODULE, _edit(MODULE, "year: 2024}", "year: 2024, url: www.who.int}"), "bad-url"),
    ("source-javascript", MODULE, _edit(MODULE, "year: 2024}", "year: 2024, url: 'javascript:alert(1)'}"), "bad-url"),
    ("source-data", MODULE, _edit(MODULE, "year: 2024}", "year: 2024, url: 'DATA:text/html;base64,PHNjcmlwdD4='}"), "bad-url"),
    # --- mkdocs.yml like content -----------------------------------------------------------------------------------
    ("config-syntax", CONFIG, _edit(CONFIG, "    region: Kabupaten Uji", "    region: [Kabupaten Uji"), "yaml-syntax"),
    ("config-duplicate", CONFIG, _edit(CONFIG, "    region: Kabupaten Uji", "    region: Kabupaten Uji\n    region: Kabupaten Lain"), "yaml-duplicate-key"),
    ("config-lindungi-list", CONFIG, lambda root: (root / CONFIG).write_text(
        (root / CONFIG).read_text(encoding="utf-8").split("extra:")[0] + "extra: {lindungi: [a, b]}\n", encoding="utf-8"), "wrong-type"),
    ("config-too-deep", CONFIG, _edit(CONFIG, "    region: Kabupaten Uji", f"    region: Kabupaten Uji\n    x: {_nested_flow(400)}"), "yaml-too-deep"),
    # --- smaller defects -------------------------------------------------------------------------------------------
    ("short-answer-accepted-empty", QUIZ, _append(QUIZ, "  - id: soal-tiga\n    type: short_answer\n    objective: tujuan-satu\n"
                                                       "    prompt: Sebutkan.\n    accepted: []\n"), "empty-value"),
    # --- worksheets, sub-steps, materials, audiences, licences ---------------------------------------------------
    ("substeps-exceed", SESSION, _edit(SESSION, DISCUSSION_STEP, DISCUSSION_STEP[:-1] +
                                       ", steps: [{title: Menulis, minutes: 15}, {title: Berbagi, minutes: 10}]}"),
     "substeps-exceed"),
    ("step-heading-unknown", SESSION, _edit(SESSION, "method: ceramah}", "method: ceramah, heading: Isi peserta}"),
     "step-heading-unknown"),
    ("step-heading-order", SESSION, _both(
        _edit(SESSION, "method: ceramah}", "method: ceramah, heading: Bagian dua}"),
        _edit(SESSION, "method: diskusi,", "method: diskusi, heading: Isi untuk peserta,"),
        _append(SESSION, "\n## Bagian dua\n\nTeks bagian dua.\n")), "step-heading-order"),
    ("substep-without-minutes", SESSION, _edit(SESSION, DISCUSSION_STEP, DISCUSSION_STEP[:-1] +
                                               ", steps: [{title: Menulis}]}"), "missing-key"),
    ("material-unit-unknown", SESSION, _edit(SESSION, "materials: [kertas plano]",
                                             "materials: [{item: kertas plano, quantity: 2, unit: lembr, per: kelompok}]"),
     "bad-choice"),
    ("material-per-unknown", SESSION, _edit(SESSION, "materials: [kertas plano]",
                                            "materials: [{item: kertas plano, quantity: 2, per: regu}]"), "bad-choice"),
    ("worksheet-missing", SESSION, _edit(SESSION, "title: Sesi satu", "title: Sesi satu\nworksheets: [lembar-tidak-ada]"),
     "worksheet-missing"),
    ("worksheet-not-used", SHEET, _new_file(SHEET, SHEET_TEXT), "worksheet-not-used"),
    ("worksheet-trainer-block", SHEET, _both(
        _new_file(SHEET, SHEET_TEXT + "\n::: trainer\nCatatan.\n:::\n"),
        _edit(SESSION, "title: Sesi satu", "title: Sesi satu\nworksheets: [lembar-uji]")), "block-misplaced"),
    ("worksheet-no-title", SHEET, _both(
        _new_file(SHEET, "---\ncopies: 2\n---\nIsi.\n"),
        _edit(SESSION, "title: Sesi satu", "title: Sesi satu\nworksheets: [lembar-uji]")), "missing-key"),
    ("audience-unknown-group", MODULE, _edit(MODULE, "audience: [konselor, publik]",
                                             "audience: [konselor, {group: remja, min_age: 13, max_age: 17}]"),
     "bad-choice"),
    ("audience-age-order", MODULE, _edit(MODULE, "audience: [konselor, publik]",
                                         "audience: [konselor, {group: remaja, min_age: 17, max_age: 13}]"),
     "audience-age-order"),
    ("audience-age-staff", MODULE, _edit(MODULE, "audience: [konselor, publik]",
                                         "audience: [{group: konselor, min_age: 20}, publik]"), "audience-age-staff"),
    ("licence-source-unknown", MODULE, _edit(MODULE, SOURCE, "{title: Sumber uji, publisher: Penerbit, year: 2024}"),
     "licence-source-unknown"),
    ("licence-source-noncommercial", MODULE, _both(
        _edit(MODULE, SOURCE, "{title: Sumber uji, publisher: Penerbit, licence: CC BY-NC-SA 3.0 IGO, year: 2024}"),
        _edit(MODULE, "reviewed: 2026-11-01", "licence: CC BY 4.0\nreviewed: 2026-11-01")),
     "licence-source-noncommercial"),
    # --- valid input that must stay valid --------------------------------------------------------------------------
    ("licence-derived-from-source", MODULE,
     _edit(MODULE, SOURCE, "{title: Sumber uji, publisher: Penerbit, licence: CC BY-NC-SA 3.0 IGO, year: 2024}"), None),
    ("worksheet-substeps-materials", SESSION, _both(
        _new_file(SHEET, SHEET_TEXT),
        _edit(SESSION, "title: Sesi satu", "title: Sesi satu\nworksheets: [lembar-uji]"),
        _edit(SESSION, DISCUSSION_STEP, "  - title: Diskusi\n    minutes: 20\n    heading: Isi untuk peserta\n"
                                        "    materials: [{item: kertas plano, quantity: 2, unit: lembar, per: kelompok}]\n"
                                        "    steps: [{title: Menulis, minutes: 5}, {title: Berbagi, minutes: 15}]"),
        _edit(MODULE, "audience: [konselor, publik]",
              "audience: [konselor, publik, {group: orang_tua, note: sesi terpisah dari anak}]")), None),
    ("bom-crlf", MODULE, lambda root: (root / MODULE).write_bytes(b"\xef\xbb\xbf" + (root / MODULE).read_bytes().replace(b"\n", b"\r\n")), None),
    ("unchanged", MODULE, lambda root: None, None),
]

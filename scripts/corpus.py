#!/usr/bin/env python3
"""Write a synthetic, valid project of any size: N modules x S sessions, quiz banks of Q questions, workshops.

Used by the benchmark (`scripts/bench.py`); also handy to try the site at national scale:

    python scripts/corpus.py /tmp/korpus --modules 100 --sessions 4 --questions 8 [--seed 7]

The text is realistic Indonesian assembled from a small bank of phrases with a seeded `random.Random`, so the same
arguments give the same files byte for byte. Every file format is used: module.yml, sessions with front matter and every
block type, quiz banks with every question type (self-check and pre/post with forms A and B), workshops with breaks,
ISHOMA, pre/post tests and a self-care session. The result passes `scripts/check.py --root DEST` with no problem.

`mkdocs.yml` takes the theme, Markdown extensions, plugins, assets and `extra` of this repository's mkdocs.yml, so the
benchmark measures the site as it is configured today; `hooks` and `custom_dir` point here by absolute path.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from lindungi.content.loader import env_tag  # noqa: E402

AUDIENCES = ("konselor", "manajer_kasus", "pendamping_hukum", "psikolog", "fasilitator_desa", "pekerja_sosial",
             "tenaga_kesehatan", "guru")
MODULES_PER_WORKSHOP = 20
PRE_POST_EVERY = 10          # every 10th module also has a pre/post bank (forms A and B)
MODULES_PER_GROUP = 10        # modules per theme in the nav (`group`)
GROUPS_PER_PART = 10          # themes per part in the nav (`part`)

# --- the phrase bank -------------------------------------------------------------------------------------------------

SUBJECTS = ("Petugas layanan", "Konselor", "Manajer kasus", "Pendamping hukum", "Fasilitator desa", "Pekerja sosial",
            "Tenaga kesehatan", "Tim UPTD PPA", "Setiap peserta", "Pendamping")
VERBS = ("mendengarkan", "mencatat", "menjelaskan", "menanyakan", "memastikan", "menghormati", "merujuk",
         "mendampingi", "menyampaikan", "menjaga", "memeriksa", "membahas")
OBJECTS = ("cerita penyintas", "kebutuhan korban", "hak korban", "rencana keselamatan", "pilihan layanan",
           "kerahasiaan data", "persetujuan korban", "rujukan ke layanan kesehatan", "langkah pengaduan",
           "kebutuhan anak", "informasi bantuan hukum", "jadwal pendampingan")
MANNERS = ("dengan tenang", "tanpa menghakimi", "dengan bahasa yang sederhana", "sesuai standar layanan",
           "bersama korban", "secara tertulis", "di ruang yang aman", "sebelum mengambil keputusan",
           "dengan sabar", "tanpa terburu-buru")
REASONS = ("agar korban merasa aman", "supaya korban dapat memilih sendiri", "karena keselamatan korban utama",
           "sehingga rujukan tidak terputus", "agar data tidak tersebar", "supaya anak terlindungi",
           "karena tanggung jawab ada pada pelaku", "agar layanan berjalan terpadu")
TOPICS = ("Dukungan awal", "Rujukan terpadu", "Keselamatan korban", "Kerahasiaan", "Pendampingan hukum",
          "Layanan kesehatan", "Perlindungan anak", "Pengelolaan kasus", "Penjangkauan korban", "Mediasi",
          "Penampungan sementara", "Perawatan diri petugas", "Pengaduan masyarakat", "Kekerasan berbasis elektronik")
ASPECTS = ("dasar", "lanjutan", "di desa", "di puskesmas", "bagi anak", "bagi perempuan", "lintas layanan",
           "dalam keadaan darurat", "di sekolah", "untuk tim baru")
SESSION_TOPICS = ("Pengantar", "Mendengarkan aktif", "Menilai risiko", "Rencana keselamatan", "Rujukan",
                  "Dokumentasi", "Bermain peran", "Studi kasus", "Refleksi", "Praktik lapangan")
METHODS = ("ceramah singkat", "diskusi kelompok", "bermain peran", "studi kasus", "curah pendapat", "latihan")
MATERIALS = ("kertas plano", "spidol", "kartu kasus", "lembar observasi", "proyektor", "post-it")
NAMES = ("Bu Sari", "Pak Budi", "Dewi", "Rina", "Bu Ani", "Pak Joko", "Sinta", "Bu Wati")
PLACES = ("puskesmas", "balai desa", "kantor UPTD PPA", "sekolah", "rumah aman", "pos pelayanan")


class Writer:
    """Seeded text: the same seed gives the same sentences."""

    def __init__(self, seed: int):
        self.rnd = random.Random(seed)

    def pick(self, items):
        return self.rnd.choice(items)

    def sentence(self) -> str:
        return (f"{self.pick(SUBJECTS)} {self.pick(VERBS)} {self.pick(OBJECTS)} {self.pick(MANNERS)} "
                f"{self.pick(REASONS)}.")

    def paragraph(self, count: int = 4) -> str:
        return " ".join(self.sentence() for _ in range(count))

    def clause(self) -> str:
        return f"{self.pick(VERBS).capitalize()} {self.pick(OBJECTS)} {self.pick(MANNERS)}"

    def case(self) -> str:
        return (f"{self.pick(NAMES)} datang ke {self.pick(PLACES)} dan bercerita tentang kejadian di rumahnya. "
                f"{self.paragraph(2)}")


def q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- files -------------------------------------------------------------------------------------------------------------

def module_id(number: int) -> str:
    return f"modul-{number:04d}"


def session_ids(sessions: int) -> list[str]:
    return [f"sesi-{n:02d}" for n in range(1, sessions + 1)]


def group_title(number: int) -> str:
    """Modules are grouped by ten in the nav, as a large curriculum groups its modules by theme."""
    return f"Tema {(number - 1) // MODULES_PER_GROUP + 1}"


def part_title(number: int) -> str:
    """Themes are grouped by ten into parts, as a national curriculum groups its themes."""
    return f"Bagian {(number - 1) // (MODULES_PER_GROUP * GROUPS_PER_PART) + 1}"


def write_module(root: Path, w: Writer, number: int, sessions: int, questions: int) -> None:
    mid = module_id(number)
    folder = root / "modules" / mid
    folder.mkdir(parents=True)
    objectives = [f"tujuan-{n}" for n in range(1, max(2, sessions) + 1)]
    title = f"{w.pick(TOPICS)} {w.pick(ASPECTS)} ({number})"
    audience = sorted(set(w.rnd.sample(AUDIENCES, 2)))
    prereq = [module_id(number - 1)] if number > 1 and number % 5 == 0 else []
    lines = [f"id: {mid}", f"title: {q(title)}", f"summary: {q(w.paragraph(2))}", f"audience: [{', '.join(audience)}]",
             f"level: {'dasar' if number % 3 else 'lanjutan'}", f"part: {q(part_title(number))}",
             f"group: {q(group_title(number))}", "status: draft", "objectives:"]
    lines += [f"  - id: {o}\n    text: {q(w.clause())}" for o in objectives]
    lines += ["key_points:"] + [f"  - {q(w.sentence())}" for _ in range(3)]
    lines += [f"prerequisites: [{', '.join(prereq)}]", f"sessions: [{', '.join(session_ids(sessions))}]", "quizzes:",
              f"  self_check: {mid}"]
    if number % PRE_POST_EVERY == 0:
        lines.append(f"  pre_post: {mid}-prepost")
    lines += ["handout:", "  pages: 2", "  what_to_do:"] + [f"    - {q(w.clause() + '.')}" for _ in range(3)]
    lines += ["sources:", "  - {title: UU No. 12 Tahun 2022 tentang Tindak Pidana Kekerasan Seksual, publisher: "
              "Pemerintah Republik Indonesia, year: 2022, use: cited}",
              "  - {title: Permen PPPA No. 2 Tahun 2022 tentang Standar Layanan Perlindungan Perempuan dan Anak, "
              "publisher: Kementerian PPPA, year: 2022, use: cited}",
              "reviewed: 2026-06-01", "next_review: 2036-06-01"]
    (folder / "module.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for index, sid in enumerate(session_ids(sessions)):
        objective = objectives[index % len(objectives)]
        extra = [o for o in objectives[sessions:]] if index == sessions - 1 else []
        self_care = index == sessions - 1
        (folder / f"{sid}.md").write_text(session_text(w, index, [objective] + extra, self_care), encoding="utf-8")
    write_bank(root / "quizzes" / f"{mid}.yml", w, mid, f"Cek mandiri: {title}", ["self_check"], objectives, questions)
    if number % PRE_POST_EVERY == 0:
        write_bank(root / "quizzes" / f"{mid}-prepost.yml", w, f"{mid}-prepost", f"Pre/post test: {title}",
                   ["pre_test", "post_test"], objectives, max(questions, 4), forms=True)


def session_text(w: Writer, index: int, objectives: list[str], self_care: bool) -> str:
    steps = [(w.pick(SESSION_TOPICS), w.pick((10, 15, 20)), w.pick(METHODS)) for _ in range(3)]
    front = ["---", f"title: {q(('Perawatan diri: ' if self_care else '') + SESSION_TOPICS[index % len(SESSION_TOPICS)])}",
             f"objectives: [{', '.join(objectives)}]", "steps:"]
    front += [f"  - {{title: {q(t)}, minutes: {m}, method: {q(meth)}, materials: [{w.pick(MATERIALS)}]}}"
              for t, m, meth in steps]
    front += [f"materials: [{w.pick(MATERIALS)}]", f"self_care: {'true' if self_care else 'false'}", "---"]
    body = [f"## {w.pick(SESSION_TOPICS)}", "", w.paragraph(5), "", w.paragraph(4), "",
            "::: trainer", w.paragraph(2), ":::", "",
            "::: say", w.paragraph(2), ":::", "",
            "::: activity \"Latihan berpasangan\"", w.paragraph(2), "", "::: answer", w.paragraph(1), ":::", ":::", "",
            "::: roleplay \"Bermain peran\"", w.case(), "", "::: observer", f"- {w.clause()}", f"- {w.clause()}", ":::",
            ":::", "",
            "::: case \"Kasus\"", w.case(), "", "::: answer", w.paragraph(2), ":::", ":::", "",
            "::: discussion", w.sentence(), ":::", "",
            "::: safeguarding", w.sentence(), ":::", "",
            "::: adapt", w.sentence(), ":::", "",
            "::: keypoint", w.sentence(), ":::", "",
            "| Langkah | Siapa |", "|---|---|"] + [f"| {w.clause()} | {w.pick(SUBJECTS)} |" for _ in range(3)]
    body += ["", "::: local", ":::", ""]
    return "\n".join(front + body)


QUESTION_TYPES = ("single", "multiple", "true_false", "scenario", "ordering", "matching", "short_answer")


def write_bank(path: Path, w: Writer, bank_id: str, title: str, uses: list[str], objectives: list[str],
               questions: int, forms: bool = False) -> None:
    lines = [f"id: {bank_id}", f"title: {q(title)}", f"uses: [{', '.join(uses)}]", "pass_mark: 70", "questions:"]
    for n in range(questions):
        qtype = QUESTION_TYPES[n % len(QUESTION_TYPES)]
        lines += question_lines(w, n, qtype, objectives[n % len(objectives)], ("A" if n % 2 == 0 else "B") if forms
                                else None)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def question_lines(w: Writer, n: int, qtype: str, objective: str, form: str | None) -> list[str]:
    lines = [f"  - id: soal-{n + 1:02d}", f"    type: {qtype}", f"    objective: {objective}"]
    if form:
        lines.append(f"    forms: [{form}]")
    lines += [f"    prompt: {q(w.clause() + '?')}", f"    hint: {q(w.sentence())}",
              f"    explanation: {q(w.paragraph(2))}"]
    if qtype == "scenario":
        lines.append(f"    scenario: {q(w.case())}")
    if qtype in ("single", "multiple", "scenario"):
        lines.append("    options:")
        for index, letter in enumerate("abcd"):
            correct = index == 0 or (qtype == "multiple" and index == 2)
            lines += [f"      - id: {letter}", f"        text: {q(w.clause())}"]
            if correct:
                lines.append("        correct: true")
            lines.append(f"        feedback: {q(('Tepat. ' if correct else 'Kurang tepat. ') + w.sentence())}")
        return lines
    if qtype == "true_false":
        lines.append(f"    answer: {'true' if n % 2 else 'false'}")
    elif qtype == "ordering":
        lines.append("    items:")
        lines += [f"      - {{id: langkah-{k}, text: {q(w.clause())}}}" for k in range(1, 5)]
    elif qtype == "matching":
        lines.append("    pairs:")
        lines += [f"      - {{id: pasangan-{k}, left: {q(w.pick(OBJECTS) + f' {k}')}, right: {q(w.pick(SUBJECTS) + f' {k}')}}}"
                  for k in range(1, 4)]
    elif qtype == "short_answer":
        lines.append("    accepted: [rujukan, merujuk, rujuk]")
    lines += [f"    feedback_correct: {q('Tepat. ' + w.sentence())}",
              f"    feedback_incorrect: {q('Kurang tepat. ' + w.sentence())}"]
    return lines


def write_workshop(root: Path, w: Writer, number: int, module_numbers: list[int], sessions: int) -> None:
    """Two-day (or longer) workshop: each day four sessions with breaks, ISHOMA, tests on the first and last day."""
    wid = f"pelatihan-{number:03d}"
    pairs = [(module_id(m), sid) for m in module_numbers for sid in session_ids(sessions)]
    per_day = 4
    days = [pairs[i:i + per_day] for i in range(0, len(pairs), per_day)][:3]
    prepost = next((module_id(m) for m in module_numbers if m % PRE_POST_EVERY == 0), None)
    lines = [f"id: {wid}", f"title: {q(f'Pelatihan {w.pick(TOPICS).lower()} angkatan {number}')}",
             "place: \"{{ region.name }}\"", "participants: 25", "days:"]
    for d, day in enumerate(days):
        lines += [f"  - date: 2027-0{1 + number % 9}-{11 + d:02d}", '    start: "08:00"', "    items:"]
        items = []
        if d == 0:
            items.append("{type: opening, minutes: 30, title: Pembukaan dan kontrak belajar}")
            if prepost:
                items.append(f"{{type: pre_test, quiz: {prepost}-prepost, form: A, minutes: 20}}")
            items.append("{type: break, minutes: 15}")
        for index, (mid, sid) in enumerate(day):
            items.append(f"{{type: session, module: {mid}, session: {sid}}}")
            items.append("{type: ishoma, minutes: 60}" if index == 1 else "{type: break, minutes: 15}")
        if d == len(days) - 1:
            if prepost:
                items.append(f"{{type: post_test, quiz: {prepost}-prepost, form: B, minutes: 20}}")
            items += ["{type: rtl, minutes: 30}", "{type: closing, minutes: 15}"]
        lines += [f"      - {item}" for item in items]
    (root / "workshops").mkdir(exist_ok=True)
    (root / "workshops" / f"{wid}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- the project -------------------------------------------------------------------------------------------------------

CONTENT_FOLDERS = ("modules", "quizzes", "workshops")


class _Loader(yaml.SafeLoader):
    """Reads the repository's mkdocs.yml; `!ENV` is resolved as MkDocs does, other custom tags become None."""


_Loader.add_constructor("!ENV", env_tag)
_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_config(hooks: bool = True, code: Path = REPO) -> dict:
    """This repository's mkdocs.yml with absolute paths; without `hooks`, no hook, no plugin of ours and no custom_dir
    (plain Material). With hooks it watches the content folders (`mkdocs serve` rebuilds on an edit there) and takes the hook and the
    theme overrides from the checkout at `code` (this one by default; another one to measure its code)."""
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader) or {}
    theme = dict(config.get("theme") or {"name": "material"})
    theme.pop("custom_dir", None)
    if hooks:
        theme["custom_dir"] = str(Path(code) / "docs" / ".overrides")
    out = {"site_name": "Korpus sintetis", "use_directory_urls": config.get("use_directory_urls", False),
           "theme": theme}
    if hooks:
        out["hooks"] = [str(Path(code) / "hooks" / "main.py")]
        out["watch"] = list(CONTENT_FOLDERS)
    for key in ("plugins", "markdown_extensions", "extra_css", "extra_javascript", "extra"):
        if config.get(key) is not None:
            out[key] = config[key]
    # Ours runs through the hook of the checkout at `code` (the installed plugin would be this checkout's), plain
    # Material through no generator at all: the plugin entry `lindungi` is left out of both.
    out["plugins"] = [p for p in out.get("plugins", ["search"]) if p != "lindungi"
                      and not (isinstance(p, dict) and "lindungi" in p)]
    return out


def write_config(root: Path, config: dict) -> None:
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def copy_assets(docs: Path) -> None:
    """The repository's static files under docs/ (CSS, scripts, vendored shims): the site's real weight."""
    source = REPO / "docs" / "assets"
    if source.is_dir():
        shutil.copytree(source, docs / "assets", dirs_exist_ok=True)


def write_corpus(dest: Path, modules: int, sessions: int = 4, questions: int = 8, seed: int = 7) -> Path:
    """Write a complete project of `modules` modules into `dest` (which must be empty or absent); returns `dest`."""
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise SystemExit(f"{dest} is not empty")
    w = Writer(seed)
    docs = dest / "docs"
    docs.mkdir(parents=True)
    (dest / "modules").mkdir()
    (dest / "quizzes").mkdir()
    config = site_config(hooks=True)
    write_config(dest, config)
    copy_assets(docs)
    region = ((config.get("extra") or {}).get("lindungi") or {}).get("region_id")
    if region and (REPO / "regions" / region).is_dir():  # the region the repository builds, as its own site does
        shutil.copytree(REPO / "regions" / region, dest / "regions" / region)
    (docs / "index.md").write_text("\n".join([
        "# Pelatihan dan pencegahan kekerasan", "", w.paragraph(3), "", "::: keypoint", w.sentence(), ":::", "",
        "::: local", ":::", ""]), encoding="utf-8")
    for number in range(1, modules + 1):
        write_module(dest, w, number, sessions, questions)
    numbers = list(range(1, modules + 1))
    groups = [numbers[i:i + MODULES_PER_WORKSHOP] for i in range(0, len(numbers), MODULES_PER_WORKSHOP)]
    for index, group in enumerate(groups, start=1):
        chosen = sorted(set(group[:2] + [m for m in group if m % PRE_POST_EVERY == 0][:1]))
        write_workshop(dest, w, index, chosen, sessions)
    return dest


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--modules", type=int, default=10)
    parser.add_argument("--sessions", type=int, default=4)
    parser.add_argument("--questions", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    write_corpus(args.dest, args.modules, args.sessions, args.questions, args.seed)
    print(f"{args.dest}: {args.modules} modules x {args.sessions} sessions, {args.questions} questions per bank")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where quizzes go in the site: the storage policy of each page, and the trainers' quiz section.

`trainer_index(project, ui)` returns the index page (Markdown); `trainer_files(project, ui)` the files under
`pelatih/kuis/`: a printable worksheet and a separate answer key per bank (forms A and B for pre/post tests) as
standalone HTML documents, and the GIFT and Moodle XML exports. Standalone documents print cleanly (no site chrome),
cost no page render and stay out of the search index. No MkDocs here.
"""

from __future__ import annotations

from ..engine.helper import write_files
from ..engine.memo import always_compute
from .quizexport import OLD_MOODLE, export_files
from .quizrender import render_page, render_sheet, sheet_forms, sheet_name

QUIZ_DIR = "pelatih/kuis"
MODULES_PREFIX = "modul/"


def storage_for(path: str, settings) -> str:
    """Module pages may offer opt-in storage (when settings allow it); every other page stores nothing."""
    if path.startswith(MODULES_PREFIX) and settings.quiz_storage == "opt_in":
        return "opt_in"
    return "none"


def sorted_banks(project) -> list:
    """The project's quiz banks in the order the trainers' page lists them (by id)."""
    return sorted(project.quizzes.values(), key=lambda b: b.id)


def trainer_index(project, ui: dict) -> dict:
    """{docs path: Markdown} of the index page. Its table is HTML: it links files the site engine does not know of
    (the build writes them itself, see `write_bank_files`), and a 100-row HTML block costs the Markdown converter
    nothing."""
    return {f"{QUIZ_DIR}/index.md": _index(sorted_banks(project), ui)}


def trainer_files(project, ui: dict, remember=None) -> dict:
    """{docs path: text} for the sheets, keys and exports of every bank of `project`; see `bank_files`."""
    return bank_files(sorted_banks(project), project.settings.organisation, ui, remember)


def bank_files(banks, organisation: str, ui: dict, remember=None) -> dict:
    """{docs path: text} for the sheets, keys and exports of `banks`. `remember(parts, make)` (`Memo.get`, see
    memo.py) may return those of unchanged banks from an earlier build."""
    keep = remember or always_compute
    files: dict = {}
    for bank in banks:
        source = repr(bank)  # the memo key of everything the bank holds, once per bank
        for form in sheet_forms(bank):
            for key in (False, True):
                files[f"{QUIZ_DIR}/{sheet_name(bank.id, form, key)}"] = keep(
                    ("sheet", source, form, key, organisation),
                    lambda b=bank, f=form, k=key: render_sheet(b, ui, f, k, organisation))
    for name, text in export_files(banks, keep).items():
        files[f"{QUIZ_DIR}/{name}"] = text
    return files


def write_bank_files(banks, organisation: str, ui: dict, site_dir, remember=None) -> int:
    """Make the files of `bank_files` and write them under `site_dir`; returns how many. The build runs this in a
    helper process (helper.py) while it renders the pages."""
    return write_files(bank_files(banks, organisation, ui, remember), site_dir)


def _index(banks, ui: dict) -> str:
    rows = []
    for bank in banks:
        sheets, keys = ([(f"{ui['quiz_form']} {form}" if form else ui["quiz_trainer_all"],
                          sheet_name(bank.id, form, key)) for form in sheet_forms(bank)] for key in (False, True))
        rows.append({"title": bank.title, "sheet_links": sheets, "key_links": keys,
                     "export_links": [("GIFT", f"{bank.id}.gift"), ("Moodle XML", f"{bank.id}.xml")]})
    heads = [ui[k] for k in ("quiz_trainer_bank", "quiz_trainer_sheets", "quiz_trainer_keys", "quiz_trainer_exports")]
    downloads = [(ui["quiz_trainer_all_gift"], "semua-bank-soal.gift"),
                 (ui["quiz_trainer_all_xml"], "semua-bank-soal.xml"),
                 (ui["quiz_trainer_old_gift"], f"{OLD_MOODLE}.gift"), (ui["quiz_trainer_old_xml"], f"{OLD_MOODLE}.xml")]
    return render_page("quiz/quiz_trainers.md", ui=ui, rows=rows, heads=heads, downloads=downloads)

"""Where quizzes go in the site: the storage policy of each page, and the trainers' quiz section.

`trainer_section(project, ui)` returns the index page (Markdown) and the files under `pelatih/kuis/`: a printable
worksheet and a separate answer key per bank (forms A and B for pre/post tests) as standalone HTML documents, and the
GIFT and Moodle XML exports. Standalone documents print cleanly (no site chrome), cost no MkDocs page render and stay
out of the search index. No MkDocs here.
"""

from __future__ import annotations

from .memo import remember
from .quizexport import export_files
from .quizrender import render_sheet, sheet_forms, sheet_name

QUIZ_DIR = "pelatih/kuis"
MODULES_PREFIX = "modul/"


def storage_for(path: str, settings) -> str:
    """Module pages may offer opt-in storage (when settings allow it); every other page stores nothing."""
    if path.startswith(MODULES_PREFIX) and settings.quiz_storage == "opt_in":
        return "opt_in"
    return "none"


def trainer_section(project, ui: dict, memo=None) -> tuple[dict, dict]:
    """({docs path: Markdown} for the index page, {docs path: text} for the sheets, keys and exports). With a `memo`
    (memo.py) sheets and exports of unchanged banks come from an earlier build."""
    keep = remember(memo)
    organisation = project.settings.organisation
    banks = sorted(project.quizzes.values(), key=lambda b: b.id)
    files: dict = {}
    rows = []
    for bank in banks:
        sheets, keys = [], []
        source = repr(bank)  # the memo key of everything the bank holds, once per bank
        for form in sheet_forms(bank):
            for key, target in ((False, sheets), (True, keys)):
                name = sheet_name(bank.id, form, key)
                files[f"{QUIZ_DIR}/{name}"] = keep(("sheet", source, form, key, organisation),
                                                   lambda b=bank, f=form, k=key: render_sheet(b, ui, f, k, organisation))
                label = f"{ui['quiz_form']} {form}" if form else ui["quiz_trainer_all"]
                target.append(f"[{label}]({name})")
        rows.append((bank, sheets, keys))
    for name, text in export_files(banks, keep).items():
        files[f"{QUIZ_DIR}/{name}"] = text
    return {f"{QUIZ_DIR}/index.md": _index(rows, ui, bool(banks))}, files


def _index(rows, ui: dict, any_bank: bool) -> str:
    lines = ["---", "search:", "  exclude: true", "---", f"# {ui['quiz_trainer_title']}", "", ui["quiz_trainer_intro"],
             ""]
    if any_bank:
        lines += [f"| | {ui['quiz_trainer_sheets']} | {ui['quiz_trainer_keys']} | {ui['quiz_trainer_exports']} |",
                  "|---|---|---|---|"]
        for bank, sheets, keys in rows:
            title = _cell(bank.title)
            lines.append(f"| {title} | {' · '.join(sheets)} | {' · '.join(keys)} | "
                         f"[GIFT]({bank.id}.gift) · [Moodle XML]({bank.id}.xml) |")
        lines += ["", f"- [{ui['quiz_trainer_all_gift']}](semua-bank-soal.gift)",
                  f"- [{ui['quiz_trainer_all_xml']}](semua-bank-soal.xml)"]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """A bank title inside a Markdown table cell: no markup, no column breaks."""
    import html

    return html.escape(str(text), quote=False).replace("|", "&#124;").replace("\\", "&#92;").replace(
        "*", "&#42;").replace("_", "&#95;").replace("[", "&#91;").replace("`", "&#96;")

"""The trainer's pack of a workshop: printable documents as HTML (the PDFs are made by `pdf.py`). No MkDocs.

Documents, in pack order: agenda with clock times, facilitator guide (sessions in agenda order, trainer view), the
handouts (added as PDFs by `printing.py`), pre/post test sheets with an answer sheet, a materials checklist, an
attendance sheet with blank rows, an action-plan (RTL) form and an evaluation form. The answer key is a separate
document that never enters the combined pack. Participants' names are never printed: the forms have empty rows.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from markupsafe import Markup

from . import pages, quizrender
from .handout import environment, render_print_document
from .lawext import LawExtension

SPARE_ROWS = 5            # extra blank rows on the attendance sheet
DEFAULT_PARTICIPANTS = 25
RTL_ROWS = 6
EVALUATION_QUESTIONS = 6
_QUIZ_LINE = re.compile(r"^:::\s*quiz\b.*$", re.M)


@dataclass(frozen=True)
class PackDoc:
    """One printable document of a pack: `slug` names its file (`<slug>.pdf`)."""

    slug: str
    title: str
    html: str
    in_pack: bool = True      # False: kept out of the combined PDF (the answer key)


@dataclass(frozen=True)
class Test:
    """A pre/post test item of the agenda with its bank's questions for that form."""

    kind: str      # pre_test or post_test
    bank: object
    form: str
    questions: tuple

    @property
    def slug(self) -> str:
        """File name stem; the bank id keeps two pre-tests of the same form (two modules) apart."""
        return f"{'tes-awal' if self.kind == 'pre_test' else 'tes-akhir'}-{self.form.lower()}-{self.bank.id}"


def item_title(item, project, ui: dict) -> str:
    """What the agenda shows for an item: its title, the session's title, or the name of its type."""
    if item.title:
        return item.title
    if item.type == "session":
        session = session_of(project, item.module, item.session)
        return session.title if session else f"{item.module}/{item.session}"
    return ui.get(f"item_{item.type}", item.type)


def session_of(project, module_id, session_id):
    module = project.modules.get(module_id)
    return next((s for s in module.sessions if s.id == session_id), None) if module else None


def agenda_days(workshop, project, ui: dict) -> list:
    """(day number, day, [(item, its title), ...]) for every day of the workshop: the agenda, in the pack and online."""
    return [(n, day, [(item, item_title(item, project, ui)) for item in day.items])
            for n, day in enumerate(workshop.days, start=1)]


def workshop_sessions(workshop, project) -> list:
    """(day number, agenda item, module, session) for every session of the agenda that exists, in agenda order."""
    found = []
    for number, day in enumerate(workshop.days, start=1):
        for item in day.items:
            session = session_of(project, item.module, item.session) if item.type == "session" else None
            if session is not None:
                found.append((number, item, project.modules[item.module], session))
    return found


def workshop_modules(workshop, project) -> list:
    """The modules a workshop uses, in agenda order, each once."""
    seen: dict = {}
    for _, _, module, _ in workshop_sessions(workshop, project):
        seen.setdefault(module.id, module)
    return list(seen.values())


def workshop_tests(workshop, project) -> list[Test]:
    tests = []
    for day in workshop.days:
        for item in day.items:
            bank = project.quizzes.get(item.quiz) if item.type in ("pre_test", "post_test") else None
            if bank is not None and item.form:
                tests.append(Test(item.type, bank, item.form, tuple(bank.for_form(item.form))))
    return tests


def question_views(test) -> list:
    """The test's questions as every paper shows them (quizrender's one view per bank and form)."""
    return quizrender.question_views(test.bank, test.questions)


def session_html(session, project, ui: dict) -> str:
    """A session's trainer view (trainer notes, read-aloud text, activities, cases with answer guides) as HTML."""
    text = pages.render_body(session.tree, "trainer", project.settings, ui)
    text = _QUIZ_LINE.sub("", text)
    converter = _converter()
    converter.law_ext.laws = project.laws  # `law:` links point at the laws' official addresses, as on the site
    html = converter.reset().convert(text)
    module = project.modules.get(session.module_id)
    if module is not None and module.assets and "<img" in html:
        html = _embed_images(html, Path(project.root) / Path(module.path).parent, module.assets)
    return html


_IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]+)(")')


def _embed_images(html: str, folder: Path, assets) -> str:
    """Images beside the module's sessions, written into the PDF's HTML as data: URIs (a PDF loads no file)."""
    import base64
    import mimetypes
    from urllib.parse import unquote

    def embed(match):
        name = unquote(match.group(2))
        kind = mimetypes.guess_type(name)[0] or ""
        if name not in assets or not kind.startswith("image/"):
            return match.group(0)
        try:
            data = base64.b64encode((folder / name).read_bytes()).decode("ascii")
        except OSError:
            return match.group(0)
        return f"{match.group(1)}data:{kind};base64,{data}{match.group(3)}"

    return _IMG_SRC.sub(embed, html)


@functools.lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    """One Markdown converter for every session of every pack (building one per call costs more than converting)."""
    law_ext = LawExtension()
    converter = markdown.Markdown(extensions=["md_in_html", "tables", "attr_list", law_ext])
    converter.law_ext = law_ext
    return converter


def materials(workshop, project) -> list[str]:
    """Every material named by the workshop's sessions and their steps, each once, in agenda order."""
    seen: dict = {}
    for _, _, _, session in workshop_sessions(workshop, project):
        for name in list(session.materials) + [m for step in session.steps for m in step.materials]:
            seen.setdefault(str(name).strip().lower(), str(name).strip())
    return list(seen.values())


def _plan(workshop, project, ui: dict) -> list:
    """(slug, title, in pack, template, context function) for every document of the pack except the handouts, in pack
    order (answer key last, outside the pack). Contexts are functions so that listing the pack renders nothing."""
    tests = workshop_tests(workshop, project)
    participants = workshop.participants or DEFAULT_PARTICIPANTS

    def days():
        return {"days": agenda_days(workshop, project, ui)}

    def guide():
        return {"sessions": [(n, item, module, session, Markup(session_html(session, project, ui)))
                             for n, item, module, session in workshop_sessions(workshop, project)]}

    plan = [("agenda", ui["pack_agenda"], True, "pack_agenda.html", days),
            ("panduan-fasilitator", ui["pack_guide"], True, "pack_guide.html", guide)]
    for test in tests:
        title = f"{ui['pack_' + test.kind]} · {ui['pack_form']} {test.form} · {test.bank.title}"
        plan.append((test.slug, title, True, "pack_test.html",
                     lambda test=test: {"test": test, "questions": question_views(test)}))
    plan.append(("daftar-bahan", ui["pack_materials"], True, "pack_materials.html",
                 lambda: {"materials": materials(workshop, project), "participants": participants,
                          "modules": workshop_modules(workshop, project), "tests": tests}))
    plan.append(("daftar-hadir", ui["pack_attendance"], True, "pack_attendance.html",
                 lambda: {"rows": range(1, participants + SPARE_ROWS + 1)}))
    plan.append(("rtl", ui["pack_rtl"], True, "pack_rtl.html", lambda: {"rows": range(RTL_ROWS)}))
    plan.append(("evaluasi", ui["pack_evaluation"], True, "pack_evaluation.html",
                 lambda: {"questions": [ui[f"pack_eval_q{n}"] for n in range(1, EVALUATION_QUESTIONS + 1)]}))
    if tests:
        plan.append(("kunci-jawaban", ui["pack_answer_key"], False, "pack_key.html",
                     lambda: {"tests": [(test, question_views(test)) for test in tests]}))
    return plan


def pack_outline(workshop, project, ui: dict, in_pack_only: bool = False) -> list[tuple[str, str]]:
    """(slug, title) of every document `pack_documents` makes (or only those joined into the combined pack), in the
    same order, without rendering any."""
    return [(slug, title) for slug, title, in_pack, *_ in _plan(workshop, project, ui) if in_pack or not in_pack_only]


def pack_documents(workshop, project, ui: dict) -> list[PackDoc]:
    """Every document of the workshop's pack except the handouts, rendered, in pack order."""
    env = environment()
    common = {"w": workshop, "project": project}
    docs = []
    for slug, title, in_pack, template, context in _plan(workshop, project, ui):
        html = render_print_document(env.get_template(template), project.settings, ui, f"{title}: {workshop.title}",
                                     footer=f"{workshop.title} · {title}", title=title, **common, **context())
        docs.append(PackDoc(slug, title, html, in_pack))
    return docs

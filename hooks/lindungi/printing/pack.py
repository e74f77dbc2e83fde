"""The trainer's pack of a workshop: printable documents as HTML (the PDFs are made by `pdf.py`). No MkDocs.

Documents, in pack order: agenda with clock times, facilitator guide (sessions in agenda order, trainer view), the
handouts (their bodies given by `documents.py`), pre/post test sheets with an answer sheet, the participants'
worksheets, a materials checklist (items merged and counted), an attendance sheet with blank rows, and an action-plan
(RTL) form and an evaluation form when the agenda has an RTL or evaluation item. Each is a document of its own, and
`combined_document` sets them all in one more document behind a cover and a contents page (one page numbering, every
part on an odd page). The answer key is a separate document that never enters the combined pack. Participants' names
are never printed: the forms have empty rows. Test sheets and forms are participant documents (`.lp-participant`,
11 pt); form columns are sized for handwriting (the widths below).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from markupsafe import Markup

from ..content import licences, pages
from ..content.lawext import LawExtension
from ..content.workshop import step_rows
from ..quiz import quizrender
from .handout import environment, render_print_document

SPARE_ROWS = 5            # extra blank rows on the attendance sheet
DEFAULT_PARTICIPANTS = 25
RTL_ROWS = 12             # rows of the action-plan form: enough to fill its page
GROUP_SIZE = 5            # participants per working group when the workshop does not say how many groups
EVALUATION_QUESTIONS = 6
FOOTER_CHARS = 80         # a page footer's document name is cut to this length, so it stays on one line
# Column widths of the forms, in mm (A4 portrait leaves 180 mm between the margins, landscape 267 mm). Handwriting
# needs room: a name takes at least 60 mm.
TEXT_WIDTH_MM = {"portrait": 180, "landscape": 267}
ATTENDANCE_MM = {"no": 10, "name": 62, "institution": 48}
ATTENDANCE_PORTRAIT_DAYS = 2   # more days than this: the attendance sheet is printed landscape
RTL_MM = {"no": 9, "what": 50, "who": 30, "when": 27, "support": 32, "measure": 32}
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
    """What the agenda shows for an item: its title, the session's title, a test with its module (or bank) and form
    ("Tes awal: Memahami bentuk kekerasan · Paket soal A", so two pre-tests on one day are told apart), or the name of
    its type."""
    if item.title:
        return item.title
    if item.type == "session":
        session = session_of(project, item.module, item.session)
        return session.title if session else f"{item.module}/{item.session}"
    name = ui.get(f"item_{item.type}", item.type)
    if item.type in ("pre_test", "post_test") and item.quiz:
        subject = test_subject(project, item.quiz)
        form = f" · {ui['pack_form']} {item.form}" if item.form else ""
        return f"{name}: {subject}{form}" if subject else f"{name}{form}"
    return name


def test_subject(project, quiz_id: str) -> str:
    """What a pre/post test is about: the title of the module that names the bank as its `pre_post`, else the bank's
    title ('' for an unknown bank)."""
    module = next((m for m in project.modules.values() if m.pre_post == quiz_id), None)
    if module is not None:
        return module.title
    bank = project.quizzes.get(quiz_id)
    return bank.title if bank is not None else ""


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
    return _markdown_html(pages.render_body(session.tree, "trainer", project.settings, ui), project, session.module_id)


def worksheet_html(sheet, project, ui: dict) -> str:
    """A worksheet's text for participants as HTML (trainer-only blocks are refused in worksheets)."""
    return _markdown_html(pages.render_body(sheet.tree, "public", project.settings, ui), project, sheet.module_id)


def _markdown_html(text: str, project, module_id: str) -> str:
    """Markdown of a module's session or worksheet as HTML; images beside the module's sessions are embedded."""
    text = _QUIZ_LINE.sub("", text)
    converter = _converter()
    converter.law_ext.laws = project.laws  # `law:` links point at the laws' official addresses, as on the site
    html = converter.reset().convert(text)
    module = project.modules.get(module_id)
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


@dataclass
class MaterialLine:
    """One line of the materials checklist: an item, its summed count (None when no session gives a quantity), its
    units and the sessions that use it."""

    item: str
    total: int | None = None
    units: list = field(default_factory=list)
    sessions: list = field(default_factory=list)
    uncounted: int = 0    # sessions that name the item without a quantity (when others give one)


def group_count(workshop) -> int:
    """The workshop's working groups: `groups`, else one for every GROUP_SIZE participants."""
    return workshop.groups or math.ceil((workshop.participants or DEFAULT_PARTICIPANTS) / GROUP_SIZE)


def material_count(material, participants: int, groups: int) -> int | None:
    """How many of `material` one session needs: its quantity per participant, per group or for the room."""
    if not getattr(material, "quantity", None):
        return None
    return material.quantity * {"peserta": participants, "kelompok": groups}.get(material.per, 1)


def material_lines(workshop, project) -> list[MaterialLine]:
    """Every material of the workshop's sessions and steps, merged by item (case and spaces ignored) in agenda order,
    with counts summed over the sessions. Within one session an item counts once: the session's own `materials`
    entry when it gives a quantity, else the sum of its steps' entries. Text materials have no count."""
    participants = workshop.participants or DEFAULT_PARTICIPANTS
    groups = group_count(workshop)
    lines: dict = {}
    for _, _, _, session in workshop_sessions(workshop, project):
        own: dict = {}
        for origin, entries in (("session", session.materials),
                                ("steps", [m for step in session.steps for m in step.materials])):
            for material in entries:
                own.setdefault(material.key, {"session": [], "steps": []})[origin].append(material)
        for key, found in own.items():
            chosen = found["session"] if any(m.quantity for m in found["session"]) else found["steps"]
            first = (found["session"] or found["steps"])[0]
            line = lines.setdefault(key, MaterialLine(first.item))
            counts = [c for c in (material_count(m, participants, groups) for m in chosen) if c is not None]
            if counts:
                line.total = (line.total or 0) + sum(counts)
            else:
                line.uncounted += 1
            for material in found["session"] + found["steps"]:
                if material.unit and material.unit not in line.units:
                    line.units.append(material.unit)
            if session.title not in line.sessions:
                line.sessions.append(session.title)
    return list(lines.values())


def materials(workshop, project) -> list[str]:
    """Every material named by the workshop's sessions and their steps, each once, in agenda order."""
    return [line.item for line in material_lines(workshop, project)]


def workshop_worksheets(workshop, project) -> list:
    """(worksheet, [session titles]) of every worksheet the workshop's sessions use, each once, in agenda order."""
    found: dict = {}
    for _, _, module, session in workshop_sessions(workshop, project):
        for sheet_id in session.worksheets:
            sheet = module.worksheets.get(sheet_id)
            if sheet is not None:
                found.setdefault((module.id, sheet_id), (sheet, []))[1].append(session.title)
    return list(found.values())


def worksheet_copies(sheet, workshop) -> int:
    """Copies to print: `copies` for each participant, or for each group."""
    people = workshop.participants or DEFAULT_PARTICIPANTS
    return sheet.copies * (group_count(workshop) if sheet.per == "kelompok" else people)


def has_item(workshop, item_type: str) -> bool:
    return any(item.type == item_type for day in workshop.days for item in day.items)


def _plan(workshop, project, ui: dict) -> list:
    """(slug, title, in pack, template, context function) for every document of the pack except the handouts, in pack
    order (answer key last, outside the pack). Contexts are functions so that listing the pack renders nothing."""
    tests = workshop_tests(workshop, project)
    participants = workshop.participants or DEFAULT_PARTICIPANTS

    def days():
        return {"days": agenda_days(workshop, project, ui)}

    def guide():
        return {"sessions": [(n, item, module, session, Markup(session_html(session, project, ui)))
                             for n, item, module, session in workshop_sessions(workshop, project)],
                "rows": {f"{session.module_id}/{session.id}": [(row, pages.materials_text(getattr(row.step, "materials", ()), ui))
                                       for row in step_rows(session, item.start)]
                         for _, item, _, session in workshop_sessions(workshop, project)},
                "materials": {f"{session.module_id}/{session.id}": pages.materials_text(session.materials, ui)
                              for _, _, _, session in workshop_sessions(workshop, project)},
                "audiences": {m.id: pages.audience_text(m, ui) for m in workshop_modules(workshop, project)},
                "licences": {m.id: licences.module_licence(m, project.settings)
                             for m in workshop_modules(workshop, project)}}

    plan = [("agenda", ui["pack_agenda"], True, "printing/pack_agenda.html", days),
            ("panduan-fasilitator", ui["pack_guide"], True, "printing/pack_guide.html", guide)]
    for test in tests:
        title = f"{ui['pack_' + test.kind]} · {ui['pack_form']} {test.form} · {test.bank.title}"
        plan.append((test.slug, title, True, "printing/pack_test.html",
                     lambda test=test: {"test": test, "questions": question_views(test)}))
    sheets = workshop_worksheets(workshop, project)
    for sheet, used_in in sheets:
        plan.append((f"lembar-{sheet.module_id}-{sheet.id}", f"{ui['pack_worksheet']}: {sheet.title}", True,
                     "printing/pack_worksheet.html",
                     lambda sheet=sheet, used_in=used_in: {"sheet": sheet, "used_in": used_in,
                                                           "body": Markup(worksheet_html(sheet, project, ui))}))
    rtl, evaluation = has_item(workshop, "rtl"), has_item(workshop, "evaluation")
    plan.append(("daftar-bahan", ui["pack_materials"], True, "printing/pack_materials.html",
                 lambda: {"materials": material_lines(workshop, project), "participants": participants,
                          "groups": group_count(workshop), "modules": workshop_modules(workshop, project),
                          "tests": tests, "sheets": [(s, worksheet_copies(s, workshop), u) for s, u in sheets],
                          "forms": [label for label, wanted in ((ui["pack_rtl"], rtl),
                                                                (ui["pack_evaluation"], evaluation)) if wanted]}))
    plan.append(("daftar-hadir", ui["pack_attendance"], True, "printing/pack_attendance.html",
                 lambda: {"rows": range(1, participants + SPARE_ROWS + 1), **attendance_columns(workshop)}))
    if rtl:
        plan.append(("rtl", ui["pack_rtl"], True, "printing/pack_rtl.html", lambda: {"rows": range(RTL_ROWS), "mm": RTL_MM}))
    if evaluation:
        plan.append(("evaluasi", ui["pack_evaluation"], True, "printing/pack_evaluation.html",
                     lambda: {"questions": [ui[f"pack_eval_q{n}"] for n in range(1, EVALUATION_QUESTIONS + 1)]}))
    if tests:
        plan.append(("kunci-jawaban", ui["pack_answer_key"], False, "printing/pack_key.html",
                     lambda: {"tests": [(test, question_views(test)) for test in tests]}))
    return plan


def pack_outline(workshop, project, ui: dict, in_pack_only: bool = False) -> list[tuple[str, str]]:
    """(slug, title) of every document `pack_documents` makes (or only those joined into the combined pack), in the
    same order, without rendering any."""
    return [(slug, title) for slug, title, in_pack, *_ in _plan(workshop, project, ui) if in_pack or not in_pack_only]


def attendance_columns(workshop) -> dict:
    """The attendance sheet's page orientation and column widths (mm): one signature column per day share what the
    number, name and institution columns leave."""
    orientation = "portrait" if len(workshop.days) <= ATTENDANCE_PORTRAIT_DAYS else "landscape"
    rest = TEXT_WIDTH_MM[orientation] - sum(ATTENDANCE_MM.values())
    return {"landscape": orientation == "landscape", "mm": ATTENDANCE_MM,
            "sign_mm": round(rest / max(1, len(workshop.days)), 1)}


def footer_text(text: str) -> str:
    """A page footer's document name, cut to FOOTER_CHARS (with an ellipsis) so that it never wraps."""
    text = " ".join(str(text).split())
    return text if len(text) <= FOOTER_CHARS else text[:FOOTER_CHARS - 1].rstrip(" ·:") + "…"


def pack_documents(workshop, project, ui: dict) -> list[PackDoc]:
    """Every document of the workshop's pack except the handouts, rendered, in pack order."""
    env = environment()
    common = {"w": workshop, "project": project}
    docs = []
    for slug, title, in_pack, template, context in _plan(workshop, project, ui):
        html = render_print_document(env.get_template(template), project.settings, ui, f"{title}: {workshop.title}",
                                     footer=footer_text(f"{title} · {workshop.title}"), title=title, **common,
                                     **context())
        docs.append(PackDoc(slug, title, html, in_pack))
    return docs


@dataclass(frozen=True)
class Part:
    """One part of the combined pack: its title (bookmark, contents line), footer, HTML body, and (for the guide)
    its sessions as contents sub-entries `(anchor, title)`."""

    slug: str
    title: str
    footer: str
    body: Markup
    entries: tuple = ()


def combined_document(workshop, project, ui: dict, handouts=()) -> str:
    """The combined pack as ONE HTML document, so that WeasyPrint numbers its pages through: a cover, a contents page
    with page numbers (`target-counter`), then every part of the pack (not the answer key) on a right-hand (odd) page,
    a blank left-hand page before it when needed, marked as left blank on purpose. `handouts` are `(title, body HTML)`
    pairs, placed after the agenda and the facilitator guide."""
    env = environment()
    settings = project.settings
    common = {"w": workshop, "project": project, "css": Markup(""), "lang": settings.language, "ui": ui,
              "settings": settings, "doc_title": "", "footer": ""}
    parts = []
    for slug, title, in_pack, template_name, context in _plan(workshop, project, ui):
        if not in_pack:
            continue
        template = env.get_template(template_name)
        values = {**common, "title": title, **context()}
        body = Markup("".join(template.blocks["body"](template.new_context(values))))
        entries = ()
        if slug == "panduan-fasilitator":
            entries = tuple((f"{slug}-{n}", session.title) for n, (_, _, _, session, _) in
                            enumerate(values["sessions"], start=1))
        parts.append(Part(slug, title, footer_text(f"{title} · {workshop.title}"), body, entries))
    parts[2:2] = [Part(f"handout-{n}", title, footer_text(f"{title} · {workshop.title}"), Markup(body))
                  for n, (title, body) in enumerate(handouts, start=1)]
    dates = [day.date for day in workshop.days]
    return render_print_document(env.get_template("printing/pack_combined.html"), settings, ui,
                                 f"{ui['pack_title']}: {workshop.title}", footer="", w=workshop, parts=parts,
                                 contents_footer=footer_text(f"{ui['pack_contents']} · {workshop.title}"),
                                 dates=(dates[0], dates[-1]) if dates else None)

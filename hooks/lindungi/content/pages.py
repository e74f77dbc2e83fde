"""Generated pages: the module catalogue, module overviews, learner and trainer session pages, the trainers' index.

`generate_pages(project, ui)` returns `{docs-relative path: Markdown}`; it knows nothing about MkDocs. Text from YAML reaches
the Markdown only through `templating.md_text` (so it can place no quiz, link or HTML); session bodies are the editor's Markdown, with trainer-only blocks removed from the
learner view (`blocks.render`).
"""

from __future__ import annotations


import jinja2
from markupsafe import Markup

from ..engine import templating
from . import blocks, contacts, guide, licences
from .models import AUDIENCES, AudienceGroup
from .workshop import step_rows

MODULES_DIR = "modul"
TRAINERS_DIR = "pelatih"
GUIDE_DIR = "panduan-penulis"
# Front matter of a generated page kept out of the search index: the trainer views (a learner's search never surfaces
# an answer guide) and the authoring guide's rule and key tables (a reader's search lists help and prevention pages,
# not build messages and key descriptions; the tables also made a small site's search index a fifth larger).
NOT_SEARCHED = "---\nsearch:\n  exclude: true\n---\n"
LAWS_PAGE = f"{TRAINERS_DIR}/hukum.md"  # the trainers' list of laws and the pages that cite them
HELP_PAGE = "bantuan.md"  # hand-written pages the help block on every page links to, when they exist
SAFETY_PAGE = "tetap-aman.md"

_ENV = templating.environment("pages", keep_trailing_newline=True, undefined=jinja2.StrictUndefined)  # HTML parts
_MD = templating.markdown_environment()  # Markdown pages: YAML text goes through templating.md_text


safe_title = templating.safe_title  # titles in headings and the nav (see there)

_ENV.filters["title"] = safe_title
_ENV.filters["cell"] = lambda text: " ".join(str(text).replace("|", "\\|").split())


def block_labels(ui: dict) -> dict:
    return {name: ui.get(f"block_{name}", name) for name in blocks.BLOCK_TYPES}


def render_contacts(settings, ui: dict) -> str:
    """The local-contacts box placed by `::: local` (a 'not yet filled in' note when none are configured)."""
    return _ENV.get_template("content/contacts.html").render(heading=ui["local_heading"], contacts=settings.local_contacts,
                                                     ui=ui).strip()


def render_referral(settings, ui: dict) -> str:
    """The region's referral pathway placed by `::: referral` (a 'not yet filled in' note when the region has none)."""
    area = settings.area
    heading = ui["referral_heading"].format(region=settings.region) if settings.region else ui["referral_heading_plain"]
    return _ENV.get_template("content/referral.html").render(
        heading=heading, note=area.referral_note if area else "", places=area.referral if area else (), ui=ui).strip()


def render_help_items(settings, ui: dict) -> str:
    """The `<li>` items of the help block shown on every page (local contacts first), rendered once per build."""
    contacts = tuple(settings.local_contacts) + tuple(settings.help_lines)
    return _ENV.get_template("content/help_items.html").render(contacts=contacts, ui=ui).strip()


def render_body(tree, view: str, settings, ui: dict) -> str:
    """A parsed Markdown body as Markdown for `view` (learner, trainer or public)."""
    return contacts.expand(blocks.render(tree, view, block_labels(ui), render_contacts(settings, ui),
                                         render_referral(settings, ui)), settings)


def render_catalogue(project, ui: dict) -> str:
    groups = []
    for audience in AUDIENCES:
        modules = [m for m in project.modules.values() if audience in m.audience]
        if modules:
            groups.append({"label": ui.get(f"audience_{audience}", audience), "modules": modules})
    return _MD.get_template("content/catalogue.md").render(ui=ui, groups=groups)


def render_module(module, project, ui: dict, handout_links: str = "") -> str:
    prerequisites = [project.modules[p] for p in module.prerequisites if p in project.modules]
    audience = audience_text(module, ui)
    licence = licences.module_licence(module, project.settings)
    # Key points may name a help line ({{ telepon id }}): written as its link, the rest of the text through md_text.
    key_points = [contacts.expand_text(k, project.settings) for k in module.key_points]
    return _MD.get_template("content/module.md").render(
        m=module, ui=ui, prerequisites=prerequisites, audience=audience, licence=f"{project.settings.organisation} · {licence}",
        handout_links=Markup(handout_links), trainer_views=project.settings.shows_trainer_views,
        steps=learner_steps(module, ui, "index.md"), key_points=key_points)


def audience_text(module, ui: dict) -> str:
    """The module's audience in words: roles, and community groups with their age range and note, e.g.
    'Remaja (13–17 tahun; kelompok laki-laki dan perempuan terpisah), Orang tua'."""
    parts = []
    for entry in module.audience_groups or [AudienceGroup(a) for a in module.audience]:
        label = ui.get(f"audience_{entry.group}", entry.group)
        details = []
        if entry.min_age is not None and entry.max_age is not None:
            details.append(ui["audience_ages"].format(min=entry.min_age, max=entry.max_age))
        elif entry.min_age is not None:
            details.append(ui["audience_age_from"].format(min=entry.min_age))
        elif entry.max_age is not None:
            details.append(ui["audience_age_to"].format(max=entry.max_age))
        if entry.note:
            details.append(" ".join(str(entry.note).split()))
        parts.append(f"{label} ({'; '.join(details)})" if details else label)
    return ", ".join(parts)


def learner_steps(module, ui: dict, page: str) -> dict:
    """Where a learner goes from `page` ("index.md", "<session>.md" or "cek-mandiri.md" of the module folder) along
    the module's path overview → sessions → self-check: the previous and next (title, file); the last page leads back
    to the overview."""
    path = [(ui["module_overview"], "index.md")] + [(safe_title(s.title), f"{s.id}.md") for s in module.sessions]
    if module.self_check:
        path.append((ui["module_self_check"], "cek-mandiri.md"))
    here = [file for _, file in path].index(page)
    return {"previous": path[here - 1] if here > 0 else None,
            "next": path[here + 1] if here + 1 < len(path) else path[0]}


def material_label(material, ui: dict) -> str:
    """'kertas plano (2 lembar per kelompok)', or the bare item when no quantity is given."""
    if not getattr(material, "quantity", None):
        return str(material)
    unit = f" {material.unit}" if material.unit else ""
    return f"{material.item} ({material.quantity}{unit} {ui['material_per_' + material.per]})"


def materials_text(materials, ui: dict) -> str:
    return ", ".join(material_label(m, ui) for m in materials)


def scheduled(session, project):
    """(workshop, day number, agenda item) of the first agenda that holds `session` with clock times, or None."""
    for workshop in project.workshops.values():
        for number, day in enumerate(workshop.days, start=1):
            for item in day.items:
                if item.type == "session" and (item.module, item.session) == (session.module_id, session.id) \
                        and item.start:
                    return workshop, number, item
    return None


def worksheet_page(module_id: str, sheet_id: str) -> str:
    """Where a worksheet's page is, under docs/."""
    return f"{MODULES_DIR}/{module_id}/lembar/{sheet_id}.md"


def render_session(session, module, project, ui: dict, trainer: bool) -> str:
    objectives = [o for o in module.objectives if o.id in session.objectives]
    body = render_body(session.tree, "trainer" if trainer else "learner", project.settings, ui)
    found = scheduled(session, project) if trainer else None
    start = found[2].start if found else ""
    rows = [{"number": r.number, "level": r.level, "step": r.step, "start": r.start, "end": r.end,
             "materials": materials_text(getattr(r.step, "materials", ()), ui)}
            for r in step_rows(session, start)]
    schedule = ui["session_schedule"].format(workshop=found[0].title, day=found[1]) if found else ""
    prefix = f"../../{MODULES_DIR}/{module.id}/" if trainer else ""
    worksheets = [(module.worksheets[w].title, f"{prefix}lembar/{w}.md") for w in session.worksheets
                  if w in module.worksheets]
    page = _MD.get_template("content/session.md").render(s=session, ui=ui, objectives=objectives, trainer=trainer,
                                                  body=Markup(body), steps=learner_steps(module, ui, f"{session.id}.md"),
                                                  rows=rows, schedule=schedule, worksheets=worksheets,
                                                  materials=materials_text(session.materials, ui))
    # Trainer pages stay out of the search index, so a learner's search never surfaces an answer guide.
    return NOT_SEARCHED + page if trainer else page


def render_self_check(module, project, ui: dict) -> str:
    bank = project.quizzes.get(module.self_check)
    title = bank.title if bank else ui["module_self_check"]
    links = _MD.get_template("content/learner_links.md").render(ui=ui, steps=learner_steps(module, ui, "cek-mandiri.md"))
    return f"# {templating.md_text(safe_title(title))}\n\n::: quiz {module.self_check}\n\n{links}"


def generate_pages(project, ui: dict, handout_links=None) -> dict:
    """Every generated page, keyed by its path under docs/. `handout_links(module)` adds download links (optional)."""
    pages = {f"{MODULES_DIR}/index.md": render_catalogue(project, ui),
             f"{GUIDE_DIR}/kunci.md": NOT_SEARCHED + guide.render_keys(),
             f"{GUIDE_DIR}/aturan.md": NOT_SEARCHED + guide.render_rules(project.settings.language)}
    for module in project.modules.values():
        links = handout_links(module) if handout_links else ""
        pages[f"{MODULES_DIR}/{module.id}/index.md"] = render_module(module, project, ui, links)
        for session in module.sessions:
            pages[f"{MODULES_DIR}/{module.id}/{session.id}.md"] = render_session(session, module, project, ui, False)
            if project.settings.shows_trainer_views:
                pages[f"{TRAINERS_DIR}/{module.id}/{session.id}.md"] = render_session(session, module, project, ui, True)
        if module.self_check:
            pages[f"{MODULES_DIR}/{module.id}/cek-mandiri.md"] = render_self_check(module, project, ui)
        for sheet in module.worksheets.values():
            pages[worksheet_page(module.id, sheet.id)] = render_worksheet(sheet, module, project, ui)
    if project.laws and project.settings.trainer_kit:  # for the office's legal review, in the trainer kit
        pages[LAWS_PAGE] = render_laws_page(project, ui)
    return pages


def render_worksheet(sheet, module, project, ui: dict) -> str:
    """A worksheet's page for participants: its title, the sessions that use it, and its text (printable)."""
    sessions = [(safe_title(s.title), f"../{s.id}.md") for s in module.sessions if sheet.id in s.worksheets]
    body = render_body(sheet.tree, "public", project.settings, ui)
    links = ", ".join(f"[{templating.md_text(title)}]({href})" for title, href in sessions)
    intro = f"{templating.md_text(ui['worksheet_for'])} {links}\n\n" if links else ""
    return f"# {templating.md_text(safe_title(sheet.title))}\n\n{intro}{body}\n"


def render_laws_page(project, ui: dict) -> str:
    """The trainers' page for the office's legal review: every law of the registry with its status, the date it was
    last checked, its official address, and the pages (modules, sessions, public pages) that cite it."""
    rows = []
    for law in project.laws.values():
        cited = {}
        for citation in project.citations:
            if citation.law == law.id:
                cited.setdefault(citation.page, citation.page_title)
        changed = law.amended_by if law.status == "amended" else law.revoked_by if law.status == "revoked" else ()
        rows.append({"law": law, "changed_by": [project.laws[i].title if i in project.laws else i for i in changed],
                     "pages": [(title, f"../{page}") for page, title in cited.items()]})
    return _MD.get_template("content/laws_trainers.md").render(ui=ui, rows=rows)


def placed_quizzes(project) -> dict:
    """{page path under docs/: the quiz banks its block tree places}: the only quizzes the quiz extension may put on
    that page (a `::: quiz` line from anywhere else stays text). Generated pages not listed place none."""
    placed = {}
    for module in project.modules.values():
        for session in module.sessions:
            banks = frozenset(b.title for b in blocks.find_blocks(session.tree, "quiz"))
            placed[f"{MODULES_DIR}/{module.id}/{session.id}.md"] = banks
            placed[f"{TRAINERS_DIR}/{module.id}/{session.id}.md"] = banks
        if module.self_check:
            placed[f"{MODULES_DIR}/{module.id}/cek-mandiri.md"] = frozenset([module.self_check])
    for path, tree in project.pages.items():
        placed.setdefault(path, frozenset(b.title for b in blocks.find_blocks(tree, "quiz")))
    return placed


def trainer_pages(pages: dict) -> set:
    """Paths of the generated pages meant for trainers only."""
    return {path for path in pages if path.startswith(f"{TRAINERS_DIR}/")}


def module_nav(project, ui: dict) -> list:
    """MkDocs-style nav entries for the modules section, in module and session order. Modules with a `part` and/or a
    `group` sit in nested sub-sections (part, then theme; first appearance decides the order), so with
    `navigation.prune` a page's nav lists the parts, its own part's themes and its own theme's modules rather than
    every module of a large curriculum: its size then hardly grows with the curriculum."""
    entries = [{ui["catalogue_title"]: f"{MODULES_DIR}/index.md"}]
    sections: dict[tuple, list] = {(): entries}
    for module in project.modules.values():
        children = [f"{MODULES_DIR}/{module.id}/index.md"]
        children += [{safe_title(s.title): f"{MODULES_DIR}/{module.id}/{s.id}.md"} for s in module.sessions]
        if module.self_check:
            children.append({ui["module_self_check"]: f"{MODULES_DIR}/{module.id}/cek-mandiri.md"})
        path: tuple = ()
        for title in (module.part, module.group):
            if not title:
                continue
            if path + (title,) not in sections:
                sections[path + (title,)] = []
                sections[path].append({safe_title(title): sections[path + (title,)]})
            path += (title,)
        sections[path].append({safe_title(module.title): children})
    return entries


def docs_nav(paths) -> list:
    """MkDocs' default nav for hand-written pages (index first, then files, then folders as sections)."""
    tree: dict = {}
    for path in sorted(paths):
        node = tree
        *folders, name = path.split("/")
        for folder in folders:
            node = node.setdefault(folder + "/", {})
        node[name] = path

    def entries(node) -> list:
        files = sorted((k for k in node if not k.endswith("/")), key=lambda k: (k != "index.md", k))
        folders = sorted(k for k in node if k.endswith("/"))
        return [node[k] for k in files] + [{k[:-1].replace("-", " ").capitalize(): entries(node[k])} for k in folders]

    return entries(tree)


def site_nav(user_nav, hand_written, generated: dict, project, ui: dict, trainer_pages: dict | None = None) -> list:
    """The whole nav: the editor's nav (or the default one of hand-written pages), then modules, then the trainers'
    section (its index page, then `trainer_pages`: title -> path, such as the quiz sheets and exports page)."""
    guide_pages = [p for p in generated if p.startswith(f"{GUIDE_DIR}/")]
    nav = list(user_nav) if user_nav is not None else docs_nav(list(hand_written) + guide_pages)
    nav.append({ui["catalogue_title"]: module_nav(project, ui)})
    section = [{ui["trainers_title"]: f"{TRAINERS_DIR}/index.md"}] if f"{TRAINERS_DIR}/index.md" in generated else []
    section += [{title: path} for title, path in (trainer_pages or {}).items() if path in generated]
    if section:
        nav.append({ui["trainers_title"]: section})
    return nav

"""What gets printed, and where it lands in the site: handout pages, the trainers' page, and the PDF jobs. No MkDocs.

Paths (relative to the built site):

- `modul/<module>/handout.html`         print-styled handout page (generated Markdown page)
- `unduh/handout-<module>.pdf`          handout PDF (linked from the module page as "Unduh PDF")
- `pelatih/index.html`                  trainers' page: agendas with clock times, pack and handout links
- `pelatih/paket-<workshop>.pdf`        the combined trainer's pack, with bookmarks
- `pelatih/paket-<workshop>/<doc>.pdf`  its single documents, and the answer key (never in the combined pack)
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from . import handout, pack
from .memo import code_digest, hash_files
from .pdf import Job, Merge

SOURCE_FOLDERS = ("modules", "quizzes", "workshops")   # every file the PDFs are made from, with the settings

TRAINERS_PAGE = "pelatih/index.md"


def module_url(project, module, directory_urls: bool) -> str:
    return handout.module_url(project.settings.site_url, module.id, directory_urls)


def pack_path(workshop) -> str:
    return f"pelatih/paket-{workshop.id}.pdf"


def pack_doc_path(workshop, slug: str) -> str:
    return f"pelatih/paket-{workshop.id}/{slug}.pdf"


def handout_links(ui: dict, pdf_state: str = ""):
    """The `handout_links(module)` callable for `pages.generate_pages`: links from a module page (modul/<id>/).
    `pdf_state`: '' (the PDFs are made with the pages), 'pending' (made after them) or 'off' (not made)."""
    return lambda module: handout.render_links(module, ui, f"../../{handout.pdf_path(module)}", pdf_state)


def generated_pages(project, ui: dict, directory_urls: bool, pdf_state: str = "") -> dict:
    """The handout pages of every module and the trainers' page, keyed by path under docs/."""
    generated = {}
    for module in project.modules.values():
        url = module_url(project, module, directory_urls)
        generated[f"modul/{module.id}/handout.md"] = handout.render_page(
            module, project.settings, ui, url, f"../../{handout.pdf_path(module)}", pdf_state)
    if project.settings.trainer_kit:
        generated[TRAINERS_PAGE] = render_trainers_page(project, ui, pdf_state)
    return generated


def render_trainers_page(project, ui: dict, pdf_state: str = "") -> str:
    workshops = []
    for workshop in project.workshops.values():
        days = pack.agenda_days(workshop, project, ui)
        files = [(title, f"paket-{workshop.id}/{slug}.pdf") for slug, title in pack.pack_outline(workshop, project, ui)]
        files += [(f"{ui['handout_title']}: {m.title}", f"../{handout.pdf_path(m)}")
                  for m in pack.workshop_modules(workshop, project)]
        workshops.append({"workshop": workshop, "days": days, "combined": f"paket-{workshop.id}.pdf", "files": files})
    handouts = [(m, f"../{handout.pdf_path(m)}") for m in project.modules.values()]
    return handout.environment().get_template("trainers.md").render(ui=ui, workshops=workshops, handouts=handouts,
                                                                      note=handout.pdf_note(ui, pdf_state))


_PENDING = re.compile(rf'\s?<span class="lp-pdf-note" {handout.PENDING_NOTE}>[^<]*</span>')


def clear_pending_notes(site_dir) -> int:
    """Take the 'PDF not yet made' notes out of the built pages once the PDFs are in the site; returns pages changed."""
    changed = 0
    for path in Path(site_dir).rglob("*.html"):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if handout.PENDING_NOTE not in text:
            continue
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(_PENDING.sub("", text), encoding="utf-8")
        tmp.replace(path)
        changed += 1
    return changed


def pdf_jobs(project, ui: dict, directory_urls: bool) -> tuple[list, list]:
    """Every PDF to make: one job per handout and per pack document, one merge per workshop pack."""
    jobs = []
    for module in project.modules.values():
        html = handout.render_document(module, project.settings, ui, module_url(project, module, directory_urls))
        jobs.append(Job(handout.pdf_path(module), html, f"handout {module.id}", module.handout.pages))
    merges = []
    for workshop in project.workshops.values() if project.settings.trainer_kit else ():
        docs = pack.pack_documents(workshop, project, ui)
        parts = []
        for doc in docs:
            jobs.append(Job(pack_doc_path(workshop, doc.slug), doc.html, f"{workshop.id} {doc.slug}"))
            if doc.in_pack:
                parts.append((doc.title, pack_doc_path(workshop, doc.slug)))
        handouts = [(f"{ui['handout_title']}: {m.title}", handout.pdf_path(m))
                    for m in pack.workshop_modules(workshop, project)]
        parts[2:2] = handouts  # after the agenda and the facilitator guide
        merges.append(Merge(pack_path(workshop), tuple(parts), f"{ui['pack_title']} {workshop.id}"))
    return jobs, merges


def inputs_digest(project, ui: dict, directory_urls: bool) -> str:
    """Hash of everything `pdf_jobs` makes its documents from: the files of the content folders, the settings, the
    interface strings, the law registry, the URL style, and this package's code, templates and strings. Equal digests give equal jobs,
    so a rebuild with nothing changed can reuse the previous run's PDFs without writing their HTML again."""
    digest = hashlib.sha256(json.dumps([repr(project.settings), repr(project.laws), ui, directory_urls, code_digest()],
                                       default=str).encode())
    root = Path(project.root)
    for folder in SOURCE_FOLDERS:
        hash_files(digest, root, root / folder)
    return digest.hexdigest()

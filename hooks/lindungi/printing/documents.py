"""What gets printed, and where it lands in the site: handout pages, the trainers' page, and the PDF jobs. No MkDocs.

Paths (relative to the built site):

- `modul/<module>/handout.html`         print-styled handout page (generated Markdown page)
- `unduh/handout-<module>.pdf`          handout PDF (linked from the module page as "Unduh PDF")
- `pelatih/index.html`                  trainers' page: agendas with clock times, pack and handout links
- `pelatih/paket-<workshop>.pdf`        the combined trainer's pack: one document (cover, contents, every part on an
                                        odd page, one page numbering), with bookmarks
- `pelatih/paket-<workshop>/<doc>.pdf`  its single documents, and the answer key (never in the combined pack)
- `pelatih/paket-<workshop>/sertifikat.pdf`  the workshop's certificate (certificate.py; never in the combined pack)
- `pelatih/paket-<workshop>/rekap-nilai.xlsx` the pre/post-test scoring workbook (scoring.py; an `.xlsx`, not a PDF)
- `pelatih/sertifikat.html`             how to check a certificate's verification code

A handout PDF is made of two parts, so that regions share the costly one: the national handout (no regional fact; one
cached PDF serves every region) and the region's band (organisation, logo, local contacts, QR code), rendered once per
region as one short page per module and printed over the handout's first page (`apply_bands`).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path

from ..engine import files, templating
from ..engine.memo import code_digest, hash_files
from ..i18n import catalogue
from ..quiz import scoring
from . import certificate, handout, pack, pdf
from .pdf import Job

SOURCE_FOLDERS = ("modules", "quizzes", "workshops")   # every file the PDFs are made from, with the settings

TRAINERS_PAGE = "pelatih/index.md"
BANDS_PATH = "unduh/.handout-wilayah.pdf"   # the region's bands while the build stamps them (then removed)


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
        if project.workshops:
            generated[certificate.CHECK_PAGE] = certificate.render_check_page(project, ui)
    return generated


def render_trainers_page(project, ui: dict, pdf_state: str = "") -> str:
    workshops = []
    for workshop in project.workshops.values():
        days = pack.agenda_days(workshop, project, ui)
        files = [(title, f"paket-{workshop.id}/{slug}.pdf") for slug, title in pack.pack_outline(workshop, project, ui)]
        files += [(f"{ui['handout_title']}: {m.title}", f"../{handout.pdf_path(m)}")
                  for m in pack.workshop_modules(workshop, project)]
        extras = [(ui["cert_pdf"], certificate.pdf_path(workshop).removeprefix("pelatih/"))]
        if scoring.tests_of(workshop, project):
            extras.append((ui["score_link"], scoring.workbook_path(workshop).removeprefix("pelatih/")))
        workshops.append({"workshop": workshop, "days": days, "combined": f"paket-{workshop.id}.pdf", "files": files,
                          "extras": extras, "check_page": "sertifikat.md"})
    handouts = [(m, f"../{handout.pdf_path(m)}") for m in project.modules.values()]
    return templating.markdown_environment().get_template("printing/trainers.md").render(
        ui=ui, workshops=workshops, handouts=handouts, note=handout.pdf_note(ui, pdf_state))


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
        files.write_atomic(path, _PENDING.sub("", text).encode("utf-8"))
        changed += 1
    return changed


def pdf_jobs(project, ui: dict, directory_urls: bool) -> tuple[list, list]:
    """Every PDF to make: one job per handout, per pack document and per combined pack (no merges: a combined pack is
    rendered as one document, with the region's handouts in it, so that its pages are numbered through)."""
    jobs = []
    modules = list(project.modules.values())
    for module in modules:
        html = handout.render_national_document(module, project.settings, ui)
        jobs.append(Job(handout.pdf_path(module), html, f"handout {module.id}", module.handout.pages, module.path))
    if modules:
        urls = [module_url(project, m, directory_urls) for m in modules]
        jobs.append(Job(BANDS_PATH, handout.render_bands(modules, project.settings, ui, urls),
                        catalogue.text("pdf-job-bands", project.settings.language)))
    for workshop in project.workshops.values() if project.settings.trainer_kit else ():
        for doc in pack.pack_documents(workshop, project, ui):
            jobs.append(Job(pack_doc_path(workshop, doc.slug), doc.html, f"{workshop.id} {doc.slug}", source=workshop.path))
        jobs.append(Job(certificate.pdf_path(workshop), certificate.render_document(workshop, project.settings, ui),
                        f"{workshop.id} sertifikat", 1, workshop.path))
        handouts = [(f"{ui['handout_title']}: {m.title}",
                     handout.render_body(m, project.settings, ui, module_url(project, m, directory_urls)))
                    for m in pack.workshop_modules(workshop, project)]
        jobs.append(Job(pack_path(workshop), pack.combined_document(workshop, project, ui, handouts),
                        f"{workshop.id} {ui['pack_title'].lower()}", source=workshop.path))
    return jobs, []


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


def apply_bands(project, site_dir, merges, report=None, cache_dir=None) -> bool:
    """Print the region's band over the first page of each handout in `site_dir`, then join again the `merges` that
    hold handouts (none today: a combined pack renders the region's handouts itself). Returns False (nothing stamped)
    when a band spilled past its height. Every PDF is replaced whole (files.write_atomic); a site folder that cannot
    take it is a `pdf.SiteWriteError`. With a `report` and `cache_dir`, each stamped handout is cached and its result
    points at it (`pdf.replace_result`): a run recorded afterwards replays the stamped PDFs without stamping again."""
    site = Path(site_dir)
    bands_path = site / BANDS_PATH
    if not bands_path.is_file():  # (a replayed run: its handouts are stamped already)
        return True
    from pypdf import PdfReader, PdfWriter  # (only here: its import alone costs a warm build 0.06 s)

    modules = list(project.modules.values())
    bands = PdfReader(bands_path)
    fits = len(bands.pages) == len(modules)
    keep = pdf.Cache(cache_dir) if report is not None and cache_dir is not None else None
    if fits:
        for band, module in zip(bands.pages, modules):
            target = site / handout.pdf_path(module)
            writer = PdfWriter(clone_from=str(target))
            _stamp(writer, writer.pages[0], band)
            buffer = io.BytesIO()
            writer.write(buffer)
            _write_site(target, buffer.getvalue())
            if keep is not None:
                pdf.replace_result(report, handout.pdf_path(module), buffer.getvalue(), keep)
        for merge in merges:
            data, _ = pdf.merge_pdfs([(title, (site / part).read_bytes()) for title, part in merge.parts])
            _write_site(site / merge.out, data)
    bands_path.unlink()
    return fits


def _stamp(writer, page, band) -> None:
    """Print `band` (a page of the bands PDF) at the top of `page` as one form XObject drawn after the page's own
    content. The page's content streams are kept as they are, neither parsed nor decompressed (merging pages the usual
    way parses both and writes them again uncompressed: twice the time, and 17 KB more in a 42 KB handout). The bands
    share one resource dictionary, so the form keeps only the XObjects its content draws (the other modules' QR codes
    stay out) and its links are added to the page's."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject

    content = band.get_contents().get_data()
    resources = DictionaryObject()
    for key, value in band["/Resources"].get_object().items():
        value = value.get_object()
        if key == "/XObject":
            value = DictionaryObject({name: item for name, item in value.items() if name.encode() + b" Do" in content})
        resources[NameObject(key)] = value
    lift = float(page.mediabox.height) - float(band.mediabox.height)
    form = DecodedStreamObject()
    form.set_data(content)
    form.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                 NameObject("/BBox"): ArrayObject(FloatObject(x) for x in band.mediabox),
                 NameObject("/Matrix"): ArrayObject(FloatObject(x) for x in (1, 0, 0, 1, 0, lift)),
                 NameObject("/Resources"): resources.clone(writer)})
    page_resources = page["/Resources"].get_object()
    if "/XObject" not in page_resources:
        page_resources[NameObject("/XObject")] = DictionaryObject()
    xobjects = page_resources["/XObject"].get_object()
    name = "/LpBand"
    while name in xobjects:
        name += "0"
    xobjects[NameObject(name)] = writer._add_object(form.flate_encode())
    contents = page["/Contents"].get_object()
    own = list(contents) if isinstance(contents, ArrayObject) else [page.raw_get("/Contents")]

    def stream(data: bytes):
        part = DecodedStreamObject()
        part.set_data(data)
        return writer._add_object(part)

    # The page's own content in q ... Q, so that whatever graphics state it leaves does not move or clip the band.
    page[NameObject("/Contents")] = ArrayObject([stream(b"q\n"), *own, stream(f"\nQ\n{name} Do\n".encode())])
    # Links in the band (none today) stay links, moved up with it.
    for link in band.get("/Annots") or ():
        copy = link.get_object().clone(writer, ignore_fields=("/P", "/StructParent", "/Parent"), force_duplicate=True)
        for key, ys in (("/Rect", (1, 3)), ("/QuadPoints", range(1, len(copy.get("/QuadPoints", ())), 2))):
            if key in copy:
                copy[NameObject(key)] = ArrayObject(FloatObject(float(v) + (lift if i in ys else 0))
                                                    for i, v in enumerate(copy[key]))
        copy[NameObject("/P")] = page.indirect_reference
        if "/Annots" not in page:
            page[NameObject("/Annots")] = ArrayObject()
        page["/Annots"].get_object().append(copy.indirect_reference)


def _write_site(target: Path, data: bytes) -> None:
    try:
        files.write_atomic(target, data)
    except OSError as err:
        raise pdf.SiteWriteError(target, err) from None

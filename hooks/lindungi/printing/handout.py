"""Printable handouts: a module's key points, what to do, help lines, QR code, sources and review date on one or two A4
pages. Pure: models in, HTML out (the PDF is made by `pdf.py`). No MkDocs.

The same body (`templates/printing/handout_body.html`) is used for the PDF (`render_document`) and for the print-styled page on
the site (`render_page`), so what a trainer sees online is what the PDF holds.
"""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..content import contacts, licences
from ..engine import templating

PACKAGE = Path(__file__).parent
TEMPLATES = templating.TEMPLATES
FONTS = PACKAGE / "fonts"
DOWNLOAD_DIR = "unduh"

_ENV = templating.environment("print", keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
_ENV.filters["title"] = templating.safe_title


def css_string(text) -> str:
    """Text for inside a double-quoted CSS string in a <style> element (no quote, backslash, newline or '</')."""
    text = " ".join(str(text).split()).replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return Markup(text)


_ENV.filters["css_string"] = css_string
# Text from module.yml (key points, what to do) with its help-line placeholders written as links (contacts.py).
_ENV.filters["calls"] = lambda text, settings: Markup(contacts.expand(str(Markup.escape(text)), settings))
_ENV.filters["cell"] = lambda text: templating.safe_title(" ".join(str(text).replace("|", "\\|").split()))


def pdf_name(module) -> str:
    """File name of a module's handout PDF (under `unduh/` in the built site)."""
    return f"handout-{module.id}.pdf"


def pdf_path(module) -> str:
    """Site-relative path of a module's handout PDF."""
    return f"{DOWNLOAD_DIR}/{pdf_name(module)}"


def module_url(site_url: str, module_id: str, directory_urls: bool) -> str:
    """The absolute address of a module's overview page, or '' when the site has no `site_url`."""
    if not site_url:
        return ""
    page = f"modul/{module_id}/" if directory_urls else f"modul/{module_id}/index.html"
    return site_url.rstrip("/") + "/" + page


def qr_data_uri(url: str) -> str:
    """A QR code of `url` as a PNG data URI (one pixel per module; printed sharp with `image-rendering: pixelated`).

    A raster image (not SVG) so tests can lift it out of the PDF and decode it.
    """
    import segno  # (here: a build that makes no handout does not pay its import)

    return segno.make(url, error="m").png_data_uri(scale=4, border=4)


def render_body(module, settings, ui: dict, url: str = "", national: bool = False) -> str:
    """The handout's HTML fragment: title, key points, what to do, help box (with QR when `url`), sources, licence.
    `national`: without anything regional (organisation, logo, local contacts, QR), for the PDF that every region
    shares; the region's band (`render_bands`) is printed over its first page."""
    licence = licences.module_licence(module, settings)
    if not national:
        licence = f"{settings.organisation} · {licence}"
    return _ENV.get_template("printing/handout_body.html").render(
        m=module, settings=settings, ui=ui, lang=settings.language, url=url,
        qr=qr_data_uri(url) if url and not national else "", national=national,
        key_points=module.handout.key_points or module.key_points, licence=licence).strip()


def render_document(module, settings, ui: dict, url: str = "") -> str:
    """A whole HTML document for WeasyPrint (pdf.render_noted adds the print style sheet; fonts are resolved against
    the package folder)."""
    return render_print_document(_ENV.get_template("printing/handout.html"), settings, ui, f"{ui['handout_title']}: {module.title}",
                                 footer=module.title, body=Markup(render_body(module, settings, ui, url)))


# The region's band at the top of a handout's first page: organisation and logo, local contacts, QR code.
PAGE_TOP_MM = 14     # the top margin of print.css
BAND_MM = 30         # the band's height; the national handout leaves this much free on its first page


def render_national_document(module, settings, ui: dict) -> str:
    """The handout PDF's document without any regional fact: equal for every region (one cached PDF for all)."""
    css = f"@page :first {{ margin-top: {PAGE_TOP_MM + BAND_MM + 1}mm; }}\n"
    return _ENV.get_template("printing/handout.html").render(
        css=Markup(css), lang=settings.language, ui=ui, settings=settings,
        doc_title=f"{ui['handout_title']}: {module.title}", footer=module.title,
        body=Markup(render_body(module, settings, ui, national=True)))


def render_bands(modules, settings, ui: dict, urls) -> str:
    """One short page per module, in order: the region's band (with the module's QR code when it has an address),
    to be printed over the first page of that module's national handout. A band too full for its height spills onto
    an extra page, which the caller reports."""
    items = [(m, qr_data_uri(url) if url else "") for m, url in zip(modules, urls)]
    css = (f"@page {{ size: 210mm {PAGE_TOP_MM + BAND_MM}mm; margin: {PAGE_TOP_MM}mm 15mm 0 15mm; }}\n"
           f".lp-band {{ height: {BAND_MM}mm; }}\n")
    return _ENV.get_template("printing/handout_band.html").render(css=Markup(css), lang=settings.language, ui=ui,
                                                         settings=settings, items=items)


def render_print_document(template, settings, ui: dict, doc_title: str, footer: str, **context) -> str:
    """Render a template that extends `print_base.html` (shared with the trainer's pack)."""
    return template.render(css=Markup(""), lang=settings.language, ui=ui, settings=settings,
                           doc_title=doc_title, footer=footer, **context)


def render_page(module, settings, ui: dict, url: str, pdf_href: str, pdf_state: str = "") -> str:
    """The generated Markdown page `modul/<id>/handout.md`: the handout body and a download link."""
    title = templating.safe_title(f"{ui['handout_title']}: {module.title}")
    return templating.markdown_environment().get_template("printing/handout_page.md").render(
        ui=ui, m=module, page_title=Markup(json.dumps(title, ensure_ascii=False)), pdf_href=pdf_href,
        body=Markup(render_body(module, settings, ui, url)), note=pdf_note(ui, pdf_state))


def render_links(module, ui: dict, pdf_href: str, pdf_state: str = "") -> str:
    """The 'Handout' section of a module overview: the print-styled page and the PDF download."""
    note = pdf_note(ui, pdf_state)
    return (f"[{ui['handout_view']}](handout.md) · "
            f'<a href="{Markup.escape(pdf_href)}" download>{Markup.escape(ui["download_pdf"])}</a>'
            + (f" {note}" if note else ""))


PENDING_NOTE = "data-lp-pdf-pending"   # the attribute `pending_note_pattern` finds once the PDFs are written


def pdf_note(ui: dict, state: str) -> Markup:
    """Beside a PDF link in a preview: 'pending' (the PDFs are made after the pages, under `mkdocs serve`) or 'off'
    (no PDF in this build); '' for none."""
    if state == "pending":
        return Markup(f'<span class="lp-pdf-note" {PENDING_NOTE}>({Markup.escape(ui["pdf_pending"])})</span>')
    if state == "off":
        return Markup(f'<span class="lp-pdf-note">({Markup.escape(ui["pdf_off"])})</span>')
    return Markup("")


def environment() -> jinja2.Environment:
    """The template environment (shared with `pack.py`)."""
    return _ENV

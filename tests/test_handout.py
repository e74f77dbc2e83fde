"""Handout HTML and single-PDF rendering, without a MkDocs build."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from helpers import SITES
from lindungi.printing import handout, pdf
from lindungi.content import pages
from lindungi.engine.checking import check_project
from lindungi.i18n.locales import strings

URL = "https://example.org/pelatihan/modul/kenali-kekerasan/index.html"


@pytest.fixture(scope="module")
def project():
    """The pdf-basic test site, loaded and validated."""
    loaded = check_project(SITES / "pdf-basic")
    assert [p.format() for p in loaded.problems] == []
    return loaded


@pytest.fixture(scope="module")
def rendered(project):
    """The handout of kenali-kekerasan rendered to PDF (bytes, pages)."""
    module = project.modules["kenali-kekerasan"]
    return pdf.render_pdf(handout.render_document(module, project.settings, strings("id"), URL))


def test_module_url_follows_directory_urls():
    """The QR target is the module overview page, with or without directory URLs, and empty without site_url."""
    assert handout.module_url("https://example.org/p", "m", False) == "https://example.org/p/modul/m/index.html"
    assert handout.module_url("https://example.org/p/", "m", True) == "https://example.org/p/modul/m/"
    assert handout.module_url("", "m", True) == ""


def test_body_holds_key_points_steps_and_help_lines(project):
    """The handout body lists the key points, what to do, national help lines and local contacts."""
    body = handout.render_body(project.modules["kenali-kekerasan"], project.settings, strings("id"), URL)
    for text in ("PESAN-KUNCI-SATU", "Tanyakan apakah ia aman sekarang.", "SAPA 129", "08111129129",
                 "Layanan Uji Setempat", "0321 000", "Ditinjau: 1 November 2026", "Lembaga Uji PDF · CC BY-SA 4.0"):
        assert text in body, text
    assert 'src="data:image/png;base64,' in body


def test_draft_shows_no_review_date():
    """A draft module has not been reviewed by the office: its handout and module page show no "Ditinjau" date."""
    minimal = check_project(SITES / "minimal")
    module = minimal.modules["contoh-modul"]
    assert module.status == "draft"
    body = handout.render_body(module, minimal.settings, strings("id"), URL)
    page = pages.render_module(module, minimal, strings("id"))
    assert "Ditinjau: belum ditinjau kantor (draf) · " in body
    assert '<tr><th scope="row">Ditinjau</th><td>belum ditinjau kantor (draf)</td></tr>' in page
    assert "2026-11-01" not in body and "2026-11-01" not in page


def test_body_without_url_has_no_qr(project):
    """Without site_url the handout has no QR image and no dangling caption."""
    body = handout.render_body(project.modules["kenali-kekerasan"], project.settings, strings("id"), "")
    assert "data:image/png" not in body and strings("id")["handout_qr"] not in body


def test_pdf_is_one_a4_page_with_embedded_bundled_fonts(rendered):
    """The declared one-page handout is one A4 page and embeds only the bundled Noto Sans subsets."""
    data, pages = rendered
    reader = PdfReader(io.BytesIO(data))
    assert pages == len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    fonts = _fonts(reader)
    assert fonts and all("+Lindungi-Sans" in name for name, _ in fonts)  # our @font-face, never a system font
    assert all(embedded for _, embedded in fonts)


def test_pdf_text_holds_key_points_and_help_lines(rendered):
    """Key points and help lines are real text in the PDF (searchable, readable by screen readers)."""
    text = PdfReader(io.BytesIO(rendered[0])).pages[0].extract_text()
    for needle in ("PESAN-KUNCI-SATU", "SAPA 129", "129", "Layanan Uji Setempat", "Halaman 1 dari 1"):
        assert needle in text, needle


def test_qr_in_pdf_decodes_to_module_url(rendered):
    """The QR image lifted out of the PDF decodes (zxing-cpp) to the module's online address."""
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image, ImageOps

    images = PdfReader(io.BytesIO(rendered[0])).pages[0].images
    assert len(images) == 1
    image = ImageOps.expand(images[0].image.convert("L"), border=8, fill=255)
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [URL]


def test_fetcher_refuses_the_network():
    """The URL fetcher refuses http and https and files outside the package; fonts and data URIs are allowed."""
    fetcher = pdf.local_fetcher()
    for url in ("http://example.org/a.png", "https://example.org/a.css", "file:///etc/passwd", "ftp://x/y"):
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(url)
    font = (Path(pdf.FONTS) / "NotoSans-Regular.ttf").as_uri()
    assert fetcher.fetch(font) is not None


def test_remote_image_is_not_fetched(monkeypatch):
    """A document that names a remote image renders without opening a socket."""
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("network used")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    data, pages = pdf.render_pdf('<p>Teks</p><img src="https://example.org/x.png"><link rel="stylesheet" '
                                 'href="http://example.org/a.css">')
    assert pages == 1 and data.startswith(b"%PDF")


def test_fonts_are_bundled_with_their_licence():
    """Regular, bold and italic Noto Sans and the OFL text live in the repository, small enough to carry."""
    names = sorted(p.name for p in Path(pdf.FONTS).iterdir())
    assert names == ["NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-Regular.ttf", "OFL.txt"]
    assert "SIL OPEN FONT LICENSE" in (Path(pdf.FONTS) / "OFL.txt").read_text(encoding="utf-8")
    assert sum(p.stat().st_size for p in Path(pdf.FONTS).glob("*.ttf")) < 150_000


def _fonts(reader):
    found = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptors = [font.get("/FontDescriptor")] + [
                d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
            embedded = any(d is not None and any(k in d.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                           for d in descriptors)
            found.append((str(font["/BaseFont"]), embedded))
    return found

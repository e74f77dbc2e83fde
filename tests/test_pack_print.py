"""The trainer's pack as printed: every PDF of the built trainer kit is read back (text with pypdf, glyph sizes and
positions with PDFium) and rendered to images at low resolution. Cover and contents, parts on odd pages, one page
numbering, one-line footers, no hyphenation, 11 pt participant documents, handwriting-sized form columns, metadata."""

from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from pypdf import PdfReader

from helpers import REPO
from lindungi.printing import pack
from lindungi.engine.checking import check_project
from lindungi.printing.pdf import print_css
from lindungi.i18n.locales import strings
from lindungi.printing.pdf import render_pdf

pytestmark = pytest.mark.slow

UI = strings("id")
MM = 72 / 25.4              # PDF points per millimetre
PX_TO_PT = 0.75             # WeasyPrint draws in CSS px (1 px = 0.75 pt); checked on the 8 pt footer below
FOOTER_ZONE_MM = 16         # the bottom page margin of print.css, where the footer sits
PAGE_NUMBER = re.compile(r"Halaman (\d+) dari (\d+)")
PARTICIPANT = ("tes-awal-", "tes-akhir-", "daftar-hadir", "rtl", "evaluasi")   # single documents participants get


@pytest.fixture(scope="module")
def kit(built_site):
    """(site folder, workshop, combined pack path, single document paths) of the default workshop."""
    project = check_project(REPO)
    workshop = project.workshops["pelatihan-staf-baru"]
    folder = built_site / "pelatih"
    documents = {f"{slug}.pdf" for slug, _ in pack.pack_outline(workshop, project, UI)}  # not the certificate
    return built_site, workshop, folder / f"paket-{workshop.id}.pdf", sorted(
        path for path in (folder / f"paket-{workshop.id}").glob("*.pdf") if path.name in documents)


def _texts(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _chars(page) -> list[tuple[str, float, tuple, float]]:
    """(character, font size in pt, (left, bottom, right, top) in pt, baseline in pt) of every glyph on a PDFium
    page."""
    text = page.get_textpage()
    found = []
    x, y = ctypes.c_double(), ctypes.c_double()
    for i in range(text.count_chars()):
        char = chr(pdfium_raw.FPDFText_GetUnicode(text.raw, i))
        if char.strip():
            pdfium_raw.FPDFText_GetCharOrigin(text.raw, i, ctypes.byref(x), ctypes.byref(y))
            found.append((char, pdfium_raw.FPDFText_GetFontSize(text.raw, i) * PX_TO_PT, text.get_charbox(i), y.value))
    return found


def _word_x(page, word: str) -> float:
    """The left edge (pt) of the first occurrence of `word` on a PDFium page."""
    text = page.get_textpage()
    whole = text.get_text_range()
    index = whole.index(word)
    return text.get_charbox(index)[0]


def _all_pdfs(kit) -> list:
    _, _, combined, singles = kit
    return [combined, *singles]


def test_pack_has_a_cover_and_a_contents_page_whose_numbers_are_right(kit):
    """Page 1 is the cover (no footer), page 3 the contents; each contents line gives the page its part starts on, as
    the PDF's bookmarks do, and every part starts on an odd (right-hand) page."""
    _, workshop, combined, _ = kit
    reader = PdfReader(combined)
    texts = [page.extract_text() for page in reader.pages]
    assert UI["pack_title"] in texts[0] and workshop.title.split()[0] in texts[0]
    assert not PAGE_NUMBER.search(texts[0])
    starts = {item.title: reader.get_destination_page_number(item) + 1 for item in reader.outline
              if not isinstance(item, list)}
    assert starts.pop(UI["pack_contents"]) == 3
    assert list(starts)[:2] == [UI["pack_agenda"], UI["pack_guide"]] and len(starts) >= 10
    assert UI["pack_answer_key"] not in starts
    assert [title for title, page in starts.items() if page % 2 == 0] == []
    for title, page in starts.items():
        assert re.search(rf"^{re.escape(title)}[ .]*{page}$", texts[2], re.M), (title, page)


def test_blank_versos_say_so_and_only_precede_a_part(kit):
    """A left-hand page left empty so that the next part starts on the right says so, and is followed by a part."""
    _, _, combined, _ = kit
    reader = PdfReader(combined)
    starts = {reader.get_destination_page_number(item) + 1 for item in reader.outline if not isinstance(item, list)}
    blank = [n for n, page in enumerate(reader.pages, start=1) if UI["pack_blank_page"] in page.extract_text()]
    assert blank, "the default pack has parts of odd length, so it needs blank pages"
    assert [n for n in blank if n % 2 or n + 1 not in starts] == []


def test_page_numbers_run_through_the_combined_pack(kit):
    """After the cover, every page says 'Halaman n dari N' with n its own position: no part restarts the count."""
    _, _, combined, singles = kit
    texts = _texts(combined)
    total = len(texts)
    for number, text in enumerate(texts[1:], start=2):
        assert PAGE_NUMBER.findall(text) == [(str(number), str(total))], number
    for path in singles:  # each single document numbers its own pages
        texts = _texts(path)
        assert [PAGE_NUMBER.findall(t) for t in texts] == [[(str(n), str(len(texts)))] for n in range(1, len(texts) + 1)]


def test_every_page_of_every_pack_pdf_has_something_printed(kit):
    """Each page rendered at 18 dpi has dark pixels in its text area, unless it is a blank verso that says so."""
    for path in _all_pdfs(kit):
        document = pdfium.PdfDocument(path)
        texts = _texts(path)
        for index in range(len(document)):
            image = document[index].render(scale=0.25, grayscale=True).to_pil()
            width, height = image.size
            body = image.crop((0, 0, width, height - round(FOOTER_ZONE_MM * MM * 0.25)))
            inked = sum(1 for value in body.get_flattened_data() if value < 160)
            if UI["pack_blank_page"] in texts[index]:
                assert inked == 0, (path.name, index + 1)
                assert sum(1 for value in image.get_flattened_data() if value < 160) > 0, (path.name, index + 1)
            else:
                assert inked > 20, f"{path.name}: page {index + 1} is empty"


def test_footers_stay_on_one_line(kit):
    """All glyphs in the footer zone of every page share one baseline, in 8 pt, so 'Halaman n dari N' never wraps."""
    for path in _all_pdfs(kit):
        document = pdfium.PdfDocument(path)
        for index in range(len(document)):
            footer = [(size, baseline) for _, size, box, baseline in _chars(document[index])
                      if box[1] < FOOTER_ZONE_MM * MM]
            if path.name.startswith("paket-") and index == 0:
                assert footer == []  # the cover has no footer
                continue
            assert footer, (path.name, index + 1)
            assert len({round(baseline, 1) for _, baseline in footer}) == 1, (path.name, index + 1)
            assert {round(size, 1) for size, _ in footer} == {8.0}, (path.name, index + 1)


def test_participant_documents_are_set_in_11_pt_or_more(kit):
    """Test sheets, answer sheets, the attendance, action-plan and evaluation forms: no glyph above the footer is
    smaller than 11 pt."""
    _, _, _, singles = kit
    checked = 0
    for path in singles:
        if not path.name.startswith(PARTICIPANT):
            continue
        document = pdfium.PdfDocument(path)
        for index in range(len(document)):
            small = {(char, round(size, 1)) for char, size, box, _ in _chars(document[index])
                     if box[1] >= FOOTER_ZONE_MM * MM and size < 10.95}
            assert not small, (path.name, index + 1, sorted(small)[:10])
            checked += 1
    assert checked >= 8


def test_nothing_is_hyphenated(kit):
    """No word is broken by automatic hyphenation (WeasyPrint marks such a break with U+2010), so no 'Me-nit',
    'Kap-an' or 'se-ksual'; table headers and module ids print whole."""
    for path in _all_pdfs(kit):
        text = "\n".join(_texts(path))
        assert "\u2010" not in text, (path.name, text[max(0, text.find("\u2010") - 40):text.find("\u2010") + 40])
    folder = kit[2].with_suffix("")
    assert "Menit" in "".join(_texts(folder / "agenda.pdf"))
    assert UI["pack_rtl_when"] in "".join(_texts(folder / "rtl.pdf"))
    for slug in ("memahami-kekerasan", "layanan-uptd-ppa", "dukungan-awal", "kerahasiaan-persetujuan"):
        assert f"(Modul: {slug})" in "".join(_texts(folder / "agenda.pdf")), slug


def test_form_columns_leave_room_for_handwriting(kit):
    """Measured in the PDFs: the attendance sheet's name column is at least 60 mm wide, the action plan's 'Kapan'
    column at least 25 mm, and the action plan's rows fill its one page."""
    folder = kit[2].with_suffix("")
    attendance = pdfium.PdfDocument(folder / "daftar-hadir.pdf")[0]
    name_mm = (_word_x(attendance, UI["pack_institution"]) - _word_x(attendance, UI["pack_name"])) / MM
    assert name_mm >= 60, name_mm
    rtl = pdfium.PdfDocument(folder / "rtl.pdf")
    assert len(rtl) == 1
    when_mm = (_word_x(rtl[0], UI["pack_rtl_support"].split()[0]) - _word_x(rtl[0], UI["pack_rtl_when"])) / MM
    assert when_mm >= 25, when_mm
    image = rtl[0].render(scale=1, grayscale=True).to_pil()
    width, height = image.size
    pixels = image.load()
    rules = [y for y in range(height) if sum(1 for x in range(width) if pixels[x, y] < 200) > width * 0.6]
    table_bottom_mm = (height - max(rules)) / MM
    assert FOOTER_ZONE_MM < table_bottom_mm < 45, table_bottom_mm   # the last row ends near the foot of the page
    assert pack.RTL_ROWS >= 10
    assert len(pdfium.PdfDocument(folder / "evaluasi.pdf")) == 1   # its answer boxes fill one page, no more


def test_pdfs_carry_title_and_language(kit):
    """The PDF's Title comes from <title>, its /Lang from <html lang>: the combined pack's title names the workshop."""
    _, workshop, combined, singles = kit
    for path in [combined, *singles]:
        reader = PdfReader(path)
        assert reader.metadata.title, path.name
        assert reader.trailer["/Root"]["/Lang"] == "id", path.name
    assert PdfReader(combined).metadata.title == f"{UI['pack_title']}: {workshop.title}"


def test_agenda_names_each_test_and_the_materials_header(kit):
    """Two pre-tests on one morning say which module each is about; the materials column is headed 'Bahan'."""
    folder = kit[2].with_suffix("")
    agenda = " ".join(" ".join(_texts(folder / "agenda.pdf")).split())
    assert "Tes awal: Memahami bentuk kekerasan" in agenda and "Tes awal: Layanan UPTD PPA dan alur rujukan" in agenda
    assert "Tes awal (pre-test)" not in agenda
    materials = _texts(folder / "daftar-bahan.pdf")[0]
    assert f"{UI['pack_check']} {UI['pack_material']} {UI['pack_item_count']}" in materials
    assert f"{UI['pack_check']} {UI['pack_item']} " not in materials


def test_no_heading_ends_a_page_that_its_part_continues(kit):
    """A heading or a block's label (such as 'Pesan kunci') never sits at the foot of a page with its text on the next
    page of the same part."""
    _, _, combined, _ = kit
    reader = PdfReader(combined)
    headings = set()

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                headings.add(" ".join(item.title.split()))

    walk(reader.outline)
    labels = tuple(value for key, value in UI.items() if key.startswith("block_"))
    texts = [page.extract_text().splitlines() for page in reader.pages]
    footers = [lines[-1].rsplit("Halaman", 1)[0].strip() if lines else "" for lines in texts]
    for index, lines in enumerate(texts[:-1]):
        body = [line for line in lines[:-1] if line.strip()]
        if not body or footers[index] != footers[index + 1]:
            continue
        last = " ".join(body[-1].split())
        assert last not in headings and not last.startswith(labels), (index + 1, last)


def _hyphen_probe(lang: str) -> str:
    words = "Kapan Huruf seksual Menit Sudah berhasil pertanggungjawaban Responsibilities"
    return (f'<!DOCTYPE html><html lang="{lang}"><head><style>{print_css()}</style></head>'
            f"<body><p style=\"width: 14mm\">{words}</p>"
            f'<table style="width: 30mm"><thead><tr><th>Pertanggungjawaban</th><th>Kapan</th></tr></thead></table>'
            "</body></html>")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_print_css_never_hyphenates_indonesian_or_table_headers(lang, tmp_path):
    """In a 14 mm column, Indonesian text breaks only between words; table headers are whole in any language."""
    data, _ = render_pdf(_hyphen_probe(lang))
    (tmp_path / "probe.pdf").write_bytes(data)
    text = PdfReader(tmp_path / "probe.pdf").pages[0].extract_text()
    lines = text.splitlines()
    assert lines[-1].split() == ["Pertanggungjawaban", "Kapan"]   # the table header row, whole
    if lang == "id":
        assert "\u2010" not in text
        assert lines[:7] == ["Kapan", "Huruf", "seksual", "Menit", "Sudah", "berhasil", "pertanggungjawaban"]
    else:  # English body text is still hyphenated (its patterns are good): the probe can show a break
        assert "\u2010" in text and "\u2010" not in lines[-1]

"""End-to-end: a real `mkdocs build --strict` writes the handout and pack PDFs, caches them, and warns on overflow."""

import io
import os
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from helpers import build_site, copy_site

pytestmark = pytest.mark.slow

SECRETS = ("PENJELASAN-KUNCI", "PENJELASAN-MITOS", "JAWABAN-SINGKAT-PERSETUJUAN", "PANDUAN-JAWABAN-KASUS",
           "CATATAN-PELATIH")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The pdf-basic site built once with --strict and two spawned workers; returns (source folder, build log)."""
    root = copy_site("pdf-basic", tmp_path_factory.mktemp("pdf") / "src")
    os.environ["LINDUNGI_PDF_WORKERS"] = "2"
    try:
        result = build_site(root, root / "site")
    finally:
        del os.environ["LINDUNGI_PDF_WORKERS"]
    assert result.returncode == 0, result.stderr
    return root, result.stderr


def _text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_build_reports_every_pdf_with_size(site):
    """The build log names each PDF with its page count and size, and a summary line."""
    _, log = site
    assert re.search(r"INFO    -  PDF unduh/handout-kenali-kekerasan\.pdf: 1 hal\., \d+ KB\n", log)
    assert re.search(r"INFO    -  PDF pelatih/paket-lokakarya\.pdf: \d+ hal\., \d+ KB\n", log)
    assert "INFO    -  PDF: 13 dibuat, 0 dari cache," in log
    assert "handout-no-qr" not in log  # site_url is set


def test_handouts_are_small_a4_within_their_page_count(site):
    """Each handout is A4, within its declared pages, under 300 KB, with key points and help lines as text."""
    root, _ = site
    for name, pages in (("kenali-kekerasan", 1), ("rawat-diri", 2)):
        path = root / "site" / "unduh" / f"handout-{name}.pdf"
        reader = PdfReader(path)
        assert len(reader.pages) <= pages
        assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages} == {(595, 842)}
        assert path.stat().st_size < 300 * 1024
        text = _text(path)
        assert "SAPA 129" in text and "Layanan Uji Setempat" in text
    assert "PESAN-KUNCI-SATU" in _text(root / "site/unduh/handout-kenali-kekerasan.pdf")


def test_the_band_is_printed_as_one_form_over_the_untouched_page_with_only_its_own_qr_code(site):
    """The region's band is one form XObject drawn after the handout's own content, which stays compressed as
    WeasyPrint wrote it; the file holds one image (this module's QR code, in the form), not the other modules' codes
    that the bands PDF shares, and the band's text is on the page."""
    root, _ = site
    for name in ("kenali-kekerasan", "rawat-diri"):
        reader = PdfReader(root / "site" / "unduh" / f"handout-{name}.pdf")
        page = reader.pages[0]
        xobjects = page["/Resources"]["/XObject"]
        forms = [x.get_object() for x in xobjects.values() if x.get_object()["/Subtype"] == "/Form"]
        assert len(forms) == 1 and [k for k in forms[0]["/Resources"]["/XObject"]] != []
        parts = [c.get_object() for c in page["/Contents"]]
        assert [p.get_data().strip() for p in (parts[0], parts[-1])][0] == b"q"
        assert parts[-1].get_data().split()[-2:] == [next(iter(xobjects)).encode(), b"Do"]
        assert all(p.get("/Filter") == "/FlateDecode" for p in parts[1:-1]) and len(parts) > 2
        images = [n for n in reader.xref[0] if (reader.get_object(n) or {}).get("/Subtype") == "/Image"]
        assert len(images) == 1, name
        assert "Layanan Uji Setempat" in page.extract_text()


def test_learner_pdfs_hold_no_answers(site):
    """Handouts and test sheets hold no answer key, explanation, trainer note or answer guide."""
    root, _ = site
    learner = list((root / "site/unduh").glob("*.pdf")) + [
        root / "site/pelatih/paket-lokakarya" / f for f in ("tes-awal-a-tes-kenali.pdf", "tes-akhir-b-tes-kenali.pdf")]
    for path in learner:
        text = _text(path)
        assert not any(secret in text for secret in SECRETS), path.name
    key = _text(root / "site/pelatih/paket-lokakarya/kunci-jawaban.pdf")
    assert "PENJELASAN-KUNCI" in key and "PENJELASAN-MITOS" in key


def test_combined_pack_has_bookmarks_and_no_answer_key(site):
    """The combined pack holds every document but the answer key, with one bookmark per document after the contents."""
    root, _ = site
    reader = PdfReader(root / "site/pelatih/paket-lokakarya.pdf")
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == ["Daftar isi", "Agenda", "Panduan fasilitator", "Lembar ringkas: Mengenali bentuk kekerasan",
                      "Lembar ringkas: Merawat diri pendamping", "Tes awal · Paket soal A · Tes mengenali kekerasan",
                      "Tes akhir · Paket soal B · Tes mengenali kekerasan", "Daftar bahan", "Daftar hadir",
                      "Rencana tindak lanjut (RTL)", "Evaluasi pelatihan"]
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "PANDUAN-JAWABAN-KASUS" in text and "PENJELASAN-KUNCI" not in text


def test_pages_link_to_the_pdfs(site):
    """The module page links to its handout page and PDF; the trainers' page links to the pack."""
    root, _ = site
    module = (root / "site/modul/kenali-kekerasan/index.html").read_text(encoding="utf-8")
    assert 'href="../../unduh/handout-kenali-kekerasan.pdf" download>Unduh PDF</a>' in module
    assert 'href="handout.html"' in module
    page = (root / "site/modul/kenali-kekerasan/handout.html").read_text(encoding="utf-8")
    assert "PESAN-KUNCI-SATU" in page and "SAPA 129" in page
    trainers = (root / "site/pelatih/index.html").read_text(encoding="utf-8")
    assert 'href="paket-lokakarya.pdf" download' in trainers and "09.05–10.25" in trainers


def test_rebuild_renders_nothing_then_only_what_changed(site):
    """Nothing changed: no PDF is rendered, and the handouts are published as first stamped with the region's band
    (the recorded run holds them stamped: no band is printed again). One module changed: its handout and the pack
    documents showing it."""
    root, _ = site
    handouts = {path.name: path.read_bytes() for path in (root / "site/unduh").glob("*.pdf")}
    again = build_site(root, root / "site")
    assert again.returncode == 0, again.stderr
    assert "INFO    -  PDF: 0 dibuat, 13 dari cache," in again.stderr
    assert "pdf-bands" not in again.stderr and "bagian wilayah handout" not in again.stderr  # no bands made or read
    assert {path.name: path.read_bytes() for path in (root / "site/unduh").glob("*.pdf")} == handouts
    assert len(handouts) == 2 and "Layanan Uji Setempat" in _text(root / "site/unduh/handout-kenali-kekerasan.pdf")
    module = root / "modules/rawat-diri/module.yml"
    module.write_text(module.read_text(encoding="utf-8").replace("Istirahat cukup", "Tidur cukup"), encoding="utf-8")
    changed = build_site(root, root / "site")
    assert changed.returncode == 0, changed.stderr
    rendered = re.findall(r"INFO    -  PDF (\S+): \d+ hal\., \d+ KB\n", changed.stderr)
    assert sorted(rendered) == ["pelatih/paket-lokakarya.pdf", "unduh/handout-rawat-diri.pdf"]
    assert "INFO    -  PDF: 2 dibuat, 11 dari cache," in changed.stderr
    assert "Tidur cukup" in _text(root / "site/unduh/handout-rawat-diri.pdf")


def test_rebuild_with_earlier_sources_reuses_that_run(site):
    """Sources back to an earlier state: that run's PDFs come from the cache (nothing rendered, the earlier text);
    a cached PDF that went missing is rendered again."""
    root, _ = site
    module = root / "modules/rawat-diri/module.yml"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("Tidur cukup", "Rehat cukup"), encoding="utf-8")
    first = build_site(root, root / "site")
    assert "INFO    -  PDF: 2 dibuat, 11 dari cache," in first.stderr, first.stderr
    module.write_text(text, encoding="utf-8")
    back = build_site(root, root / "site")
    assert "INFO    -  PDF: 0 dibuat, 13 dari cache," in back.stderr, back.stderr
    handout = _text(root / "site/unduh/handout-rawat-diri.pdf")
    assert "Tidur cukup" in handout and "Rehat cukup" not in handout
    cache = root / ".cache/lindungi-pdf"
    published = (root / "site/pelatih/paket-lokakarya/agenda.pdf").read_bytes()  # published as rendered (no band)
    key = next(p for p in sorted(cache.glob("*.pdf")) if p.read_bytes() == published)  # one this run uses
    key.unlink()
    again = build_site(root, root / "site")
    assert again.returncode == 0, again.stderr
    assert "INFO    -  PDF: 0 dibuat, 13 dari cache," not in again.stderr
    assert key.is_file()


def test_cached_pdfs_are_linked_and_a_site_copy_edited_in_place_is_not_reused(site):
    """A build copying PDFs from the cache links them (no data written); a site PDF changed in place changes the cached
    file too, so the next build finds the cache entry damaged, does not replay the run but makes the handout again
    (from its cached unstamped PDF, with the band printed anew) and publishes the right bytes."""
    root, _ = site
    cache = root / ".cache/lindungi-pdf"
    again = build_site(root, root / "site")
    assert "INFO    -  PDF: 0 dibuat, 13 dari cache," in again.stderr, again.stderr
    cached = {(p.stat().st_dev, p.stat().st_ino) for p in cache.glob("*.pdf")}
    published = sorted((root / "site").rglob("*.pdf"))
    assert len(published) == 13 and all((p.stat().st_dev, p.stat().st_ino) in cached for p in published)
    handout = root / "site/unduh/handout-rawat-diri.pdf"
    right = handout.read_bytes()
    with open(handout, "r+b") as edited:  # as a PDF editor saving in place would
        edited.seek(len(right) // 2)
        edited.write(b"XXXX")
    after = build_site(root, root / "site")
    assert after.returncode == 0, after.stderr
    assert "bagian wilayah handout" in after.stderr, after.stderr  # not a replay: the band was printed again
    assert handout.read_bytes() == right


def test_overflowing_handout_fails_strict_build(tmp_path):
    """A one-page handout that spills onto a second page is a warning naming the module, so --strict fails."""
    root = copy_site("pdf-basic", tmp_path / "src")
    module = root / "modules/kenali-kekerasan/module.yml"
    long_points = "".join(f"  - Pesan kunci tambahan nomor {n} yang cukup panjang untuk memenuhi halaman cetak "
                          f"handout ini sampai meluap ke halaman berikutnya.\n" for n in range(30))
    text = module.read_text(encoding="utf-8").replace("key_points:\n", "key_points:\n" + long_points, 1)
    module.write_text(text, encoding="utf-8")
    result = build_site(root, root / "site")
    assert result.returncode == 1, result.stderr
    assert ("WARNING -  modules/kenali-kekerasan/module.yml:49: handout modul 'kenali-kekerasan' melebihi jumlah "
            "halamannya; seharusnya 1 halaman A4, ditemukan 2 halaman.") in result.stderr


def test_missing_site_url_is_a_note_or_a_required_warning(tmp_path):
    """Without site_url the QR is left out with an INFO note; with require_qr: true it is a warning (strict fails)."""
    root = copy_site("pdf-basic", tmp_path / "src")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_url: https://example.org/pelatihan/\n", ""),
                      encoding="utf-8")
    note = build_site(root, root / "site")
    assert note.returncode == 0, note.stderr
    assert "INFO    -  mkdocs.yml: handout dibuat tanpa kode QR karena site_url belum diisi." in note.stderr
    assert not PdfReader(root / "site/unduh/handout-rawat-diri.pdf").pages[0].images
    config.write_text(config.read_text(encoding="utf-8").replace("    review_today:", "    require_qr: true\n"
                                                                 "    review_today:"), encoding="utf-8")
    warned = build_site(root, root / "site")
    assert warned.returncode == 1
    assert "WARNING -  mkdocs.yml: handout dibuat tanpa kode QR karena site_url belum diisi." in warned.stderr


@pytest.mark.parametrize("workers", ["1", "2", ""])
def test_a_build_leaves_no_font_folder_in_the_temporary_directory(tmp_path, workers):
    """WeasyPrint copies the fonts into a temporary folder per font configuration; the build process, each PDF
    worker and the helper (no count given: the PDFs start before the pages) remove theirs when they end (one
    configuration per process is kept for all its documents)."""
    root = copy_site("pdf-basic", tmp_path / "src")
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "TMPDIR": str(temp),
           "LINDUNGI_PDF_WORKERS": workers}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=root, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "INFO    -  PDF: 13 dibuat, 0 dari cache," in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in temp.iterdir()) == []


# The engine's import: WeasyPrint's library lookups answered from one reading of the linker cache. Each case runs in a
# fresh interpreter (WeasyPrint can be imported only once per process); it counts the programs started while importing.
_IMPORT_ENGINE = r"""
import ctypes.util, json, subprocess, sys
sys.path.insert(0, sys.argv[1])
started = []
real_init = subprocess.Popen.__init__
def counting_init(self, args, *rest, **options):
    started.append(args[0] if isinstance(args, (list, tuple)) else args)
    real_init(self, args, *rest, **options)
subprocess.Popen.__init__ = counting_init
from lindungi.printing import pdf
if sys.argv[2] == "usual":
    import weasyprint
weasyprint = pdf.engine() if sys.argv[2] != "usual" else weasyprint
from weasyprint.text import ffi
print(json.dumps({"started": started, "subset": ffi.harfbuzz_subset is not None,
                  "usual_lookup_back": ctypes.util.find_library.__module__ == "ctypes.util",
                  "renders": len(weasyprint.HTML(string="<p>x</p>").render().pages)}))
"""


def _import_engine(how: str) -> tuple[dict, str]:
    import json

    hooks = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "hooks")
    result = subprocess.run([sys.executable, "-c", _IMPORT_ENGINE, hooks, how], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    return json.loads(lines[-1]), "\n".join(lines[:-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the linker cache lookup is Linux's")
def test_the_engine_is_imported_with_one_program_started_not_dozens():
    """A plain import starts ldconfig, gcc and ld for the names WeasyPrint tries (cffi's fallback); `pdf.engine()`
    starts `ldconfig -p` once and loads the same libraries, HarfBuzz's subsetter included, then puts the usual
    lookup back."""
    usual, _ = _import_engine("usual")
    quick, printed = _import_engine("quick")
    assert len(usual["started"]) > 5, usual  # (what the quick lookup saves is there to save)
    assert quick["started"] == ["/sbin/ldconfig"]
    assert quick["subset"] and usual["subset"]
    assert quick["usual_lookup_back"] and quick["renders"] == 1
    assert printed == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the linker cache lookup is Linux's")
def test_the_quick_lookup_answers_like_ctypes_for_every_name_weasyprint_tries():
    """Names WeasyPrint tries (found and not found here) get ctypes.util.find_library's answer."""
    import ctypes.util

    from lindungi.printing import pdf

    quick = pdf._linker_cache_lookup()
    names = ["libgobject-2.0-0", "gobject-2.0-0", "gobject-2.0", "pango-1.0", "harfbuzz", "harfbuzz-subset",
             "fontconfig", "pangoft2-1.0", "no-such-library-here"]
    assert {name: quick(name) for name in names} == {name: ctypes.util.find_library(name) for name in names}
    assert quick("pango-1.0") is not None and quick("no-such-library-here") is None


def test_the_quick_lookup_asks_the_usual_one_for_a_name_missing_from_the_cache_when_ld_library_path_is_set(
        monkeypatch):
    """dlopen also looks in LD_LIBRARY_PATH, which the linker cache does not list: a name missing from the cache is
    then looked up the usual way (which searches it); without it the answer is None at once."""
    import ctypes.util

    from lindungi.printing import pdf

    asked = []
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: asked.append(name) or "libfound.so.1")
    monkeypatch.delenv("LD_LIBRARY_PATH", raising=False)
    assert pdf._linker_cache_lookup()("no-such-library-here") is None and asked == []
    monkeypatch.setenv("LD_LIBRARY_PATH", "/opt/elsewhere/lib")
    quick = pdf._linker_cache_lookup()
    assert quick("no-such-library-here") == "libfound.so.1" and asked == ["no-such-library-here"]
    assert quick("pango-1.0") != "libfound.so.1" and asked == ["no-such-library-here"]


# Two fontTools modules WeasyPrint imports but these documents do not use wait until they are used (`DEFERRED_MODULES`).
# Each case renders in a fresh interpreter: its printed line says which of them are still stand-ins, what the PDF
# holds and what WeasyPrint logged.
_DEFERRED = r"""
import io, json, logging, sys
sys.path.insert(0, sys.argv[1])
from lindungi.printing import pdf
weasyprint = pdf.engine()
from weasyprint.text.fonts import FontConfiguration
from pypdf import PdfReader
said = []
logging.getLogger("weasyprint").addHandler(type("H", (logging.Handler,), {"emit": lambda h, r: said.append(r.getMessage())})())
case, folder = sys.argv[2], sys.argv[3]
if case == "no-harfbuzz-subsetter":
    import weasyprint.pdf.fonts
    weasyprint.pdf.fonts.harfbuzz_subset = None
if case == "variable-font":
    fonts = FontConfiguration()
    sheet = weasyprint.CSS(string="@font-face { font-family: V; src: url(variable.ttf) } p { font-family: V }",
                           base_url=folder + "/", font_config=fonts)
    data = weasyprint.HTML(string="<p>Halo dunia</p>", base_url=folder + "/").write_pdf(stylesheets=[sheet],
                                                                                     font_config=fonts)
else:
    data, _, _ = pdf.render_noted("<p>Halo <b>dunia</b>, <i>apa kabar</i>?</p>")
page = PdfReader(io.BytesIO(data)).pages[0]
print(json.dumps({"waiting": sorted(name for name in pdf.DEFERRED_MODULES if isinstance(sys.modules[name], pdf._Deferred)),
                  "text": page.extract_text(), "fonts": len(page["/Resources"]["/Font"]), "said": said}))
"""


def _render_deferred(case: str, folder) -> dict:
    import json

    hooks = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "hooks")
    result = subprocess.run([sys.executable, "-c", _DEFERRED, hooks, case, str(folder)], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_weasyprints_font_modules_for_variable_fonts_and_without_harfbuzz_wait_until_used(tmp_path):
    """A document in the bundled fonts leaves both deferred modules unimported (the saving is real). Subsetting
    without HarfBuzz's subsetter and a variable font still work: they import the real modules when they need them."""
    from fontTools.ttLib import TTFont, newTable
    from fontTools.ttLib.tables._f_v_a_r import Axis

    from lindungi.printing import pdf

    usual = _render_deferred("bundled-fonts", tmp_path)
    assert usual["waiting"] == sorted(pdf.DEFERRED_MODULES)
    assert usual["text"] == "Halo dunia, apa kabar?" and usual["fonts"] == 3 and usual["said"] == []

    fallback = _render_deferred("no-harfbuzz-subsetter", tmp_path)
    assert fallback["waiting"] == ["fontTools.varLib.instancer"]
    assert fallback["text"] == usual["text"] and fallback["fonts"] == 3
    assert len(fallback["said"]) == 3 and all(m.startswith("Using fontTools instead of HarfBuzz") for m in fallback["said"])

    font = TTFont(pdf.FONTS / "NotoSans-Regular.ttf")  # made variable: a weight axis, so WeasyPrint instantiates it
    axis = Axis()
    axis.axisTag, axis.minValue, axis.defaultValue, axis.maxValue = "wght", 400, 400, 700
    axis.axisNameID = font["name"].addMultilingualName({"en": "Weight"}, minNameID=256)
    font["fvar"] = newTable("fvar")
    font["fvar"].axes, font["fvar"].instances = [axis], []
    font.save(tmp_path / "variable.ttf")
    variable = _render_deferred("variable-font", tmp_path)
    assert variable["waiting"] == ["fontTools.subset"]
    assert variable["text"] == "Halo dunia" and variable["said"] == []  # (no "Unable to instantiate" warning)


def test_a_deferred_module_stands_in_until_used_then_is_the_real_one():
    """The stand-in's function imports the real module when called, and the real module replaces it in
    `sys.modules`; any other attribute is the real module's."""
    import importlib

    from lindungi.printing import pdf

    name = "colorsys"  # (a module nothing here needs: the stand-in mechanism alone)
    real = sys.modules.pop(name, None)
    try:
        stand_in = pdf._Deferred(name, ("rgb_to_hsv",))
        sys.modules[name] = stand_in
        function = stand_in.rgb_to_hsv
        assert sys.modules[name] is stand_in and function.__name__ == "rgb_to_hsv"
        assert function(0.0, 0.0, 1.0) == (2 / 3, 1.0, 1.0)  # (the real function's answer)
        loaded = sys.modules[name]
        assert loaded is not stand_in and loaded is importlib.import_module(name)
        assert stand_in.ONE_THIRD == 1 / 3 and stand_in.hsv_to_rgb is loaded.hsv_to_rgb  # (any other attribute)
        with pytest.raises(AttributeError):
            stand_in.__wrapped__
    finally:
        if real is not None:
            sys.modules[name] = real


def test_a_rendered_document_is_freed_at_once_not_at_a_later_full_collection():
    """A laid-out WeasyPrint document is full of reference cycles (computed styles, boxes, the parsed HTML tree), and
    a long one reaches the oldest generation while it renders; `render_noted` frees it before returning, so rendering
    many PDFs in one process does not hold the earlier ones until Python's next full collection."""
    import gc

    from lindungi.printing import pdf

    pdf.engine()
    paragraph = "<p>Satu paragraf uji yang cukup panjang untuk beberapa baris teks.</p>"
    html = f"<html><body>{paragraph * 300}</body></html>"

    def engine_objects() -> int:
        return sum(str(type(o)).startswith(("<class 'weasyprint.", "<class 'tinyhtml5.")) for o in gc.get_objects())

    pdf.render_noted(html)  # (fonts and the style sheet loaded once)
    gc.collect()
    before = engine_objects()
    for _ in range(3):
        data, pages, _ = pdf.render_noted(html)
    assert data.startswith(b"%PDF") and pages > 5  # (long enough to reach the oldest generation while it renders)
    assert engine_objects() - before == 0


def test_a_band_is_stamped_over_the_top_of_the_page_with_its_links(tmp_path):
    """`documents._stamp` draws a band page (210 x 44 mm) at the top of an A4 page: the band's text is on the page,
    the page's own link stays, and a link in the band becomes a link of the page, moved up with the band."""
    from pypdf import PdfReader, PdfWriter

    from lindungi.printing import documents, pdf

    page_html = ('<html><head><style>@page { margin-top: 45mm; }</style></head><body>'
                 '<p>ISI-HALAMAN <a href="https://example.org/halaman">tautan halaman</a></p>'
                 '</body></html>')
    band_html = ('<html><head><style>@page { size: 210mm 44mm; margin: 10mm; }</style></head><body>'
                 '<p>ISI-BAND <a href="https://example.org/band">tautan band</a></p></body></html>')
    (tmp_path / "page.pdf").write_bytes(pdf.render_pdf(page_html)[0])
    band = PdfReader(io.BytesIO(pdf.render_pdf(band_html)[0])).pages[0]
    writer = PdfWriter(clone_from=str(tmp_path / "page.pdf"))
    documents._stamp(writer, writer.pages[0], band)
    buffer = io.BytesIO()
    writer.write(buffer)
    page = PdfReader(buffer).pages[0]
    text = page.extract_text()
    assert "ISI-HALAMAN" in text and "ISI-BAND" in text
    links = {a.get_object()["/A"]["/URI"]: [float(v) for v in a.get_object()["/Rect"]] for a in page["/Annots"]}
    assert set(links) == {"https://example.org/halaman", "https://example.org/band"}
    top, band_height = float(page.mediabox.height), float(band.mediabox.height)
    low, high = sorted(links["https://example.org/band"][1::2])
    assert top - band_height < low < high <= top  # (where the band's text is: 10 mm below its top edge)
    assert max(links["https://example.org/halaman"][1::2]) < top - band_height  # (the page's own, below the band)
    moved = [a.get_object() for a in page["/Annots"] if a.get_object()["/A"]["/URI"].endswith("/band")]
    assert moved[0].raw_get("/P").idnum == page.indirect_reference.idnum


def test_rendering_leaves_objects_the_program_froze_itself_frozen():
    """`render_noted` freezes and unfreezes the heap around a document only when nothing else froze it."""
    import gc

    from lindungi.printing import pdf

    gc.freeze()
    try:
        assert pdf.render_noted("<html><body><p>Uji.</p></body></html>")[1] == 1
        assert gc.get_freeze_count() > 0  # (fewer than before: a frozen object is still freed when unreferenced)
    finally:
        gc.unfreeze()
    pdf.render_noted("<html><body><p>Uji.</p></body></html>")
    assert gc.get_freeze_count() == 0


# --- PDFs started while the pages render ----------------------------------------------------------------------------

def _jobs(count: int) -> list:
    from lindungi.printing import pdf

    return [pdf.Job(f"unduh/uji-{n}.pdf", f"<html><body><p>Dokumen uji nomor {n}.</p></body></html>", f"uji-{n}")
            for n in range(count)]


def test_which_pdf_runs_start_before_the_pages(monkeypatch):
    """From three documents on, on two CPUs: all render at the end when the worker count is set or the machine has
    one CPU."""
    from lindungi.printing import pdf

    monkeypatch.delenv(pdf.WORKERS_ENV, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert [pdf.starts_early(n) for n in (0, 2, 3, 19, 20, 500)] == [False, False, True, True, True, True]
    for workers in ("1", "2"):
        monkeypatch.setenv(pdf.WORKERS_ENV, workers)
        assert not pdf.starts_early(10)
    monkeypatch.delenv(pdf.WORKERS_ENV)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert not pdf.starts_early(10)


def test_many_started_pdfs_go_to_one_worker_whose_pool_grows_when_the_pages_are_done(tmp_path, monkeypatch):
    """From `WORKERS_FROM` documents one worker starts with the pages (the build process has the other CPU); when the
    build collects them, the jobs no worker has taken yet are shared with a second pool of the remaining workers.
    The PDFs equal those rendered in this process."""
    from lindungi.printing import pdf

    monkeypatch.delenv(pdf.WORKERS_ENV, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    jobs = _jobs(pdf.WORKERS_FROM + 4)
    started = pdf.start_rendering(jobs, tmp_path / "cache")
    assert started.helper is None and len(started.pools) == 1 and started.pools[0]._max_workers == 1
    assert started.grow_to == 2
    report = pdf.render_all(jobs, [], tmp_path / "site", tmp_path / "cache", started=started)
    assert len(started.pools) == 2 and 0 < started.moved < len(jobs)  # (collected at once: most were still waiting)
    assert report.rendered == len(jobs)
    here = pdf.render_all(jobs, [], tmp_path / "here", tmp_path / "cache-here", workers=1)
    for job in jobs:
        assert (tmp_path / "site" / job.out).read_bytes() == (tmp_path / "here" / job.out).read_bytes()


def test_started_pdfs_render_in_a_helper_and_equal_those_rendered_here(tmp_path, monkeypatch):
    """`start_rendering` hands the missing documents to a helper process that is still at work when it returns;
    `render_all` collects them (counted as rendered, the time since the start included) into the same bytes as a
    render in this process. With everything cached there is nothing to start."""
    import time

    from lindungi.printing import pdf

    monkeypatch.delenv(pdf.WORKERS_ENV, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    jobs = _jobs(4)
    started = pdf.start_rendering(jobs, tmp_path / "cache")
    assert started is not None and started.helper is not None
    assert started.helper.process.poll() is None  # still rendering: this process goes on meanwhile
    time.sleep(0.2)
    report = pdf.render_all(jobs, [], tmp_path / "site", tmp_path / "cache", started=started)
    assert started.helper.helper_error == ""  # (a failed helper's jobs would have rendered here instead)
    assert [r.rendered for r in report.results] == [True] * 4 and report.seconds >= 0.2
    here = pdf.render_all(jobs, [], tmp_path / "here", tmp_path / "cache-here", workers=1)
    assert [r.key for r in here.results] == [r.key for r in report.results]
    for job in jobs:
        assert (tmp_path / "site" / job.out).read_bytes() == (tmp_path / "here" / job.out).read_bytes()
    assert pdf.start_rendering(jobs, tmp_path / "cache") is None
    again = pdf.render_all(jobs, [], tmp_path / "site", tmp_path / "cache")
    assert again.rendered == 0


def test_a_started_pool_that_is_cancelled_ends_its_worker_at_once(tmp_path, monkeypatch):
    """`cancel` (a build that fails while its PDFs render) ends a started worker now, not when its jobs are done."""
    from lindungi.printing import pdf

    monkeypatch.delenv(pdf.WORKERS_ENV, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    long = "<html><body>" + "<p>Paragraf panjang untuk uji pembatalan, diulang.</p>" * 10000 + "</body></html>"
    jobs = [pdf.Job(f"unduh/panjang-{n}.pdf", long + f"<!-- {n} -->", f"panjang-{n}") for n in range(pdf.WORKERS_FROM)]
    started = pdf.start_rendering(jobs, tmp_path / "cache")  # (each takes seconds: left alone, two would outlast 5 s)
    processes = list(started.pools[0]._processes.values())
    assert processes
    started.cancel()
    assert all(_ended(process.pid) for process in processes)


def _ended(pid: int, seconds: float = 5.0) -> bool:
    """The process `pid` has ended (gone, or a zombie not yet reaped) within `seconds`. Read from /proc, not with
    `Process.join`: the pool's own thread reaps its workers, and a second waiter racing it can see a dead worker as
    alive. (A worker left running stays alive, waiting for more jobs.)"""
    import time
    from pathlib import Path

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


_PROBE = r"""
import json, os
from lindungi.engine import adapter

seen = []


def on_page_markdown(markdown, page, config, files):
    started = adapter._pdf_runs["started"]
    helper = started.helper if started is not None else None
    seen.append(helper is not None and helper.process is not None and helper.process.poll() is None)
    if helper is not None and helper.process is not None:
        with open("probe-pid", "w") as out:
            out.write(str(helper.process.pid))
    if os.environ.get("PROBE_FAIL"):
        raise RuntimeError("PROBE-GAGAL")
    if os.environ.get("PROBE_KILL") and helper is not None and helper.process is not None:
        helper.process.kill()  # (as the kernel's out-of-memory killer would)
    return markdown


def on_post_build(config):
    with open("probe-seen.json", "w") as out:
        json.dump(seen, out)
"""


def _with_probe(tmp_path) -> object:
    root = copy_site("pdf-basic", tmp_path / "src")
    (root / "probe.py").write_text(_PROBE, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "hooks: [probe.py]\n", encoding="utf-8")
    return root


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="on one CPU the PDFs render after the pages, in the build")
def test_a_build_renders_its_pdfs_in_a_helper_while_it_writes_the_pages(tmp_path, monkeypatch):
    """`mkdocs build` hands its PDFs to a helper process before the first page is rendered; the helper is still at
    work while pages render, and the build collects every PDF from it."""
    monkeypatch.delenv("LINDUNGI_PDF_WORKERS", raising=False)
    root = _with_probe(tmp_path)
    result = build_site(root, root / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert "INFO    -  PDF: 13 dibuat, 0 dari cache," in result.stderr
    seen = __import__("json").loads((root / "probe-seen.json").read_text())
    assert seen and seen[0] is True


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="on one CPU the PDFs render after the pages, in the build")
def test_a_build_whose_helper_is_killed_renders_the_pdfs_itself_and_says_so(tmp_path):
    """The helper dies while the pages render: the build renders every PDF in its own process, passes --strict and
    says in one INFO line that the PDFs were made without the helper, and why."""
    root = _with_probe(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "LINDUNGI_PDF_WORKERS"}
    env.update(NO_MKDOCS_2_WARNING="1", NO_COLOR="1", PROBE_KILL="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(root / "site")], cwd=root,
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert re.search(r"INFO    -  PDF dibuat tanpa proses pembantu: exit status -9\n", result.stderr)
    assert "INFO    -  PDF: 13 dibuat, 0 dari cache," in result.stderr
    assert "PESAN-KUNCI-SATU" in _text(root / "site/unduh/handout-kenali-kekerasan.pdf")


_FAILING_BUILD = r"""
import json, os, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

config = load_config(config_file="mkdocs.yml", site_dir=sys.argv[1])
config.plugins.on_startup(command="build", dirty=False)
try:
    build(config)
    failed = ""
except Exception as err:
    failed = str(err)
pid = int(open("probe-pid").read())
try:
    os.kill(pid, 0)
    alive = True
except ProcessLookupError:
    alive = False
config.plugins.on_shutdown()
print(json.dumps({"failed": failed, "alive": alive}))
"""


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="on one CPU the PDFs render after the pages, in the build")
def test_a_build_that_fails_while_its_pdfs_render_stops_the_helper_at_once(tmp_path):
    """A page fails after the PDFs were handed to the helper: the build's failure ends the helper then and there
    (killed and reaped before MkDocs' last event), not when it would have finished."""
    root = _with_probe(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "LINDUNGI_PDF_WORKERS"}
    env.update(NO_MKDOCS_2_WARNING="1", NO_COLOR="1", PROBE_FAIL="1")
    result = subprocess.run([sys.executable, "-c", _FAILING_BUILD, str(root / "site")], cwd=root, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    outcome = __import__("json").loads(result.stdout.strip().splitlines()[-1])
    assert outcome == {"failed": "PROBE-GAGAL", "alive": False}

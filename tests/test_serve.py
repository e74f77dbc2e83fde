"""The author's loop: a real `mkdocs serve` prints the configured site address on handouts (never its own), serves the
pages before the PDFs and says so, and `--dirty` builds re-render only the generated pages whose Markdown changed."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from helpers import REPO, build_site, copy_site

sys.path.insert(0, str(REPO / "scripts"))

from bench_serve import Server  # noqa: E402

CONFIGURED = "example.org/pelatihan/modul/kenali-kekerasan/index.html"
PENDING = b"data-lp-pdf-pending"


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def qr_codes(data: bytes) -> list[str]:
    """What the QR codes on a PDF's first page say (zxing-cpp reads the images lifted out of the PDF)."""
    import zxingcpp
    from PIL import ImageOps

    found = []
    for image in PdfReader(io.BytesIO(data)).pages[0].images:
        framed = ImageOps.expand(image.image.convert("L"), border=8, fill=255)
        found += [result.text for result in zxingcpp.read_barcodes(framed)]
    return found


def handout_body(page: bytes) -> bytes:
    """The handout itself on its page (from its download link to the end of the article)."""
    start = page.find(b'class="lp-handout-links"')
    return page[start:page.find(b"</article>", start)] if start >= 0 else b""


@pytest.mark.slow
def test_served_handout_holds_the_configured_url_and_pdfs_come_after_the_pages(tmp_path):
    site = copy_site("pdf-basic", tmp_path / "situs")
    with Server(site) as server:
        server.wait_for("modul/kenali-kekerasan/handout.html", timeout=300)
        status, module_page = server.get("modul/kenali-kekerasan/index.html")
        pdf_status, _ = server.get("unduh/handout-kenali-kekerasan.pdf")
        assert status == 200
        # Pages are served before the PDFs exist; while one is missing its link says so.
        assert pdf_status == 200 or PENDING in module_page, module_page[-2000:]
        _, handout_page = server.get("modul/kenali-kekerasan/handout.html")
        body = handout_body(handout_page)  # (MkDocs' own canonical link does name serve's address: not ours)
        assert CONFIGURED.encode() in body and b"127.0.0.1" not in body
        server.wait_for("unduh/handout-kenali-kekerasan.pdf", timeout=300)
        server.wait_for("modul/kenali-kekerasan/index.html", lambda body: PENDING not in body, timeout=300)
        _, data = server.get("unduh/handout-kenali-kekerasan.pdf")
        log = server.text()
    text = pdf_text(data)
    assert "127.0.0.1" not in text
    assert qr_codes(data) == ["https://example.org/pelatihan/modul/kenali-kekerasan/index.html"], text
    assert re.search(r"PDF: \d+ dibuat, \d+ dari cache", log), log[-2000:]


@pytest.mark.slow
def test_serve_without_a_site_url_prints_no_qr(tmp_path):
    site = copy_site("pdf-basic", tmp_path / "situs")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_url: https://example.org/pelatihan/\n", ""),
                      encoding="utf-8")
    with Server(site, env={"LINDUNGI_PDF": "off"}) as server:
        server.wait_for("modul/kenali-kekerasan/handout.html", timeout=300)
        _, handout_page = server.get("modul/kenali-kekerasan/handout.html")
        _, module_page = server.get("modul/kenali-kekerasan/index.html")
        pdf_status, _ = server.get("unduh/handout-kenali-kekerasan.pdf")
    body = handout_body(handout_page)
    assert body and b"127.0.0.1" not in body and b"data:image/png" not in body
    assert "LINDUNGI_PDF=off".encode() in module_page  # no PDF in this preview, and the page says so
    assert pdf_status == 404


def test_pages_only_build_makes_no_pdf_and_says_so(tmp_path):
    site = copy_site("pdf-basic", tmp_path / "situs")
    os.environ["LINDUNGI_PDF"] = "off"
    try:
        result = build_site(site)
    finally:
        del os.environ["LINDUNGI_PDF"]
    assert result.returncode == 0, result.stderr[-2000:]
    assert not (site / "site" / "unduh").exists()
    page = (site / "site" / "modul" / "kenali-kekerasan" / "index.html").read_text(encoding="utf-8")
    assert "LINDUNGI_PDF=off" in page and "data-lp-pdf-pending" not in page


def test_a_normal_build_has_its_pdfs_and_no_note(tmp_path):
    site = copy_site("pdf-basic", tmp_path / "situs")
    result = build_site(site)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (site / "site" / "unduh" / "handout-kenali-kekerasan.pdf").is_file()
    page = (site / "site" / "modul" / "kenali-kekerasan" / "index.html").read_text(encoding="utf-8")
    assert "lp-pdf-note" not in page
    assert CONFIGURED in (site / "site" / "modul" / "kenali-kekerasan" / "handout.html").read_text(encoding="utf-8")


def test_dirty_build_rerenders_only_changed_generated_pages(tmp_path):
    """MkDocs re-renders every in-memory page under --dirty; ours are backed by files rewritten only on a change."""
    site = copy_site("pdf-basic", tmp_path / "situs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LINDUNGI_PDF": "off"}

    def dirty_build():
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty"], cwd=site, capture_output=True,
                                text=True, env=env, timeout=600)
        assert result.returncode == 0, result.stderr[-2000:]

    dirty_build()
    built = site / "site" / "modul"
    pages = {p: p.stat().st_mtime_ns for p in built.rglob("*.html")}
    session = sorted((site / "modules" / "kenali-kekerasan").glob("*.md"))[0]
    session.write_text(session.read_text(encoding="utf-8") + "\nKalimat baru untuk uji.\n", encoding="utf-8")
    dirty_build()
    changed = {p.relative_to(built).as_posix() for p, mtime in pages.items() if p.stat().st_mtime_ns != mtime}
    assert f"kenali-kekerasan/{session.stem}.html" in changed
    assert "Kalimat baru untuk uji." in (built / "kenali-kekerasan" / f"{session.stem}.html").read_text(encoding="utf-8")
    assert not {"rawat-diri/index.html", "rawat-diri/handout.html", "kenali-kekerasan/handout.html"} & changed, changed


def _fetch(server, path: str, timeout: float) -> tuple[int, bytes]:
    """Status and body, also of an error response (Server.get drops those bodies)."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(server.base + path, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


@pytest.mark.slow
def test_serve_shows_a_content_error_on_the_page_and_recovers(tmp_path):
    """Under `mkdocs serve` a content error is shown on the page itself, with its file:line and fix, without a hung
    request; after the fix the same address serves the page again."""
    import time

    site = copy_site("minimal", tmp_path / "situs")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "watch:\n  - modules\n", encoding="utf-8")  # as the real site
    session = site / "modules" / "contoh-modul" / "sesi-satu.md"
    page = "modul/contoh-modul/sesi-satu.html"
    with Server(site, env={"LINDUNGI_PDF": "off"}) as server:
        server.wait_for(page, timeout=300)
        text = session.read_text(encoding="utf-8")
        session.write_text(text.replace("::: trainer", "::: Trainer"), encoding="utf-8")
        deadline = time.monotonic() + 120
        status, body = 200, b""
        while time.monotonic() < deadline:
            started = time.monotonic()
            status, body = _fetch(server, page, timeout=30)  # a hung request would raise a timeout here
            assert time.monotonic() - started < 30
            if status == 500:
                break
            time.sleep(0.2)
        assert status == 500, server.text()[-3000:]
        html = body.decode("utf-8")
        assert "Situs belum bisa dibuat ulang" in html
        assert "modules/contoh-modul/sesi-satu.md:12: blok &#x27;Trainer&#x27; tidak dikenal" in html
        assert "Perbaikan: ganti dengan &#x27;trainer&#x27;" in html
        assert "livereload" in html  # the page comes back by itself once fixed
        assert _fetch(server, "assets/lindungi.css", timeout=30)[0] in (200, 404)  # other files do not hang either
        session.write_text(text, encoding="utf-8")
        server.wait_for(page, lambda body: b"Sesi satu" in body and b"data-lp-serve-error" not in body, timeout=120)
        assert "browser menampilkan masalahnya" in server.text()


def test_files_beside_sessions_are_published_with_the_module(tmp_path):
    """An image and a PDF beside a module's sessions are copied with its pages (learner and trainer views) and shown
    in the trainer's pack; `check` accepts them and names a mistyped one at its file:line."""
    import zlib
    import struct

    from helpers import problems_of

    site = copy_site("minimal", tmp_path / "situs")
    folder = site / "modules" / "contoh-modul"

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))
    (folder / "gambar").mkdir()
    (folder / "gambar" / "alur.png").write_bytes(png)
    (folder / "lembar-kerja.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    session = folder / "sesi-dua.md"
    body = session.read_text(encoding="utf-8")
    session.write_text(body + "\n![Alur rujukan](gambar/alur.png)\n\n[Lembar kerja](lembar-kerja.pdf)\n",
                       encoding="utf-8")
    assert problems_of(site) == []
    lines = len(session.read_text(encoding="utf-8").splitlines())
    session.write_text(session.read_text(encoding="utf-8").replace("gambar/alur.png", "gambar/Alur.png"),
                       encoding="utf-8")
    assert problems_of(site) == [
        f"modules/contoh-modul/sesi-dua.md:{lines - 2}: berkas 'gambar/Alur.png' yang ditautkan sesi ini tidak ada; "
        "seharusnya berkas modules/contoh-modul/gambar/Alur.png, ditemukan berkas itu tidak ada. Perbaikan: ganti "
        "dengan 'gambar/alur.png'. [linked-file-missing]"]
    session.write_text(session.read_text(encoding="utf-8").replace("gambar/Alur.png", "gambar/alur.png"),
                       encoding="utf-8")
    result = build_site(site)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    built = site / "site"
    for view in ("modul", "pelatih"):
        assert (built / view / "contoh-modul" / "gambar" / "alur.png").read_bytes() == png
        assert (built / view / "contoh-modul" / "lembar-kerja.pdf").is_file()
        assert 'src="gambar/alur.png"' in (built / view / "contoh-modul" / "sesi-dua.html").read_text(encoding="utf-8")
    guide = next(built.glob("pelatih/*/panduan-fasilitator.pdf"))
    images = [image for page in PdfReader(guide).pages for image in page.images]
    assert images, "the pack's facilitator guide shows the session's image"
    assert "Ringkasan: situs selesai dibuat" in result.stderr.splitlines()[-1]


def test_a_failed_build_ends_with_a_short_indonesian_summary(tmp_path):
    """The last lines before MkDocs' own one-line abort: counts, the first problem at its file:line, what to do."""
    site = copy_site("minimal", tmp_path / "situs")
    session = site / "modules" / "contoh-modul" / "sesi-satu.md"
    session.write_text(session.read_text(encoding="utf-8").replace("::: trainer", "::: Trainer"), encoding="utf-8")
    os.environ["LINDUNGI_PDF"] = "off"
    try:
        result = build_site(site)
    finally:
        del os.environ["LINDUNGI_PDF"]
    assert result.returncode != 0
    tail = [line for line in result.stderr.splitlines() if line.strip()][-3:]  # MkDocs logs our error's message
    assert tail[0].endswith("Ringkasan: situs TIDAK dibuat: 1 masalah (1 galat, 0 peringatan)."), tail
    assert tail[1].endswith("Masalah pertama: modules/contoh-modul/sesi-satu.md:12: blok 'Trainer' tidak dikenal; "
                            "seharusnya salah satu dari 'trainer', 'say', 'activity', 'roleplay', 'observer', 'case', "
                            "'answer', 'discussion', 'keypoint', 'safeguarding', 'adapt', 'local', 'referral', 'quiz', "
                            "ditemukan 'Trainer'. Perbaikan: ganti dengan 'trainer'. [unknown-block]"), tail
    assert "Yang perlu dilakukan:" in tail[2] and "make check" in tail[2]
    assert result.stdout.strip() == "Aborted with a BuildError!"  # MkDocs' own last line (on stdout)

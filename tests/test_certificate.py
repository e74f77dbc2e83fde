"""Certificates: JP from the agenda's session minutes, the verification code and its checking page, the error for a
workshop without JP, and (slow) the landscape PDF and the workbook a real trainer-kit build writes."""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from helpers import REPO, build_site, check_project, copy_site, problems_of
from lindungi.printing import certificate, documents
from lindungi.i18n.locales import strings

CODE = re.compile(r"^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$")


@pytest.fixture(scope="module")
def project():
    return check_project(REPO)


def test_default_workshop_jp_and_code(project):
    """885 minutes of sessions make 19 JP at 45 minutes (rounded down); the code is the first 12 hex digits of the
    SHA-256 of the text the checking page shows, and the script prints the same code."""
    workshop = project.workshops["pelatihan-staf-baru"]
    assert certificate.session_minutes(workshop) == 885
    assert certificate.jp(workshop, 45) == 19 and certificate.jp(workshop, 60) == 14
    text = certificate.canonical_text(workshop, project.settings)
    code = certificate.verification_code(workshop, project.settings)
    assert CODE.match(code)
    assert code.replace("-", "") == hashlib.sha256(text.encode()).hexdigest()[:12].upper()
    lines = text.splitlines()
    assert lines[0] == certificate.CODE_VERSION and text.endswith("\n")
    assert "penyelenggara: UPTD PPA Kabupaten Mojokerto" in lines and "jp: 19 (885 menit sesi, 1 JP = 45 menit)" in lines
    assert not any(line != line.strip() for line in lines), "a trailing space would be lost when the text is copied"
    script = subprocess.run([sys.executable, str(REPO / "scripts/certificate_code.py"), "workshops/pelatihan-staf-baru.yml"],
                            capture_output=True, text=True, timeout=120)
    assert script.returncode == 0 and script.stdout == code + "\n", script.stderr


def test_code_follows_the_content_and_dates(project):
    """Another date, title or session length gives another code; the same content gives the same code."""
    workshop = project.workshops["pelatihan-staf-baru"]
    settings = project.settings
    before = certificate.verification_code(workshop, settings)
    assert certificate.verification_code(workshop, settings) == before
    day = workshop.days[0]
    original = day.date
    try:
        day.date = original + _dt.timedelta(days=7)
        assert certificate.verification_code(workshop, settings) != before
    finally:
        day.date = original
    item = next(i for i in day.items if i.type == "session")
    minutes = item.minutes
    try:
        item.minutes = minutes + 15
        assert certificate.verification_code(workshop, settings) != before
    finally:
        item.minutes = minutes
    assert certificate.verification_code(workshop, settings) == before


def test_dates_in_indonesian(project):
    """One day, a run of days, and separate days, written with the weekday as the agenda writes them."""
    ui = strings("id")
    workshop = project.workshops["pelatihan-staf-baru"]
    assert certificate.date_text(workshop, ui) == "Senin, 11 Januari 2027 sampai dengan Rabu, 13 Januari 2027"
    days = workshop.days
    try:
        workshop.days = days[:1]
        assert certificate.date_text(workshop, ui) == "Senin, 11 Januari 2027"
        workshop.days = [days[0], days[2]]
        assert certificate.date_text(workshop, ui) == "Senin, 11 Januari 2027 dan Rabu, 13 Januari 2027"
    finally:
        workshop.days = days


def test_certificate_document_states_facts_and_no_name(project):
    """Title, dates, place, JP, organiser, three signature lines, a blank name line and the code; landscape A4."""
    ui = strings("id")
    workshop = project.workshops["pelatihan-staf-baru"]
    html = certificate.render_document(workshop, project.settings, ui)
    for needed in ("Pelatihan Dasar bagi Petugas Baru UPTD PPA", "Senin, 11 Januari 2027 sampai dengan Rabu, 13 Januari 2027",
                   "selama 19 jam pelajaran (JP; 1 JP = 45 menit).", "UPTD PPA Kabupaten Mojokerto",
                   certificate.verification_code(workshop, project.settings), "nama peserta", "size: A4 landscape"):
        assert needed in html, needed
    assert html.count('class="lp-cert__line"') == 3 and html.count('class="lp-cert__name"') == 1


def test_checking_page_lists_each_workshop(project):
    ui = strings("id")
    page = certificate.render_check_page(project, ui)
    workshop = project.workshops["pelatihan-staf-baru"]
    code = certificate.verification_code(workshop, project.settings)
    assert f"**{code}**" in page
    assert '<a href="paket-pelatihan-staf-baru/sertifikat.pdf" download>' in page
    text = certificate.canonical_text(workshop, project.settings)
    assert text.splitlines()[6] in page  # the hashed text is shown as it is
    assert "<code>python scripts/certificate_code.py workshops/&lt;id&gt;.yml</code>" in page


def test_jp_minutes_setting(tmp_path):
    """`extra.lindungi.jp_minutes` sets the minutes of one JP; out of range it is an error at its line."""
    root = copy_site("minimal", tmp_path / "site")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("    edition: trainer", "    edition: trainer\n    jp_minutes: 30"), encoding="utf-8")
    project = check_project(root)
    assert project.settings.jp_minutes == 30
    workshop = next(iter(project.workshops.values()))
    assert certificate.jp(workshop, 30) == certificate.session_minutes(workshop) // 30
    config.write_text(text.replace("    edition: trainer", "    edition: trainer\n    jp_minutes: 0"), encoding="utf-8")
    line = next(n for n, l in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if "jp_minutes" in l)
    assert any(p.startswith(f"mkdocs.yml:{line}:") and "jp_minutes" in p for p in problems_of(root)), problems_of(root)


NO_SESSIONS = """id: uji
title: Pelatihan uji
days:
  - date: 2027-01-11
    start: "08:00"
    items:
      - {type: opening, minutes: 30}
      - {type: break, minutes: 15}
"""


def test_workshop_without_sessions_is_an_error_in_the_trainer_kit(tmp_path):
    """No session, no JP: an error at the first day when certificates are made (the trainer kit), none otherwise;
    sessions shorter than one JP: a warning."""
    root = copy_site("minimal", tmp_path / "site")
    (root / "workshops/uji.yml").write_text(NO_SESSIONS, encoding="utf-8")
    expected = ("workshops/uji.yml:4: pelatihan ini tidak punya sesi, jadi sertifikatnya bernilai 0 JP; seharusnya "
                "acara sesi paling sedikit 45 menit (1 JP), ditemukan 0 menit. Perbaikan: tambahkan acara "
                "'{type: session, module: ..., session: ...}' ke agenda (lamanya dihitung dari langkah sesi). "
                "[certificate-no-jp]")
    assert expected in problems_of(root)
    assert ("workshops/uji.yml:4: this workshop has no sessions, so its certificate is worth 0 JP; expected session "
            "items of at least 45 minutes (1 JP), found 0 minutes. Fix: add '{type: session, module: ..., "
            "session: ...}' items to the agenda (their length comes from the session's steps). [certificate-no-jp]"
            ) in problems_of(root, "en")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("    edition: trainer", "    edition: trainer\n    jp_minutes: 120"), encoding="utf-8")
    one_session = NO_SESSIONS + "      - {type: session, module: contoh-modul, session: sesi-satu}\n"
    (root / "workshops/uji.yml").write_text(one_session, encoding="utf-8")
    project = check_project(root)
    minutes = certificate.session_minutes(project.workshops["uji"])
    assert 0 < minutes < 120
    assert (f"workshops/uji.yml:4: sesi pelatihan ini kurang dari 1 JP, jadi sertifikatnya menyatakan 0 JP; seharusnya "
            f"acara sesi paling sedikit 120 menit (1 JP), ditemukan {minutes} menit. Perbaikan: tambahkan sesi ke "
            f"agenda, atau jangan memakai sertifikat untuk pelatihan sependek ini. [certificate-short]") in problems_of(root)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("edition: trainer", "edition: public"), encoding="utf-8")
    assert not any("certificate-no-jp" in p for p in problems_of(root))


@pytest.mark.slow
def test_trainer_kit_build_writes_certificate_and_workbook(tmp_path):
    """A real strict build: the certificate is one landscape A4 page with the workshop's facts and code, the workbook
    is beside the pack, and the trainers' page links both and the checking page."""
    import openpyxl

    root = copy_site("pdf-basic", tmp_path / "src")
    result = build_site(root, root / "site")
    assert result.returncode == 0, result.stderr
    project = check_project(root)
    workshop = project.workshops["lokakarya"]
    site = root / "site"
    reader = PdfReader(site / certificate.pdf_path(workshop))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape, in points
    text = " ".join(reader.pages[0].extract_text().split())
    jp = certificate.jp(workshop, 45)
    assert jp > 0
    for needed in ("Lokakarya uji", f"selama {jp} jam pelajaran", project.settings.organisation,
                   certificate.verification_code(workshop, project.settings), "nama peserta", "Aula uji"):
        assert needed in text, (needed, text)
    assert "Halaman" not in text
    assert reader.metadata.title.startswith("Sertifikat: Lokakarya uji")
    workbook = openpyxl.load_workbook(site / "pelatih/paket-lokakarya/rekap-nilai.xlsx")
    assert workbook.sheetnames == ["Petunjuk", "Kunci", "Jawaban", "Skor butir", "Nilai", "Analisis butir"]
    trainers = (site / "pelatih/index.html").read_text(encoding="utf-8")
    assert 'href="paket-lokakarya/sertifikat.pdf"' in trainers
    assert 'href="paket-lokakarya/rekap-nilai.xlsx"' in trainers
    assert 'href="sertifikat.html"' in trainers
    check = (site / "pelatih/sertifikat.html").read_text(encoding="utf-8")
    assert certificate.verification_code(workshop, project.settings) in check
    combined = PdfReader(site / documents.pack_path(workshop))   # the certificate never enters the combined pack
    titles = [item.title for item in combined.outline if not isinstance(item, list)]
    assert titles and not [title for title in titles if title.lower().startswith("sertifikat")]
    assert not [page for page in combined.pages if "Kode verifikasi" in (page.extract_text() or "")]


@pytest.mark.slow
def test_longest_title_with_logo_and_office_stays_on_one_page(tmp_path, monkeypatch):
    """The worst case the schema allows (a 200-character title), the region's logo and a long office name: still one
    landscape page."""
    import dataclasses

    from lindungi.printing import pdf

    monkeypatch.setenv("LINDUNGI_REGION", "contoh")  # the example region has a logo
    project = check_project(REPO)
    assert project.settings.logo_uri
    office = ("Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana "
              "Kabupaten Contoh")
    settings = dataclasses.replace(project.settings, area=dataclasses.replace(project.settings.area, office=office))
    workshop = dataclasses.replace(project.workshops["pelatihan-staf-baru"], title=("Pelatihan panjang " * 12)[:200])
    html = certificate.render_document(workshop, settings, strings("id"))
    assert office in html
    _data, pages = pdf.render_pdf(html)
    assert pages == 1


@pytest.mark.slow
def test_certificate_longer_than_a_page_is_a_warning(tmp_path):
    """The longest title, place and organisation the schemas allow together spill onto a second page: the build warns
    at the workshop file (and --strict fails)."""
    root = copy_site("minimal", tmp_path / "src")
    workshop = root / "workshops/uji.yml"
    text = workshop.read_text(encoding="utf-8")
    workshop.write_text(text.replace("title: Pelatihan uji", f"title: {('Judul panjang ' * 20)[:200].strip()}\n"
                                                            f"place: {('Tempat panjang ' * 20)[:200].strip()}"),
                        encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("organisation: Lembaga Uji",
                                                                 f"organisation: {('Lembaga ' * 25).strip()}"),
                      encoding="utf-8")
    result = build_site(root, root / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert ("WARNING -  workshops/uji.yml:1: sertifikat 'pelatih/paket-uji/sertifikat.pdf' tidak muat di satu halaman; "
            "seharusnya 1 halaman A4 melintang, ditemukan 2 halaman. Perbaikan: persingkat 'title' atau 'place' "
            "pelatihan ini, atau 'office' di region.yml. [certificate-overflow]") in result.stderr, result.stderr

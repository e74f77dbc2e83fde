"""The pack's content model: worksheets, sub-steps with clock times, counted materials, community audiences and
module licences, each with its checks (whole message lines) and where trainers and participants see it."""

from __future__ import annotations

import pytest

from helpers import REPO, copy_site, problems_of
from lindungi.content import licences, pages
from lindungi.printing import pack
from lindungi.engine.checking import check_project
from lindungi.i18n.locales import strings
from lindungi.content.workshop import step_rows

UI = strings("id")
BENTUK = "modules/kenali-kekerasan/bentuk-kekerasan.md"
RUJUKAN = "modules/kenali-kekerasan/rujukan.md"
RAWAT = "modules/rawat-diri/rawat-diri.md"
KENALI = "modules/kenali-kekerasan/module.yml"
SHEET = "modules/kenali-kekerasan/lembar/skenario-rujukan.md"
WORKSHOP = "workshops/lokakarya.yml"


def _edit(root, rel, old, new):
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """pdf-basic with a scenario worksheet, sub-steps, a linked heading, counted materials and a community group."""
    root = copy_site("pdf-basic", tmp_path_factory.mktemp("model") / "site")
    (root / SHEET).parent.mkdir()
    (root / SHEET).write_text("---\ntitle: Lembar skenario rujukan\nper: kelompok\ncopies: 2\n---\n"
                              "## Skenario 1\n\nSeorang ibu datang ke puskesmas. LEMBAR-ISI-PESERTA.\n", encoding="utf-8")
    _edit(root, RUJUKAN, "materials: [lembar alur rujukan]}",
          "materials: [lembar alur rujukan, {item: Kertas  Plano, quantity: 1, unit: lembar, per: kelompok}],"
          " steps: [{title: Membaca skenario, minutes: 10}, {title: Menyusun alur, minutes: 10}]}\n"
          "worksheets: [skenario-rujukan]")
    _edit(root, BENTUK, "materials: [kertas plano, spidol]}",
          "materials: [{item: kertas plano, quantity: 2, unit: lembar, per: kelompok}, spidol],"
          " heading: Curah pendapat}")
    _edit(root, BENTUK, "Ada empat bentuk", "## Curah pendapat\n\nAda empat bentuk")
    _edit(root, RAWAT, "materials: [musik tenang]", "materials: [musik tenang, {item: pulpen, quantity: 1, unit: buah, per: peserta}]")
    _edit(root, KENALI, "audience: [konselor, publik]",
          "audience: [konselor, publik, {group: remaja, min_age: 13, max_age: 17, note: kelompok laki-laki dan "
          "perempuan dipisah}]")
    return root


@pytest.fixture(scope="module")
def project(site):
    return check_project(site)


@pytest.fixture(scope="module")
def docs(project):
    return {d.slug: d for d in pack.pack_documents(project.workshops["lokakarya"], project, UI)}


def test_the_changed_site_is_valid(project):
    assert [p.format() for p in project.problems] == []


# --- 2. worksheets ---------------------------------------------------------------------------------------------------

def test_worksheet_is_its_own_sheet_in_the_pack(docs):
    """The worksheet is a pack document of its own, after the tests and before the materials list, with its text."""
    slugs = list(docs)
    assert slugs.index("tes-akhir-b-tes-kenali") < slugs.index("lembar-kenali-kekerasan-skenario-rujukan") \
        < slugs.index("daftar-bahan")
    sheet = docs["lembar-kenali-kekerasan-skenario-rujukan"].html
    assert "LEMBAR-ISI-PESERTA" in sheet and "Lembar skenario rujukan" in sheet and "Rujukan yang aman" in sheet


def test_materials_list_counts_worksheet_copies(docs):
    """Two copies for each of the 3 groups (12 participants, one group for every 5)."""
    html = docs["daftar-bahan"].html
    assert "<td>Lembar kerja: Lembar skenario rujukan</td><td>6 salinan (2 untuk setiap kelompok)</td>" in html


def test_session_pages_link_the_worksheet_page(project):
    module = project.modules["kenali-kekerasan"]
    session = next(s for s in module.sessions if s.id == "rujukan")
    learner = pages.render_session(session, module, project, UI, trainer=False)
    trainer = pages.render_session(session, module, project, UI, trainer=True)
    assert "**Lembar kerja peserta:** [Lembar skenario rujukan](lembar/skenario-rujukan.md)" in learner
    assert "[Lembar skenario rujukan](../../modul/kenali-kekerasan/lembar/skenario-rujukan.md)" in trainer
    generated = pages.generate_pages(project, UI)
    page = generated["modul/kenali-kekerasan/lembar/skenario-rujukan.md"]
    assert page.startswith("# Lembar skenario rujukan") and "[Rujukan yang aman](../rujukan.md)" in page


def test_missing_worksheet_is_an_error_with_its_file_and_line(tmp_path):
    root = copy_site("minimal", tmp_path / "site")
    _edit(root, "modules/contoh-modul/sesi-satu.md", "title: Sesi satu", "title: Sesi satu\nworksheets: [skenario]")
    assert problems_of(root) == [
        "modules/contoh-modul/sesi-satu.md:3: lembar kerja 'skenario' tidak ditemukan; seharusnya berkas "
        "'modules/contoh-modul/lembar/skenario.md', ditemukan lembar yang ada: -. Perbaikan: buat berkas itu (bagian "
        "depan dengan 'title', lalu isi lembarnya) atau perbaiki namanya. [worksheet-missing]"]


def test_sample_content_has_a_worksheet_in_the_default_pack():
    project = check_project(REPO)
    workshop = project.workshops["pelatihan-staf-baru"]
    sheets = [sheet.id for sheet, _ in pack.workshop_worksheets(workshop, project)]
    assert sheets == ["rencana-perawatan-diri"]
    assert "lembar rencana perawatan diri" not in pack.materials(workshop, project)  # the sheet replaces the text item


# --- 3. finer timing ----------------------------------------------------------------------------------------------

def test_step_rows_give_clock_times_for_steps_and_sub_steps(project):
    session = next(s for s in project.modules["kenali-kekerasan"].sessions if s.id == "rujukan")
    rows = [(r.number, r.step.title, r.start, r.end) for r in step_rows(session, "11:40")]
    assert rows == [("1", "Ceramah singkat", "11:40", "12:00"), ("2", "Latihan rujukan", "12:00", "12:25"),
                    ("2.1", "Membaca skenario", "12:00", "12:10"), ("2.2", "Menyusun alur", "12:10", "12:20")]
    assert [(r.start, r.end) for r in step_rows(session)][:2] == [("0", "20"), ("20", "45")]


def test_guide_and_trainer_view_show_clock_times_per_step(project, docs):
    """The guide counts from the session's agenda time (rujukan starts at 11.25, after the lunch break)."""
    guide = docs["panduan-fasilitator"].html
    assert "<td>11.45–11.55</td><td>↳ 2.1 Membaca skenario</td>" in guide
    module = project.modules["kenali-kekerasan"]
    session = next(s for s in module.sessions if s.id == "rujukan")
    trainer = pages.render_session(session, module, project, UI, trainer=True)
    assert "Jam menurut agenda Lokakarya uji, hari 1." in trainer
    assert ('<td data-label="Jam">11.45–11.55</td><th scope="row" data-label="Langkah">↳ Membaca skenario</th>'
            '<td data-label="Lama">10 menit</td>') in trainer


def test_sub_steps_longer_than_their_step_are_an_error(tmp_path):
    root = copy_site("minimal", tmp_path / "site")
    _edit(root, "modules/contoh-modul/sesi-satu.md", "method: diskusi, materials: [kertas plano]}",
          "method: diskusi, materials: [kertas plano], steps: [{title: Menulis, minutes: 15}, "
          "{title: Berbagi, minutes: 10}]}")
    assert problems_of(root) == [
        "modules/contoh-modul/sesi-satu.md:6: bagian-bagian langkah 'Diskusi' lebih lama dari langkahnya; seharusnya "
        "paling lama 20 menit ('minutes' langkah itu), ditemukan 25 menit. Perbaikan: perpendek bagian langkah, atau "
        "naikkan 'minutes' langkah itu. [substeps-exceed]"]


def test_a_step_heading_must_name_a_heading_of_the_body(tmp_path):
    root = copy_site("minimal", tmp_path / "site")
    _edit(root, "modules/contoh-modul/sesi-satu.md", "method: ceramah}", "method: ceramah, heading: Isi peserta}")
    assert problems_of(root) == [
        "modules/contoh-modul/sesi-satu.md:5: 'heading' langkah 'Isi peserta' tidak menyebut judul '##' di teks sesi; "
        "seharusnya salah satu dari 'Isi untuk peserta', ditemukan 'Isi peserta'. Perbaikan: ganti dengan "
        "'Isi untuk peserta'. [step-heading-unknown]"]


def test_headings_in_code_do_not_count(tmp_path):
    root = copy_site("minimal", tmp_path / "site")
    _edit(root, "modules/contoh-modul/sesi-satu.md", "method: ceramah}", "method: ceramah, heading: Dalam kode}")
    _edit(root, "modules/contoh-modul/sesi-satu.md", "Teks peserta.", "Teks peserta.\n\n```\n## Dalam kode\n```")
    assert [p for p in problems_of(root) if p.endswith("[step-heading-unknown]")]


# --- 4. materials -------------------------------------------------------------------------------------------------

def test_materials_are_merged_by_item_and_summed(project):
    """kertas plano: 2 per group in one session and 1 per group in another (written 'Kertas  Plano'), for 3 groups:
    9 sheets, one line, both sessions; pulpen: 1 per participant, 12; text items have no count."""
    lines = {line.item: line for line in pack.material_lines(project.workshops["lokakarya"], project)}
    plano = lines["kertas plano"]
    assert (plano.total, plano.units, plano.sessions) == (9, ["lembar"], ["Bentuk-bentuk kekerasan", "Rujukan yang aman"])
    assert (lines["pulpen"].total, lines["pulpen"].units) == (12, ["buah"])
    assert lines["proyektor"].total is None and lines["spidol"].total is None
    assert "Kertas  Plano" not in lines and "Kertas Plano" not in lines


def test_materials_list_shows_count_unit_and_sessions(docs):
    html = docs["daftar-bahan"].html
    assert ("<td>kertas plano</td><td>9 lembar</td><td>Bentuk-bentuk kekerasan, Rujukan yang aman</td>" in html)
    assert "Jumlah dihitung untuk 12 peserta dan 3 kelompok." in html


def test_rtl_and_evaluation_forms_only_when_the_agenda_has_them(site, tmp_path):
    root = copy_site("pdf-basic", tmp_path / "site")
    _edit(root, WORKSHOP, "      - {type: rtl, minutes: 30}\n", "")
    _edit(root, WORKSHOP, "      - {type: evaluation, minutes: 15}\n", "")
    project = check_project(root)
    docs = {d.slug: d for d in pack.pack_documents(project.workshops["lokakarya"], project, UI)}
    assert "rtl" not in docs and "evaluasi" not in docs
    html = docs["daftar-bahan"].html
    assert UI["pack_rtl"] not in html and UI["pack_evaluation"] not in html and UI["pack_attendance"] in html


def test_unknown_unit_is_an_error_with_a_fix(tmp_path):
    root = copy_site("minimal", tmp_path / "site")
    _edit(root, "modules/contoh-modul/sesi-satu.md", "materials: [kertas plano]",
          "materials: [{item: kertas plano, quantity: 2, unit: lembr}]")
    assert problems_of(root) == [
        "modules/contoh-modul/sesi-satu.md:6: nilai 'steps[2].materials[1].unit' tidak dikenal; seharusnya salah satu "
        "dari 'lembar', 'buah', 'set', 'pak', 'rim', 'gulung', 'kotak', 'salinan', ditemukan 'lembr'. Perbaikan: "
        "ganti dengan 'lembar'. [bad-choice]"]


# --- 5. audiences -------------------------------------------------------------------------------------------------

def test_community_audience_with_ages_on_the_module_page_and_in_the_guide(project, docs):
    module = project.modules["kenali-kekerasan"]
    text = "Konselor, Masyarakat umum, Remaja (13–17 tahun; kelompok laki-laki dan perempuan dipisah)"
    assert pages.audience_text(module, UI) == text
    assert text in pages.render_module(module, project, UI)
    assert f"Peserta: {text}" in docs["panduan-fasilitator"].html
    assert module.audience == ("konselor", "publik", "remaja")


def test_reversed_age_range_is_an_error(tmp_path):
    root = copy_site("minimal", tmp_path / "site")
    _edit(root, "modules/contoh-modul/module.yml", "audience: [konselor, publik]",
          "audience: [konselor, {group: remaja, min_age: 17, max_age: 13}]")
    assert problems_of(root) == [
        "modules/contoh-modul/module.yml:4: rentang usia peserta 'remaja' terbalik; seharusnya min_age tidak lebih "
        "besar dari max_age, ditemukan 17-13. Perbaikan: tukar kedua angka itu. [audience-age-order]"]


# --- 6. licences --------------------------------------------------------------------------------------------------

def test_sample_modules_built_on_who_material_carry_its_licence():
    project = check_project(REPO)
    for module_id in ("dukungan-awal", "kerahasiaan-persetujuan", "layanan-kesehatan-kekerasan-seksual",
                      "memahami-kekerasan", "merawat-diri"):
        module = project.modules[module_id]
        assert licences.module_licence(module, project.settings) == "CC BY-NC-SA 3.0 IGO", module_id
        assert "CC BY-NC-SA 3.0 IGO</p>" in pages.render_module(module, project, UI)
    assert licences.module_licence(project.modules["layanan-uptd-ppa"], project.settings) == "CC BY-SA 4.0"
    assert not [p for p in project.problems if p.rule.startswith("licence-")]


def test_licence_is_derived_from_a_non_commercial_source(tmp_path):
    root = copy_site("minimal", tmp_path / "site")
    _edit(root, "modules/contoh-modul/module.yml", "use: cited,", "licence: CC BY-NC-SA 3.0 IGO,")
    project = check_project(root)
    assert [p.format() for p in project.problems] == []
    module = project.modules["contoh-modul"]
    assert licences.module_licence(module, project.settings) == "CC BY-NC-SA 3.0 IGO"
    assert "Lembaga Uji · CC BY-NC-SA 3.0 IGO</p>" in pages.render_module(module, project, UI)


def test_a_licence_claiming_commercial_use_over_a_non_commercial_source_warns(tmp_path):
    root = copy_site("minimal", tmp_path / "site")
    _edit(root, "modules/contoh-modul/module.yml", "use: cited,", "licence: CC BY-NC-SA 3.0 IGO,")
    _edit(root, "modules/contoh-modul/module.yml", "reviewed:", "licence: CC BY-SA 4.0\nreviewed:")
    assert problems_of(root) == [
        "modules/contoh-modul/module.yml:21: sumber ini berlisensi nonkomersial (CC BY-NC-SA 3.0 IGO), tetapi modul "
        "memakai lisensi CC BY-SA 4.0 yang mengizinkan pemakaian komersial; seharusnya lisensi modul sama dengan "
        "lisensi sumber yang diadaptasi. Perbaikan: hapus 'licence' modul agar lisensinya diturunkan dari sumber, tulis "
        "'licence: CC BY-NC-SA 3.0 IGO' di module.yml, atau tulis 'use: cited' bila teks modul tidak diadaptasi dari "
        "sumber ini. [licence-source-noncommercial]"]


def test_an_adapted_source_of_unknown_licence_warns(tmp_path):
    root = copy_site("minimal", tmp_path / "site")
    _edit(root, "modules/contoh-modul/module.yml", "use: cited, ", "")
    project = check_project(root)
    assert [(p.rule, p.line, p.severity) for p in project.problems] == [("licence-source-unknown", 21, "warning")]


@pytest.mark.parametrize("text, known, noncommercial", [
    ("CC BY-NC-SA 3.0 IGO", True, True), ("CC BY-SA 4.0", True, False), ("Creative Commons Attribution-NonCommercial 4.0",
    True, True), ("CC0", True, False), ("domain publik", True, False), ("Hak cipta dilindungi", False, False), ("", False, False)])
def test_licence_names_are_read(text, known, noncommercial):
    assert (licences.is_known(text), licences.is_noncommercial(text)) == (known, noncommercial)

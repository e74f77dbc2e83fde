"""The trainer's pack documents of a workshop, as HTML, without a MkDocs build."""

import dataclasses
import html
import re

import pytest

from helpers import REPO, SITES
from lindungi.printing import documents, pack
from lindungi.quiz import quizrender
from lindungi.engine.checking import check_project
from lindungi.i18n.locales import strings

KEY_ONLY = ("PENJELASAN-KUNCI", "PENJELASAN-MITOS", "JAWABAN-SINGKAT-PERSETUJUAN", "UMPAN-BALIK-BENAR")


@pytest.fixture(scope="module")
def project():
    return check_project(SITES / "pdf-basic")


@pytest.fixture(scope="module")
def docs(project):
    """The pack documents of the 'lokakarya' workshop, by slug."""
    return {d.slug: d for d in pack.pack_documents(project.workshops["lokakarya"], project, strings("id"))}


def test_pack_has_every_document_in_order(docs):
    """Agenda, guide, pre/post test sheets, materials, attendance, RTL, evaluation; the answer key stays out."""
    assert list(docs) == ["agenda", "panduan-fasilitator", "tes-awal-a-tes-kenali", "tes-akhir-b-tes-kenali", "daftar-bahan",
                          "daftar-hadir", "rtl", "evaluasi", "kunci-jawaban"]
    assert [slug for slug, d in docs.items() if not d.in_pack] == ["kunci-jawaban"]


def test_agenda_shows_computed_clock_times(docs):
    """Clock times come from the workshop start and the sessions' summed steps (80 minutes from 09.05, written the EYD way)."""
    html = docs["agenda"].html
    assert "08.00–08.30" in html and "09.05–10.25" in html and "Bentuk-bentuk kekerasan" in html
    assert "08.30–09.15" in html  # day 2 starts at 08:30 with the 45-minute self-care session


def test_agenda_dates_and_times_follow_the_language(project):
    """Indonesian writes "Senin, 11 Januari 2027" and "09.05" (EYD); English "Monday, 11 January 2027" and "09:05"."""
    english = {d.slug: d for d in pack.pack_documents(project.workshops["lokakarya"], project, strings("en"))}
    indonesian = pack.pack_documents(project.workshops["lokakarya"], project, strings("id"))[0].html
    assert "Hari 1 · Senin, 11 Januari 2027" in indonesian and "Hari 2 · Selasa, 12 Januari 2027" in indonesian
    assert "Day 1 · Monday, 11 January 2027" in english["agenda"].html and "09:05–10:25" in english["agenda"].html


def test_guide_holds_trainer_material_in_agenda_order(docs):
    """The facilitator guide holds read-aloud text, trainer notes, observer checklists and answer guides in order."""
    html = docs["panduan-fasilitator"].html
    markers = ["DIBACAKAN-PELATIH", "CATATAN-PELATIH", "PERIKSA-PENGAMAT", "PANDUAN-JAWABAN-KASUS",
               "Menyusun alur rujukan", "Merawat diri"]
    positions = [html.index(m) for m in markers]
    assert positions == sorted(positions)


def test_test_sheets_hold_no_answers(docs):
    """Test sheets show questions and an answer sheet but no correct answers, explanations or feedback."""
    for slug in ("tes-awal-a-tes-kenali", "tes-akhir-b-tes-kenali"):
        html = docs[slug].html
        assert "Lembar jawaban" in html
        assert not any(marker in html for marker in KEY_ONLY), slug
    assert "Korban sering dianggap" in docs["tes-awal-a-tes-kenali"].html        # form A only
    assert "Urutkan langkah rujukan" in docs["tes-akhir-b-tes-kenali"].html      # form B only
    assert "Urutkan langkah rujukan" not in docs["tes-awal-a-tes-kenali"].html


def test_answer_key_holds_answers_of_both_forms(docs):
    """The separate answer key gives letters, orders, pairs and explanations for forms A and B."""
    html = docs["kunci-jawaban"].html
    assert "Paket soal A" in html and "Paket soal B" in html
    assert all(marker in html for marker in KEY_ONLY[:3])


def test_ordering_and_matching_are_scrambled_on_paper(project):
    """Paper ordering items and matching answers never appear in their correct order; the key maps them back."""
    bank = project.quizzes["tes-kenali"]
    views = {v.q.id: v for v in quizrender.question_views(bank)}
    ordering = views["urutan"]
    assert [item.id for _, item in ordering.numbered] != ["dengar", "aman", "rujuk"]
    shown = {item.id: n for n, item in ordering.numbered}
    assert ordering.key_text == ", ".join(str(shown[i]) for i in ("dengar", "aman", "rujuk"))
    matching = views["pasangan"]
    assert [p.id for p in matching.rights] != ["sapa", "darurat"]


def test_true_false_on_paper_is_benar_salah_by_default(docs):
    """A professional bank's true_false statement asks for B (benar) or S (salah), and the key says "S (Salah)"."""
    assert "Tulis B (benar) atau S (salah)." in docs["tes-awal-a-tes-kenali"].html
    assert "(mitos)" not in docs["tes-awal-a-tes-kenali"].html
    assert "<strong>S (Salah)</strong>" in docs["kunci-jawaban"].html


def test_true_false_on_paper_follows_a_fakta_mitos_bank(project):
    """A bank with `true_false_labels: fakta-mitos` asks for F (fakta) or M (mitos); the English pack says T/F."""
    bank = project.quizzes["tes-kenali"]
    myth_bank = dataclasses.replace(bank, true_false_labels="fakta-mitos")
    myth_project = dataclasses.replace(project, quizzes={**project.quizzes, bank.id: myth_bank})
    workshop = project.workshops["lokakarya"]
    myth = {d.slug: d.html for d in pack.pack_documents(workshop, myth_project, strings("id"))}
    assert "Tulis F (fakta) atau M (mitos)." in myth["tes-awal-a-tes-kenali"]
    assert "<strong>M (Mitos)</strong>" in myth["kunci-jawaban"]
    english = {d.slug: d.html for d in pack.pack_documents(workshop, project, strings("en"))}
    assert "Write T (true) or F (false)." in english["tes-awal-a-tes-kenali"]
    assert "<strong>F (False)</strong>" in english["kunci-jawaban"]


def test_attendance_has_blank_rows_only(docs, project):
    """The attendance sheet has participants + 5 numbered blank rows and one signature column per day."""
    html = docs["daftar-hadir"].html
    assert html.count("<tr><td>") == 12 + pack.SPARE_ROWS
    assert html.count("Tanda tangan") == 2


def test_materials_checklist_collects_session_and_step_materials(docs):
    """Materials from sessions and steps appear once each, plus handout and test-sheet copies."""
    html = docs["daftar-bahan"].html
    for name in ("proyektor", "kertas plano", "spidol", "kartu peran", "lembar alur rujukan", "musik tenang"):
        assert html.count(f"<td>{name}</td>") == 1, name
    assert "12 salinan untuk setiap peserta" in html


def test_pdf_jobs_and_combined_pack(project):
    """One job per handout and pack document, and the combined pack as one more document (no merge): cover, contents,
    agenda, guide, the handouts, the tests and forms, never the answer key."""
    jobs, merges = documents.pdf_jobs(project, strings("id"), False)
    outs = [job.out for job in jobs]
    assert outs[:2] == ["unduh/handout-kenali-kekerasan.pdf", "unduh/handout-rawat-diri.pdf"]
    assert "pelatih/paket-lokakarya/kunci-jawaban.pdf" in outs
    assert merges == []
    combined = next(job.html for job in jobs if job.out == "pelatih/paket-lokakarya.pdf")
    parts = re.findall(r'<section class="lp-part" id="([^"]+)"', combined)
    assert parts == ["agenda", "panduan-fasilitator", "handout-1", "handout-2", "tes-awal-a-tes-kenali",
                     "tes-akhir-b-tes-kenali", "daftar-bahan", "daftar-hadir", "rtl", "evaluasi"]
    assert combined.index('class="lp-cover"') < combined.index('class="lp-contents"') < combined.index('id="agenda"')
    assert "PESAN-KUNCI-SATU" in combined and "PENJELASAN-KUNCI" not in combined
    assert [f'href="#{part}"' in combined for part in parts] == [True] * len(parts)  # every part in the contents


def test_trainers_page_lists_agenda_and_pack_links(project):
    """The trainers' page shows each agenda with clock times and links to the combined pack and handouts."""
    page = documents.render_trainers_page(project, strings("id"))
    assert "| 09.05–10.25 | Bentuk-bentuk kekerasan | 80 |" in page
    assert '<a href="paket-lokakarya.pdf" download>' in page
    assert '<a href="paket-lokakarya/kunci-jawaban.pdf" download>' in page
    assert '<a href="../unduh/handout-rawat-diri.pdf" download>' in page


def test_two_banks_with_the_same_form_get_their_own_sheets():
    """The default workshop has two pre-tests with form A (two modules): each gets its own file and title."""
    project = check_project(REPO)
    tests = [d for d in pack.pack_documents(project.workshops["pelatihan-staf-baru"], project, strings("id"))
             if d.slug.startswith("tes-")]
    assert [d.slug for d in tests] == [
        "tes-awal-a-memahami-kekerasan-prepost", "tes-awal-a-layanan-uptd-ppa-prepost",
        "tes-akhir-b-memahami-kekerasan-prepost", "tes-akhir-b-layanan-uptd-ppa-prepost"]
    assert len({d.title for d in tests}) == 4
    for d in tests:
        bank = project.quizzes[d.slug.split("-", 3)[3]]
        form = d.slug.split("-")[2].upper()
        text = html.unescape(re.sub(r"<[^>]+>", "", d.html))
        assert [q.id for q in bank.for_form(form) if q.prompt not in text] == [], d.slug


def test_outline_lists_the_documents_without_rendering(docs, project):
    """The trainers' page lists the pack from the outline: the same files and titles, in the same order."""
    outline = pack.pack_outline(project.workshops["lokakarya"], project, strings("id"))
    assert outline == [(d.slug, d.title) for d in docs.values()]


def test_agenda_rows_name_the_module_of_each_test(project):
    """A test item says which module's test it is and which form, so two pre-tests on one day are told apart; a bank
    that no module names shows its own title."""
    workshop = project.workshops["lokakarya"]
    titles = [label for _, _, items in pack.agenda_days(workshop, project, strings("id")) for item, label in items
              if item.type in ("pre_test", "post_test")]
    assert titles == ["Tes awal: Mengenali bentuk kekerasan · Paket soal A",
                      "Tes akhir: Mengenali bentuk kekerasan · Paket soal B"]
    default = check_project(REPO)
    staff = default.workshops["pelatihan-staf-baru"]
    titles = [label for _, _, items in pack.agenda_days(staff, default, strings("id")) for item, label in items
              if item.type == "pre_test"]
    assert len(titles) == len(set(titles)) == 2
    orphan = dataclasses.replace(project, modules={k: dataclasses.replace(m, pre_post=None)
                                                   for k, m in project.modules.items()})
    assert pack.test_subject(orphan, "tes-kenali") == project.quizzes["tes-kenali"].title


def test_materials_column_is_headed_as_materials(docs):
    assert "<th>Bahan</th>" in docs["daftar-bahan"].html and "<th>Acara</th>" not in docs["daftar-bahan"].html


def _column_mm(html_text: str, header: str) -> float:
    """The width (mm) the form's HTML gives the column headed `header` (the widths include padding and border)."""
    found = re.search(rf'<th style="width: ([\d.]+)mm">{re.escape(header)}</th>', html_text)
    assert found, header
    return float(found.group(1))


def test_form_columns_are_wide_enough_to_write_in(docs, project):
    """The attendance name column takes at least 60 mm, the action plan's 'Kapan' at least 25 mm; the columns fill
    the text width of the page (portrait up to two days, landscape beyond)."""
    attendance = docs["daftar-hadir"].html
    assert _column_mm(attendance, "Nama") >= 60
    widths = [float(w) for w in re.findall(r'<th style="width: ([\d.]+)mm">', attendance)]
    assert abs(sum(widths) - pack.TEXT_WIDTH_MM["portrait"]) < 1 and "lp-participant lp-landscape" not in attendance
    three_days = dataclasses.replace(project.workshops["lokakarya"], days=project.workshops["lokakarya"].days * 2)
    wide = pack.attendance_columns(three_days)
    assert wide["landscape"] and wide["mm"]["name"] >= 60 and wide["sign_mm"] >= 30
    rtl = docs["rtl"].html
    assert _column_mm(rtl, "Kapan") >= 25
    assert rtl.count('<tr class="lp-fill">') == pack.RTL_ROWS >= 10


def test_participant_documents_are_marked_for_11_pt(docs):
    """Test sheets and forms are set in the 11 pt participant style (measured in the PDFs by test_pack_print)."""
    for slug in ("tes-awal-a-tes-kenali", "tes-akhir-b-tes-kenali", "daftar-hadir", "rtl", "evaluasi"):
        assert '<div class="lp-participant' in docs[slug].html, slug
    assert '<div class="lp-participant' not in docs["panduan-fasilitator"].html


def test_footer_names_are_cut_to_one_line():
    """A long document name is cut with an ellipsis; a short one is left alone."""
    assert pack.footer_text("Agenda · Lokakarya") == "Agenda · Lokakarya"
    long = pack.footer_text("Tes awal · Paket soal A · " + "sangat panjang " * 10)
    assert len(long) <= pack.FOOTER_CHARS and long.endswith("…")


def test_combined_pack_has_title_and_language(project):
    """WeasyPrint writes the PDF's Title from <title> and its /Lang from <html lang>."""
    jobs, _ = documents.pdf_jobs(project, strings("id"), False)
    combined = next(job.html for job in jobs if job.out == "pelatih/paket-lokakarya.pdf")
    assert '<html lang="id">' in combined
    assert f"<title>Paket pelatih: {html.escape(project.workshops['lokakarya'].title)}</title>" in combined

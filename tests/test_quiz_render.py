"""The quiz renderer, the Markdown extension, short-answer normalising, content hashes and the Moodle exports.

Golden files: tests/golden/quiz/*.html; regenerate with `LPQ_UPDATE_GOLDEN=1 pytest tests/test_quiz_render.py`.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import markdown
import pytest
from hypothesis import given, strategies as st

from lindungi.quiz import quizbank, quizexport, quizrender
from lindungi.engine.checking import check_project
from lindungi.i18n.locales import strings
from lindungi.quiz.quizext import QuizExtension
from lindungi.quiz.quizpages import storage_for, trainer_files, trainer_index

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden" / "quiz"
SITE = REPO / "tests" / "sites" / "quiz-all-types"


@pytest.fixture(scope="module")
def project():
    project = check_project(SITE)
    assert [p for p in project.problems if p.severity == "error"] == []
    return project


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("LPQ_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("bank,storage", [("kuis-semua", "opt_in"), ("kuis-semua", "none"), ("kuis-jahat", "none")])
def test_quiz_html_matches_golden(project, bank, storage):
    """The interactive quiz of each sample bank renders exactly as its golden file."""
    _golden(f"{bank}-{storage}.html", quizrender.render_quiz(project.quizzes[bank], strings("id"), storage) + "\n")


@pytest.mark.parametrize("form,key", [("A", False), ("A", True), ("B", False), ("B", True)])
def test_sheets_match_golden(project, form, key):
    """Pre/post worksheets and answer keys of forms A and B render exactly as their golden files."""
    bank = project.quizzes["kuis-prepost"]
    _golden(quizrender.sheet_name(bank.id, form, key), quizrender.render_sheet(bank, strings("id"), form, key, "Org"))


def test_worksheet_holds_no_answers_and_key_holds_them(project):
    """The worksheet has tick boxes and no answer, explanation or feedback; the key has all of them."""
    bank = project.quizzes["kuis-semua"]
    sheet = quizrender.render_sheet(bank, strings("id"))
    key = quizrender.render_sheet(bank, strings("id"), key=True)
    for secret in ("membangun rasa aman", "Rasa aman lebih dulu", "Tepat, ini mitos", "Urutan yang tepat"):
        assert secret not in sheet and secret in key
    assert sheet.count('class="lpq-box"') == 3 + 3 + 2 + 2
    assert "<button" not in sheet and "<script" not in sheet and "<input" not in sheet


def test_hostile_text_is_escaped(project):
    """Markup from a bank reaches the HTML only as escaped text."""
    html = quizrender.render_quiz(project.quizzes["kuis-jahat"], strings("id"))
    assert "<script" not in html and "<img" not in html and "<svg" not in html and "onmouseover='" not in html
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html


def test_english_strings_exist_for_every_quiz_string():
    """Every quiz_* string has an Indonesian and an English text (both empty where nothing is said, such as a public
    quiz's pass-mark line)."""
    ids = {k for k in strings("id") if k.startswith("quiz_")}
    assert ids and all((strings("en")[k] != "") == (strings("id")[k] != "") for k in ids)
    assert strings("en")["quiz_check"] == "Check answers" and strings("id")["quiz_check"] == "Periksa jawaban"


def test_extension_replaces_quiz_lines_but_not_in_code(project):
    """`::: quiz <id>` becomes the quiz; inside fenced code and for unknown ids the line stays."""
    ext = QuizExtension(banks=project.quizzes, ui=strings("id"))
    ext.set_page("opt_in")
    text = "# T\n\n::: quiz kuis-semua\n\n```\n::: quiz kuis-semua\n```\n\n::: quiz tidak-ada\n"
    html = markdown.markdown(text, extensions=["fenced_code", ext])
    assert html.count('<section class="lpq"') == 1 and 'data-storage="opt_in"' in html
    assert "::: quiz kuis-semua" in html and "::: quiz tidak-ada" in html
    ext.set_page("none")
    assert 'data-storage="none"' in markdown.markdown("::: quiz kuis-semua", extensions=[ext])
    with pytest.raises(ValueError):
        ext.set_page("always")


def test_deferred_quiz_is_a_slot_until_filled(project):
    """Deferred: Markdown holds an empty slot (what a search indexer sees); `fill` puts in the same quiz the
    immediate mode renders, with the storage policy of the page it was placed on."""
    ext = QuizExtension(banks=project.quizzes, ui=strings("id"), defer=True)
    ext.set_page("opt_in")
    html = markdown.markdown("# T\n\n::: quiz kuis-semua\n\n::: quiz tidak-ada\n", extensions=[ext])
    assert '<section class="lpq"' not in html and html.count('class="lpq-slot"') == 1
    ext.set_page("none")
    filled = ext.fill(html)
    immediate = QuizExtension(banks=project.quizzes, ui=strings("id"))
    assert immediate.quiz_html("kuis-semua", "opt_in") in filled and 'data-storage="none"' not in filled
    assert "::: quiz tidak-ada" in filled and "lpq-slot" not in filled
    unknown = '<div class="lpq-slot" data-lpq-slot="tidak-ada|none"></div>'
    assert ext.fill(unknown) == unknown


def test_storage_policy_per_page():
    """Module pages may opt in (when settings allow it); public and trainer pages never store."""
    on, off = type("S", (), {"quiz_storage": "opt_in"}), type("S", (), {"quiz_storage": "off"})
    assert storage_for("modul/m/cek-mandiri.md", on) == "opt_in"
    assert storage_for("modul/m/cek-mandiri.md", off) == "none"
    assert storage_for("index.md", on) == "none" and storage_for("pelatih/m/s.md", on) == "none"


@pytest.mark.parametrize("typed,expected", [
    ("UPTD PPA", "uptdppa"), ("u.p.t.d. p.p.a.", "uptdppa"), ("  Uptd-PPA ", "uptdppa"), ("P2TP2A!", "p2tp2a"),
    ("Unit Pelaksana Teknis Daerah Perlindungan Perempuan dan Anak", "uptdppa"),
    ("Kekerasan dalam Rumah Tangga", "kdrt"), ("Pemulihan", "pemulihan"), ("pérémpuan", "perempuan")])
def test_normalise(typed, expected):
    """Case, accents, spacing and punctuation do not matter; listed long forms equal their abbreviation."""
    assert quizrender.normalise(typed) == expected


def test_editing_one_question_changes_only_its_hash(project):
    """The storage hash of a question changes with its content and with nothing else."""
    bank = project.quizzes["kuis-semua"]
    before = [quizrender.question_hash(q) for q in bank.questions]
    edited = [dataclasses.replace(q, prompt=q.prompt + " Ubah.") if q.id == "kasus" else q for q in bank.questions]
    after = [quizrender.question_hash(q) for q in edited]
    assert [b == a for b, a in zip(before, after)] == [q.id != "kasus" for q in bank.questions]
    assert all(re.fullmatch(r"[0-9a-f]{8}", h) for h in before)
    hinted = dataclasses.replace(bank.questions[0], hint="Petunjuk lain.")
    assert quizrender.question_hash(hinted) == before[0]  # a new hint does not forget answers


def test_shuffle_is_deterministic_and_ordering_never_starts_solved(project):
    """The same seed gives the same order; an ordering question is never shown in its right order."""
    bank = project.quizzes["kuis-semua"]
    assert quizrender.shuffled(range(10), "a/b/0") == quizrender.shuffled(range(10), "a/b/0")
    assert quizrender.shuffled(range(10), "a/b/0") != quizrender.shuffled(range(10), "a/b/1")
    q = bank.questions[4]
    for attempt in range(50):
        assert [i.id for i in quizrender.order_items(bank.id, q, attempt)] != [i.id for i in q.items]
    assert quizrender.fnv1a("") == 0x811C9DC5 and quizrender.fnv1a("a") == 0xE40C292C


# --- exports --------------------------------------------------------------------------------------------------------

def gift_unescape(text: str) -> str:
    """What Moodle's GIFT reader makes of escaped text: qformat_gift::escapedchar_pre, then escapedchar_post."""
    escaped = ["\\:", "\\#", "\\=", "\\{", "\\}", "\\~", "\\n"]
    holders = ["&&058;", "&&035;", "&&061;", "&&123;", "&&125;", "&&126;", "&&010"]
    chars = [":", "#", "=", "{", "}", "~", "\n"]
    text = text.replace("\\\\", "&&092;")
    for e, h in zip(escaped, holders):
        text = text.replace(e, h)
    text = text.replace("&&092;", "\\")
    for h, c in zip(holders, chars):
        text = text.replace(h, c)
    return text


# Moodle's own placeholders ("&&058;" ...) cannot be written in GIFT at all; texts holding "&&" are left out.
@given(st.text().filter(lambda t: "&&" not in t))
def test_gift_escape_round_trips(text):
    """Any text survives GIFT escaping as Moodle reads it back, and leaves no bare special character."""
    escaped = quizexport.gift_escape(text)
    assert gift_unescape(escaped) == text.replace("\r\n", "\n")
    assert not re.search(r"[~=#{}:]", re.sub(r"\\.", "", escaped))
    assert "\n" not in escaped


def test_gift_file_shape(project):
    """GIFT: one category per bank, named questions, weights for multiple answers, feedback and general feedback."""
    text = quizexport.to_gift(project.quizzes[b] for b in ("kuis-semua", "kuis-jahat"))
    assert text.count("$CATEGORY: $course$/top/") == 2
    assert "::kuis-semua/pilih-banyak::[html]Mana saja yang termasuk" in text
    assert "~%50%Kekerasan fisik#Ya, termasuk." in text and "~%-100%Cuaca buruk#Bukan bentuk kekerasan." in text
    assert "FALSE#Ini mitos. KDRT adalah tindak pidana, bukan urusan pribadi.#Tepat, ini mitos. KDRT adalah" in text
    assert "=UPTD PPA#Tepat.\n=P2TP2A#Tepat.\n=uptdppa#Tepat.\n" in text and "\n=%0%*#Jawaban yang diterima" in text
    assert "=unit pelaksana teknis daerah perlindungan perempuan dan anak#Tepat." in text
    assert "=Visum et repertum -> Rumah sakit" in text
    # Moodle's ordering type (core since 4.4): all items shown, all-or-nothing, items in the right order
    assert ("::kuis-semua/urutan::[html]<p>Urutkan langkah rujukan.</p>{>3 ALL VERTICAL ALL_OR_NOTHING SHOW\n"
            "Pastikan keselamatan korban\nMinta persetujuan korban\nHubungi layanan rujukan\n}") in text
    old = quizexport.to_gift([project.quizzes["kuis-semua"]], ordering="matching")
    assert "=Pastikan keselamatan korban -> 1" in old and "{>" not in old
    assert "####Mendengarkan tanpa menghakimi membangun rasa aman." in text
    hostile = text[text.index("::kuis-jahat/jahat-satu::"):]
    assert hostile.startswith("::kuis-jahat/jahat-satu::[html]Pilih &lt;/script&gt;&lt;script&gt;window.__pwned\\=1")
    assert "\\{yang\\} \\~benar\\~ \\= \\#1 \\:\\: ya{" in hostile


def test_moodle_xml_parses_with_types_fractions_and_feedback(project):
    """Moodle XML: well-formed, one category per bank, the right question types, fractions, feedback, hints, tags."""
    root = ET.fromstring(quizexport.to_moodle_xml(project.quizzes[b] for b in ("kuis-semua", "kuis-jahat")).encode())
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert [q.get("type") for q in questions] == [
        "category", "multichoice", "multichoice", "truefalse", "multichoice", "ordering", "matching", "shortanswer",
        "category", "multichoice", "shortanswer"]
    by_name = {q.findtext("name/text"): q for q in questions if q.get("type") != "category"}
    multiple = by_name["kuis-semua/pilih-banyak"]
    assert multiple.findtext("single") == "false" and multiple.findtext("defaultgrade") == "2"
    assert [a.get("fraction") for a in multiple.findall("answer")] == ["50", "50", "-100"]
    assert multiple.find("answer/feedback/text").text == "<p>Ya, termasuk.</p>"
    single = by_name["kuis-semua/pilih-satu"]
    assert sum(float(a.get("fraction")) for a in single.findall("answer")) == 100
    assert single.findtext("generalfeedback/text") == "<p>Mendengarkan tanpa menghakimi membangun rasa aman.</p>"
    assert single.findtext("hint/text") == "<p>Pikirkan apa yang dibutuhkan korban sebelum hal lain.</p>"
    assert single.findtext("tags/tag/text") == "tujuan-satu"
    tf = by_name["kuis-semua/mitos-fakta"]
    assert [(a.findtext("text"), a.get("fraction")) for a in tf.findall("answer")] == [("true", "0"), ("false", "100")]
    short = by_name["kuis-semua/isian"]
    answers = [a.findtext("text") for a in short.findall("answer")]
    assert answers[:3] == ["UPTD PPA", "P2TP2A", "uptdppa"] and answers[-1] == "*"
    assert "pusat pelayanan terpadu pemberdayaan perempuan dan anak" in answers
    ordering = by_name["kuis-semua/urutan"]
    assert [(c.tag, c.text) for c in ordering if c.tag in ORDERING_OPTIONS] == [
        ("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "3"), ("gradingtype", "ALL_OR_NOTHING"),
        ("showgrading", "SHOW")]
    assert [(a.get("fraction"), a.findtext("text")) for a in ordering.findall("answer")] == [
        ("1", "<p>Pastikan keselamatan korban</p>"), ("2", "<p>Minta persetujuan korban</p>"),
        ("3", "<p>Hubungi layanan rujukan</p>")]
    old = ET.fromstring(quizexport.to_moodle_xml([project.quizzes["kuis-semua"]], ordering="matching").encode())
    fallback = [q for q in old.findall("question") if q.findtext("name/text") == "kuis-semua/urutan"][0]
    assert fallback.get("type") == "matching"
    assert [s.findtext("answer/text") for s in fallback.findall("subquestion")] == ["1", "2", "3"]
    case = by_name["kuis-semua/kasus"].findtext("questiontext/text")
    assert case.startswith("<p>Bu Sari datang") and case.endswith("<p>Apa tindakan terbaik?</p>")
    hostile = by_name["kuis-jahat/jahat-satu"].findtext("questiontext/text")
    assert hostile == "<p>Pilih &lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt; {yang} ~benar~ = #1 :: ya</p>"
    assert root.findall("question")[0].findtext("category/text") == "$course$/top/kuis-semua"


# What Moodle's importer (question/format/xml/format.php, and question/type/ordering/questiontype.php) reads for each
# question type; an element outside these lists would be ignored by the import, so the export must not need one.
HEADERS = {"name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden", "idnumber", "tags", "hint"}
COMBINED = {"correctfeedback", "partiallycorrectfeedback", "incorrectfeedback", "shownumcorrect"}
ORDERING_OPTIONS = ("layouttype", "selecttype", "selectcount", "gradingtype", "showgrading")
MOODLE_READS = {
    "category": {"category", "info"},
    "multichoice": HEADERS | COMBINED | {"single", "shuffleanswers", "answernumbering", "answer"},
    "truefalse": HEADERS | {"answer"},
    "shortanswer": HEADERS | {"usecase", "answer"},
    "matching": HEADERS | COMBINED | {"shuffleanswers", "subquestion"},
    "ordering": HEADERS | COMBINED | set(ORDERING_OPTIONS) | {"answer"},
}


@pytest.mark.parametrize("ordering", ["ordering", "matching"])
def test_moodle_xml_elements_are_what_moodle_reads(ordering):
    """Element by element, every question of every bank of the repository uses only what Moodle's importer reads, and
    every text element has its <text> child; answer fractions are grades Moodle accepts."""
    project = check_project(REPO)
    root = ET.fromstring(quizexport.to_moodle_xml(project.quizzes.values(), ordering=ordering).encode())
    count = 0
    for question in root.findall("question"):
        qtype = question.get("type")
        assert {child.tag for child in question} <= MOODLE_READS[qtype], question.findtext("name/text")
        for child in question:
            if child.tag in {"name", "questiontext", "generalfeedback", "category", "info", "hint"} | COMBINED - {
                    "shownumcorrect"}:
                assert child.find("text") is not None
        for answer in question.findall("answer"):
            fraction = float(answer.get("fraction"))
            if qtype == "ordering":
                assert fraction == int(fraction) >= 1
            else:
                assert abs(fraction) in {0, *quizexport.MOODLE_GRADES}
        count += qtype != "category"
    assert count >= sum(len(b.questions) for b in project.quizzes.values())
    assert (ordering == "ordering") == ('type="ordering"' in ET.tostring(root, encoding="unicode"))


def read_gift(text: str) -> list:
    """(category, name, Moodle question type, answer count) of each question, read the way Moodle's GIFT importer
    (question/format/gift/format.php) splits and classifies them: questions are separated by blank lines, comment
    lines are dropped, plugins first (the ordering type's own pattern `{>count ...}`), then `~` multichoice, `=` with
    `->` match, TRUE/FALSE truefalse, otherwise shortanswer."""
    out, category = [], None
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line for line in chunk.split("\n") if line.strip() and not line.lstrip().startswith("//")]
        if not lines:
            continue
        joined = "\n".join(lines)
        if joined.startswith("$CATEGORY:"):
            category = joined[len("$CATEGORY:"):].strip()
            continue
        ordering = re.match(r"^([^{]*)\s*\{>\s*(\d+)\s*(ALL)?\s*(VERTICAL)?\s*(ALL_OR_NOTHING)?\s*(SHOW)?\s*(.*?)\s*\}\s*$",
                            joined, re.S)
        name = re.match(r"^::(.*?)::", joined.replace("\\:", "\x00")).group(1).replace("\x00", ":")
        if ordering:
            items = [line for line in ordering.group(7).split("\n") if line.strip()]
            assert ordering.group(5) == "ALL_OR_NOTHING" and int(ordering.group(2)) == len(items)
            out.append((category, name, "ordering", len(items)))
            continue
        plain = re.sub(r"\\.", "", joined)  # escaped characters never delimit
        start, end = plain.index("{"), plain.rindex("}")
        answers = plain[start + 1:end].split("####")[0]
        if "~" in answers:
            qtype, count = "multichoice", len(re.findall(r"(?m)^[~=]", answers))
        elif "=" in answers and "->" in answers:
            qtype, count = "match", answers.count("->")
        elif answers.split("#")[0].strip() in ("TRUE", "FALSE", "T", "F"):
            qtype, count = "truefalse", 2
        else:
            qtype, count = "shortanswer", len(re.findall(r"(?m)^=", answers))
        out.append((category, name, qtype, count))
    return out


GIFT_TYPES = {"single": "multichoice", "multiple": "multichoice", "scenario": "multichoice", "true_false": "truefalse",
              "short_answer": "shortanswer", "matching": "match", "ordering": "ordering"}


@pytest.mark.parametrize("ordering", ["ordering", "matching"])
def test_gift_reads_back_as_moodle_reads_it(ordering):
    """Every bank of the repository and of the test site, read back as Moodle's GIFT importer reads it: one question
    per YAML question (per form for pre/post banks), in its category, of the right type with the right answer count."""
    banks = list(check_project(REPO).quizzes.values()) + list(check_project(SITE).quizzes.values())
    for bank in banks:
        read = read_gift(quizexport.to_gift([bank], ordering=ordering))
        expected = []
        for category, form, questions in quizexport.placements(bank):
            for q in questions:
                qtype = "match" if (q.type, ordering) == ("ordering", "matching") else GIFT_TYPES[q.type]
                count = {"multichoice": len(q.options), "truefalse": 2, "match": len(q.pairs or q.items),
                         "ordering": len(q.items)}.get(qtype, len(quizexport.short_answers(q)) + bool(
                             q.feedback_incorrect))
                expected.append((category, f"{bank.id}/{q.id}" + (f" (Form {form})" if form else ""), qtype, count))
        assert read == expected, bank.id


def test_pre_post_forms_are_subcategories_and_tags(project):
    """A pre/post bank exports Form A and Form B as subcategories a Moodle quiz can draw random questions from; a
    question of both forms is in both, with its own name and id number, and tagged form-a / form-b."""
    bank = project.quizzes["kuis-prepost"]
    root = ET.fromstring(quizexport.to_moodle_xml([bank]).encode())
    current, seen = None, {}
    for q in root.findall("question"):
        if q.get("type") == "category":
            current = q.findtext("category/text")
            continue
        seen.setdefault(current, []).append((q.findtext("name/text"), q.findtext("idnumber"),
                                             [t.findtext("text") for t in q.findall("tags/tag")]))
    assert list(seen) == ["$course$/top/kuis-prepost/Form A", "$course$/top/kuis-prepost/Form B"]
    for form in ("A", "B"):
        names = [name for name, _, _ in seen[f"$course$/top/kuis-prepost/Form {form}"]]
        assert names == [f"kuis-prepost/{q.id} (Form {form})" for q in bank.for_form(form)]
        assert all(f"form-{form.lower()}" in tags for _, _, tags in seen[f"$course$/top/kuis-prepost/Form {form}"])
    ids = [i for rows in seen.values() for _, i, _ in rows]
    assert len(ids) == len(set(ids))
    gift = quizexport.to_gift([bank])
    assert "$CATEGORY: $course$/top/kuis-prepost/Form A" in gift and "$CATEGORY: $course$/top/kuis-prepost/Form B" in gift


def test_short_answer_variants_are_all_accepted_by_the_site():
    """Every answer exported for a short-answer question is one the site itself accepts (same normalised form), the
    accepted answers come first as written, and none repeats (Moodle compares without case)."""
    project = check_project(REPO)
    site = check_project(SITE)
    found = 0
    for bank in list(project.quizzes.values()) + list(site.quizzes.values()):
        for q in bank.questions:
            if q.type != "short_answer":
                continue
            found += 1
            answers = quizexport.short_answers(q)
            keys = {quizrender.normalise(a) for a in q.accepted_forms}
            written = []
            for a in (" ".join(a.split()) for a in q.accepted_forms):
                written += [] if a.lower() in {w.lower() for w in written} else [a]
            assert answers[:len(written)] == written   # as written, each once (Moodle ignores case)
            assert all(quizrender.normalise(a) in keys for a in answers), answers
            assert len({a.lower() for a in answers}) == len(answers)
    assert found


def test_units_and_alternatives_are_accepted_only_where_declared(project):
    """A bank's `units` add "<answer> <unit>" to its accepted answers (the site's key, the exports, the answer key);
    a question without `units` accepts no unit."""
    counted = next(q for q in project.quizzes["kuis-publik"].questions if q.id == "jumlah-tim")
    assert counted.accepted_forms == ("5", "lima", "5 orang", "lima orang")
    key = json.loads(quizrender.question_views(project.quizzes["kuis-publik"], [counted])[0].key)
    assert {quizrender.normalise(a) for a in ("5", "5 orang", " LIMA  Orang.", "lima")} <= set(key)
    assert quizrender.normalise("6 orang") not in key
    assert {"5", "5 orang", "5orang", "lima orang"} <= set(quizexport.short_answers(counted))
    plain = next(q for q in project.quizzes["kuis-semua"].questions if q.id == "isian")
    assert plain.accepted_forms == plain.accepted == ("UPTD PPA", "P2TP2A")
    plain_key = json.loads(quizrender.question_views(project.quizzes["kuis-semua"], [plain])[0].key)
    assert quizrender.normalise("UPTD PPA orang") not in plain_key


def test_public_quiz_has_no_exam_words(project):
    """A bank used only on public pages says how many answers were right: no points, pass mark, module or 'soal'."""
    html = quizrender.render_quiz(project.quizzes["kuis-publik"], strings("id"), "none")
    said = json.loads(unescape(re.search(r'data-ui="([^"]*)"', html).group(1)))  # what quiz.js writes after checking
    text = re.sub(r"<[^>]+>", " ", html) + " " + " ".join(said.values())
    for word in ("poin", "Nilai lulus", "nilai lulus", "bagian modul", "Soal "):
        assert word not in text, word
    assert 'data-pass="100"' in html  # every answer right is the only "pass" a public quiz knows
    scored = quizrender.render_quiz(project.quizzes["kuis-semua"], strings("id"), "none")
    assert "poin" in scored and "Nilai lulus" in scored


def test_trainer_section_lists_every_bank_and_keeps_keys_apart(project):
    """The trainers' index links worksheets, keys (forms A/B for pre/post) and exports; only keys hold explanations."""
    index = trainer_index(project, strings("id"))["pelatih/kuis/index.md"]
    files = trainer_files(project, strings("id"))
    assert index.startswith("---\nsearch:\n  exclude: true\n---\n# Kuis dan tes\n")
    assert ('<a href="kuis-prepost-lembar-soal-a.html">Paket soal A</a> · <a href="kuis-prepost-lembar-soal-b.html">Paket soal B</a>'
            in index)
    assert '<a href="kuis-semua-kunci-jawaban.html">semua soal</a>' in index and '<a href="kuis-semua.gift">GIFT' in index
    hrefs = set(re.findall(r'href="([^"]+)"', index))
    assert {f"pelatih/kuis/{href}" for href in hrefs} == set(files)   # every link has its file, every file a link
    assert '<th scope="row">Kuis &#60;b&#62;jahat&#60;/b&#62; &#34; &#39; &#38; &#60;/script&#62;</th>' in index   # a hostile title
    assert set(files) >= {"pelatih/kuis/semua-bank-soal.gift", "pelatih/kuis/semua-bank-soal.xml",
                          "pelatih/kuis/kuis-prepost-lembar-soal-b.html", "pelatih/kuis/kuis-prepost-kunci-jawaban-a.html"}
    assert "Penjelasan A." in files["pelatih/kuis/kuis-prepost-kunci-jawaban-a.html"]
    assert "Penjelasan A." not in files["pelatih/kuis/kuis-prepost-lembar-soal-a.html"]
    assert "Soal form B." not in files["pelatih/kuis/kuis-prepost-lembar-soal-a.html"]


def test_true_false_buttons_follow_the_bank_labels(project):
    """True/false buttons say Benar/Salah by default and Fakta/Mitos only where the bank asks for `fakta-mitos`."""
    public = project.quizzes["kuis-semua"]
    assert public.true_false_labels == "fakta-mitos"
    professional = dataclasses.replace(public, true_false_labels=quizbank.DEFAULT_TRUE_FALSE_LABELS)
    labels = re.compile(r'<label for="[^"]*-(?:true|false)">([^<]*)</label>')
    assert labels.findall(quizrender.render_quiz(public, strings("id"))) == ["Fakta", "Mitos"]
    assert labels.findall(quizrender.render_quiz(professional, strings("id"))) == ["Benar", "Salah"]
    assert labels.findall(quizrender.render_quiz(professional, strings("en"))) == ["True", "False"]
    assert quizbank.DEFAULT_TRUE_FALSE_LABELS == "benar-salah"

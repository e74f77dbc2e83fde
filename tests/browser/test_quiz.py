"""The self-check quiz in headless Debian Chromium: every question type answered right and wrong by mouse and by
keyboard, score and pass mark, retries, opt-in storage, file://, JavaScript off, hostile content and axe-core.

The site is tests/sites/quiz-all-types, built once with the repository's hooks and quiz assets. The browser is the
shared one of tests/browser/conftest.py; the site is copied and built with tests/helpers.py and served like the
default site (search_recall.serve).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

import search_recall
from helpers import SITES, build_site, copy_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUIZ = "kuis-semua"
MODULE_PAGE = "modul/modul-kuis/cek-mandiri.html"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SITE_ASSETS = ("quiz.js", "quiz.css", "lindungi.css", "exit.js")  # the site-wide assets, as in the real site

# The right answers of tests/sites/quiz-all-types/quizzes/kuis-semua.yml, and wrong ones.
RIGHT = {"pilih-satu": ["a"], "pilih-banyak": ["fisik", "psikis"], "mitos-fakta": ["false"], "kasus": ["a"],
         "urutan": {"aman": "1", "setuju": "2", "rujuk": "3"},
         "pasangan": {"visum": "visum", "lapor": "lapor", "dampingan": "dampingan"}, "isian": "U.P.T.D. ppa"}
WRONG = {"pilih-satu": ["b"], "pilih-banyak": ["fisik", "cuaca"], "mitos-fakta": ["true"], "kasus": ["b"],
         "urutan": {"aman": "2", "setuju": "1", "rujuk": "3"},
         "pasangan": {"visum": "lapor", "lapor": "visum", "dampingan": "dampingan"}, "isian": "polisi"}


@pytest.fixture(scope="module")
def quiz_site(tmp_path_factory) -> Path:
    """tests/sites/quiz-all-types with the repository's hooks, overrides and quiz assets, built with --strict."""
    root = copy_site("quiz-all-types", tmp_path_factory.mktemp("quiz") / "src", assets=SITE_ASSETS)
    result = build_site(root, root / "site")
    if result.returncode != 0:
        pytest.fail("mkdocs build failed:\n" + result.stdout + result.stderr)
    return root / "site"


@pytest.fixture(scope="module")
def quiz_http(quiz_site) -> str:
    """Base URL (ending in /) of the quiz site served over http on 127.0.0.1."""
    with search_recall.serve(quiz_site) as base:
        yield base


@pytest.fixture
def qpage(browser):
    """A page in a fresh profile; JavaScript errors fail the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list = []
    page.on("pageerror", lambda error: errors.append(error))
    page.lpq_errors = errors
    yield page
    context.close()
    assert [str(e) for e in errors] == []


# --- helpers ----------------------------------------------------------------------------------------------------------

def question(page, qid: str, quiz: str = QUIZ):
    return page.locator(f"#lpq-{quiz}-{qid}")


def answer_by_mouse(page, answers: dict) -> None:
    for qid, value in answers.items():
        q = question(page, qid)
        if isinstance(value, list):
            for option in value:
                q.locator(f'.lpq-opt[data-o="{option}"] label').click()
        elif isinstance(value, dict):
            for row, choice in value.items():
                q.locator(f'[data-i="{row}"] select, [data-p="{row}"] select').select_option(choice)
        else:
            q.locator(".lpq-text").click()
            page.keyboard.type(value)


def answer_by_keyboard(page, answers: dict) -> None:
    """Focus each control with Tab-free focus() and answer with keys only: arrows, Space, typing."""
    for qid, value in answers.items():
        q = question(page, qid)
        if isinstance(value, list) and q.get_attribute("data-type") == "multiple":
            for option in value:
                q.locator(f'.lpq-opt[data-o="{option}"] input').focus()
                page.keyboard.press("Space")
        elif isinstance(value, list):
            radios = q.locator(".lpq-opt input")
            ids = [radios.nth(i).get_attribute("value") for i in range(radios.count())]
            radios.first.focus()
            page.keyboard.press("Space")
            for _ in range(ids.index(value[0])):
                page.keyboard.press("ArrowDown")  # moving selects; it never submits
        elif isinstance(value, dict):
            for row, choice in value.items():
                select = q.locator(f'[data-i="{row}"] select, [data-p="{row}"] select')
                values = select.evaluate("s => Array.from(s.options).map(o => o.value)")
                select.focus()
                for _ in range(values.index(choice)):
                    page.keyboard.press("ArrowDown")
        else:
            q.locator(".lpq-text").focus()
            page.keyboard.type(value)


def statuses(page) -> dict:
    return page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll('.lpq-q')).map(
        q => [q.dataset.q, q.querySelector('.lpq-status').textContent]))""")


def result_lines(page) -> list:
    return [line for line in page.locator(".lpq-result").inner_text().splitlines() if line.strip()]


def stored_keys(page) -> list:
    return page.evaluate("() => Object.keys(localStorage).sort()")


# --- behaviour ----------------------------------------------------------------------------------------------------

def test_every_type_right_by_mouse(qpage, quiz_http):
    """All seven types answered right with the mouse: every question says '✓ Tepat', full score, pass mark reached."""
    qpage.goto(quiz_http + MODULE_PAGE)
    answer_by_mouse(qpage, RIGHT)
    qpage.get_by_role("button", name="Periksa jawaban").click()
    assert set(statuses(qpage).values()) == {"✓ Tepat"}
    assert result_lines(qpage) == [
        "Hasil: 7 dari 7 soal tepat, 8 dari 8 poin (100%).", "Nilai lulus 70% tercapai."]
    assert qpage.evaluate("document.activeElement.className") == "lpq-result"
    # the chosen option's own feedback and the explanation are shown after checking, each once
    first = question(qpage, "pilih-satu")
    assert first.locator('.lpq-opt[data-o="a"] .lpq-ofb').inner_text() == "✓ Tepat. Rasa aman lebih dulu."
    assert first.locator(".lpq-after").inner_text() == "Penjelasan\n\nMendengarkan tanpa menghakimi membangun rasa aman."
    assert not first.locator(".lpq-key").is_visible()
    assert question(qpage, "mitos-fakta").locator(".lpq-fb-right").is_visible()


def test_every_type_wrong_by_keyboard_and_arrows_never_submit(qpage, quiz_http):
    """Answering by keyboard (arrows, Space, typing) checks nothing; Enter on the button does: 0 points, not passed."""
    qpage.goto(quiz_http + MODULE_PAGE)
    answer_by_keyboard(qpage, WRONG)
    assert qpage.locator(".lpq-done").count() == 0
    assert qpage.locator(".lpq-result").inner_text() == ""
    assert question(qpage, "pilih-satu").locator('input[value="b"]').is_checked()
    assert question(qpage, "pasangan").locator('[data-p="visum"] select').input_value() == "lapor"
    qpage.locator(".lpq-check").focus()
    qpage.keyboard.press("Enter")
    assert set(statuses(qpage).values()) == {"✗ Belum tepat"}
    assert result_lines(qpage)[0] == "Hasil: 0 dari 7 soal tepat, 0 dari 8 poin (0%)."
    assert "belum tercapai" in qpage.locator(".lpq-result").inner_text()
    wrong = question(qpage, "pilih-satu").locator('.lpq-opt[data-o="b"] .lpq-ofb').inner_text()
    assert wrong == "✗ Kurang tepat. Nasihat terlalu cepat dapat membuat korban merasa disalahkan."
    missed = question(qpage, "pilih-banyak").locator('.lpq-opt[data-o="psikis"] .lpq-ofb').inner_text()
    assert missed == "✓ Jawaban yang tepat, belum Anda pilih."


def test_wrong_answer_feedback_is_said_once(qpage, quiz_http):
    """One wrong choice: its own feedback appears once (no "Pilihan Anda: kurang tepat." before the bank's "Kurang
    tepat.", no box opened with every option's feedback again), the verdict once, the right option and the explanation
    once; a screen reader hears whose choice it was from the icon."""
    qpage.goto(quiz_http + MODULE_PAGE)
    answer_by_mouse(qpage, {"pilih-satu": ["b"], "mitos-fakta": ["true"]})
    qpage.locator(".lpq-check").click()
    q = question(qpage, "pilih-satu")
    text = q.inner_text()
    assert text.count("Nasihat terlalu cepat dapat membuat korban merasa disalahkan.") == 1
    assert text.lower().count("kurang tepat") == 1 and "Pilihan Anda" not in text
    assert text.count("Belum tepat") == 1 and text.count("membangun rasa aman") == 1
    assert text.count("Rasa aman lebih dulu") == 0  # the feedback of an option not chosen stays in the closed key
    assert q.locator(".lpq-status").inner_text() == "✗ Belum tepat"
    assert q.locator('.lpq-opt[data-o="a"] .lpq-ofb').inner_text() == "✓ Jawaban yang tepat, belum Anda pilih."
    assert q.locator('.lpq-opt[data-o="c"] .lpq-ofb').is_hidden()
    assert q.locator('.lpq-opt[data-o="b"] .lpq-icon').get_attribute("aria-label") == "Pilihan Anda: kurang tepat."
    assert q.locator(".lpq-key").is_hidden() and q.locator(".lpq-key").get_attribute("open") is None
    # a wrong true/false answer: the verdict and the bank's feedback, and the right button marked, nothing twice
    tf = question(qpage, "mitos-fakta")
    assert tf.inner_text().count("Ini mitos. KDRT adalah tindak pidana, bukan urusan pribadi.") == 1
    assert "Pilihan Anda" not in tf.inner_text() and tf.locator('[data-o="true"] .lpq-ofb').is_hidden()
    assert tf.locator('[data-o="false"] .lpq-ofb').inner_text() == "✓ Jawaban yang tepat, belum Anda pilih."


def test_ordering_and_matching_feedback_in_the_learners_own_terms(qpage, quiz_http):
    """A wrong order is told with the numbers the learner chose from ("Nomor yang tepat: 1."), a wrong pair with the
    right choice of its own list; no step is lettered "a." anywhere, not even in the key read without JavaScript."""
    qpage.goto(quiz_http + MODULE_PAGE)
    answer_by_mouse(qpage, {"urutan": WRONG["urutan"], "pasangan": WRONG["pasangan"]})
    qpage.locator(".lpq-check").click()
    rows = question(qpage, "urutan")
    said = {row: rows.locator(f'[data-i="{row}"] .lpq-ofb').inner_text() for row in ("aman", "setuju", "rujuk")}
    assert said == {"aman": "✗ Nomor yang tepat: 1.", "setuju": "✗ Nomor yang tepat: 2.", "rujuk": "✓"}
    assert rows.locator('[data-i="rujuk"] .lpq-icon').get_attribute("aria-label") == "Pilihan Anda: tepat."
    assert rows.inner_text().count("Urutan belum tepat.") == 1
    pairs = question(qpage, "pasangan")
    assert pairs.locator('[data-p="visum"] .lpq-ofb').inner_text() == "✗ Pasangan yang tepat: Rumah sakit."
    assert pairs.locator('[data-p="dampingan"] .lpq-ofb').inner_text() == "✓"
    key_list = rows.locator(".lpq-key-order")
    assert key_list.evaluate("ol => getComputedStyle(ol).listStyleType") == "decimal"


@pytest.mark.parametrize("typed,right", [("5 orang", True), ("5", True), ("Lima  Orang.", True), ("lima", True),
                                         ("6 orang", False), ("orang", False)])
def test_short_answer_takes_declared_units_and_alternatives(qpage, quiz_http, typed, right):
    """`accepted: ["5", lima]` with `units: [orang]`: "5 orang" and "5" (and "lima orang") are right, another number
    or the unit alone is not; a wrong answer shows the accepted answers once."""
    qpage.goto(quiz_http + "publik.html")
    q = question(qpage, "jumlah-tim", "kuis-publik")
    q.locator(".lpq-text").fill(typed)
    qpage.locator(".lpq-check").click()
    assert q.locator(".lpq-status").inner_text() == ("✓ Tepat" if right else "✗ Belum tepat")
    accepted = "Jawaban yang diterima: 5; lima; 5 orang; lima orang."
    assert q.inner_text().count(accepted) == (0 if right else 1)


def test_public_quiz_page_has_no_exam_words(qpage, quiz_http):
    """The quiz of a bank used only on public pages, before and after checking: no points, pass mark, module or
    'Soal', and the result says how many answers were right."""
    qpage.goto(quiz_http + "publik.html")
    question(qpage, "urusan-pribadi", "kuis-publik").locator('.lpq-opt[data-o="true"] label').click()
    before = qpage.locator(".lpq").inner_text()
    qpage.locator(".lpq-check").click()
    after = qpage.locator(".lpq").inner_text()
    for text in (before, after):
        for word in ("poin", "nilai lulus", "bagian modul", "soal"):
            assert word not in text.lower(), (word, text)
    assert result_lines(qpage) == ["Anda menjawab 0 dari 2 pertanyaan dengan tepat.",
                                   "Baca penjelasan di setiap pertanyaan, lalu coba lagi bila Anda mau."]
    qpage.get_by_role("button", name="Coba lagi").click()
    question(qpage, "urusan-pribadi", "kuis-publik").locator('.lpq-opt[data-o="false"] label').click()
    question(qpage, "jumlah-tim", "kuis-publik").locator(".lpq-text").fill("5 orang")
    qpage.locator(".lpq-check").click()
    assert result_lines(qpage) == ["Anda menjawab 2 dari 2 pertanyaan dengan tepat."]


def test_myth_quiz_of_the_site_has_no_exam_words(qpage, http_base):
    """The real public myth quiz (docs/pencegahan/mitos-dan-fakta.md), checked: no exam words."""
    qpage.goto(http_base + "pencegahan/mitos-dan-fakta.html")
    qpage.locator(".lpq-check").click()
    text = qpage.locator(".lpq").inner_text().lower()
    assert "pertanyaan dengan tepat" in text
    for word in ("poin", "nilai lulus", "bagian modul", "soal"):
        assert word not in text, word


def test_unanswered_and_partial_score_against_pass_mark(qpage, quiz_http):
    """Five of seven right (6 of 8 points = 75%) passes a 70% mark; unanswered questions say so."""
    qpage.goto(quiz_http + MODULE_PAGE)
    answer_by_mouse(qpage, {k: v for k, v in RIGHT.items() if k not in ("urutan", "isian")})
    qpage.locator(".lpq-check").click()
    assert statuses(qpage)["urutan"] == "✗ Belum dijawab"
    assert result_lines(qpage) == [
        "Hasil: 5 dari 7 soal tepat, 6 dari 8 poin (75%).", "Nilai lulus 70% tercapai."]


def test_retry_clears_and_reshuffles_deterministically(qpage, quiz_http):
    """The build's order is the script's attempt 0; a retry clears answers and shows attempt 1's seeded order."""
    import lindungi.quiz.quizrender as qr

    qpage.goto(quiz_http + MODULE_PAGE)
    order = lambda qid: question(qpage, qid).evaluate(  # noqa: E731
        "q => Array.from(q.querySelectorAll('.lpq-opt, .lpq-row')).map(e => e.dataset.o || e.dataset.i || e.dataset.p)")
    source = json.loads(question(qpage, "pilih-satu").get_attribute("data-order"))
    parity = qpage.evaluate("([o, s]) => window.lpQuiz.shuffle(o, s)", [source, f"{QUIZ}/pilih-satu/0"])
    assert order("pilih-satu") == parity == [o for o in qr.shuffled(source, f"{QUIZ}/pilih-satu/0")]
    answer_by_mouse(qpage, RIGHT)
    qpage.locator(".lpq-check").click()
    qpage.get_by_role("button", name="Coba lagi").click()
    assert qpage.locator(".lpq-done").count() == 0 and qpage.locator(".lpq-result").inner_text() == ""
    assert qpage.locator(".lpq-q input:checked").count() == 0
    assert qpage.locator(".lpq-check").is_visible() and not qpage.locator(".lpq-retry").is_visible()
    assert order("pilih-satu") == qr.shuffled(source, f"{QUIZ}/pilih-satu/1")
    steps = [i.id for i in qr.order_items(QUIZ, _bank().questions[4], 1)]
    assert order("urutan") == steps
    assert qpage.evaluate("document.activeElement.closest('.lpq-q') !== null")
    answer_by_mouse(qpage, RIGHT)
    qpage.locator(".lpq-check").click()
    assert "7 dari 7" in qpage.locator(".lpq-result").inner_text()


def _bank():
    from lindungi.engine.checking import check_project

    return check_project(SITES / "quiz-all-types").quizzes[QUIZ]


# --- storage ------------------------------------------------------------------------------------------------------

def test_module_page_stores_only_after_opt_in_and_clears(qpage, quiz_http):
    """Nothing is stored until 'Simpan kemajuan' is ticked; then answers survive a reload; 'Hapus' removes them all."""
    qpage.goto(quiz_http + MODULE_PAGE)
    answer_by_mouse(qpage, {"pilih-satu": ["a"], "isian": "kdrt"})
    assert stored_keys(qpage) == []
    qpage.get_by_label("Simpan kemajuan di perangkat ini").check()
    keys = stored_keys(qpage)
    hashes = {q: question(qpage, q).get_attribute("data-hash") for q in ("pilih-satu", "isian")}
    assert keys == sorted(["lpq:1:optin", f"lpq:1:{QUIZ}:pilih-satu:{hashes['pilih-satu']}",
                           f"lpq:1:{QUIZ}:isian:{hashes['isian']}"])
    answer_by_mouse(qpage, {"mitos-fakta": ["false"]})
    assert len(stored_keys(qpage)) == 4
    qpage.reload()
    expect(question(qpage, "pilih-satu").locator('input[value="a"]')).to_be_checked()  # restored once quiz.js has run
    assert question(qpage, "isian").locator(".lpq-text").input_value() == "kdrt"
    assert qpage.locator(".lpq-store-msg").inner_text() == "Jawaban yang tersimpan di perangkat ini dimuat kembali."
    qpage.get_by_role("button", name="Hapus jawaban di perangkat ini").click()
    assert stored_keys(qpage) == []
    assert not qpage.get_by_label("Simpan kemajuan di perangkat ini").is_checked()
    assert qpage.locator(".lpq-store-msg").inner_text() == "Jawaban di perangkat ini sudah dihapus."
    qpage.reload()
    assert not question(qpage, "pilih-satu").locator('input[value="a"]').is_checked()


def test_unticking_opt_in_deletes_stored_answers(qpage, quiz_http):
    """Turning saving off deletes what was stored."""
    qpage.goto(quiz_http + MODULE_PAGE)
    qpage.get_by_label("Simpan kemajuan di perangkat ini").check()
    answer_by_mouse(qpage, {"pilih-satu": ["a"]})
    assert len(stored_keys(qpage)) == 2
    qpage.get_by_label("Simpan kemajuan di perangkat ini").uncheck()
    assert stored_keys(qpage) == []


def test_public_page_stores_nothing_and_has_no_storage_controls(qpage, quiz_http):
    """On a public page the quiz works, shows no storage controls and leaves storage empty."""
    qpage.goto(quiz_http + "index.html")
    assert qpage.locator(".lpq-save, .lpq-clear").count() == 0
    assert qpage.locator(".lpq").get_attribute("data-storage") == "none"
    qpage.evaluate("localStorage.setItem('lpq:1:optin', '1')")  # even an opt-in made elsewhere does not apply here
    qpage.reload()
    answer_by_mouse(qpage, RIGHT)
    qpage.locator(".lpq-check").click()
    assert "7 dari 7" in qpage.locator(".lpq-result").inner_text()
    assert stored_keys(qpage) == ["lpq:1:optin"]


def test_edited_question_forgets_only_its_own_answer_and_bad_data_is_ignored(qpage, quiz_http):
    """A stored answer under an old content hash is dropped, the others restored; corrupt, odd-shaped and old-schema
    data never breaks the page."""
    qpage.goto(quiz_http + MODULE_PAGE)
    one = question(qpage, "pilih-satu").get_attribute("data-hash")
    isian = question(qpage, "isian").get_attribute("data-hash")
    urutan = question(qpage, "urutan").get_attribute("data-hash")
    pasangan = question(qpage, "pasangan").get_attribute("data-hash")
    qpage.evaluate("""([one, isian, urutan, pasangan]) => {
        localStorage.setItem('lpq:1:optin', '1');
        localStorage.setItem('lpq:1:kuis-semua:pilih-satu:' + one, '["a"]');
        localStorage.setItem('lpq:1:kuis-semua:kasus:00000000', '["a"]');
        localStorage.setItem('lpq:1:kuis-semua:isian:' + isian, '{not json');
        localStorage.setItem('lpq:1:kuis-semua:urutan:' + urutan, '[1, 2, 3]');
        localStorage.setItem('lpq:1:kuis-semua:pasangan:' + pasangan, '{"visum": "tidak-ada", "lapor": 5}');
        localStorage.setItem('lpq:1:kuis-semua:attempt', 'banyak');
        localStorage.setItem('lpq:0:kuis-semua:pilih-satu:abc', '"lama"');
    }""", [one, isian, urutan, pasangan])
    qpage.reload()
    expect(question(qpage, "pilih-satu").locator('input[value="a"]')).to_be_checked()  # restored once quiz.js has run
    assert question(qpage, "kasus").locator("input:checked").count() == 0
    assert question(qpage, "pasangan").locator('[data-p="visum"] select').input_value() == ""
    keys = stored_keys(qpage)
    assert "lpq:1:kuis-semua:kasus:00000000" not in keys and "lpq:0:kuis-semua:pilih-satu:abc" not in keys
    assert f"lpq:1:kuis-semua:isian:{isian}" not in keys
    answer_by_mouse(qpage, RIGHT | {"pilih-satu": []})
    qpage.locator(".lpq-check").click()
    assert "7 dari 7" in qpage.locator(".lpq-result").inner_text()


def test_storage_that_throws_never_breaks_the_quiz(qpage, quiz_http):
    """With localStorage blocked (every access throws), the quiz still checks answers."""
    qpage.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new Error('blocked'); }});")
    qpage.goto(quiz_http + MODULE_PAGE)
    qpage.get_by_label("Simpan kemajuan di perangkat ini").check()
    answer_by_mouse(qpage, RIGHT)
    qpage.locator(".lpq-check").click()
    assert "7 dari 7" in qpage.locator(".lpq-result").inner_text()
    # Material's own script reads localStorage unguarded and throws here; quiz.js never does.
    assert not [e for e in qpage.lpq_errors if "quiz.js" in (e.stack or "")]
    qpage.lpq_errors.clear()


# --- contexts: file://, instant navigation, no JavaScript -------------------------------------------------------

def test_quiz_works_from_file_url(qpage, quiz_site):
    """Opened from the file system, the module quiz checks answers and saves after opt-in."""
    qpage.goto((quiz_site / MODULE_PAGE).as_uri())
    qpage.get_by_label("Simpan kemajuan di perangkat ini").check()
    answer_by_mouse(qpage, RIGHT)
    qpage.locator(".lpq-check").click()
    assert "7 dari 7" in qpage.locator(".lpq-result").inner_text()
    qpage.reload()
    expect(question(qpage, "pilih-satu").locator('input[value="a"]')).to_be_checked()  # restored once quiz.js has run


def test_quiz_works_after_instant_navigation(qpage, quiz_http):
    """A page swapped in the way Material's instant navigation does it (new content, then `document$` emits, no page
    load) gets its quiz set up and checking works."""
    qpage.goto(quiz_http + "jahat.html")
    qpage.evaluate("window.__sameDocument = true")
    qpage.evaluate("""async (url) => {
        const html = await (await fetch(url)).text();
        const next = new DOMParser().parseFromString(html, "text/html");
        document.querySelector(".md-content").replaceWith(next.querySelector(".md-content"));
        document$.next(document);
    }""", quiz_http + "index.html")
    qpage.wait_for_selector("#lpq-kuis-semua.lpq--js")
    assert qpage.evaluate("window.__sameDocument") is True
    answer_by_mouse(qpage, RIGHT)
    qpage.locator(".lpq-check").click()
    assert "7 dari 7" in qpage.locator(".lpq-result").inner_text()


def test_without_javascript_questions_and_answers_stay_readable(browser, quiz_http):
    """JavaScript off: questions and inputs are there, no dead buttons, answers and explanations open in <details>."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(quiz_http + MODULE_PAGE)
    assert page.locator(".lpq-q").count() == 7
    assert not page.locator(".lpq-check").is_visible() and not page.locator(".lpq-save").is_visible()
    first = question(page, "pilih-satu")
    assert first.locator("legend").inner_text() == "Soal 1. Apa yang pertama kali Anda lakukan saat korban datang?"
    first.locator(".lpq-key summary").click()
    assert "Mendengarkan tanpa menghakimi membangun rasa aman." in first.locator(".lpq-key").inner_text()
    first.locator(".lpq-hint summary").click()
    assert first.locator(".lpq-hint p").is_visible()
    context.close()


# --- safety and accessibility -------------------------------------------------------------------------------------

def test_hostile_content_runs_no_script(qpage, quiz_http):
    """Markup in questions, options, hints, feedback and accepted answers is shown as text and never runs."""
    qpage.goto(quiz_http + "jahat.html")
    for summary in qpage.locator(".lpq-hint summary").all():
        summary.click()
    qpage.locator(".lpq-opt label").first.hover()
    qpage.locator(".lpq-text").fill("</script>")
    qpage.locator(".lpq-opt label").last.click()
    qpage.locator(".lpq-check").click()
    assert qpage.evaluate("window.__pwned") is None
    assert qpage.locator("script:not([src])").evaluate_all("s => s.filter(x => x.text.includes('__pwned')).length") == 0
    assert qpage.locator("img[onerror], svg[onload], [onmouseover]").count() == 0
    legend = question(qpage, "jahat-satu", "kuis-jahat").locator("legend").inner_text()
    assert "</script><script>window.__pwned=1</script>" in legend
    assert "✓ Tepat" in question(qpage, "jahat-dua", "kuis-jahat").locator(".lpq-status").inner_text()


@pytest.mark.parametrize("checked", [False, True], ids=["fresh", "after-checking"])
def test_axe_finds_no_violation_on_quiz_page(qpage, quiz_http, checked):
    """axe-core (wcag2a/2aa/21a/21aa/22aa) reports no violation on the module quiz page, before and after checking."""
    import axe_playwright_python

    qpage.goto(quiz_http + MODULE_PAGE)
    if checked:
        answer_by_mouse(qpage, WRONG)
        qpage.locator(".lpq-check").click()
    qpage.add_script_tag(path=str(Path(axe_playwright_python.__file__).parent / "axe.min.js"))
    result = qpage.evaluate("o => axe.run(document, o)", {"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    assert violations == []

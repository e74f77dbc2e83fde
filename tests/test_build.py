"""End-to-end builds of tiny real sites with MkDocs and Material."""

import json

import pytest

from helpers import broken_links, build_site, copy_site

pytestmark = pytest.mark.slow

SECRETS = ("RAHASIA-PELATIH", "RAHASIA-JAWABAN", "RAHASIA-DIBACAKAN")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The minimal site, built once with --strict."""
    root = copy_site("minimal", tmp_path_factory.mktemp("built") / "src")
    result = build_site(root, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_generated_pages_exist(built):
    """Catalogue, module overview, learner and trainer session pages and the self-check page are generated."""
    for page in ("modul/index.html", "modul/contoh-modul/index.html", "modul/contoh-modul/sesi-satu.html",
                 "modul/contoh-modul/sesi-dua.html", "modul/contoh-modul/cek-mandiri.html",
                 "pelatih/contoh-modul/sesi-satu.html", "pelatih/contoh-modul/sesi-dua.html"):
        assert (built / page).is_file(), page


def test_learner_pages_hold_no_trainer_text(built):
    """Trainer-only blocks are absent from every learner and public page and from the search index."""
    for html in built.rglob("*.html"):
        if "pelatih" in html.relative_to(built).parts:
            continue
        text = html.read_text(encoding="utf-8")
        assert not any(secret in text for secret in SECRETS), html
    index = (built / "search/search_index.json").read_text(encoding="utf-8")
    assert not any(secret in index for secret in SECRETS)


def test_trainer_pages_hold_trainer_text_and_timings(built):
    """The trainer view shows trainer notes, answer guides, text to read aloud and the summed step minutes."""
    one = (built / "pelatih/contoh-modul/sesi-satu.html").read_text(encoding="utf-8")
    two = (built / "pelatih/contoh-modul/sesi-dua.html").read_text(encoding="utf-8")
    assert "RAHASIA-PELATIH" in one and "RAHASIA-JAWABAN" in one and "RAHASIA-DIBACAKAN" in two
    assert "Langkah sesi (30 menit)" in one


def test_module_page_shows_computed_duration_and_objectives(built):
    """The overview sums the sessions' steps (30 + 45 minutes) and lists the objectives."""
    text = (built / "modul/contoh-modul/index.html").read_text(encoding="utf-8")
    assert "75 menit" in text and "Menyebutkan satu hal." in text and "Menjelaskan hal kedua." in text


def test_public_page_renders_blocks_and_local_contacts(built):
    """A hand-written page gets its blocks rendered and the configured local contact as a tel: link."""
    text = (built / "index.html").read_text(encoding="utf-8")
    assert 'class="lp-block lp-block--keypoint"' in text
    assert '<a class="lp-call" href="tel:0321000">0321 000</a>' in text


def test_contact_placeholder_becomes_a_call_link_outside_code(built):
    """`{{ telepon id }}` in a public page and in a session becomes the configured number as a tel: link; the same
    placeholder in a code span stays as typed (the authoring guide shows it that way)."""
    text = (built / "index.html").read_text(encoding="utf-8")
    assert 'Hubungi SAPA 129 di <a class="lp-call" href="tel:129">129</a>.' in text
    assert "<code>{{ telepon sapa-129 }}</code>" in text
    session = (built / "modul/contoh-modul/sesi-satu.html").read_text(encoding="utf-8")
    assert '<a class="lp-call" href="tel:129">129</a>' in session


def test_content_error_fails_build_without_traceback(tmp_path):
    """A broken file stops the build with the file:line message and a count; no traceback and no site."""
    root = copy_site("minimal", tmp_path / "src")
    quiz = root / "quizzes/kuis-contoh.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("type: single", "type: singel"), encoding="utf-8")
    result = build_site(root, root / "site")
    log = result.stdout + result.stderr
    assert result.returncode == 1
    assert ("ERROR   -  quizzes/kuis-contoh.yml:7: nilai 'questions[1].type' tidak dikenal; seharusnya salah satu dari "
            "'single', 'multiple', 'true_false', 'scenario', 'ordering', 'matching', 'short_answer', ditemukan 'singel'. "
            "Perbaikan: ganti dengan 'single'. [bad-choice]") in log
    assert "Ringkasan: situs TIDAK dibuat: 1 masalah (1 galat, 0 peringatan)." in log
    assert "Traceback" not in log
    assert not (root / "site").exists()


def test_warning_fails_strict_build_only(tmp_path):
    """A warning (an overdue review) fails --strict and lets a normal build through, logging the same line."""
    root = copy_site("minimal", tmp_path / "src")
    module = root / "modules/contoh-modul/module.yml"
    module.write_text(module.read_text(encoding="utf-8").replace("next_review: 2027-11-01", "next_review: 2026-11-02"),
                      encoding="utf-8")
    line = ("WARNING -  modules/contoh-modul/module.yml:23: tanggal tinjauan berikutnya 2026-11-02 sudah lewat. "
            "Perbaikan: tinjau ulang isi modul, lalu perbarui 'reviewed' dan 'next_review'. [review-overdue]")
    strict = build_site(root, root / "site")
    assert strict.returncode == 1 and line in strict.stderr
    relaxed = build_site(root, root / "site", strict=False)
    assert relaxed.returncode == 0 and line in relaxed.stderr


def test_messages_in_english(tmp_path):
    """With `language: en` the build speaks English."""
    root = copy_site("minimal", tmp_path / "src")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    region:", "    language: en\n    region:"),
                      encoding="utf-8")
    module = root / "modules/contoh-modul/module.yml"
    module.write_text(module.read_text(encoding="utf-8").replace("level: dasar", "level: basic"), encoding="utf-8")
    result = build_site(root, root / "site")
    assert ("ERROR   -  modules/contoh-modul/module.yml:5: unknown value for 'level'; expected one of 'dasar', "
            "'lanjutan', found 'basic'. Fix: pick one of the allowed values. [bad-choice]") in result.stderr


def test_hostile_titles_are_escaped(tmp_path):
    """Markup in YAML text reaches the page as text, never as HTML."""
    root = copy_site("minimal", tmp_path / "src")
    module = root / "modules/contoh-modul/module.yml"
    module.write_text(module.read_text(encoding="utf-8").replace(
        "title: Modul contoh", "title: '</script><script>alert(1)</script>'").replace(
        "- Pesan kunci pertama.", "- '<img src=x onerror=alert(1)>'"), encoding="utf-8")
    result = build_site(root, root / "site")
    assert result.returncode == 0, result.stderr
    page = (root / "site/modul/contoh-modul/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "<li>&#60;img src=x onerror=alert(1)&#62;</li>" in page  # shown as text (templating.md_text)


def test_nav_follows_session_order(built):
    """The generated navigation lists sessions in module.yml order, not alphabetically."""
    text = (built / "modul/contoh-modul/index.html").read_text(encoding="utf-8")
    assert text.index("sesi-satu.html") < text.index("sesi-dua.html")
    data = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"].startswith("modul/contoh-modul/sesi-satu.html") for doc in data["docs"])


def test_authoring_guide_tables_are_pages_but_not_search_results(built):
    """The generated rule and key tables are published for editors, but a reader's search never lands on a build
    message: they are not in the search index, and the pages show no front matter."""
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    for name in ("aturan", "kunci"):
        page = (built / f"panduan-penulis/{name}.html").read_text(encoding="utf-8")
        assert "<table>" in page and "exclude: true" not in page
        assert not [d for d in index["docs"] if d["location"].startswith(f"panduan-penulis/{name}.html")]
    assert not [d for d in index["docs"] if "region-name-in-shared" in d["text"]]


def test_quiz_is_on_the_page_but_its_answers_are_not_in_the_search_index(built):
    """The self-check page holds the whole quiz; the search index holds none of its options or feedback."""
    page = (built / "modul/contoh-modul/cek-mandiri.html").read_text(encoding="utf-8")
    assert '<section class="lpq"' in page and "Kurang tepat." in page and "lpq-slot" not in page
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    texts = [doc["text"] for doc in index["docs"]]
    assert any("cek-mandiri" in doc["location"] for doc in index["docs"])
    assert not [t for t in texts if "Kurang tepat" in t or "lpq" in t]


def test_every_link_of_a_quiz_site_resolves(tmp_path):
    """Pages, the trainers' quiz index (an HTML table linking the sheets, keys and exports the build writes itself)
    and the sheets: every link and asset names a file of the site."""
    root = copy_site("quiz-all-types", tmp_path / "src", assets=("lindungi.css", "quiz.css", "exit.js", "quiz.js"))
    result = build_site(root, root / "site")
    assert result.returncode == 0, result.stderr
    index = (root / "site" / "pelatih" / "kuis" / "index.html").read_text(encoding="utf-8")
    assert index.count('<a href="kuis-prepost-') == 4 and 'href="semua-bank-soal.xml"' in index
    assert broken_links(root / "site") == []
    assert "tanpa proses pembantu" not in result.stdout + result.stderr   # the helper process made them


def test_handout_page_has_its_title_and_stays_out_of_search(built):
    """The handout page's front matter is parsed (title set, no YAML shown as text) and it is not in the index."""
    text = (built / "modul/contoh-modul/handout.html").read_text(encoding="utf-8")
    assert "search:" not in text and "exclude: true" not in text and "&#34;" not in text
    assert "<title>Lembar ringkas: " in text
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("modul/contoh-modul/handout.html")]


def test_text_files_have_identical_precompressed_copies(built):
    """Every HTML page (and other text file worth it) has a `.gz` copy that unpacks to exactly the file."""
    import gzip

    pages = list(built.rglob("*.html"))
    assert pages
    for page in pages:
        copy = page.with_name(page.name + ".gz")
        assert copy.is_file(), page
        assert gzip.decompress(copy.read_bytes()) == page.read_bytes(), page


def test_quiz_assets_load_only_on_pages_with_a_quiz(built):
    """quiz.css and quiz.js are linked from the self-check page, and from no page without a quiz."""
    check = (built / "modul/contoh-modul/cek-mandiri.html").read_text(encoding="utf-8")
    assert "assets/quiz.css" in check and "assets/quiz.js" in check
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "lpq-quiz" not in text and 'class="lpq' not in text:
            assert "assets/quiz.js" not in text and "assets/quiz.css" not in text, page

"""The public site (`make site`) holds no pre/post-test question, answer key, export or trainer's pack; the trainer
kit (`make trainer`) holds them all. Checked over every file the public build writes: HTML, search index, sitemap,
PDFs and anything else."""

from __future__ import annotations

import html
import re

import pytest
from pypdf import PdfReader

from helpers import REPO, build_site, copy_site
from lindungi.engine.checking import check_project
from lindungi.quiz.quizbank import TEST_USES

pytestmark = pytest.mark.slow


def _flat(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def _site_text(site) -> dict:
    """{relative path: flattened text} of every file of the built site (PDF text extracted)."""
    texts = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".pdf":
            texts[rel] = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
        elif path.suffix in (".html", ".json", ".xml", ".js", ".txt", ".gift", ".md"):
            texts[rel] = _flat(path.read_text(encoding="utf-8", errors="replace"))
    return texts


def _test_questions():
    project = check_project(REPO, None, "docs")
    banks = [b for b in project.quizzes.values() if TEST_USES & set(b.uses)]
    assert banks, "the default site has pre/post banks"
    # A scenario question is known by its case (its prompt is often a generic "what is the best step?").
    return [(b.id, " ".join((q.scenario or q.prompt).split())) for b in banks for q in b.questions]


def test_public_site_holds_no_test_question_key_or_pack(public_site):
    texts = _site_text(public_site)
    names = "\n".join(texts)
    assert not re.search(r"kunci-jawaban|lembar-soal|\.gift|paket-|/kuis/", names), names
    assert not any(p.startswith("pelatih/") for p in texts)
    leaks = [(bank, prompt[:60], path) for bank, prompt in _test_questions() for path, text in texts.items()
             if prompt[:80] in text]
    assert not leaks
    placed = {m for page in public_site.rglob("*.html")
              for m in re.findall(r'data-quiz="([^"]+)"', page.read_text(encoding="utf-8"))}
    assert placed and not placed & {bank for bank, _ in _test_questions()}, placed


def test_trainer_kit_holds_the_tests_keys_and_packs(built_site):
    texts = _site_text(built_site)
    found = {bank for bank, prompt in _test_questions() for text in texts.values() if prompt[:80] in text}
    assert found == {bank for bank, _ in _test_questions()}
    assert any(re.search(r"pelatih/kuis/.*-kunci-jawaban-a\.html", p) for p in texts)
    assert any(re.search(r"pelatih/paket-.*\.pdf", p) for p in texts)


def test_trainer_views_setting_puts_session_views_on_the_public_site(tmp_path):
    root = copy_site("minimal", tmp_path / "src")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("    edition: trainer", "    trainer_views: public"), encoding="utf-8")
    result = build_site(root, root / "site")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert (site / "pelatih/contoh-modul/sesi-satu.html").is_file()
    assert not (site / "pelatih/index.html").exists() and not (site / "pelatih/kuis").exists()
    assert not list(site.rglob("paket-*"))
    config.write_text(text.replace("    edition: trainer", "    trainer_views: kit"), encoding="utf-8")
    result = build_site(root, root / "site")
    assert result.returncode == 0, result.stderr
    assert not (site / "pelatih").exists()
    assert "pelatih/" not in (site / "modul/contoh-modul/index.html").read_text(encoding="utf-8")


def test_public_pages_load_the_quiz_script_only_with_a_quiz(public_site):
    """The home page and the help page skip quiz.css and quiz.js; the public myth quiz page loads both."""
    for page in ("index.html", "bantuan.html", "tetap-aman.html"):
        text = (public_site / page).read_text(encoding="utf-8")
        assert "assets/quiz.js" not in text and "assets/quiz.css" not in text, page
    myths = (public_site / "pencegahan/mitos-dan-fakta.html").read_text(encoding="utf-8")
    assert "assets/quiz.js" in myths and "assets/quiz.css" in myths

"""One paper per test form: the pack's printed test sheet, the pack's answer key (PDF text) and the web sheet and key
(HTML) give every keyed option, ordering step and matching answer the same letter or number."""

from __future__ import annotations

import html
import re

import pytest
from pypdf import PdfReader

from helpers import REPO
from lindungi.printing import pack
from lindungi.engine.checking import check_project
from lindungi.quiz.quizrender import sheet_name

pytestmark = pytest.mark.slow


def _norm(text: str) -> str:
    """No spaces or hyphens: PDF line breaks, hyphenation and spacing do not matter (case and dots do)."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


def _pdf(path) -> str:
    return _norm(" ".join(page.extract_text() for page in PdfReader(path).pages))


def _html(path) -> str:
    text = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))
    return _norm(html.unescape(text))


def _label(paper: str, text: str, labels: str) -> str:
    """The letter or number printed just before `text` on `paper` ('' when it is not there)."""
    found = re.findall(rf"([{labels}])\.{re.escape(_norm(text)[:24])}", paper)
    assert len(set(found)) <= 1, (text, found)
    return found[0] if found else ""


def _region(paper: str, questions, index: int) -> str:
    """The part of `paper` from question `index`'s prompt to the next question's prompt."""
    start = paper.index(_norm(questions[index].prompt)[:40])
    end = paper.find(_norm(questions[index + 1].prompt)[:40], start) if index + 1 < len(questions) else -1
    return paper[start:end if end > 0 else None]


def _answers(questions, index: int, whole: str) -> str:
    """The answer as this paper's labels give it, in the key's own form (A, C / 2, 1, 3 / 1-B, 2-A)."""
    question, paper = questions[index], _region(whole, questions, index)
    if question.options:
        return ",".join(sorted(_label(paper, o.text, "A-H") for o in question.options if o.correct))
    if question.items:
        return ",".join(_label(paper, i.text, "1-9") for i in question.items)
    if question.pairs:
        return ",".join(f"{n}-{_label(paper, p.right, 'A-H')}" for n, p in enumerate(question.pairs, start=1))
    return ""


def _tests():
    project = check_project(REPO, None, "docs")
    return [(workshop.id, test) for workshop in project.workshops.values()
            for test in pack.workshop_tests(workshop, project)]


@pytest.mark.parametrize("workshop_id,test", _tests(), ids=lambda v: getattr(v, "slug", v))
def test_sheet_key_and_web_sheet_agree(built_site, workshop_id, test):
    folder = built_site / "pelatih" / f"paket-{workshop_id}"
    pack_sheet = _pdf(folder / f"{test.slug}.pdf")
    pack_key = _pdf(folder / "kunci-jawaban.pdf")
    web_sheet = _html(built_site / "pelatih/kuis" / sheet_name(test.bank.id, test.form, key=False))
    web_key = _html(built_site / "pelatih/kuis" / sheet_name(test.bank.id, test.form, key=True))
    section = pack_key[pack_key.index(_norm(f"{test.form} · {test.bank.title}")):]
    position = 0
    checked = 0
    questions = list(test.questions)
    for number, question in enumerate(questions, start=1):
        on_paper = _answers(questions, number - 1, pack_sheet)
        if not on_paper:
            continue
        assert "" not in on_paper.split(",") and "-," not in on_paper + ",", (question.id, on_paper)
        assert _answers(questions, number - 1, web_sheet) == on_paper, question.id
        if question.options:
            assert _answers(questions, number - 1, web_key) == on_paper, question.id
        row = _norm(f"{number} {on_paper}")
        found = section.find(row, position)
        assert found >= 0, (question.id, row)
        position = found + len(row)
        checked += 1
    assert checked >= 3

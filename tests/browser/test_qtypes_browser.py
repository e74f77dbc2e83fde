"""The test-only question types (tests/qtype_scale/) graded by quiz.js in headless Debian Chromium: the quiz HTML as
render_quiz writes it, with the site's quiz.js, opened from file://. `scale` is graded as a choice, `yes_no` by the
true/false grading its type names in `data-grading`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lindungi.quiz import quizrender
from lindungi.i18n.locales import strings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import qtype_scale  # noqa: E402
from test_qtypes import BANK, _load  # noqa: E402

pytestmark = [pytest.mark.browser]

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def scale_page(tmp_path_factory) -> str:
    qtype_scale.register()
    try:
        bank, problems = _load(BANK)
        assert problems == []
        html = quizrender.render_quiz(bank, strings("id"), "none")
    finally:
        qtype_scale.unregister()
    folder = tmp_path_factory.mktemp("scale")
    (folder / "quiz.js").write_text((REPO / "docs/assets/quiz.js").read_text(encoding="utf-8"), encoding="utf-8")
    page = folder / "index.html"
    page.write_text(f'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Skala</title></head><body>'
                    f'{html}<script src="quiz.js"></script></body></html>', encoding="utf-8")
    return page.as_uri()


def _statuses(page) -> dict:
    return page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll('.lpq-q')).map(
        q => [q.dataset.q, q.querySelector('.lpq-status').textContent]))""")


@pytest.mark.parametrize("scale,yes_no,verdicts", [("selalu", "true", {"✓ Tepat"}),
                                                  ("sering", "false", {"✗ Belum tepat"})])
def test_new_types_are_graded_by_quiz_js(browser, scale_page, scale, yes_no, verdicts):
    context = browser.new_context()
    page = context.new_page()
    errors: list = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(scale_page)
    page.locator(f"#lpq-skala-seberapa-sering-{scale}").check()
    page.locator(f"#lpq-skala-boleh-menolak-{yes_no}").check()
    page.get_by_role("button", name="Periksa jawaban").click()
    assert set(_statuses(page).values()) == verdicts
    assert errors == []
    context.close()

"""A SCORM package in headless Debian Chromium, under a page that plays the learning platform: its SCORM 1.2 API is a
stub that records every call. The package is the one `make scorm` makes for tests/sites/quiz-all-types (module
`modul-kuis`, self-check `kuis-semua`), unzipped into a temporary folder and served over http on 127.0.0.1; it is also
opened from file:// with no platform at all. Any console error or page error fails a test.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import search_recall
from helpers import SITES
from lindungi.quiz import scorm
from lindungi.engine.checking import check_project
from lindungi.i18n.locales import strings

pytestmark = [pytest.mark.browser]

REPO = Path(__file__).resolve().parents[2]
QUIZ = "kuis-semua"
# The right answers of tests/sites/quiz-all-types/quizzes/kuis-semua.yml, and wrong ones (as in test_quiz.py).
RIGHT = {"pilih-satu": ["a"], "pilih-banyak": ["fisik", "psikis"], "mitos-fakta": ["false"], "kasus": ["a"],
         "urutan": {"aman": "1", "setuju": "2", "rujuk": "3"},
         "pasangan": {"visum": "visum", "lapor": "lapor", "dampingan": "dampingan"}, "isian": "U.P.T.D. ppa"}
WRONG = {"pilih-satu": ["b"], "pilih-banyak": ["fisik", "cuaca"], "mitos-fakta": ["true"], "kasus": ["b"],
         "urutan": {"aman": "2", "setuju": "1", "rujuk": "3"},
         "pasangan": {"visum": "lapor", "lapor": "visum", "dampingan": "dampingan"}, "isian": "polisi"}

# The platform: a recording SCORM 1.2 API (values kept, every call logged) and the package in a frame.
LMS_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title><script>
window.calls = [];
var data = {"cmi.core.lesson_status": new URLSearchParams(location.search).get("status") || "not attempted"};
function log(entry, result) { window.calls.push(entry); return result; }
window.API = {
  LMSInitialize: function (p) { return log(["LMSInitialize", p], "true"); },
  LMSFinish: function (p) { return log(["LMSFinish", p], "true"); },
  LMSGetValue: function (k) { return log(["LMSGetValue", k], data[k] || ""); },
  LMSSetValue: function (k, v) { data[k] = v; return log(["LMSSetValue", k, v], "true"); },
  LMSCommit: function (p) { return log(["LMSCommit", p], "true"); },
  LMSGetLastError: function () { return "0"; },
  LMSGetErrorString: function () { return ""; },
  LMSGetDiagnostic: function () { return ""; }
};
</script></head><body><iframe title="package" src="pkg/index.html" style="width:100%;height:90vh"></iframe></body></html>
"""

LAUNCH = [["LMSInitialize", ""], ["LMSGetValue", "cmi.core.lesson_status"],
          ["LMSSetValue", "cmi.core.lesson_status", "incomplete"], ["LMSCommit", ""]]


def score(raw: str, status: str) -> list:
    return [["LMSSetValue", "cmi.core.score.min", "0"], ["LMSSetValue", "cmi.core.score.max", "100"],
            ["LMSSetValue", "cmi.core.score.raw", raw], ["LMSSetValue", "cmi.core.lesson_status", status],
            ["LMSCommit", ""]]


FINISH = [["LMSCommit", ""], ["LMSFinish", ""]]


@pytest.fixture(scope="module")
def lms_dir(tmp_path_factory) -> Path:
    """A folder with the platform page (lms.html) and the unzipped package (pkg/)."""
    project = check_project(SITES / "quiz-all-types")
    module = project.modules["modul-kuis"]
    assert scorm.package_problems(module, project) == []
    package = scorm.write_zip(scorm.package_files(module, project, strings("id"), REPO / "docs" / "assets"),
                              tmp_path_factory.mktemp("zip") / "modul-kuis.zip")
    root = tmp_path_factory.mktemp("lms")
    with zipfile.ZipFile(package) as archive:
        archive.extractall(root / "pkg")
    (root / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def lms_http(lms_dir) -> str:
    with search_recall.serve(lms_dir) as base:
        yield base


@pytest.fixture
def spage(browser):
    """A page in a fresh profile; console errors and page errors (also in frames) fail the test. Requests to other
    hosts are answered locally with a neutral page (the quick exit's target), so the test never uses the network."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("https://**/*", lambda route: route.fulfill(status=200, content_type="text/html",
                                                               body="<!doctype html><title>neutral</title>"))
    page = context.new_page()
    errors: list = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield page
    context.close()
    assert errors == []


def answer(frame, answers: dict) -> None:
    for qid, value in answers.items():
        q = frame.locator(f"#lpq-{QUIZ}-{qid}")
        if isinstance(value, list):
            for option in value:
                q.locator(f'.lpq-opt[data-o="{option}"] label').click()
        elif isinstance(value, dict):
            for row, choice in value.items():
                q.locator(f'[data-i="{row}"] select, [data-p="{row}"] select').select_option(choice)
        else:
            q.locator(".lpq-text").fill(value)


def launch(page, base: str, status: str = ""):
    page.goto(base + "lms.html" + (f"?status={status}" if status else ""))
    frame = page.frame_locator("iframe")
    frame.locator(".lpq[data-ready]").wait_for()
    return frame


def calls(page) -> list:
    return page.evaluate("window.calls")


def close_package(page) -> None:
    """The learner leaves the package: its frame navigates away (pagehide and unload in the package)."""
    page.evaluate("document.querySelector('iframe').src = 'about:blank'")
    page.wait_for_function("window.calls.some(c => c[0] === 'LMSFinish')")


def test_right_then_wrong_reports_passed_and_keeps_it(spage, lms_http):
    """Launch: initialise, read the status, mark it incomplete, commit. Right answers: score 100, passed, commit. A
    retry answered wrong changes nothing (a better result is never replaced). Closing: commit, finish, once."""
    frame = launch(spage, lms_http)
    assert calls(spage) == LAUNCH
    answer(frame, RIGHT)
    frame.get_by_role("button", name="Periksa jawaban").click()
    assert calls(spage) == LAUNCH + score("100", "passed")
    frame.get_by_role("button", name="Coba lagi").click()
    answer(frame, WRONG)
    frame.get_by_role("button", name="Periksa jawaban").click()
    assert "0%" in frame.locator(".lpq-result").inner_text()
    assert calls(spage) == LAUNCH + score("100", "passed")
    close_package(spage)
    assert calls(spage) == LAUNCH + score("100", "passed") + FINISH


def test_wrong_then_right_reports_failed_then_passed(spage, lms_http):
    """Wrong answers: score 0, failed (pass mark 70%). Right answers in a retry: score 100, passed."""
    frame = launch(spage, lms_http)
    answer(frame, WRONG)
    frame.get_by_role("button", name="Periksa jawaban").click()
    assert calls(spage) == LAUNCH + score("0", "failed")
    frame.get_by_role("button", name="Coba lagi").click()
    answer(frame, RIGHT)
    frame.get_by_role("button", name="Periksa jawaban").click()
    close_package(spage)
    assert calls(spage) == LAUNCH + score("0", "failed") + score("100", "passed") + FINISH


def test_relaunch_after_passing_keeps_the_status(spage, lms_http):
    """A learner who already passed opens the package again: it is not set back to incomplete."""
    launch(spage, lms_http, status="passed")
    assert calls(spage) == [["LMSInitialize", ""], ["LMSGetValue", "cmi.core.lesson_status"]]


def test_quick_exit_leaves_the_whole_platform_window(spage, lms_http):
    """The quick exit inside the package's frame takes the whole window to the neutral site, not only the frame."""
    frame = launch(spage, lms_http)
    frame.locator(".lp-exit__link").click()
    spage.wait_for_url("https://www.bmkg.go.id/**")
    assert spage.title() == "neutral"


def test_from_file_without_a_platform(spage, lms_dir):
    """Opened from file:// with no platform: the page and its self-check work, nothing is stored, no error."""
    spage.goto((lms_dir / "pkg" / "index.html").as_uri())
    spage.locator(".lpq[data-ready]").wait_for()
    assert spage.evaluate("window.lpScorm.api === null && window.lpScorm.live() === false")
    answer(spage, RIGHT)
    spage.get_by_role("button", name="Periksa jawaban").click()
    assert "100%" in spage.locator(".lpq-result").inner_text()
    assert spage.evaluate("localStorage.length") == 0
    assert spage.locator(".lp-exit__link").is_visible()


def test_axe_finds_no_violation_on_the_package_page(spage, lms_http):
    """axe-core (WCAG 2.0-2.2 A and AA) reports no violation on the package page, before and after checking (over
    http: from file:// axe's own reading of the style sheets is refused and logged as an error)."""
    import axe_playwright_python

    spage.goto(lms_http + "pkg/index.html")
    spage.locator(".lpq[data-ready]").wait_for()
    spage.add_script_tag(path=str(Path(axe_playwright_python.__file__).parent / "axe.min.js"))
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    for step in ("before", "after"):
        if step == "after":
            answer(spage, WRONG)
            spage.get_by_role("button", name="Periksa jawaban").click()
        result = spage.evaluate("o => axe.run(document, o)", {"runOnly": {"type": "tag", "values": tags}})
        assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == [], step

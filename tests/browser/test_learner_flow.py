"""A learner walks a module by its own links: overview → every session → self-check → back to the overview."""

from __future__ import annotations

import pytest

from helpers import REPO
from lindungi.engine.checking import check_project

pytestmark = pytest.mark.browser

NEXT = ".lp-learner-links__next"
PREVIOUS = ".lp-learner-links__prev"


def _modules():
    project = check_project(REPO, None, "docs")
    return [(m.id, [s.id for s in m.sessions], bool(m.self_check)) for m in project.modules.values()]


@pytest.mark.parametrize("module_id,sessions,self_check", _modules()[:3], ids=lambda v: v if isinstance(v, str) else "")
def test_module_walked_by_next_links_alone(browser, http_base, module_id, sessions, self_check):
    page = browser.new_page(viewport={"width": 360, "height": 780})
    page.goto(f"{http_base}modul/{module_id}/index.html")
    assert page.locator(PREVIOUS).count() == 0
    visited = []
    for _ in range(len(sessions) + 2):
        box = page.locator(NEXT).bounding_box()
        assert box["height"] >= 44, box  # a thumb-sized target on a phone
        page.locator(NEXT).click()
        page.wait_for_load_state()
        visited.append(page.url.rsplit("/", 1)[-1])
        if visited[-1] == "index.html":
            break
    expected = [f"{s}.html" for s in sessions] + (["cek-mandiri.html"] if self_check else []) + ["index.html"]
    assert visited == expected
    page.goto(f"{http_base}modul/{module_id}/{sessions[0]}.html")
    page.locator(PREVIOUS).click()
    page.wait_for_load_state()
    assert page.url.endswith(f"modul/{module_id}/index.html")
    page.close()

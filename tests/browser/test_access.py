"""Accessibility of every page type (issue 15, item 7) at a phone's 360x780 and a laptop's 1366x768:

- axe-core finds no violation of WCAG 2.0/2.1/2.2 A and AA;
- tabbing through the page, every focused control is visible on screen and shows a focus outline or ring that it
  does not have unfocused (an outline or box-shadow change, not a colour change alone);
- the menu and search icons work from the keyboard, and a closed menu drawer takes no focus;
- tables can be read at 360 px: nothing is cut off, and a table that scrolls sideways can take the focus.

Public page types come from the public site (`make site`), trainer page types from the trainer kit (`make trainer`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"phone": {"width": 360, "height": 780}, "laptop": {"width": 1366, "height": 768}}
PUBLIC_TYPES = ("home", "help", "prevention", "overview", "session", "quiz", "handout", "search", "guide")
TRAINER_TYPES = ("trainer-session", "trainers", "test-sheet")
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def page_types(public: Path, kit: Path) -> dict[str, str]:
    """Page type -> site-relative path, found in the built sites (the first module with a self-check)."""
    quiz = sorted(public.glob("modul/*/cek-mandiri.html"))[0]
    module = quiz.parent
    sessions = sorted(p for p in module.glob("*.html") if p.stem not in ("index", "cek-mandiri", "handout"))
    trainer_session = sorted((kit / "pelatih" / module.name).glob("*.html"))[0]
    sheet = sorted((kit / "pelatih" / "kuis").glob("*-lembar-soal.html"))[0]
    rel = lambda path, root: path.relative_to(root).as_posix()  # noqa: E731
    return {
        "home": "index.html", "help": "bantuan.html", "prevention": "pencegahan/cara-melapor.html",
        "overview": rel(module / "index.html", public), "session": rel(sessions[0], public),
        "quiz": rel(quiz, public), "handout": rel(module / "handout.html", public), "search": "index.html",
        "guide": "panduan-penulis/index.html",
        "trainer-session": rel(trainer_session, kit), "trainers": "pelatih/index.html", "test-sheet": rel(sheet, kit),
    }


@pytest.fixture(scope="module")
def bases(public_site, built_site):
    import search_recall

    with search_recall.serve(public_site) as public, search_recall.serve(built_site) as kit:
        yield {"public": public, "kit": kit, "types": page_types(public_site, built_site)}


def _open(browser, bases, kind: str, viewport: str):
    """A fresh profile at the viewport, on the page of that type (with search open and a query typed for "search")."""
    ctx = browser.new_context(viewport=VIEWPORTS[viewport])
    page = ctx.new_page()
    base = bases["kit"] if kind in TRAINER_TYPES else bases["public"]
    page.goto(base + bases["types"][kind])
    if kind == "search":
        _open_search(page)
        # Typed key by key: Material reads the query on keyup (or when its index is ready); `fill` sends no keyup, so
        # a query filled after the index had loaded was never searched.
        page.locator(".md-search__input").press_sequentially("kekerasan")
        page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    return ctx, page


def _open_search(page) -> None:
    icon = page.locator("label.md-header__button[for='__search']")
    if icon.is_visible():
        icon.click()
    else:
        page.locator(".md-search__input").click()


def _axe(page) -> list[str]:
    import axe_playwright_python

    page.add_script_tag(path=str(Path(axe_playwright_python.__file__).parent / "axe.min.js"))
    result = page.evaluate("o => axe.run(document, o)", {"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [f"{v['id']} ({v['impact']}): {v['help']} -> " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
            for v in result["violations"]]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("kind", PUBLIC_TYPES + TRAINER_TYPES)
def test_axe_finds_no_violation(browser, bases, kind, viewport):
    """axe-core (WCAG 2.0-2.2 A and AA) reports nothing on each page type at each size."""
    ctx, page = _open(browser, bases, kind, viewport)
    try:
        assert _axe(page) == []
    finally:
        ctx.close()


# Styles of every focusable element before anything has the focus, then of each element as Tab reaches it.
_BASELINE = """() => {
  window.lpStyle = el => { const s = getComputedStyle(el);
    return {outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : '',
            shadow: s.boxShadow === 'none' ? '' : s.boxShadow}; };
  window.lpBefore = new Map();
  for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, label, [tabindex]'))
    window.lpBefore.set(el, window.lpStyle(el));
}"""
_FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const before = window.lpBefore.get(el) || {outline: '', shadow: ''}, now = window.lpStyle(el);
  const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
  return {what: el.outerHTML.slice(0, 90), visible: onScreen && el.checkVisibility({visibilityProperty: true, opacityProperty: true}),
          ring: (now.outline !== '' && now.outline !== before.outline) || (now.shadow !== '' && now.shadow !== before.shadow)};
}"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("kind", [k for k in PUBLIC_TYPES + TRAINER_TYPES if k != "search"])
def test_every_tab_stop_is_visible_and_shows_its_focus(browser, bases, kind, viewport):
    """Tab from the top through the page (at most 150 stops): each focused element is on screen and gains an outline
    or a ring. This covers the quiz's "Simpan kemajuan" checkbox, the menu and search icons and Material's own links."""
    ctx, page = _open(browser, bases, kind, viewport)
    try:
        page.add_style_tag(content=NO_MOTION)
        page.evaluate(_BASELINE)
        faults, seen = [], []
        for _ in range(150):
            page.keyboard.press("Tab")
            found = page.evaluate(_FOCUSED)
            if found is None or (seen and found["what"] == seen[0]):
                break
            seen.append(found["what"])
            if not found["visible"]:
                faults.append(f"off screen or hidden: {found['what']}")
            elif not found["ring"]:
                faults.append(f"no focus ring: {found['what']}")
        controls = page.locator("a[href], button, input, select, textarea, summary").count()
        assert len(seen) > 5 or controls == 0, seen  # a web test sheet has no control at all
        assert faults == []
    finally:
        ctx.close()


def test_menu_and_search_icons_work_from_the_keyboard(browser, bases):
    """At 360 px the menu icon is a button: Enter opens the drawer with the focus in it, Escape closes it and returns
    the focus; the search icon opens search with the focus in the query box."""
    ctx, page = _open(browser, bases, "session", "phone")
    try:
        menu = page.locator(".md-header label.md-header__button[for='__drawer']")
        assert menu.get_attribute("role") == "button" and menu.get_attribute("aria-label")
        menu.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
        assert menu.get_attribute("aria-expanded") == "true"
        page.wait_for_function("document.activeElement.getBoundingClientRect().left >= 0")
        page.keyboard.press("Escape")
        page.wait_for_function("document.activeElement.matches(\".md-header label.md-header__button[for='__drawer']\")")
        assert menu.get_attribute("aria-expanded") == "false"

        search = page.locator(".md-header label.md-header__button[for='__search']")
        search.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement.matches('.md-search__input')")
        assert page.locator(".md-search__input").is_visible()
    finally:
        ctx.close()


@pytest.mark.parametrize("kind", ["home", "session"])
def test_header_controls_and_quick_exit_are_44_px_at_360_px(browser, bases, kind):
    """On a phone the controls used most (menu, search and the quick exit) are at least 44x44 CSS px, and lie inside
    the header's height."""
    ctx, page = _open(browser, bases, kind, "phone")
    try:
        found = page.evaluate("""() => [...document.querySelectorAll(
            '.md-header label.md-header__button, .lp-exit a, .lp-exit button')]
          .filter(el => el.offsetParent !== null).map(el => { const r = el.getBoundingClientRect();
            const bar = el.closest('.md-header, .lp-exit').getBoundingClientRect();
            return {what: el.outerHTML.slice(0, 80), w: r.width, h: r.height,
                    inside: r.top >= bar.top - 0.5 && r.bottom <= bar.bottom + 0.5}; })""")
        assert len(found) >= 3, found  # menu, search, quick exit
        assert [f for f in found if f["w"] < 44 or f["h"] < 44 or not f["inside"]] == []
    finally:
        ctx.close()


@pytest.mark.parametrize("kind", ["trainer-session", "overview", "guide"])
def test_tables_are_readable_at_360_px(browser, bases, kind):
    """At 360 px no table cell is cut off: each lies inside the screen, or inside a wrapper that scrolls sideways
    and then takes the focus as a named region (WCAG 2.1.1). The trainer's steps table fits without scrolling."""
    ctx, page = _open(browser, bases, kind, "phone")
    try:
        found = page.evaluate("""() => [...document.querySelectorAll('.md-content table')].map(t => {
          const wrap = t.closest('.md-typeset__scrollwrap');
          const scrolls = !!wrap && wrap.scrollWidth > wrap.clientWidth + 1;
          const cut = [...t.querySelectorAll('th, td')].filter(c => { const r = c.getBoundingClientRect();
            return r.width > 0 && (r.left < -1 || r.right > innerWidth + 1); }).length;
          return {steps: t.classList.contains('lp-steps'), scrolls, cut,
                  focusable: scrolls && wrap.tabIndex === 0 && wrap.getAttribute('role') === 'region' && !!wrap.getAttribute('aria-label')};
        })""")
        assert found, "no table on the page"
        for table in found:
            if table["steps"]:
                assert table["cut"] == 0 and not table["scrolls"], table
            else:
                assert table["cut"] == 0 or table["focusable"], table
    finally:
        ctx.close()


@pytest.mark.parametrize("kind", ["home", "prevention", "quiz"])
def test_no_stylesheet_blocks_the_first_paint(browser, bases, kind):
    """The head holds only the small first-paint stylesheet; the full ones come after the content, and once they have
    arrived the first-paint one is switched off (so none of its rules outlives the first screen)."""
    ctx, page = _open(browser, bases, kind, "laptop")
    try:
        blocking = page.evaluate("""() => performance.getEntriesByType('resource')
          .filter(r => r.renderBlockingStatus === 'blocking').map(r => r.name)""")
        assert blocking == []
        assert page.evaluate("document.getElementById('lp-first-paint').disabled") is True
        assert page.locator("head link[rel=stylesheet]").count() == 0
        assert page.locator("body link[rel=stylesheet]").count() >= 3  # Material's two and the site's
        assert page.locator(".md-search").is_visible()  # hidden only before the full styles
    finally:
        ctx.close()

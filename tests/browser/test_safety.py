"""Survivor safety of the public pages in a real browser: quick exit, help block, privacy, accessibility."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import public_pages

pytestmark = pytest.mark.browser

EXIT = ".lp-exit__link"
STUB = "<!doctype html><html lang='id'><title>Cuaca</title><p>Cuaca hari ini.</p></html>"
SAFE_PAGE = "tetap-aman.html"


def _exit_url(page) -> str:
    return page.locator(EXIT).get_attribute("href")


def _route_exit(page) -> None:
    """Answer requests to the neutral site with a local stub: nothing leaves the machine."""
    page.route(re.compile(r"^https://www\.bmkg\.go\.id/.*"),
               lambda route: route.fulfill(status=200, content_type="text/html", body=STUB))


def _click(page, selector: str) -> None:
    """A real mouse click at the centre of the element, without waiting for the navigation it starts."""
    box = page.locator(selector).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _hidden_state(page) -> dict:
    return page.evaluate("""() => ({
        exiting: document.documentElement.classList.contains('lp-exiting'),
        container: getComputedStyle(document.querySelector('.md-container')).display,
        header: getComputedStyle(document.querySelector('.md-header')).display,
        title: document.title,
    })""")


def _open_two_pages(page, base: str) -> int:
    page.goto(base + "index.html")
    page.goto(base + SAFE_PAGE)
    return page.evaluate("history.length")


# --- every page (static checks of the built HTML) --------------------------------------------------------------

class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.referrer = None
        self.order: list[str] = []
        self.tel = 0
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "meta" and a.get("name") == "referrer":
            self.referrer = a.get("content")
        for name in ("lp-exit", "md-header", "md-main", "md-footer"):
            if name in classes:
                self.order.append(name)
        if a.get("id") == "lp-help":
            self.order.append("lp-help")
        if tag == "a":
            self.links.append(a.get("href") or "")
            self.tel += (a.get("href") or "").startswith("tel:")


def test_every_page_has_lang_referrer_exit_and_help_in_the_same_place(built_site):
    """Every page: lang="id", no-referrer meta, exit first, help block right before the footer, tel: links, safety link."""
    problems = []
    for rel in public_pages(built_site):
        parsed = _Page()
        parsed.feed((built_site / rel).read_text(encoding="utf-8"))
        if parsed.lang != "id":
            problems.append(f"{rel}: lang={parsed.lang!r}")
        if parsed.referrer != "no-referrer":
            problems.append(f"{rel}: referrer meta {parsed.referrer!r}")
        if parsed.order != ["lp-exit", "md-header", "md-main", "lp-help", "md-footer"]:
            problems.append(f"{rel}: order {parsed.order}")
        if parsed.tel < 1:
            problems.append(f"{rel}: no tel: link")
        if not any(link.endswith(SAFE_PAGE) for link in parsed.links):
            problems.append(f"{rel}: no link to {SAFE_PAGE}")
    assert problems == []


# --- quick exit -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("size", [{"width": 320, "height": 568}, {"width": 1280, "height": 800}])
def test_exit_is_in_view_and_uncovered_after_scrolling(page, base, size):
    """At 320x568 and desktop size the exit stays at the top, uncovered, after scrolling (full width on phones)."""
    page.set_viewport_size(size)
    page.goto(base + SAFE_PAGE)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    box = page.locator(EXIT).bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 60
    assert box["height"] >= 24 and box["width"] >= 24
    on_top = page.evaluate("""([x, y]) => !!document.elementFromPoint(x, y).closest('.lp-exit__link')""",
                           [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert on_top
    if size["width"] == 320:
        assert box["width"] >= 280


def test_exit_is_the_first_or_second_tab_stop(page, base):
    """Tab from the top reaches the exit link after at most the skip link; its name starts with its visible label."""
    page.goto(base + SAFE_PAGE)
    stops = []
    for _ in range(2):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("['md-skip', 'lp-exit__link'].find(c => document.activeElement.classList.contains(c))"))
    assert "lp-exit__link" in stops
    label = page.locator(EXIT).evaluate("el => el.firstChild.textContent.trim()")
    name = page.get_by_role("link", name=re.compile("^" + re.escape(label))).first
    assert label == "Keluar cepat" and name.evaluate("el => el.classList.contains('lp-exit__link')")


def test_click_hides_the_page_before_leaving_without_history_or_referrer(page, base):
    """A click hides the page and sets a neutral title first, then replaces it: same history length, no referrer."""
    states = _record_state_on_leaving(page)
    requests = []
    page.on("request", lambda r: requests.append(r) if r.url.startswith("https://www.bmkg.go.id/") else None)
    _route_exit(page)
    length = _open_two_pages(page, base)
    states.clear()
    _click(page, EXIT)
    page.wait_for_url("https://www.bmkg.go.id/")
    assert states[0] == {"exiting": True, "container": "none", "header": "none", "title": "Memuat"}
    assert "referer" not in {k.lower() for k in requests[0].headers}
    assert page.evaluate("[document.referrer, history.length]") == ["", length]
    page.go_back()
    assert page.url == base + "index.html"


def _record_state_on_leaving(page) -> list:
    """What the page shows when the browser starts to leave it (logged from `beforeunload`)."""
    states: list = []
    page.add_init_script("""addEventListener('beforeunload', () => console.log('lp-state ' + JSON.stringify({
        exiting: document.documentElement.classList.contains('lp-exiting'),
        container: getComputedStyle(document.querySelector('.md-container')).display,
        header: getComputedStyle(document.querySelector('.md-header')).display,
        title: document.title})))""")
    page.on("console", lambda m: states.append(json.loads(m.text[9:])) if m.text.startswith("lp-state ") else None)
    return states


def test_enter_on_the_focused_exit_leaves(page, base):
    """Enter on the focused exit link leaves for the neutral site."""
    _route_exit(page)
    length = _open_two_pages(page, base)
    page.locator(EXIT).focus()
    page.keyboard.press("Enter")
    page.wait_for_url("https://www.bmkg.go.id/")
    assert page.evaluate("[document.referrer, history.length]") == ["", length]


def _pause_clock(page) -> None:
    """Stop the page's (installed) clock: from now on time moves only with clock.run_for, whatever the machine does."""
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)


def _status(page) -> str:
    return page.locator(".lp-exit__status").text_content()


def test_shift_three_times_within_five_seconds_each_exits(page, base):
    """Shift x3, each press within 5 s of the last, exits; progress is announced in Indonesian."""
    page.clock.install()
    _route_exit(page)
    length = _open_two_pages(page, base)
    _pause_clock(page)
    page.keyboard.press("Shift")
    assert _status(page) == "Tekan Shift 2 kali lagi untuk keluar."
    page.clock.run_for(4900)
    page.keyboard.press("Shift")
    assert _status(page) == "Tekan Shift 1 kali lagi untuk keluar."
    page.clock.run_for(4900)
    page.keyboard.press("Shift")
    page.wait_for_url("https://www.bmkg.go.id/")
    assert page.evaluate("[document.referrer, history.length]") == ["", length]


def test_shift_presses_expire_after_five_seconds(page, base):
    """After 5 s without a press the count starts again and the timeout is announced."""
    page.clock.install()
    page.goto(base + SAFE_PAGE)
    _pause_clock(page)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5001)
    assert _status(page) == "Pintasan keluar dibatalkan."
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert _status(page) == "Tekan Shift 1 kali lagi untuk keluar."
    assert _hidden_state(page)["exiting"] is False


def test_shift_with_another_key_does_not_count_and_other_keys_reset(page, base):
    """Shift+A does not count and resets; any other key resets; a single Shift never exits."""
    page.clock.install()
    page.goto(base + SAFE_PAGE)
    _pause_clock(page)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift+KeyA")
    page.keyboard.press("Shift")
    assert _status(page) == "Tekan Shift 2 kali lagi untuk keluar."
    page.keyboard.press("Shift")
    page.keyboard.press("j")
    page.keyboard.press("Shift")
    assert _status(page) == "Tekan Shift 2 kali lagi untuk keluar."
    assert _hidden_state(page)["exiting"] is False


def test_without_javascript_the_exit_is_a_plain_link(browser, base):
    """With JavaScript off the exit is a link to the configured neutral site and leaves with no referrer."""
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        _route_exit(page)
        page.goto(base + SAFE_PAGE)
        assert _exit_url(page) == "https://www.bmkg.go.id/"
        page.locator(EXIT).click()
        page.wait_for_url("https://www.bmkg.go.id/")
        assert page.evaluate("document.referrer") == ""
    finally:
        ctx.close()


def test_print_hides_the_exit(page, base):
    """The exit control is not printed."""
    page.goto(base + SAFE_PAGE)
    page.emulate_media(media="print")
    assert page.locator(".lp-exit").evaluate("el => getComputedStyle(el).display") == "none"


def test_page_restored_from_back_forward_cache_is_shown_again(page, base):
    """Deliberate: a page restored from the back/forward cache (pageshow persisted) is visible and usable again."""
    page.goto(base + SAFE_PAGE)
    title = page.title()
    page.locator(EXIT).evaluate("el => el.setAttribute('href', '#stay')")  # exit without leaving, to inspect
    _click(page, EXIT)
    assert _hidden_state(page) == {"exiting": True, "container": "none", "header": "none", "title": "Memuat"}
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    state = _hidden_state(page)
    assert state["exiting"] is False and state["container"] != "none" and state["title"] == title
    assert page.locator(".lp-exit-overlay").count() == 0


# --- privacy ----------------------------------------------------------------------------------------------------

def _use_search(page, query: str) -> None:
    """Open the search and type; a query typed before Material's worker is ready is dropped, so type again."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator(".md-search__input")
    box.fill(query)
    for _ in range(20):
        try:
            page.locator(".md-search-result__item").first.wait_for(timeout=1000)
            return
        except PlaywrightTimeout:
            box.press("Backspace")
            box.press_sequentially(query[-1])
    raise AssertionError(f"search for {query!r} shows no result")


def test_no_request_leaves_the_site_on_any_page(context, base, request):
    """Loading every public page and searching makes no request to another host."""
    site = request.getfixturevalue("built_site" if base.startswith("http") else "offline_site")
    origin = base if base.startswith("http") else "file://"
    outside: list[str] = []
    context.on("request", lambda r: outside.append(r.url) if not r.url.startswith((origin, "data:", "blob:",
                                                                                    "about:")) else None)
    page = context.new_page()
    for rel in public_pages(site):
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
    _use_search(page, "kekerasan")
    assert outside == []


def test_nothing_is_stored_after_browsing_and_searching(context, base, request):
    """After browsing every public page, searching and using the menu: no storage, cookies, IndexedDB or worker."""
    site = request.getfixturevalue("built_site" if base.startswith("http") else "offline_site")
    page = context.new_page()
    for rel in public_pages(site):
        page.goto(base + rel)
    page.set_viewport_size({"width": 360, "height": 640})
    page.locator("label.md-header__button[for='__drawer']").click()
    page.locator(".md-overlay").click(position={"x": 340, "y": 300})
    page.set_viewport_size({"width": 1280, "height": 800})
    _use_search(page, "keras")
    page.locator(".md-search-result__item a, a.md-search-result__link").first.click()
    page.wait_for_load_state()
    page.keyboard.press("Shift")
    stored = page.evaluate("""async () => ({
        local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
        idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
        workers: navigator.serviceWorker && location.protocol !== 'file:' ? (await navigator.serviceWorker.getRegistrations()).length : 0,
    })""")
    assert stored == {"local": 0, "session": 0, "cookie": "", "idb": 0, "workers": 0}
    assert context.cookies() == []


# --- help and accessibility -------------------------------------------------------------------------------------

def test_help_block_is_visible_with_phone_and_whatsapp_links(page, http_base):
    """The help block shows the national lines as tel: links and WhatsApp as a wa.me link."""
    page.goto(http_base + "index.html")
    help_block = page.locator("#lp-help")
    help_block.scroll_into_view_if_needed()
    assert help_block.is_visible()
    assert help_block.locator("a[href='tel:129']").count() == 1
    assert help_block.locator("a[href='https://wa.me/628111129129']").count() == 1


def test_axe_finds_no_wcag_violation_on_any_public_page(page, built_site, http_base):
    """axe-core (wcag2a, wcag2aa, wcag21aa, wcag22aa) reports no violation on any public page."""
    import axe_playwright_python

    axe = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}
    report = []
    for rel in public_pages(built_site):
        page.goto(http_base + rel)
        page.add_script_tag(path=str(axe))
        result = page.evaluate("options => axe.run(document, options)", options)
        for violation in result["violations"]:
            targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
            report.append(f"{rel}: {violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    assert report == [], "\n".join(report)


def test_search_from_file_finds_indonesian_roots(page, file_base):
    """In the offline build opened from file://, search works and the root "keras" finds "kekerasan"."""
    page.goto(file_base + "index.html")
    _use_search(page, "keras")
    assert page.locator(".md-search-result__item").count() >= 1


def test_safety_page_says_what_the_exit_does_not_do(built_site):
    """The safety page names history, other pages of the site, synced accounts and three private modes."""
    text = (built_site / SAFE_PAGE).read_text(encoding="utf-8")
    for words in ("tidak menghapus riwayat", "Halaman lain dari situs ini", "akun yang tersinkron", "Incognito",
                  "Samsung Internet", "Mode rahasia", "Firefox"):
        assert words in text, words


def test_strings_reach_the_script(built_site):
    """The exit announcements are passed to the script as JSON in every page."""
    html = (built_site / SAFE_PAGE).read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="lp-strings">(.*?)</script>', html, re.S)[1])
    assert data["exit_two_more"] == "Tekan Shift 2 kali lagi untuk keluar."

"""Help lines can be tapped on a phone (issue 15, item 1): every public page at 360 px.

- every `tel:` and `https://wa.me/` link has a box of at least 44x44 CSS px;
- every other link standing on its own (not inside a sentence, which WCAG 2.5.8 exempts) is at least 24x24;
- every help-line number visible in the text is inside a link.

Service names that contain a number ("SAPA 129", "Call Center 112") are names, not numbers to dial; the contact's name
in a help list sits beside its links (class lp-contact-name). Numbers in code (the authoring guide's examples) are
not for dialling. Quiz widgets are left out: a link in an answer option would call instead of choosing it.
"""

from __future__ import annotations

import pytest

from helpers import public_pages as all_public_pages

pytestmark = pytest.mark.browser

PHONE_WIDTH = 360

# Returns {calls: [[href, w, h]], small: [[href, text, w, h]], bare: [text]} for the page in view.
MEASURE_JS = r"""
() => {
  const visible = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const calls = [], small = [], bare = [];
  const article = document.querySelector('article') || document.body;
  for (const a of document.querySelectorAll('a[href]')) {
    if (!visible(a) || a.closest('.lpq, .md-sidebar, .md-search, [hidden], .md-header__topic')) continue;
    const r = a.getBoundingClientRect();
    const href = a.getAttribute('href');
    if (href.startsWith('tel:') || href.startsWith('https://wa.me/')) { calls.push([href, r.width, r.height]); continue; }
    // WCAG 2.5.8 exempts a link inside a sentence: its parent holds other text too.
    let holder = a.parentElement;  // the nearest element that is not an inline wrapper (strong, em, span)
    while (holder.parentElement && ['STRONG', 'EM', 'B', 'I', 'SPAN', 'CODE'].includes(holder.tagName)) holder = holder.parentElement;
    const parentText = (holder.textContent || '').replace(/\s+/g, ' ').trim();
    const ownText = (a.textContent || '').replace(/\s+/g, ' ').trim();
    const inSentence = parentText.length > ownText.length + 1;
    if (!inSentence && (r.width < 24 || r.height < 24)) small.push([href, ownText, r.width, r.height]);
  }
  const names = /SAPA 129|Call Center 112/g;
  const number = /(?:^|[^\w\/.,-])((?:\+62|0)8\d{1,3}[- ]?\d{3,4}[- ]?\d{3,5}|112|110|129)(?![\w-])/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('a, pre, code, script, style, .lpq, .lp-contact-name, .md-search, [hidden], template')) continue;
    if (!visible(el)) continue;
    const text = node.textContent.replace(names, '');
    const m = text.match(number);
    if (m) bare.push(node.textContent.trim().slice(0, 80));
  }
  return {calls, small, bare};
}
"""


def public_pages(site) -> list[str]:
    """Every public HTML page but the 404 page (served at any address; its links start at the site root)."""
    return [rel for rel in all_public_pages(site) if rel != "404.html" and not rel.startswith("assets/")]


def measure(browser, base: str, pages: list[str]) -> dict:
    """rel path -> measurement at 360 px."""
    ctx = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 780})
    try:
        page = ctx.new_page()
        found = {}
        for rel in pages:
            page.goto(base + rel)
            found[rel] = page.evaluate(MEASURE_JS)
        return found
    finally:
        ctx.close()


@pytest.fixture(scope="module")
def public_base(public_site):
    import search_recall

    with search_recall.serve(public_site) as base:
        yield base


@pytest.fixture(scope="module")
def measured(browser, public_site, public_base) -> dict:
    return measure(browser, public_base, public_pages(public_site))


def test_every_public_page_measured(measured):
    assert len(measured) > 20, sorted(measured)
    assert "bantuan.html" in measured and "index.html" in measured


def test_help_page_numbers_are_call_links(measured):
    hrefs = {href for href, _, _ in measured["bantuan.html"]["calls"]}
    assert {"tel:112", "tel:110", "tel:129", "https://wa.me/628111129129"} <= hrefs
    home = {href for href, _, _ in measured["index.html"]["calls"]}
    assert {"tel:112", "tel:110", "tel:129"} <= home


def test_call_links_are_at_least_44_px(measured):
    small = {rel: [c for c in m["calls"] if c[1] < 44 or c[2] < 44] for rel, m in measured.items()}
    small = {rel: calls for rel, calls in small.items() if calls}
    assert not small, f"tel:/wa.me links under 44x44 px at {PHONE_WIDTH} px: {small}"


def test_other_links_are_at_least_24_px(measured):
    small = {rel: m["small"] for rel, m in measured.items() if m["small"]}
    assert not small, f"links standing alone under 24x24 px at {PHONE_WIDTH} px: {small}"


def test_every_visible_number_is_a_link(measured):
    bare = {rel: m["bare"] for rel, m in measured.items() if m["bare"]}
    assert not bare, f"help-line numbers shown as plain text (use {{{{ telepon id }}}}): {bare}"

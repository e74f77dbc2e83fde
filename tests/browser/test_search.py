"""Indonesian search measured with Material's own search worker in headless Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import search_recall
from lindungi.engine import search_id

pytestmark = pytest.mark.browser

QUERIES = Path(__file__).resolve().parents[1] / "search_queries.yml"


def test_query_set_has_at_least_25_real_queries():
    """The query set holds at least 25 queries, each with at least one expected page."""
    queries = search_recall.load_queries(QUERIES)
    assert len(queries) >= 25 and all(q["pages"] for q in queries)


def test_root_words_find_at_least_90_percent_and_beat_the_default(browser, built_site, http_base):
    """With root words, search finds at least 90 % of the expected pages and more than Material alone."""
    result = search_recall.measure(browser, http_base, built_site, search_recall.load_queries(QUERIES))
    report = search_recall.format_report(result)
    assert len(result["rows"]) >= 25, report
    assert result["recall"]["ours"] >= 0.9, report
    assert result["recall"]["ours"] > result["recall"]["default"], report


def test_plain_prefix_search_still_works(browser, built_site, http_base):
    """A word beginning ("kekeras", "perlindung", "pemeriks") finds every page with a word that starts with it."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    queries = []
    for prefix in ("kekeras", "perlindung", "pemeriks", "bantu"):
        pages = sorted({doc["location"].split("#")[0] for doc in index["docs"]
                        if any(t.startswith(prefix) for t in search_id.lunr_tokens(doc))})
        if pages:
            queries.append({"query": prefix, "pages": pages})
    assert queries
    result = search_recall.measure(browser, http_base, built_site, queries, top=1000)
    assert result["recall"]["ours"] == 1.0, search_recall.format_report(result)
    for row in result["rows"]:
        assert set(row["default"]) <= set(row["ours"]), row


def test_search_index_waits_until_the_reader_opens_search(browser, http_base):
    """A first visit does not download the search index; focusing search does, and a root word then finds pages."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(http_base + "pencegahan/index.html", wait_until="networkidle")
        assert not [u for u in requested if u.endswith("search/search_index.json")], requested
        query = page.locator("input[data-md-component=search-query]")
        query.click()
        query.press_sequentially("lindung")  # key by key: Material reads the query on keyup, which `fill` does not send
        results = page.locator("[data-md-component=search-result] li")
        results.first.wait_for(timeout=10000)
        assert [u for u in requested if u.endswith("search/search_index.json")]
        assert results.count() >= 1
    finally:
        page.close()

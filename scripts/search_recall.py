#!/usr/bin/env python3
"""Recall of the site search for real Indonesian queries: Material's default index against ours (with root words).

Usage: python scripts/search_recall.py [SITE_DIR] [--queries tests/search_queries.yml] [--top 10] [--min 0.9]

Both figures come from Material's own search worker running in headless Chromium (Debian /usr/bin/chromium) over the
built site: "default" is the built index without our `stems` field (what Material writes), "ours" the index as built.
A query finds an expected page when that page is among the first `--top` pages of results. Queries whose pages are
not in the site are listed and left out. Exit status 1 when ours is below `--min` or not above the default.
"""

from __future__ import annotations

import argparse
import copy
import functools
import http.server
import json
import os
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
FIELD = "stems"

_RUN_QUERIES = """
async ({worker, indexes, queries}) => {
  const out = {};
  for (const [name, index] of Object.entries(indexes)) {
    const w = new Worker(new URL(worker, location.href));
    const ask = (message) => new Promise((resolve) => { w.onmessage = (e) => resolve(e.data); w.postMessage(message); });
    await ask({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
    out[name] = [];
    for (const query of queries) {
      const result = await ask({type: 2, data: query});
      out[name].push(result.data.items.map((group) => group[0].location.split("#")[0]));
    }
    w.terminate();
  }
  return out;
}
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=ROOT / "site", type=Path)
    parser.add_argument("--queries", type=Path, default=ROOT / "tests" / "search_queries.yml")
    parser.add_argument("--top", type=int, default=10, help="pages of results a reader looks at")
    parser.add_argument("--min", type=float, default=0.9, help="least recall of ours")
    args = parser.parse_args(argv)
    if not (args.site / "search" / "search_index.json").is_file():
        print(f"{args.site}/search/search_index.json tidak ada: bangun situs dulu (make site).", file=sys.stderr)
        return 2
    queries = load_queries(args.queries)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, serve(args.site) as base:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            result = measure(browser, base, args.site, queries, args.top)
        finally:
            browser.close()
    print(format_report(result))
    ok = result["recall"]["ours"] >= args.min and result["recall"]["ours"] > result["recall"]["default"]
    return 0 if ok else 1


def load_queries(path: Path) -> list[dict]:
    """The query set: a list of {query: str, pages: [site-relative .html paths]}."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [{"query": str(item["query"]), "pages": list(item["pages"])} for item in data]


def measure(browser, base: str, site: Path, queries: list[dict], top: int = 10) -> dict:
    """Run every query with Material's worker on both indexes; per-query hits and overall recall for each."""
    ours = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexes = {"default": without_stems(ours), "ours": ours}
    present = [q for q in queries if all((site / page).is_file() for page in q["pages"])]
    page = browser.new_page()
    try:
        page.goto(base + "index.html")
        worker = json.loads(page.locator("#__config").text_content())["search"]
        found = page.evaluate(_RUN_QUERIES, {"worker": worker, "indexes": indexes,
                                             "queries": [q["query"] for q in present]})
    finally:
        page.close()
    rows, totals = [], {"default": 0, "ours": 0}
    for i, query in enumerate(present):
        row = {"query": query["query"], "pages": query["pages"]}
        for name in indexes:
            hits = [p for p in query["pages"] if p in found[name][i][:top]]
            row[name] = hits
            totals[name] += len(hits)
        rows.append(row)
    expected = sum(len(q["pages"]) for q in present) or 1
    return {"rows": rows, "skipped": [q for q in queries if q not in present], "expected": expected,
            "recall": {name: totals[name] / expected for name in indexes}}


def without_stems(index: dict) -> dict:
    """The index as Material writes it: no `stems` field in the docs or in `config.fields`."""
    plain = copy.deepcopy(index)
    plain.get("config", {}).get("fields", {}).pop(FIELD, None)
    for doc in plain.get("docs", []):
        doc.pop(FIELD, None)
    return plain


def format_report(result: dict) -> str:
    """One line per query (found by default / by ours), then the recall of each."""
    lines = [f"{'kueri':28} {'bawaan':>7} {'kami':>5}  halaman yang diharapkan"]
    for row in result["rows"]:
        n = len(row["pages"])
        lines.append(f"{row['query'][:28]:28} {len(row['default'])}/{n:<5} {len(row['ours'])}/{n:<3}  "
                     + ", ".join(row["pages"]))
    for query in result["skipped"]:
        lines.append(f"(dilewati, halaman tidak ada di situs) {query['query']}: {', '.join(query['pages'])}")
    recall = result["recall"]
    lines.append(f"Recall atas {len(result['rows'])} kueri ({result['expected']} halaman diharapkan): "
                 f"bawaan Material {recall['default']:.0%}, dengan kata dasar {recall['ours']:.0%}.")
    return "\n".join(lines)


@contextmanager
def serve(directory: Path, handler_class=None, server_class=http.server.ThreadingHTTPServer):
    """Serve `directory` over http on 127.0.0.1 (random port) in a thread; yields the base URL (ending in /).
    `handler_class` defaults to a quiet static-file handler."""
    handler = functools.partial(handler_class or _QuietHandler, directory=str(directory))
    server = server_class(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


if __name__ == "__main__":
    sys.exit(main())

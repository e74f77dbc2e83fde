#!/usr/bin/env python3
"""Page weight of the built site, gzip-compressed, against the budget for slow connections.

Usage: python scripts/page_weight.py [SITE_DIR] [--first-kb 100] [--next-kb 20] [--exclude pelatih/]

First visit of a page: its HTML plus everything it makes the browser load at start: stylesheets, scripts, images,
the favicon, Material's search worker, and the search index unless the page defers it until the reader opens search
(our `lp-lazy-search` script; the index is then reported on its own line). Next page: its HTML
plus whatever it loads that the first page did not (the rest comes from the browser cache). Sizes are gzip level 6,
as a web server sends them. Trainer pages (`pelatih/`) are left out: the budget is for public pages.
Exit status 1 when a page is over budget.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import urlsplit

SEARCH_INDEX = "search/search_index.json"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--first-kb", type=float, default=100.0, help="budget of a first visit (KB gzip)")
    parser.add_argument("--next-kb", type=float, default=20.0, help="budget of a next page (KB gzip)")
    parser.add_argument("--exclude", action="append", default=None, help="path prefix left out (default pelatih/)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}/index.html tidak ada: bangun situs dulu (make site).", file=sys.stderr)
        return 2
    report = measure(args.site, tuple(args.exclude or ["pelatih/"]))
    print(format_report(report, args.first_kb, args.next_kb))
    over = [r for r in report if r["first"] > args.first_kb * 1024 or r["next"] > args.next_kb * 1024]
    return 1 if over else 0


def measure(site: Path, exclude: tuple[str, ...] = ()) -> list[dict]:
    """One row per page: path, html, first (first visit) and next (after the home page), in bytes gzip."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    pages = [p for p in pages if not p.startswith(exclude)]
    home = set(page_resources(site, "index.html"))
    rows = []
    for page in pages:
        resources = page_resources(site, page)
        html = gz_size(site / page)
        first = html + sum(gz_size(site / r) for r in resources)
        after = html + sum(gz_size(site / r) for r in resources if r not in home)
        rows.append({"page": page, "html": html, "first": first, "next": after,
                     "resources": {r: gz_size(site / r) for r in resources},
                     "on_search": gz_size(site / SEARCH_INDEX) if lazy_index(site, page) else 0})
    return rows


def lazy_index(site: Path, page: str) -> bool:
    """True when the page loads the search index only once the reader opens search."""
    collector = _Resources()
    collector.feed((site / page).read_text(encoding="utf-8"))
    return collector.lazy_index and (site / SEARCH_INDEX).is_file()


def page_resources(site: Path, page: str) -> list[str]:
    """Files (site-relative) a page loads at start, besides itself; missing and external ones are ignored."""
    collector = _Resources()
    collector.feed((site / page).read_text(encoding="utf-8"))
    urls = list(collector.urls)
    if collector.config is not None:
        config = json.loads(collector.config)
        if config.get("search"):
            urls.append(config["search"])
            if not collector.lazy_index:
                urls.append(SEARCH_INDEX if config.get("base") is None else f"{config['base']}/{SEARCH_INDEX}")
    found = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        rel = normpath(str(Path(page).parent / parts.path)).lstrip("./") if not parts.path.startswith("/") \
            else parts.path.lstrip("/")
        if (site / rel).is_file() and rel not in found:
            found.append(rel)
    return found


def format_report(rows: list[dict], first_kb: float, next_kb: float) -> str:
    """A table of the heaviest pages and the worst figures against the budget."""
    kb = lambda n: f"{n / 1024:6.1f}"  # noqa: E731
    lines = [f"{'halaman':50} {'HTML':>6} {'pertama':>8} {'berikut':>8}  (KB gzip)"]
    for row in sorted(rows, key=lambda r: -r["first"])[:15]:
        flag = " <- melebihi anggaran" if row["first"] > first_kb * 1024 or row["next"] > next_kb * 1024 else ""
        lines.append(f"{row['page'][:50]:50} {kb(row['html'])} {kb(row['first']):>8} {kb(row['next']):>8}{flag}")
    if rows:
        worst_first = max(rows, key=lambda r: r["first"])
        worst_next = max(rows, key=lambda r: r["next"])
        lines.append(f"{len(rows)} halaman publik. Kunjungan pertama terberat: {kb(worst_first['first']).strip()} KB "
                     f"({worst_first['page']}), anggaran {first_kb:g} KB. Halaman berikut terberat: "
                     f"{kb(worst_next['next']).strip()} KB ({worst_next['page']}), anggaran {next_kb:g} KB.")
        shared = [r for r in rows if r["page"] == "index.html"]
        if shared:
            lines.append("Dimuat saat kunjungan pertama (KB gzip): " + ", ".join(
                f"{name} {kb(size).strip()}" for name, size in shared[0]["resources"].items()))
            if shared[0]["on_search"]:
                lines.append(f"Dimuat saat pembaca membuka pencarian: {SEARCH_INDEX} "
                             f"{kb(shared[0]['on_search']).strip()} KB gzip.")
    return "\n".join(lines)


@lru_cache(maxsize=None)
def gz_size(path: Path) -> int:
    """Bytes of the file after gzip level 6."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


class _Resources(HTMLParser):
    """Collects stylesheet, script, image and icon URLs and Material's `__config` JSON."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.config: str | None = None
        self.lazy_index = False
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = (a.get("rel") or "").split()
        if tag == "link" and ({"stylesheet", "icon"} & set(rel)) and a.get("href"):
            self.urls.append(a["href"])
        elif tag in ("script", "img") and a.get("src"):
            self.urls.append(a["src"])
        self._in_config = tag == "script" and a.get("id") == "__config"
        self.lazy_index = self.lazy_index or (tag == "script" and a.get("id") == "lp-lazy-search")

    def handle_data(self, data):
        if self._in_config:
            self.config = (self.config or "") + data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_config = False


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""First contentful paint of a first visit on a slow mobile connection, with and without gzip, in one run.

    python scripts/bench_fcp.py [--site site] [--runs 5] [--pages index.html pencegahan/cara-melapor.html]
                                [--latency-ms 2000] [--kbps 50] [--goal 4.5] [--out reports/bench-fcp.json]

Without `--site` the public site (`make site`) is built into a temporary folder first. Two local servers serve the
same folder: *gzip* sends the build's precompressed copy (`page.html.gz` beside `page.html`) with
`Content-Encoding: gzip` to a browser that accepts it, as nginx `gzip_static`, Caddy `precompressed` or the Apache
rules in the README do; *plain* sends every file as it is (no compression). Headless Debian Chromium loads each page
in a fresh profile (empty cache) under Chrome's Slow 3G profile, set through the DevTools protocol
(Network.emulateNetworkConditions: 2000 ms latency per request, 50 KB/s down and up), and reads the page's
`first-contentful-paint` entry, the bytes received before the load event (encoded, as sent) and the requests that
blocked rendering. Servers and pages alternate run by run, so a busy machine slows every arm alike. The figures are
medians over the runs. Exit status 1 when a page's median on the gzip server is above the goal.

A benchmark, never a timed test: tests/test_bench.py runs it once at a tiny size to show that it works.
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import search_recall  # noqa: E402
from search_recall import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PAGES = ["index.html", "pencegahan/cara-melapor.html"]
KB = 1000  # Chrome's Slow 3G: 500 kbit/s x 0.8 = 50,000 bytes/s

_FCP = """() => new Promise(resolve => {
  const found = () => performance.getEntriesByName('first-contentful-paint')[0];
  if (found()) return resolve(found().startTime);
  new PerformanceObserver((list, observer) => {
    const entry = list.getEntriesByName('first-contentful-paint')[0];
    if (entry) { observer.disconnect(); resolve(entry.startTime); }
  }).observe({type: 'paint', buffered: true});
  setTimeout(() => resolve(null), 60000);
})"""
_BLOCKING = """() => performance.getEntriesByType('resource')
  .filter(r => r.renderBlockingStatus === 'blocking').map(r => new URL(r.name).pathname)"""
# When the last stylesheet had arrived: from then on the page shows its full styles.
_STYLED = """() => Math.max(0, ...performance.getEntriesByType('resource')
  .filter(r => r.initiatorType === 'link' && /\\.css$/.test(new URL(r.name).pathname)).map(r => r.responseEnd)) / 1000"""


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder; with `gzip` set, a file's `.gz` copy when it exists and the browser accepts gzip."""

    gzip = False

    def send_head(self):
        path = self.translate_path(self.path)
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if self.gzip and accepts and os.path.isfile(path) and os.path.isfile(path + ".gz"):
            try:
                handle = open(path + ".gz", "rb")
            except OSError:
                return super().send_head()
            size = os.fstat(handle.fileno()).st_size
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            return handle
        return super().send_head()

    def log_message(self, format, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser closing its connection mid-file (the profile is closed after the load event) is not an error."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(folder: Path, gzip: bool):
    """Serve `folder` on a free loopback port in a thread (a context manager yielding the base URL, ending in /)."""
    return search_recall.serve(folder, type("H", (_Handler,), {"gzip": gzip}), _Server)


def build_public_site(dest: Path) -> Path:
    """The public site as `make site` builds it (strict, with its .gz copies)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "LINDUNGI_EDITION": "public"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(dest)],
                            cwd=REPO, capture_output=True, text=True, env=env, timeout=1800)
    if result.returncode != 0:
        raise SystemExit("mkdocs build failed:\n" + result.stderr[-3000:])
    return dest


def load_once(browser, url: str, latency_ms: float, kbps: float) -> dict:
    """One first visit in a fresh profile under the throttled network: FCP (s), bytes received, blocking requests."""
    context = browser.new_context(viewport={"width": 360, "height": 780}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        rate = kbps * KB
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": latency_ms,
                                                      "downloadThroughput": rate, "uploadThroughput": rate})
        received = []
        cdp.on("Network.loadingFinished", lambda event: received.append(event.get("encodedDataLength", 0)))
        page.goto(url, wait_until="load", timeout=180000)
        fcp = page.evaluate(_FCP)
        blocking = page.evaluate(_BLOCKING)
        styled = page.evaluate(_STYLED)
        return {"fcp": None if fcp is None else fcp / 1000, "bytes": int(sum(received)), "blocking": blocking,
                "styled": styled}
    finally:
        context.close()


def measure(site: Path, pages: list[str], runs: int, latency_ms: float, kbps: float) -> dict:
    """{page: {server: [one dict per run]}}, servers and pages alternating."""
    from playwright.sync_api import sync_playwright

    results = {page: {"gzip": [], "plain": []} for page in pages}
    with serve(site, gzip=True) as gzip_base, serve(site, gzip=False) as plain_base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for run in range(runs):
                order = [("gzip", gzip_base), ("plain", plain_base)]
                for name, base in (order if run % 2 == 0 else order[::-1]):
                    for page in pages:
                        results[page][name].append(load_once(browser, base + page, latency_ms, kbps))
        finally:
            browser.close()
    return results


def summarise(results: dict) -> dict:
    out = {}
    for page, servers in results.items():
        out[page] = {}
        for name, loads in servers.items():
            times = [load["fcp"] for load in loads if load["fcp"] is not None]
            out[page][name] = {
                "fcp_median_s": round(statistics.median(times), 2) if times else None,
                "fcp_runs_s": [None if load["fcp"] is None else round(load["fcp"], 2) for load in loads],
                "bytes_median": int(statistics.median(load["bytes"] for load in loads)),
                "styled_median_s": round(statistics.median(load["styled"] for load in loads), 2),
                "blocking": loads[0]["blocking"] if loads else [],
            }
    return out


def format_report(summary: dict, goal: float, latency_ms: float, kbps: float, runs: int) -> str:
    lines = [f"First contentful paint, first visit, {latency_ms:.0f} ms latency, {kbps:g} KB/s, 360x780, "
             f"median of {runs} run(s); goal: gzip <= {goal:g} s", "",
             "| page | server | FCP median | runs | all styles in | bytes received | render-blocking requests |",
             "|---|---|---|---|---|---|---|"]
    for page, servers in summary.items():
        for name in ("plain", "gzip"):
            row = servers[name]
            median = "-" if row["fcp_median_s"] is None else f"{row['fcp_median_s']:.2f} s"
            runs_text = ", ".join("-" if t is None else f"{t:.2f}" for t in row["fcp_runs_s"])
            lines.append(f"| {page} | {name} | {median} | {runs_text} | {row['styled_median_s']:.2f} s | "
                         f"{row['bytes_median'] / 1024:.0f} KB | "
                         f"{len(row['blocking'])}: {' '.join(row['blocking']) or '-'} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=None, help="a built site (default: build the public site)")
    parser.add_argument("--pages", nargs="+", default=PAGES)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--latency-ms", type=float, default=2000.0)
    parser.add_argument("--kbps", type=float, default=50.0, help="kilobytes per second, down and up")
    parser.add_argument("--goal", type=float, default=4.5, help="seconds, gzip server")
    parser.add_argument("--out", type=Path, default=None, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-fcp-") as tmp:
        site = args.site or build_public_site(Path(tmp) / "site")
        for page in args.pages:
            if not (site / page).is_file():
                raise SystemExit(f"{site / page} tidak ada: bangun situs dulu (make site).")
        if not list(site.rglob("*.html.gz")):
            print("Peringatan: tidak ada salinan .gz; server gzip mengirim berkas apa adanya.", file=sys.stderr)
        summary = summarise(measure(site, args.pages, args.runs, args.latency_ms, args.kbps))
    print(format_report(summary, args.goal, args.latency_ms, args.kbps, args.runs))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"runs": args.runs, "latency_ms": args.latency_ms, "kbps": args.kbps,
                                        "goal_s": args.goal, "pages": summary}, indent=2), encoding="utf-8")
    over = [page for page, servers in summary.items()
            if servers["gzip"]["fcp_median_s"] is None or servers["gzip"]["fcp_median_s"] > args.goal]
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The default site's own builds: cold (`.cache` deleted), warm, and pages only (`LINDUNGI_PDF=off`), alternating.

    python scripts/bench_default.py [--rounds 3] [--code <checkout>]

Copies the checkout (this one by default) without its build output and caches, builds it once, then runs `--rounds`
rounds of one build of each kind (the order flipped each round) in fresh subprocesses, recording wall and CPU time (the
build and its waited-for children: the PDF workers) and the peak RSS of the process tree. After each cold build a warm
build restores the cache, so every warm round is really warm. The goal is about the time an editor waits: the median
of per-round wall-time ratios cold / warm (target <= 3x; the issue's "today 5.4x" was the README's 15.6 s cold against
2.9 s warm, wall time). A cold build renders its PDFs in a helper process on another CPU while it writes the pages,
so it does more work than it makes the editor wait for: the CPU ratio (build and children) is printed beside it, as
is the spread of both. On a machine whose other CPUs are busy the two come together. Never part of `make test`
(tests/test_bench.py runs a smoke round).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import bench  # noqa: E402

KINDS = ("cold", "warm", "pages")
LIMIT = 3.0


def build(project: Path, site: Path, kind: str) -> dict:
    if kind == "cold":
        shutil.rmtree(project / ".cache", ignore_errors=True)
    saved = os.environ.get("LINDUNGI_PDF")
    if kind == "pages":
        os.environ["LINDUNGI_PDF"] = "off"
    try:
        return bench.run_build(project, site)
    finally:
        os.environ.pop("LINDUNGI_PDF", None)
        if saved is not None:
            os.environ["LINDUNGI_PDF"] = saved


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--code", type=Path, default=REPO, help="the checkout to build (e.g. another branch)")
    args = parser.parse_args(argv)
    runs: dict = {kind: [] for kind in KINDS}
    with tempfile.TemporaryDirectory(prefix="bench-default-") as tmp:
        project, site = Path(tmp) / "project", Path(tmp) / "site"
        shutil.copytree(args.code, project, ignore=shutil.ignore_patterns(
            "site", "site-*", ".cache", ".venv", "reports", "build", ".git", "tests", "__pycache__", ".pytest_cache"))
        build(project, site, "warm")
        for round_ in range(args.rounds):
            for kind in KINDS if round_ % 2 == 0 else KINDS[::-1]:
                result = build(project, site, kind)
                if kind == "cold":
                    build(project, site, "warm")
                runs[kind].append(result)
                print(f"round {round_ + 1}/{args.rounds} {kind}: {result['seconds']:.2f} s wall, {result['cpu']:.2f} s "
                      f"CPU, {result['tree_rss_mb']:.0f} MB", flush=True)
    ratios = [c["seconds"] / w["seconds"] for c, w in zip(runs["cold"], runs["warm"])]
    cpu_ratios = [c["cpu"] / w["cpu"] for c, w in zip(runs["cold"], runs["warm"])]
    print(f"Default site ({args.code}), {args.rounds} rounds, medians:")
    for kind in KINDS:
        print(f"  {kind:<6}: {statistics.median(r['seconds'] for r in runs[kind]):.2f} s wall, "
              f"{statistics.median(r['cpu'] for r in runs[kind]):.2f} s CPU, "
              f"peak {max(r['tree_rss_mb'] for r in runs[kind]):.0f} MB")
    verdict = statistics.median(ratios)
    print(f"  cold / warm CPU: {statistics.median(cpu_ratios):.2f}x "
          f"(range {min(cpu_ratios):.2f}–{max(cpu_ratios):.2f}; the work done, not the goal)")
    print(f"  cold / warm wall: {verdict:.2f}x (range {min(ratios):.2f}–{max(ratios):.2f}; target <= {LIMIT}x) "
          f"{'ok' if verdict <= LIMIT else 'OVER'}")
    return 0 if verdict <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark of the PDF step: cold (empty cache) and warm (nothing changed) time, 1 vs 2 workers.

Each cold run is a fresh Python process, as a real build is: it imports the package and WeasyPrint, loads the project,
writes the jobs' HTML and calls `pdf.render_all` with an empty cache (whose spawned workers import WeasyPrint again).
The cold figures are that whole process, wall and CPU (user+sys of it and its waited-for workers), and the
`render_all` part alone; warm is a second `render_all` in the same process with nothing changed. For the default site
and a synthetic site of 50 modules made from tests/sites/pdf-basic; medians of several runs. Never part of `make test`.

    python scripts/bench_pdf.py [--runs 3] [--modules 50]

The figures below predate worker start-up being counted (in-process renders after a first import):

Measured (Debian 12, Python 3.11.7, 2 vCPU, WeasyPrint 70.0, median of 3; default site had no modules yet):
synthetic 50 modules + 1 workshop pack = 60 PDFs: cold 5.00 s with 1 worker, 3.43 s with 2 spawned workers;
warm (nothing changed) 0.01 s, 0 rendered. Handouts 12.7 KB median, 12.8 KB max; all 60 PDFs 890 KB.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))



def synthetic_site(dest: Path, count: int) -> Path:
    """tests/sites/pdf-basic with `count` copies of its one-page module (the workshop keeps its two modules)."""
    shutil.copytree(REPO / "tests/sites/pdf-basic", dest)
    source = dest / "modules/kenali-kekerasan"
    for number in range(1, count - 1):
        module_id = f"sintetis-{number:02d}"
        target = dest / "modules" / module_id
        shutil.copytree(source, target)
        text = (target / "module.yml").read_text(encoding="utf-8")
        text = text.replace("id: kenali-kekerasan", f"id: {module_id}").replace("quizzes:\n  pre_post: tes-kenali\n", "")
        text = text.replace("title: Mengenali bentuk kekerasan", f"title: Modul sintetis {number}")
        (target / "module.yml").write_text(text, encoding="utf-8")
    return dest


CHILD = r"""
import json, sys, tempfile, time
from pathlib import Path
started = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from lindungi.printing import documents, pdf
from lindungi.engine.checking import check_project
from lindungi.i18n.locales import strings
root, workers = Path(sys.argv[2]), int(sys.argv[3])
project = check_project(root)
errors = [p.format() for p in project.problems if p.severity == "error"]
assert not errors, errors[:3]
jobs, merges = documents.pdf_jobs(project, strings(project.settings.language), False)
with tempfile.TemporaryDirectory() as tmp:
    site, cache = Path(tmp) / "site", Path(tmp) / "cache"
    begun = time.perf_counter()
    report = pdf.render_all(jobs, merges, site, cache, workers=workers)
    render = time.perf_counter() - begun
    begun = time.perf_counter()
    again = pdf.render_all(jobs, merges, site, cache, workers=workers)
    warm = time.perf_counter() - begun
    assert again.rendered == 0
print(json.dumps({"modules": len(project.modules), "render": render, "warm": warm,
                  "sizes": {r.out: r.size for r in report.results}}))
"""


def run_child(root: Path, workers: int) -> dict:
    """One cold run in a fresh process: its wall and CPU time (with its workers) and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHILD, str(REPO / "hooks"), str(root), str(workers)],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"PDF run failed for {root}:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result.update(seconds=seconds, cpu=(after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime))
    return result


def measure(root: Path, workers: int, runs: int) -> dict:
    """Medians over `runs` fresh processes: whole cold run wall/CPU, render_all cold, warm; counts and sizes."""
    results = [run_child(root, workers) for _ in range(runs)]
    sizes = results[-1]["sizes"]
    handouts = [size for out, size in sizes.items() if out.startswith("unduh/")]
    return {"modules": results[-1]["modules"], "pdfs": len(sizes),
            "cold": statistics.median(r["seconds"] for r in results),
            "cold_cpu": statistics.median(r["cpu"] for r in results),
            "render": statistics.median(r["render"] for r in results),
            "warm": statistics.median(r["warm"] for r in results),
            "cold_range": [round(min(r["seconds"] for r in results), 2), round(max(r["seconds"] for r in results), 2)],
            "handout_max_kb": max(handouts, default=0) / 1024,
            "handout_median_kb": statistics.median(handouts) / 1024 if handouts else 0,
            "total_kb": sum(sizes.values()) / 1024}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--modules", type=int, default=50)
    parser.add_argument("--workers", default="1,2", help="worker counts to compare, comma-separated")
    parser.add_argument("--synthetic-only", action="store_true", help="leave out the default site (a smoke run)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        sites = {} if args.synthetic_only else {"default site": REPO}
        sites[f"synthetic {args.modules} modules"] = synthetic_site(Path(tmp) / "s", args.modules)
        print(f"{'site':<24} {'workers':>7} {'modules':>7} {'PDFs':>5} {'cold s':>7} {'(range)':>12} {'cold CPU':>8} "
              f"{'render':>7} {'warm s':>7} {'handout max KB':>15} {'median KB':>9} {'total KB':>9}")
        for name, root in sites.items():
            for workers in [int(w) for w in args.workers.split(",")]:
                r = measure(root, workers, args.runs)
                print(f"{name:<24} {workers:>7} {r['modules']:>7} {r['pdfs']:>5} {r['cold']:>7.2f} "
                      f"{str(r['cold_range']):>12} {r['cold_cpu']:>8.2f} {r['render']:>7.2f} {r['warm']:>7.2f} "
                      f"{r['handout_max_kb']:>15.1f} {r['handout_median_kb']:>9.1f} {r['total_kb']:>9.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark of the PDF step: cold (empty cache) and warm (nothing changed) time, 1 vs 2 workers.

Measures `pdf.render_all` only (the part of `on_post_build` that makes PDFs), for the default site and for a synthetic
site of 50 modules made from tests/sites/pdf-basic. Prints the median of several runs. Never part of `make test`.

    python scripts/bench_pdf.py [--runs 3] [--modules 50]

Measured (Debian 12, Python 3.11.7, 2 vCPU, WeasyPrint 70.0, median of 3; default site had no modules yet):
synthetic 50 modules + 1 workshop pack = 60 PDFs: cold 5.00 s with 1 worker, 3.43 s with 2 spawned workers;
warm (nothing changed) 0.01 s, 0 rendered. Handouts 12.7 KB median, 12.8 KB max; all 60 PDFs 890 KB.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from lindungi import pdf, printing  # noqa: E402
from lindungi.checking import check_project  # noqa: E402
from lindungi.locales import strings  # noqa: E402


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


def measure(root: Path, workers: int, runs: int) -> dict:
    """Median cold and warm seconds of `render_all` over `runs` runs, plus counts and sizes."""
    project = check_project(root)
    errors = [p.format() for p in project.problems if p.severity == "error"]
    assert not errors, errors[:3]
    jobs, merges = printing.pdf_jobs(project, strings(project.settings.language), False)
    cold, warm, sizes = [], [], {}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            site, cache = Path(tmp) / "site", Path(tmp) / "cache"
            started = time.perf_counter()
            report = pdf.render_all(jobs, merges, site, cache, workers=workers)
            cold.append(time.perf_counter() - started)
            started = time.perf_counter()
            again = pdf.render_all(jobs, merges, site, cache, workers=workers)
            warm.append(time.perf_counter() - started)
            assert again.rendered == 0
            sizes = {r.out: r.size for r in report.results}
    handouts = [size for out, size in sizes.items() if out.startswith("unduh/")]
    return {"modules": len(project.modules), "pdfs": len(sizes), "cold": statistics.median(cold),
            "warm": statistics.median(warm), "handout_max_kb": max(handouts, default=0) / 1024,
            "handout_median_kb": statistics.median(handouts) / 1024 if handouts else 0,
            "total_kb": sum(sizes.values()) / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--modules", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sites = {"default site": REPO, f"synthetic {args.modules} modules": synthetic_site(Path(tmp) / "s", args.modules)}
        print(f"{'site':<24} {'workers':>7} {'modules':>7} {'PDFs':>5} {'cold s':>7} {'warm s':>7} "
              f"{'handout max KB':>15} {'median KB':>9} {'total KB':>9}")
        for name, root in sites.items():
            for workers in (1, 2):
                r = measure(root, workers, args.runs)
                print(f"{name:<24} {workers:>7} {r['modules']:>7} {r['pdfs']:>5} {r['cold']:>7.2f} {r['warm']:>7.2f} "
                      f"{r['handout_max_kb']:>15.1f} {r['handout_median_kb']:>9.1f} {r['total_kb']:>9.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

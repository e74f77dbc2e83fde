#!/usr/bin/env python3
"""Per-region build cost: how much each region after the first costs, against one cold single-region build.

Usage: python scripts/bench_regions.py [--counts 1,5] [--edition public|trainer] [--separate] [--out reports/bench-regions]

For each count N it copies the project into a temporary folder with an empty `.cache/`, replaces regions/ by N copies
of regions/contoh (each with its own name), and builds them as `make regions` does (scripts/regions.py: strict builds
in one folder sharing `.cache/`, all in one process; with `--separate`, one `mkdocs build` process per region as
before). The first build is cold (empty cache) and counts the whole process (start-up and imports): that is "one full
build". It reports CPU seconds (user + system, helper processes included) and wall-clock seconds of the first build
and of each later one, the median of the later ones, and the ratio median(later CPU) / first CPU (the goal of issue 12
is at most 25 %). CPU time is the measure, because the machine may be shared. Never part of `make test`: it takes
minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

COPIED = ("docs", "hooks", "modules", "quizzes", "workshops", "laws.yml", "mkdocs.yml", "scripts")


def project_copy(dest: Path, count: int) -> list[str]:
    """A copy of the project whose regions/ holds `count` copies of the example region; returns their ids."""
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        else:
            shutil.copy(source, dest / name)
    ids = []
    for number in range(1, count + 1):
        region_id = f"bangku-{number:02d}"
        folder = dest / "regions" / region_id
        shutil.copytree(ROOT / "regions" / "contoh", folder)
        text = (folder / "region.yml").read_text(encoding="utf-8")
        text = text.replace("id: contoh", f"id: {region_id}").replace("Contoh", f"Bangku{number:02d}")
        (folder / "region.yml").write_text(text, encoding="utf-8")
        ids.append(region_id)
    return ids


def run(count: int, edition: str, separate: bool = False) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-regions-") as tmp:
        root = Path(tmp)
        project_copy(root, count)
        timings = root / "timings.json"
        command = [sys.executable, str(root / "scripts" / "regions.py"), "--edition", edition,
                   "--out", str(root / "build"), "--timings", str(timings)] + (["--separate"] if separate else [])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "hooks"), os.environ.get("PYTHONPATH", "")])}
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env)
        if result.returncode != 0:
            raise SystemExit(f"{count} regions failed:\n{result.stdout}{result.stderr}")
        rows = json.loads(timings.read_text(encoding="utf-8"))
    for row in rows:
        print(f"  {count} regions: {row['region']} {row['cpu']:.1f} s CPU, {row['seconds']:.1f} s", flush=True)
    cpu, wall = [r["cpu"] for r in rows], [r["seconds"] for r in rows]
    later_cpu = statistics.median(cpu[1:]) if len(cpu) > 1 else None
    later_wall = statistics.median(wall[1:]) if len(wall) > 1 else None
    return {"regions": count, "mode": "separate" if separate else "one process", "cpu": cpu, "seconds": wall,
            "first_cpu": cpu[0], "first_seconds": wall[0], "median_later_cpu": later_cpu,
            "median_later_seconds": later_wall,
            "ratio_later_to_first": round(later_cpu / cpu[0], 3) if later_cpu is not None else None,
            "total_cpu": round(sum(cpu), 1)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="1,5")
    parser.add_argument("--edition", choices=("public", "trainer"), default="public")
    parser.add_argument("--separate", action="store_true", help="one mkdocs process per region (the old way)")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "bench-regions")
    args = parser.parse_args(argv)
    results = [run(int(n), args.edition, args.separate) for n in args.counts.split(",")]
    args.out.mkdir(parents=True, exist_ok=True)
    meta = {"edition": args.edition, "python": platform.python_version(), "machine": platform.machine(),
            "cpus": __import__("os").cpu_count()}
    (args.out / "report.json").write_text(json.dumps({"meta": meta, "results": results}, indent=2), encoding="utf-8")
    lines = ["| regions | mode | first (cold) CPU s | median later CPU s | later / first | first s | median later s "
             "| total CPU s |", "|---|---|---|---|---|---|---|---|"]
    for r in results:
        later = f"{r['median_later_cpu']:.2f}" if r["median_later_cpu"] is not None else "-"
        later_wall = f"{r['median_later_seconds']:.2f}" if r["median_later_seconds"] is not None else "-"
        ratio = f"{r['ratio_later_to_first']:.0%}" if r["ratio_later_to_first"] is not None else "-"
        lines.append(f"| {r['regions']} | {r['mode']} | {r['first_cpu']:.2f} | {later} | {ratio} | "
                     f"{r['first_seconds']:.2f} | {later_wall} | {r['total_cpu']:.1f} |")
    (args.out / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

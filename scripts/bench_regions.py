#!/usr/bin/env python3
"""Per-region build cost: how much each region after the first costs, against a cold single-region build.

Usage: python scripts/bench_regions.py [--counts 1,5] [--edition public|trainer] [--out reports/bench-regions]

For each count N it copies the project into a temporary folder with an empty `.cache/`, replaces regions/ by N copies
of regions/contoh (each with its own name), and builds them one after another as `make regions` does (strict builds in
one folder, sharing `.cache/`). It reports the cold first build, each later build, their mean and the ratio
mean(later) / first (the goal of issue 12 is at most 25 %). Never part of `make test`: it takes minutes.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from regions import build_region  # noqa: E402

COPIED = ("docs", "hooks", "modules", "quizzes", "workshops", "laws.yml", "mkdocs.yml")


def project_copy(dest: Path, count: int) -> list[str]:
    """A copy of the project whose regions/ holds `count` copies of the example region; returns their ids."""
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
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


def run(count: int, edition: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-regions-") as tmp:
        root = Path(tmp)
        ids = project_copy(root, count)
        seconds = []
        for region in ids:
            ok, took, log = build_region(region, root / "build", edition, root=root)
            if not ok:
                raise SystemExit(f"{region} failed:\n{log}")
            seconds.append(round(took, 2))
            print(f"  {count} regions: {region} {took:.1f} s", flush=True)
    later = seconds[1:]
    mean_later = statistics.mean(later) if later else None
    return {"regions": count, "seconds": seconds, "first": seconds[0], "mean_later": mean_later,
            "ratio_later_to_first": round(mean_later / seconds[0], 3) if later else None, "total": round(sum(seconds), 1)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="1,5")
    parser.add_argument("--edition", choices=("public", "trainer"), default="public")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "bench-regions")
    args = parser.parse_args(argv)
    results = [run(int(n), args.edition) for n in args.counts.split(",")]
    args.out.mkdir(parents=True, exist_ok=True)
    meta = {"edition": args.edition, "python": platform.python_version(), "machine": platform.machine(),
            "cpus": __import__("os").cpu_count()}
    (args.out / "report.json").write_text(json.dumps({"meta": meta, "results": results}, indent=2), encoding="utf-8")
    lines = ["| regions | first (cold) s | mean of later s | later / first | total s |", "|---|---|---|---|---|"]
    for r in results:
        later = f"{r['mean_later']:.1f}" if r["mean_later"] is not None else "-"
        ratio = f"{r['ratio_later_to_first']:.0%}" if r["ratio_later_to_first"] is not None else "-"
        lines.append(f"| {r['regions']} | {r['first']:.1f} | {later} | {ratio} | {r['total']:.1f} |")
    (args.out / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

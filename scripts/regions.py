#!/usr/bin/env python3
"""Build every region under regions/ into build/<id>/ (`make regions`), one strict build each, sharing one cache.

Usage: python scripts/regions.py [--edition public|trainer] [--only ID,ID] [--shard K/N] [--out build] [--limits]
                                 [--separate] [--timings FILE]

- `--shard K/N` builds every N-th region starting at the K-th (1-based), in id order: N CI runners with K = 1..N
  build all regions between them (see .ci/examples/).
- Each region is built into `<out>/<id>.tmp/`, then moved to `<out>/<id>/` only when its build succeeded, so a
  failed build never leaves a half-written site; the previous good site stays until a new one is complete.
- All builds run in this project folder, so they share `.cache/` (parsed YAML, rendered quizzes, word roots, PDFs).
- All builds run in this one Python process (lindungi.engine.adapter.build_sites: a full strict MkDocs build per region,
  with the region's own configuration), so MkDocs, the theme, Markdown and WeasyPrint are loaded once.
  `--separate` runs one `mkdocs build` process per region instead, as before.
- `--timings FILE` writes each region's wall-clock and CPU seconds (this process and its children) as JSON; the first
  region's CPU time counts from the start of the process (imports included).
- `--limits` runs scripts/hosting_limits.py on each built site.
Exit status: 1 when any region failed (all are attempted; the failures are listed at the end).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def region_ids(root: Path = ROOT) -> list[str]:
    """Folders under regions/ that hold a region.yml, in id order."""
    base = root / "regions"
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir()
                  if p.is_dir() and not p.name.startswith((".", "_")) and (p / "region.yml").is_file())


def shard(ids: list[str], spec: str | None) -> list[str]:
    """The regions of shard `K/N` (every N-th, starting at the K-th); all of them without a spec."""
    if not spec:
        return ids
    k, n = (int(x) for x in spec.split("/"))
    if not 1 <= k <= n:
        raise SystemExit(f"--shard {spec}: K must be between 1 and N")
    return ids[k - 1::n]


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its children that have ended."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def publish(region: str, out: Path) -> None:
    """Move the finished `out/<region>.tmp/` to `out/<region>/` (the previous site stays until then)."""
    final, temp, old = out / region, out / f"{region}.tmp", out / f"{region}.old"
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    temp.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def build_regions(regions: list[str], out: Path, edition: str = "public", root: Path = ROOT, report=None) -> list:
    """Strict builds of `regions` into `out/<id>/`, all in this process; [(region, ok, seconds, cpu seconds, log)].
    `report(row)` is called after each region."""
    from lindungi.engine.adapter import build_sites  # the one module that drives MkDocs

    temps = [out / f"{region}.tmp" for region in regions]
    for temp in temps:
        shutil.rmtree(temp, ignore_errors=True)
    sites = [({"NO_MKDOCS_2_WARNING": "1", "LINDUNGI_REGION": region, "LINDUNGI_EDITION": edition}, temp)
             for region, temp in zip(regions, temps)]
    rows, clock = [], {"wall": time.perf_counter(), "cpu": cpu_seconds()}

    def done(index, ok, message):
        region = regions[index]
        now, cpu = time.perf_counter(), cpu_seconds()
        if ok:
            publish(region, out)
        else:
            shutil.rmtree(temps[index], ignore_errors=True)
        row = (region, ok, now - clock["wall"], cpu - clock["cpu"], message)
        clock.update(wall=now, cpu=cpu)
        rows.append(row)
        if report is not None:
            report(row)

    previous = os.getcwd()
    os.chdir(root)  # as `mkdocs build` run in the project folder
    try:
        clock.update(cpu=0.0)  # the first region's CPU time includes this process's start and imports
        build_sites(root / "mkdocs.yml", sites, done)
    finally:
        os.chdir(previous)
    return rows


def build_region(region: str, out: Path, edition: str = "public", root: Path = ROOT) -> tuple[bool, float, str]:
    """One strict build of `region` into `out/<region>/` in its own `mkdocs build` process; (ok, seconds, log)."""
    temp = out / f"{region}.tmp"
    shutil.rmtree(temp, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LINDUNGI_REGION": region, "LINDUNGI_EDITION": edition}
    start = time.perf_counter()
    # No --quiet: it silences warnings before --strict can count them (a warning would not fail the build).
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(temp)],
                            cwd=root, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        shutil.rmtree(temp, ignore_errors=True)
        return False, seconds, result.stdout + result.stderr
    publish(region, out)
    return True, seconds, result.stdout + result.stderr


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", choices=("public", "trainer"), default="public")
    parser.add_argument("--only", default="", help="comma-separated region ids (default: every region)")
    parser.add_argument("--shard", default=None, help="K/N: build the K-th of N shares of the regions")
    parser.add_argument("--out", type=Path, default=ROOT / "build")
    parser.add_argument("--limits", action="store_true", help="check each site against static-hosting limits")
    parser.add_argument("--separate", action="store_true", help="one mkdocs process per region (slower)")
    parser.add_argument("--timings", type=Path, default=None, help="write each region's seconds and CPU seconds here")
    args = parser.parse_args(argv)
    ids = region_ids()
    if args.only:
        wanted = [i.strip() for i in args.only.split(",") if i.strip()]
        unknown = [i for i in wanted if i not in ids]
        if unknown:
            print(f"regions/: tidak ada wilayah {', '.join(unknown)}; yang ada: {', '.join(ids) or '-'}. "
                  "Wilayah baru: salin regions/contoh ke regions/<id>. / no such region; copy regions/contoh.",
                  file=sys.stderr)
            return 1
        ids = wanted
    ids = shard(ids, args.shard)
    args.out.mkdir(parents=True, exist_ok=True)
    failed, built, timings = [], [], []

    def report(row):
        region, ok, seconds, cpu, log = row
        timings.append({"region": region, "ok": ok, "seconds": round(seconds, 3), "cpu": round(cpu, 3)})
        print(f"{region}: {'selesai' if ok else 'GAGAL'} ({seconds:.1f} s) -> {(args.out / region).as_posix()}",
              flush=True)
        if not ok:
            if log:
                sys.stderr.write(log.rstrip("\n") + "\n")
            failed.append(region)
        else:
            built.append(region)

    if args.separate:
        for region in ids:
            before = cpu_seconds()
            ok, seconds, log = build_region(region, args.out, args.edition)
            report((region, ok, seconds, cpu_seconds() - before, log))
    else:
        build_regions(ids, args.out, args.edition, report=report)
    if args.timings:
        args.timings.parent.mkdir(parents=True, exist_ok=True)
        args.timings.write_text(json.dumps(timings, indent=2) + "\n", encoding="utf-8")
    for region in built:
        if args.limits:
            check = subprocess.run([sys.executable, str(ROOT / "scripts" / "hosting_limits.py"), str(args.out / region)])
            if check.returncode != 0:
                failed.append(region)
    if failed:
        print(f"Gagal / failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

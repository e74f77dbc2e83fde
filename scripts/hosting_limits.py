#!/usr/bin/env python3
"""Check that a built site fits common static-hosting limits: number of files, size of one file, size of the site.

Usage: python scripts/hosting_limits.py SITE_DIR [SITE_DIR ...] [--max-files N] [--max-file-mb N] [--max-site-mb N]

Defaults are the tightest of the common hosts (as published by them in 2026; check your host's current page):
- 20,000 files per site (Cloudflare Pages, free plan; 100,000 on paid plans; GitLab Pages allows 200,000);
- 25 MiB per file (Cloudflare Pages);
- 1 GB per site (GitHub Pages' published site size).
Exit status: 1 when a site is over a limit.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

MAX_FILES = 20_000
MAX_FILE_MB = 25
MAX_SITE_MB = 1024


def measure(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    sizes = [p.stat().st_size for p in files]
    largest = max(zip(sizes, files), default=(0, None))
    return {"files": len(files), "bytes": sum(sizes), "largest": largest[0],
            "largest_path": largest[1].relative_to(site).as_posix() if largest[1] else ""}


def problems(site: Path, max_files: int = MAX_FILES, max_file_mb: float = MAX_FILE_MB,
             max_site_mb: float = MAX_SITE_MB) -> tuple[dict, list[str]]:
    """The site's figures and one line per limit it breaks (empty when it fits)."""
    m = measure(site)
    found = []
    if m["files"] > max_files:
        found.append(f"{site}: {m['files']} berkas / files, batas / limit {max_files}")
    if m["largest"] > max_file_mb * 1024 * 1024:
        found.append(f"{site}/{m['largest_path']}: {m['largest'] / 1048576:.1f} MB, batas per berkas / per-file "
                     f"limit {max_file_mb} MB")
    if m["bytes"] > max_site_mb * 1024 * 1024:
        found.append(f"{site}: {m['bytes'] / 1048576:.0f} MB, batas situs / site limit {max_site_mb} MB")
    return m, found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="+", type=Path)
    parser.add_argument("--max-files", type=int, default=MAX_FILES)
    parser.add_argument("--max-file-mb", type=float, default=MAX_FILE_MB)
    parser.add_argument("--max-site-mb", type=float, default=MAX_SITE_MB)
    args = parser.parse_args(argv)
    bad = False
    for site in args.sites:
        if not site.is_dir():
            print(f"{site}: bukan folder situs / not a site folder", file=sys.stderr)
            bad = True
            continue
        m, found = problems(site, args.max_files, args.max_file_mb, args.max_site_mb)
        print(f"{site}: {m['files']} berkas, {m['bytes'] / 1048576:.1f} MB, terbesar {m['largest_path']} "
              f"({m['largest'] / 1048576:.2f} MB)")
        for line in found:
            print("  " + line, file=sys.stderr)
        bad = bad or bool(found)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Sizes of the quiz's shared files against their budgets (gzip -9): one JS file <= 12 KB, one CSS file <= 4 KB.

Usage: python scripts/quiz_sizes.py        (exit status 1 when a file is over its budget)
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGETS = {"docs/assets/quiz.js": 12 * 1024, "docs/assets/quiz.css": 4 * 1024}


def sizes() -> dict:
    """path -> (raw bytes, gzip -9 bytes, budget)."""
    out = {}
    for path, budget in BUDGETS.items():
        data = (ROOT / path).read_bytes()
        out[path] = (len(data), len(gzip.compress(data, compresslevel=9, mtime=0)), budget)
    return out


def main() -> int:
    over = False
    for path, (raw, gz, budget) in sizes().items():
        state = "ok" if gz <= budget else "MELEBIHI ANGGARAN"
        over |= gz > budget
        print(f"{path}: {raw / 1024:.1f} KB, gzip {gz / 1024:.2f} KB (anggaran {budget // 1024} KB) {state}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())

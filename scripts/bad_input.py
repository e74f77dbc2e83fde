#!/usr/bin/env python3
"""Run the bad-input corpus (tests/bad_input_cases.py) through `scripts/check.py`, one process per case, and count.

Usage: python scripts/bad_input.py [--code DIR] [--timeout 60] [--json FILE]

`--code` is a checkout whose `scripts/check.py` and `hooks/` are measured (default: this one), so the same corpus can be
run against an older version. Each case copies tests/sites/minimal, breaks it and runs check. Outcomes:
clean (the expected `file:...[rule]` line, exit 1, no traceback; for a valid case: exit 0), traceback (a Python
traceback or a crash by signal), misleading (exit 1, but not the expected message: another rule, or another file),
wrong (exit 0: the broken input passes), hang (past the time limit).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from bad_input_cases import CASES  # noqa: E402


def classify(rel: str, rule: str | None, returncode: int | None, stdout: str, stderr: str) -> str:
    if returncode is None:
        return "hang"
    if "Traceback (most recent call last)" in stdout + stderr or returncode not in (0, 1):
        return "traceback"
    if rule is None:
        return "clean" if returncode == 0 else "wrong"
    lines = [line.strip().split(": ", 1)[-1] for line in stdout.splitlines()]  # "  galat: file:line: ... [rule]"
    found = any(line.startswith((f"{rel}:", f"{rel} ")) and line.rstrip().endswith(f"[{rule}]") for line in lines)
    if returncode == 1 and found:
        return "clean"
    return "misleading" if returncode == 1 else "wrong"


def run_case(code: Path, case, timeout: float) -> dict:
    name, rel, change, rule = case
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        shutil.copytree(REPO / "tests" / "sites" / "minimal", root)
        change(root)
        started = time.monotonic()
        try:
            done = subprocess.run([sys.executable, str(code / "scripts" / "check.py"), "--root", str(root)],
                                  capture_output=True, text=True, timeout=timeout, errors="replace")
            returncode, stdout, stderr = done.returncode, done.stdout, done.stderr
        except subprocess.TimeoutExpired:
            returncode, stdout, stderr = None, "", ""
        seconds = time.monotonic() - started
    outcome = classify(rel, rule, returncode, stdout, stderr)
    last = (stderr.strip().splitlines() or [""])[-1] if outcome == "traceback" else ""
    return {"name": name, "file": rel, "rule": rule, "outcome": outcome, "seconds": round(seconds, 2), "error": last}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=REPO)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    results = []
    for case in CASES:
        result = run_case(args.code.resolve(), case, args.timeout)
        results.append(result)
        print(f"{result['outcome']:9} {result['seconds']:6.1f} s  {result['name']}  {result['error']}", flush=True)
    counts = {kind: sum(r["outcome"] == kind for r in results) for kind in ("clean", "traceback", "misleading", "wrong", "hang")}
    print(f"tried {len(results)}: " + ", ".join(f"{kind} {count}" for kind, count in counts.items()))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0 if counts["clean"] == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())

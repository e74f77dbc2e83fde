#!/usr/bin/env python3
"""Build-cost benchmark: our generator against plain Material on the same pages, in the same run.

    python scripts/bench.py [--sizes 10,100,500] [--runs 3 | --runs 3,3,2] [--sessions 4] [--questions 8] [--out reports/bench]
                            [--feature navigation.prune]

For each size N it writes a synthetic project (`scripts/corpus.py`), builds it once with our hooks and an empty PDF cache
(the cold build, which also captures every page's final Markdown and the nav), writes the plain-Material twin of those
pages, then alternates warm builds of ours and plain (`--runs` rounds, the order flipped each round), each in a fresh
`python -m mkdocs build` subprocess, and times `scripts/check.py` on the same project. It reports medians, the ratio
ours / plain, peak memory (RSS), PDF time cold and warm, site size (bytes and gzip) and the targets, in
`<out>/report.md` and `<out>/report.json`. Never part of `make test` (tests/test_bench.py runs a smoke size of 2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from corpus import site_config, write_corpus  # noqa: E402

TARGETS = {"overhead": 1.15, "growth": 5.5, "rss_mb": 600, "check_pct": 10.0}
PDF_LINE = re.compile(r"PDF: (\d+) dibuat, (\d+) dari cache, ([\d.]+) s")
TEXT_SUFFIXES = (".html", ".css", ".js", ".json", ".xml", ".txt", ".svg", ".gift", ".map")

FAIRNESS = """\
**What is compared.** *Ours* is the synthetic project built as this repository builds its site: our hook (load and
validate every YAML and Markdown file, generate module, session, trainer, handout and quiz pages, render quizzes to HTML,
the `docs/.overrides` templates, Indonesian search stems, PDFs copied from the content-hash cache). *Plain* is the same
Markdown pages, captured from our cold build after our hook had rendered their blocks (front matter kept), as files in
`docs/`, with the same nav (written into its mkdocs.yml), the same theme options, Markdown extensions, search plugin,
assets and quiz sheets/exports (as static files), but no hook and no `custom_dir`; each `::: quiz` line becomes its
questions as a Markdown list, so plain renders the same text without our quiz markup. Both build with the same Python in
fresh subprocesses, in alternating order, with MkDocs' default logging. Warm runs of ours keep the PDF cache and the
memos of parsed YAML, rendered quizzes, sheets, exports and word roots (the "pages-only" cost the overhead target is
about; a rebuild with unchanged sources, as `mkdocs serve` and a second `make site` see it); ours makes the quiz sheets
and exports in a helper process beside the page rendering. The cold build starts from an empty `.cache/`. Peak RSS is
the build process's own maximum resident set (PDF worker and helper processes are not counted). The check time is
`scripts/check.py` (load + validate with the parsed-YAML memo, no build) against ours' warm build median.
"""

RUNNER = r"""
import json, os, resource, runpy, sys
sys.argv = ["mkdocs"] + sys.argv[1:]
code = 0
try:
    runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
except SystemExit as exit_:
    code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
finally:
    with open(os.environ["BENCH_RUSAGE"], "w") as fh:
        json.dump({"self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   "children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}, fh)
sys.exit(code)
"""

CAPTURE_HOOK = r'''
"""Benchmark only: saves every page's final Markdown, the generated files and the nav for the plain-Material twin."""
import json, re
from pathlib import Path
import yaml

OUT = Path(__OUT__)
QUIZ = re.compile(r"^:::\s*quiz\s+(\S+)\s*$")


def on_files(files, config):
    for f in files:
        if f.is_documentation_page() or f.generated_by is None:
            continue
        target = OUT / "docs" / f.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(f.content_bytes)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "nav.json").write_text(json.dumps(config.nav, ensure_ascii=False), encoding="utf-8")
    return files


def on_post_build(config):
    # Quiz sheets, keys and exports are written by our build itself (not MkDocs files): plain copies them as static.
    site = Path(config.site_dir)
    for path in (site / "pelatih" / "kuis").glob("*"):
        if path.name != "index.html":
            target = OUT / "docs" / path.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())


def on_page_markdown(markdown, page, config, files):
    lines = []
    for line in markdown.split("\n"):
        match = QUIZ.match(line)
        lines.extend(_quiz_text(Path(config.config_file_path).parent, match.group(1)) if match else [line])
    front = "---\n" + yaml.safe_dump(page.meta, allow_unicode=True) + "---\n" if page.meta else ""
    target = OUT / "docs" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(front + "\n".join(lines), encoding="utf-8")
    return markdown


def _quiz_text(root, bank_id):
    bank = yaml.safe_load((root / "quizzes" / f"{bank_id}.yml").read_text(encoding="utf-8"))
    lines = [""]
    for number, q in enumerate(bank["questions"], start=1):
        lines += [f"{number}. {q['prompt']}", ""]
        texts = [o["text"] for o in q.get("options", [])] + [i["text"] for i in q.get("items", [])]
        texts += [f"{p['left']} - {p['right']}" for p in q.get("pairs", [])]
        lines += [f"    - {t}" for t in texts] + [""]
    return lines
'''


# --- running builds -------------------------------------------------------------------------------------------------

def run_build(project: Path, site: Path, config: str = "mkdocs.yml") -> dict:
    """One `mkdocs build` in a fresh subprocess: wall seconds, peak RSS (MB) and the PDF log line, if any."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        usage_file = Path(fh.name)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "BENCH_RUSAGE": str(usage_file)}
    args = [sys.executable, "-c", RUNNER, "build", "--clean", "-f", config, "-d", str(site)]
    started = time.perf_counter()
    proc = subprocess.run(args, cwd=project, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    usage = json.loads(usage_file.read_text() or "{}")
    usage_file.unlink()
    if proc.returncode != 0:
        raise SystemExit(f"build failed in {project} ({config}):\n{proc.stderr[-3000:]}")
    pdf = PDF_LINE.search(proc.stderr)
    return {"seconds": seconds, "rss_mb": usage.get("self_kb", 0) / 1024, "children_rss_mb": usage.get("children_kb", 0) / 1024,
            "pdf": {"rendered": int(pdf[1]), "cached": int(pdf[2]), "seconds": float(pdf[3])} if pdf else None}


def run_check(project: Path) -> float:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "check.py"), "--root", str(project)],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"check failed in {project}:\n{proc.stdout[-3000:]}")
    return seconds


# --- the two projects ---------------------------------------------------------------------------------------------

def add_features(config: dict, features) -> dict:
    theme = config["theme"]
    theme["features"] = list(dict.fromkeys(list(theme.get("features") or []) + list(features)))
    return config


def write_yaml(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def prepare(tmp: Path, size: int, args) -> tuple[Path, Path, dict]:
    """Write ours, build it cold with the capture hook, write plain from the capture; returns (ours, plain, cold)."""
    ours = write_corpus(tmp / "ours", size, args.sessions, args.questions, args.seed)
    config = add_features(site_config(hooks=True), args.feature)
    write_yaml(ours / "mkdocs.yml", config)
    plain = tmp / "plain"
    hook = tmp / "capture_hook.py"
    hook.write_text(CAPTURE_HOOK.replace("__OUT__", repr(str(plain))), encoding="utf-8")
    write_yaml(ours / "mkdocs-capture.yml", {**config, "hooks": config["hooks"] + [str(hook)]})
    shutil.rmtree(ours / ".cache", ignore_errors=True)
    cold = run_build(ours, tmp / "site-ours", "mkdocs-capture.yml")
    (ours / "mkdocs-capture.yml").unlink()
    for static in (ours / "docs").rglob("*"):
        if static.is_file() and static.suffix != ".md":
            target = plain / "docs" / static.relative_to(ours / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(static, target)
    plain_config = add_features(site_config(hooks=False), args.feature)
    plain_config["nav"] = json.loads((plain / "nav.json").read_text(encoding="utf-8"))
    write_yaml(plain / "mkdocs.yml", plain_config)
    return ours, plain, cold


def site_size(site: Path) -> dict:
    """Bytes and gzip bytes of a built site (text files compressed at level 6; PDFs, images counted as they are)."""
    raw = gz = html = pages = 0
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        raw += len(data)
        gz += len(zlib.compress(data, 6)) if path.suffix in TEXT_SUFFIXES else len(data)
        if path.suffix == ".html":
            html += len(data)
            pages += 1
    return {"bytes": raw, "gz_bytes": gz, "html_files": pages, "html_bytes": html}


def median(values) -> float:
    return statistics.median(values) if values else 0.0


def measure(size: int, rounds: int, args) -> dict:
    print(f"N={size}: writing the corpus and the cold build ...", flush=True)
    with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as tmp_name:
        tmp = Path(tmp_name)
        ours, plain, cold = prepare(tmp, size, args)
        runs = {"ours": [], "plain": []}
        for round_ in range(rounds):
            order = ("ours", "plain") if round_ % 2 == 0 else ("plain", "ours")
            for name in order:
                project = ours if name == "ours" else plain
                result = run_build(project, tmp / f"site-{name}")
                runs[name].append(result)
                print(f"N={size} round {round_ + 1}/{rounds} {name}: {result['seconds']:.2f} s, "
                      f"{result['rss_mb']:.0f} MB", flush=True)
        checks = [run_check(ours) for _ in range(rounds)]
        sizes = {"ours": site_size(tmp / "site-ours"), "plain": site_size(tmp / "site-plain")}
    ours_s = [r["seconds"] for r in runs["ours"]]
    plain_s = [r["seconds"] for r in runs["plain"]]
    warm_pdf = [r["pdf"]["seconds"] for r in runs["ours"] if r["pdf"]]
    result = {
        "modules": size, "sessions": args.sessions, "questions": args.questions,
        "ours_seconds": ours_s, "plain_seconds": plain_s,
        "ours_median": median(ours_s), "plain_median": median(plain_s),
        "ratio": median(ours_s) / median(plain_s) if plain_s else None,
        "rss_mb": {"ours": max(r["rss_mb"] for r in runs["ours"]), "plain": max(r["rss_mb"] for r in runs["plain"]),
                   "ours_cold": cold["rss_mb"], "pdf_workers_cold": cold["children_rss_mb"]},
        "check_seconds": checks, "check_median": median(checks),
        "check_pct": 100 * median(checks) / median(ours_s) if ours_s else None,
        "cold_build_seconds": cold["seconds"],
        "pdf": {"present": cold["pdf"] is not None,
                "count": (cold["pdf"]["rendered"] + cold["pdf"]["cached"]) if cold["pdf"] else 0,
                "cold_seconds": cold["pdf"]["seconds"] if cold["pdf"] else None,
                "warm_seconds": median(warm_pdf) if warm_pdf else None,
                "warm_rendered": max((r["pdf"]["rendered"] for r in runs["ours"] if r["pdf"]), default=None)},
        "site": sizes,
    }
    return result


# --- the report ------------------------------------------------------------------------------------------------------

def verdicts(results: list) -> list[dict]:
    """Each target with its measured value and whether it is met (None when the sizes to judge it were not run)."""
    by_size = {r["modules"]: r for r in results}
    out = []
    r100 = by_size.get(100)
    out.append({"target": "pages-only overhead at N=100 (ours / plain, warm PDF cache)", "limit": f"<= {TARGETS['overhead']}x",
                "value": f"{r100['ratio']:.2f}x" if r100 else None,
                "met": (r100["ratio"] <= TARGETS["overhead"]) if r100 else None})
    r500 = by_size.get(500)
    growth = r500["ours_median"] / r100["ours_median"] if r100 and r500 else None
    plain_growth = r500["plain_median"] / r100["plain_median"] if r100 and r500 else None
    out.append({"target": "growth N=500 / N=100 (ours)", "limit": f"<= {TARGETS['growth']}x",
                "value": f"{growth:.2f}x (plain {plain_growth:.2f}x)" if growth else None,
                "met": (growth <= TARGETS["growth"]) if growth else None})
    out.append({"target": "peak RSS at N=500 (ours, build process)", "limit": f"<= {TARGETS['rss_mb']} MB",
                "value": f"{r500['rss_mb']['ours']:.0f} MB" if r500 else None,
                "met": (r500["rss_mb"]["ours"] <= TARGETS["rss_mb"]) if r500 else None})
    worst = max((r["check_pct"] for r in results if r["modules"] >= 10), default=None)
    out.append({"target": "check command / full build (worst size >= 10)", "limit": f"< {TARGETS['check_pct']:.0f} %",
                "value": f"{worst:.1f} %" if worst is not None else None,
                "met": (worst < TARGETS["check_pct"]) if worst is not None else None})
    return out


def mb(value: float) -> str:
    return f"{value / 1e6:.1f}"


def render_markdown(report: dict) -> str:
    lines = [f"# Build benchmark ({report['date']})", "", f"Command: `{report['command']}`", "",
             f"Machine: {report['machine']}", "", FAIRNESS, "", "## Figures", "",
             "| N modules | pages (ours/plain) | ours median s | plain median s | ours / plain | ours runs s | "
             "plain runs s | peak RSS MB ours / plain | check s (% of build) | cold build s | PDF cold s | PDF warm s | "
             "site MB ours / plain | site gz MB ours / plain |",
             "|---" * 14 + "|"]
    for r in report["results"]:
        pdf = r["pdf"]
        cold = f"{pdf['cold_seconds']:.1f} ({pdf['count']} PDFs)" if pdf["present"] else "n/a"
        warm = f"{pdf['warm_seconds']:.2f} ({pdf['warm_rendered']} rendered)" if pdf["present"] and pdf["warm_seconds"] is not None else "n/a"
        s = r["site"]
        lines.append(
            f"| {r['modules']} | {s['ours']['html_files']} / {s['plain']['html_files']} | {r['ours_median']:.2f} | "
            f"{r['plain_median']:.2f} | **{r['ratio']:.2f}x** | {', '.join(f'{x:.2f}' for x in r['ours_seconds'])} | "
            f"{', '.join(f'{x:.2f}' for x in r['plain_seconds'])} | {r['rss_mb']['ours']:.0f} / {r['rss_mb']['plain']:.0f} | "
            f"{r['check_median']:.2f} ({r['check_pct']:.1f} %) | {r['cold_build_seconds']:.1f} | {cold} | {warm} | "
            f"{mb(s['ours']['bytes'])} / {mb(s['plain']['bytes'])} | {mb(s['ours']['gz_bytes'])} / {mb(s['plain']['gz_bytes'])} |")
    if not any(r["pdf"]["present"] for r in report["results"]):
        lines += ["", "The build made no PDF (no `PDF: ...` line in its log): PDF time is not measured."]
    lines += ["", "## Targets", "", "| target | limit | measured | met |", "|---|---|---|---|"]
    for v in report["targets"]:
        met = "not run" if v["met"] is None else ("yes" if v["met"] else "**no**")
        lines.append(f"| {v['target']} | {v['limit']} | {v['value'] or '-'} | {met} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,500", help="module counts, comma-separated")
    parser.add_argument("--runs", default="3", help="warm builds of each kind per size: one number, or one per size")
    parser.add_argument("--sessions", type=int, default=4)
    parser.add_argument("--questions", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--feature", action="append", default=[],
                        help="extra Material theme feature for both sides, e.g. navigation.prune (repeatable)")
    parser.add_argument("--out", type=Path, default=REPO / "reports" / "bench")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    runs = [int(r) for r in str(args.runs).split(",") if r.strip()]
    runs = runs + [runs[-1]] * (len(sizes) - len(runs))
    results = [measure(size, runs[i], args) for i, size in enumerate(sizes)]
    report = {"date": dt.datetime.now().isoformat(timespec="seconds"),
              "command": "python scripts/bench.py " + " ".join(argv if argv is not None else sys.argv[1:]),
              "machine": f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs",
              "features": args.feature, "targets": verdicts(results), "results": results}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    (args.out / "report.md").write_text(render_markdown(report), encoding="utf-8")
    print(render_markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

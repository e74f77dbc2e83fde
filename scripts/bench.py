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
import resource
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

TARGETS = {"overhead_10": 1.10, "overhead": 1.05, "growth": 5.5, "rss_mb": 600, "rss_ratio": 2.0, "check_pct": 10.0}
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
fresh subprocesses, in alternating order (cold rounds first, then warm rounds), with MkDocs' default logging. Warm runs
of ours keep the PDF cache and the
memos of parsed YAML, rendered quizzes, sheets, exports, word roots and pages rendered from Markdown (the "pages-only"
cost the overhead target is about; a rebuild with unchanged sources, as `mkdocs serve` and a second `make site` see it;
plain Material has no such memo and converts every page again); ours makes the quiz sheets
and exports in a helper process beside the page rendering, so CPU time (build plus children) is the fair measure and
targets are judged on it. A cold build of ours starts from an empty `.cache/` (every PDF rendered, worker start-up
included). Peak RSS is the whole process tree (build, helper, PDF workers) sampled every 50 ms. The check figure is
`scripts/check.py` (load + validate with the parsed-YAML memo, no build) CPU against ours' warm build CPU.
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
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(os.environ["BENCH_RUSAGE"], "w") as fh:
        json.dump({"self_kb": me.ru_maxrss, "children_kb": kids.ru_maxrss,
                   "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime}, fh)
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

def tree_pids(pid: int) -> list[int]:
    """A process and its live descendants (from /proc; Linux)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its live descendants together (MB), e.g. a build and its PDF workers."""
    total = 0
    for current in tree_pids(pid):
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def code_path(project: Path) -> dict:
    """The environment that makes a copied checkout's `mkdocs.yml` (`plugins: - lindungi`) load that copy's package,
    not the one installed into the virtualenv: {"PYTHONPATH": ...}, or {} for a project without its own package."""
    hooks = project / "hooks"
    if not (hooks / "lindungi").is_dir():
        return {}
    return {"PYTHONPATH": os.pathsep.join(filter(None, (str(hooks), os.environ.get("PYTHONPATH"))))}


def run_build(project: Path, site: Path, config: str = "mkdocs.yml") -> dict:
    """One `mkdocs build` in a fresh subprocess: wall seconds, CPU seconds (user+sys of the build and of the children
    it waited for: the quiz helper and the PDF workers), peak RSS of the build process alone and of the whole process
    tree sampled every 50 ms (MB), and the PDF log line, if any."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        usage_file = Path(fh.name)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "BENCH_RUSAGE": str(usage_file)}
    env.update(code_path(project))
    args = [sys.executable, "-c", RUNNER, "build", "--clean", "-f", config, "-d", str(site)]
    with tempfile.TemporaryFile("w+") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(args, cwd=project, stdout=out, stderr=subprocess.STDOUT, text=True, env=env)
        peak = 0.0
        while proc.poll() is None:
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        out.seek(0)
        log = out.read()
    usage = json.loads(usage_file.read_text() or "{}")
    usage_file.unlink()
    if proc.returncode != 0:
        raise SystemExit(f"build failed in {project} ({config}):\n{log[-3000:]}")
    pdf = PDF_LINE.search(log)
    return {"seconds": seconds, "cpu": usage.get("cpu", 0.0), "rss_mb": usage.get("self_kb", 0) / 1024,
            "tree_rss_mb": max(peak, usage.get("self_kb", 0) / 1024),
            "children_rss_mb": usage.get("children_kb", 0) / 1024,
            "pdf": {"rendered": int(pdf[1]), "cached": int(pdf[2]), "seconds": float(pdf[3])} if pdf else None}


def run_check(project: Path) -> dict:
    """`scripts/check.py` in a subprocess: wall and CPU seconds (user+sys of it and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "check.py"), "--root", str(project)],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"check failed in {project}:\n{proc.stdout[-3000:]}")
    return {"seconds": seconds, "cpu": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)}


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
    config = add_features(site_config(hooks=True, code=args.code), args.feature)
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


def paired(ours: list, plain: list, key: str) -> list:
    """Each round's ratio ours / plain (a pair built back to back sees the same machine load)."""
    return [o[key] / p[key] for o, p in zip(ours, plain) if p[key]]


def spread(values) -> list:
    return [round(min(values), 3), round(max(values), 3)] if values else []


def alternate(rounds: int, builds: dict, label: str, size: int) -> dict:
    """`rounds` rounds of one build per arm, the order flipped each round; `builds` maps an arm to its build call."""
    runs = {name: [] for name in builds}
    names = list(builds)
    for round_ in range(rounds):
        for name in (names if round_ % 2 == 0 else names[::-1]):
            result = builds[name]()
            runs[name].append(result)
            print(f"N={size} {label} round {round_ + 1}/{rounds} {name}: {result['seconds']:.2f} s wall, "
                  f"{result['cpu']:.2f} s CPU, {result['tree_rss_mb']:.0f} MB", flush=True)
    return runs


def summary(runs: dict) -> dict:
    ours, plain = runs["ours"], runs["plain"]
    wall, cpu = paired(ours, plain, "seconds"), paired(ours, plain, "cpu")
    return {"ours_seconds": [r["seconds"] for r in ours], "plain_seconds": [r["seconds"] for r in plain],
            "ours_cpu": [r["cpu"] for r in ours], "plain_cpu": [r["cpu"] for r in plain],
            "ours_median": median([r["seconds"] for r in ours]), "plain_median": median([r["seconds"] for r in plain]),
            "ours_cpu_median": median([r["cpu"] for r in ours]), "plain_cpu_median": median([r["cpu"] for r in plain]),
            "ratio_wall": median(wall), "ratio_cpu": median(cpu), "spread_wall": spread(wall), "spread_cpu": spread(cpu),
            "rss_mb": {"ours": max(r["rss_mb"] for r in ours), "plain": max(r["rss_mb"] for r in plain),
                       "ours_tree": max(r["tree_rss_mb"] for r in ours),
                       "plain_tree": max(r["tree_rss_mb"] for r in plain)}}


def measure(size: int, rounds: int, args) -> dict:
    print(f"N={size}: writing the corpus and the capture build ...", flush=True)
    with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as tmp_name:
        tmp = Path(tmp_name)
        ours, plain, capture = prepare(tmp, size, args)

        def build_ours(cold=False):
            if cold:
                shutil.rmtree(ours / ".cache", ignore_errors=True)
            return run_build(ours, tmp / "site-ours")

        def build_plain():
            return run_build(plain, tmp / "site-plain")

        cold = alternate(args.cold_runs, {"ours": lambda: build_ours(True), "plain": build_plain}, "cold", size)
        build_ours()  # the warm cache of this code (the last cold build made it already; this one is its check)
        warm = alternate(rounds, {"ours": build_ours, "plain": build_plain}, "warm", size)
        checks = [run_check(ours) for _ in range(rounds)]
        sizes = {"ours": site_size(tmp / "site-ours"), "plain": site_size(tmp / "site-plain")}
    w, c = summary(warm), summary(cold)
    warm_pdf = [r["pdf"]["seconds"] for r in warm["ours"] if r["pdf"]]
    cold_pdf = [r["pdf"] for r in cold["ours"] if r["pdf"]]
    check_cpu = median([x["cpu"] for x in checks])
    return {
        "modules": size, "sessions": args.sessions, "questions": args.questions, "rounds": rounds,
        "cold_rounds": args.cold_runs, "warm": w, "cold": c,
        # the figures earlier reports used, kept under their names (warm, wall)
        "ours_median": w["ours_median"], "plain_median": w["plain_median"], "ratio": w["ratio_wall"],
        "ratio_cpu": w["ratio_cpu"], "rss_mb": w["rss_mb"],
        "rss_cold_mb": c["rss_mb"],
        "cold_over_warm_cpu": c["ours_cpu_median"] / w["ours_cpu_median"] if w["ours_cpu_median"] else None,
        "check_seconds": [x["seconds"] for x in checks], "check_cpu": [x["cpu"] for x in checks],
        "check_median": median([x["seconds"] for x in checks]), "check_cpu_median": check_cpu,
        "check_pct": 100 * check_cpu / w["ours_cpu_median"] if w["ours_cpu_median"] else None,
        "capture_build_seconds": capture["seconds"],
        "pdf": {"present": bool(cold_pdf),
                "count": (cold_pdf[0]["rendered"] + cold_pdf[0]["cached"]) if cold_pdf else 0,
                "cold_seconds": median([p["seconds"] for p in cold_pdf]) if cold_pdf else None,
                "warm_seconds": median(warm_pdf) if warm_pdf else None,
                "warm_rendered": max((r["pdf"]["rendered"] for r in warm["ours"] if r["pdf"]), default=None)},
        "site": sizes,
    }


# --- the report ------------------------------------------------------------------------------------------------------

def verdicts(results: list) -> list[dict]:
    """Each target with its measured value and whether it is met (None when the sizes to judge it were not run).
    Ratios are medians of per-round CPU ratios (wall time on a shared machine measures the neighbours too)."""
    by_size = {r["modules"]: r for r in results}
    out = []
    for size, limit in ((10, TARGETS["overhead_10"]), (100, TARGETS["overhead"]), (500, TARGETS["overhead"])):
        r = by_size.get(size)
        out.append({"target": f"pages-only CPU at N={size} (ours / plain, warm, median of per-round ratios)",
                    "limit": f"<= {limit}x",
                    "value": f"{r['warm']['ratio_cpu']:.2f}x ({r['warm']['spread_cpu'][0]}–{r['warm']['spread_cpu'][1]}, "
                             f"{r['rounds']} rounds)" if r else None,
                    "met": (r["warm"]["ratio_cpu"] <= limit) if r else None})
    r100, r500 = by_size.get(100), by_size.get(500)
    growth = r500["warm"]["ours_cpu_median"] / r100["warm"]["ours_cpu_median"] if r100 and r500 else None
    plain_growth = r500["warm"]["plain_cpu_median"] / r100["warm"]["plain_cpu_median"] if r100 and r500 else None
    out.append({"target": "growth N=500 / N=100 (ours, CPU)", "limit": f"<= {TARGETS['growth']}x",
                "value": f"{growth:.2f}x (plain {plain_growth:.2f}x)" if growth else None,
                "met": (growth <= TARGETS["growth"]) if growth else None})
    largest = max(results, key=lambda r: r["modules"]) if results else None
    if largest is not None:
        worst = max(largest["rss_mb"]["ours_tree"], largest["rss_cold_mb"]["ours_tree"])
        plain_rss = max(largest["rss_mb"]["plain_tree"], largest["rss_cold_mb"]["plain_tree"])
        out.append({"target": f"peak RSS at N={largest['modules']}, workers included (ours / plain, cold or warm)",
                    "limit": f"<= {TARGETS['rss_ratio']}x and <= {TARGETS['rss_mb']} MB",
                    "value": f"{worst:.0f} / {plain_rss:.0f} MB = {worst / plain_rss:.2f}x",
                    "met": worst / plain_rss <= TARGETS["rss_ratio"] and worst <= TARGETS["rss_mb"]
                    if largest["modules"] >= 100 else None})
    worst_check = max((r["check_pct"] for r in results if r["modules"] >= 10), default=None)
    out.append({"target": "check command / warm build, CPU (worst size >= 10)",
                "limit": f"< {TARGETS['check_pct']:.0f} %",
                "value": f"{worst_check:.1f} %" if worst_check is not None else None,
                "met": (worst_check < TARGETS["check_pct"]) if worst_check is not None else None})
    return out


def mb(value: float) -> str:
    return f"{value / 1e6:.1f}"


def render_markdown(report: dict) -> str:
    lines = [f"# Build benchmark ({report['date']})", "", f"Command: `{report['command']}`", "",
             f"Machine: {report['machine']}", "", FAIRNESS, "", "## Figures", "",
             "Medians; ratios are medians of per-round ratios ours / plain, with their range. CPU = user+sys of the "
             "build and its waited-for children (quiz helper, PDF workers). RSS = peak of the build and all its "
             "live children together.", "",
             "| N modules | pages (ours/plain) | kind | rounds | ours s wall / CPU | plain s wall / CPU | "
             "wall ratio (range) | **CPU ratio** (range) | peak RSS MB ours / plain |",
             "|---" * 9 + "|"]
    for r in report["results"]:
        s = r["site"]
        for kind in ("warm", "cold"):
            k = r[kind]
            rounds = r["rounds"] if kind == "warm" else r["cold_rounds"]
            lines.append(
                f"| {r['modules']} | {s['ours']['html_files']} / {s['plain']['html_files']} | {kind} | {rounds} | "
                f"{k['ours_median']:.2f} / {k['ours_cpu_median']:.2f} | {k['plain_median']:.2f} / "
                f"{k['plain_cpu_median']:.2f} | {k['ratio_wall']:.2f}x ({k['spread_wall'][0]}–{k['spread_wall'][1]}) | "
                f"**{k['ratio_cpu']:.2f}x** ({k['spread_cpu'][0]}–{k['spread_cpu'][1]}) | "
                f"{k['rss_mb']['ours_tree']:.0f} / {k['rss_mb']['plain_tree']:.0f} |")
    lines += ["", "| N modules | cold / warm CPU (ours) | check s wall / CPU (CPU % of warm build) | PDF cold s | "
              "PDF warm s | site MB ours / plain | site gz MB ours / plain |", "|---" * 7 + "|"]
    for r in report["results"]:
        pdf, s = r["pdf"], r["site"]
        cold = f"{pdf['cold_seconds']:.1f} ({pdf['count']} PDFs)" if pdf["present"] else "n/a"
        warm = (f"{pdf['warm_seconds']:.2f} ({pdf['warm_rendered']} rendered)"
                if pdf["present"] and pdf["warm_seconds"] is not None else "n/a")
        lines.append(
            f"| {r['modules']} | {r['cold_over_warm_cpu']:.2f}x | {r['check_median']:.2f} / {r['check_cpu_median']:.2f} "
            f"({r['check_pct']:.1f} %) | {cold} | {warm} | {mb(s['ours']['bytes'])} / {mb(s['plain']['bytes'])} | "
            f"{mb(s['ours']['gz_bytes'])} / {mb(s['plain']['gz_bytes'])} |")
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
    parser.add_argument("--cold-runs", type=int, default=1, help="cold builds of each kind per size (ours: .cache deleted)")
    parser.add_argument("--sessions", type=int, default=4)
    parser.add_argument("--questions", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--feature", action="append", default=[],
                        help="extra Material theme feature for both sides, e.g. navigation.prune (repeatable)")
    parser.add_argument("--code", type=Path, default=REPO,
                        help="the checkout whose hooks and overrides are measured (another branch: a before figure)")
    parser.add_argument("--out", type=Path, default=REPO / "reports" / "bench")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    runs = [int(r) for r in str(args.runs).split(",") if r.strip()]
    runs = runs + [runs[-1]] * (len(sizes) - len(runs))
    results = [measure(size, runs[i], args) for i, size in enumerate(sizes)]
    report = {"date": dt.datetime.now().isoformat(timespec="seconds"),
              "command": "python scripts/bench.py " + " ".join(argv if argv is not None else sys.argv[1:]),
              "machine": f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
                         f"load average {os.getloadavg()[0]:.1f} at the end",
              "features": args.feature, "targets": verdicts(results), "results": results}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    (args.out / "report.md").write_text(render_markdown(report), encoding="utf-8")
    print(render_markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The synthetic corpus and a smoke run of the build benchmark (the real benchmark is `make bench`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from helpers import REPO, problems_of

sys.path.insert(0, str(REPO / "scripts"))

import bench  # noqa: E402
from corpus import write_corpus  # noqa: E402


def test_corpus_passes_the_check_with_no_problem(tmp_path):
    """A written corpus (every file format, every block and question type) has no error and no warning."""
    root = write_corpus(tmp_path / "korpus", modules=10, sessions=3, questions=7, seed=1)
    assert problems_of(root) == []
    assert len(list((root / "modules").iterdir())) == 10
    assert (root / "quizzes" / "modul-0010-prepost.yml").is_file()
    assert list((root / "workshops").glob("*.yml"))


def test_corpus_is_deterministic(tmp_path):
    """The same arguments write the same files byte for byte; another seed writes other text."""
    first = write_corpus(tmp_path / "a", modules=2, sessions=2, questions=3, seed=5)
    second = write_corpus(tmp_path / "b", modules=2, sessions=2, questions=3, seed=5)
    third = write_corpus(tmp_path / "c", modules=2, sessions=2, questions=3, seed=6)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file() and p.name != "mkdocs.yml")
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    assert (first / "quizzes/modul-0001.yml").read_bytes() != (third / "quizzes/modul-0001.yml").read_bytes()


@pytest.mark.slow
def test_bench_smoke_writes_both_reports(tmp_path):
    """`bench.py --sizes 2 --runs 1` writes report.md and report.json with the figures of that size."""
    out = tmp_path / "reports"
    assert bench.main(["--sizes", "2", "--runs", "1", "--sessions", "2", "--questions", "7", "--out", str(out)]) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    (result,) = report["results"]
    assert result["modules"] == 2
    assert result["ours_median"] > 0 and result["plain_median"] > 0 and result["ratio"] > 0
    for kind in ("warm", "cold"):
        assert result[kind]["ratio_cpu"] > 0 and len(result[kind]["ours_cpu"]) == 1
        assert result[kind]["rss_mb"]["ours_tree"] >= result[kind]["rss_mb"]["ours"] > 0
    assert result["check_median"] > 0 and result["check_cpu_median"] > 0
    assert result["site"]["ours"]["html_files"] >= result["site"]["plain"]["html_files"] > 0
    assert set(result["pdf"]) >= {"present", "cold_seconds", "warm_seconds"}
    assert [t["met"] for t in report["targets"]] == [None] * 6
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "| 2 | " in text and "ours / plain" in text


@pytest.mark.slow
def test_bench_quiz_smoke_compares_three_sites(capsys):
    """`bench_quiz.py` at 2 pages and 1 round prints wall and CPU for the quiz, no-quiz and plain Material sites."""
    import bench_quiz

    assert bench_quiz.main(["--pages", "2", "--rounds", "1", "--limit", "100"]) == 0
    out = capsys.readouterr().out
    assert "Material polos" in out and "quiz/material CPU" in out and "keputusan" in out


@pytest.mark.slow
def test_bench_pdf_smoke_counts_a_fresh_process(capsys):
    """`bench_pdf.py` on a 3-module synthetic site, one run, one worker: a cold figure with its CPU time."""
    import bench_pdf

    assert bench_pdf.main(["--runs", "1", "--modules", "3", "--workers", "1", "--synthetic-only"]) == 0
    out = capsys.readouterr().out
    assert "synthetic 3 modules" in out and "cold CPU" in out


@pytest.mark.slow
def test_bench_serve_smoke_measures_both_arms(tmp_path):
    """`bench_serve.py --modules 2 --edits 1`: a real serve of ours and of plain Material, one edit each."""
    import bench_serve

    out = tmp_path / "serve"
    bench_serve.main(["--modules", "2", "--edits", "1", "--timeout", "300", "--out", str(out)])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    (result,) = report["results"]
    assert len(result["runs"]["ours"]) == len(result["runs"]["plain"]) == 1
    assert result["median"]["ours_seconds"] > 0 and result["median"]["plain_seconds"] > 0
    assert result["median"]["ours_pdf_ready"] >= result["median"]["ours_seconds"]
    assert "| 2 modules | 1 |" in (out / "report.md").read_text(encoding="utf-8")


def test_a_copied_checkout_builds_with_its_own_package(tmp_path):
    """`--code <checkout>`: a copy whose mkdocs.yml names the plugin must load the copy's package, not the one
    installed into the virtualenv (else a before/after run measures the same code twice)."""
    copy = tmp_path / "copy"
    (copy / "hooks" / "lindungi").mkdir(parents=True)
    (copy / "hooks" / "lindungi" / "__init__.py").write_text("MARK = 'copy'\n", encoding="utf-8")
    env = {**os.environ, **bench.code_path(copy)}
    found = subprocess.run([sys.executable, "-c", "import lindungi; print(lindungi.__file__)"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert found == str(copy / "hooks" / "lindungi" / "__init__.py")
    assert bench.code_path(tmp_path) == {}  # a synthetic corpus has no package of its own


@pytest.mark.slow
def test_bench_serve_prepares_the_default_site(tmp_path):
    """`bench_serve.py --modules 0` (the default site, whose mkdocs.yml has the plugin and no hooks list): ours is a
    copy of the checkout, plain has its captured pages and nav, and the edited session exists."""
    import bench_serve

    ours, plain, session = bench_serve.prepare(tmp_path, 0)
    assert (ours / "modules" / session).is_file() and (ours / "hooks" / "lindungi").is_dir()
    assert (plain / "docs" / "index.md").is_file() and "nav:" in (plain / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.slow
def test_bench_default_smoke_builds_cold_warm_and_pages(capsys):
    """`bench_default.py --rounds 1`: one cold, one warm and one pages-only build of the default site."""
    import bench_default

    bench_default.main(["--rounds", "1"])
    out = capsys.readouterr().out
    assert "cold / warm CPU" in out and "cold / warm wall" in out and "pages" in out


@pytest.mark.slow
@pytest.mark.browser
def test_bench_fcp_smoke_measures_both_servers(public_site, tmp_path):
    """`bench_fcp.py` at one run on one page (a fast network, so it is quick): both servers measured, the gzip
    server sends the .gz copies with Content-Encoding, and nothing blocks the first paint."""
    import urllib.request

    import os
    import shutil

    import bench_fcp

    if not (shutil.which(bench_fcp.CHROMIUM) or os.path.isfile(bench_fcp.CHROMIUM)):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{bench_fcp.CHROMIUM} not found: install Debian's chromium package")
        pytest.skip(f"{bench_fcp.CHROMIUM} not found")
    with bench_fcp.serve(public_site, gzip=True) as base:
        request = urllib.request.Request(base + "index.html", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert response.read() == (public_site / "index.html.gz").read_bytes()
    out = tmp_path / "fcp.json"
    # Its own process, as it is run: the browser tests of the same session keep Playwright's event loop running here.
    run = subprocess.run([sys.executable, str(REPO / "scripts" / "bench_fcp.py"), "--site", str(public_site),
                          "--runs", "1", "--pages", "index.html", "--latency-ms", "20", "--kbps", "2000",
                          "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads(out.read_text(encoding="utf-8"))["pages"]["index.html"]
    assert report["gzip"]["fcp_median_s"] > 0 and report["plain"]["fcp_median_s"] > 0
    assert report["gzip"]["bytes_median"] < report["plain"]["bytes_median"] / 2
    assert report["gzip"]["blocking"] == [] and report["plain"]["blocking"] == []
    assert "| index.html | gzip |" in run.stdout

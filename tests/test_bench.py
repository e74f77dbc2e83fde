"""The synthetic corpus and a smoke run of the build benchmark (the real benchmark is `make bench`)."""

from __future__ import annotations

import json
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
    assert result["rss_mb"]["ours"] > 0 and result["check_median"] > 0
    assert result["site"]["ours"]["html_files"] >= result["site"]["plain"]["html_files"] > 0
    assert set(result["pdf"]) >= {"present", "cold_seconds", "warm_seconds"}
    assert [t["met"] for t in report["targets"]] == [None, None, None, None]
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "| 2 | " in text and "ours / plain" in text

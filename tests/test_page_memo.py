"""Pages rendered in an earlier build are taken from the page memo (.cache/lindungi-html/) when nothing their
rendering depends on changed: real builds in subprocesses that count MkDocs' own Markdown renderings."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from helpers import copy_site

# `mkdocs build` with MkDocs' Page.render counted (the memo's misses go through it): prints "RENDERED <n>" at exit.
RUNNER = """
import atexit, runpy, sys
from mkdocs.structure.pages import Page
count, original = [0], Page.render
def render(*args, **kwargs):
    count[0] += 1
    return original(*args, **kwargs)
Page.render = render
atexit.register(lambda: print(f"RENDERED {count[0]}", file=sys.stderr))
sys.argv = ["mkdocs", "build", "--clean", "--strict", "-d", sys.argv[1]] + sys.argv[2:]
runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
"""


def _build(root, site, *extra):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "LINDUNGI_PDF": "off"}
    result = subprocess.run([sys.executable, "-c", RUNNER, str(site), *extra], cwd=root, capture_output=True,
                            text=True, env=env, timeout=600)
    rendered = re.search(r"RENDERED (\d+)", result.stderr)
    assert rendered, result.stderr
    return result, int(rendered.group(1))


def _files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def root(tmp_path):
    return copy_site("pdf-basic", tmp_path / "src")


def test_unchanged_pages_come_from_the_memo_and_the_site_is_the_same(root, tmp_path):
    first, rendered = _build(root, tmp_path / "a")
    assert first.returncode == 0, first.stderr
    pages = int(re.search(r"(\d+) halaman", first.stderr).group(1))  # the closing summary
    assert rendered == pages > 10
    memo = root / ".cache/lindungi-html"
    assert len(list(memo.glob("*.txt"))) == rendered
    again, rendered_again = _build(root, tmp_path / "b")
    assert again.returncode == 0, again.stderr
    assert rendered_again == 0
    assert _files(tmp_path / "b") == _files(tmp_path / "a")
    shutil.rmtree(memo)  # the same site without the memo
    _build(root, tmp_path / "c")
    assert _files(tmp_path / "c") == _files(tmp_path / "a")


def test_a_damaged_entry_is_rendered_again_and_unused_entries_are_removed(root, tmp_path):
    _build(root, tmp_path / "a")
    memo = root / ".cache/lindungi-html"
    entries = sorted(memo.glob("*.txt"))
    damaged = next(p for p in entries if "Beranda uji" in p.read_text(encoding="utf-8"))
    damaged.write_text(damaged.read_text(encoding="utf-8").replace("Beranda uji", "RUSAK"), encoding="utf-8")
    again, rendered = _build(root, tmp_path / "b")
    assert again.returncode == 0 and rendered == 1, again.stderr
    assert _files(tmp_path / "b") == _files(tmp_path / "a")
    (root / "docs/index.md").write_text("# Beranda baru\n\nTeks baru.\n", encoding="utf-8")
    _build(root, tmp_path / "c")
    assert len(list(memo.glob("*.txt"))) == len(entries)  # the old home page's entry went, the new one came


def test_only_the_changed_page_is_rendered_again(root, tmp_path):
    _build(root, tmp_path / "a")
    session = root / "modules/rawat-diri/rawat-diri.md"
    session.write_text(session.read_text(encoding="utf-8") + "\nSatu kalimat baru untuk uji.\n", encoding="utf-8")
    changed, rendered = _build(root, tmp_path / "b")
    assert changed.returncode == 0, changed.stderr
    # the session's public page and its trainer view
    assert rendered == 2
    assert "Satu kalimat baru untuk uji." in (tmp_path / "b/modul/rawat-diri/rawat-diri.html").read_text(encoding="utf-8")


def test_a_page_with_a_warning_is_rendered_and_warns_in_every_build(root, tmp_path):
    index = root / "docs/index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n[Hilang](tidak-ada.md)\n", encoding="utf-8")
    for site in ("a", "b"):
        result, rendered = _build(root, tmp_path / site)
        assert result.returncode == 1 and "tidak-ada.md" in result.stderr, result.stderr
        assert rendered >= 1


def test_a_verbose_build_renders_every_page(root, tmp_path):
    _, rendered = _build(root, tmp_path / "a")
    verbose, rendered_verbose = _build(root, tmp_path / "b", "--verbose")
    assert verbose.returncode == 0, verbose.stderr
    assert rendered_verbose == rendered

"""Hostile and broken input: every case of the corpus (tests/bad_input_cases.py) ends in a clean `file:line` message,
never an exception or a hang; a few whole message lines; the same problems from the build as from check."""

from __future__ import annotations

import time

import pytest

from bad_input_cases import CASES
from helpers import build_site, copy_site, problems_of


def _lines(problems: list[str], rel: str, rule: str) -> list[str]:
    return [p for p in problems if p.startswith((f"{rel}:", f"{rel} ")) and p.endswith(f"[{rule}]")]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_corpus_case_ends_in_a_message(case, tmp_path):
    """Each broken copy gives its expected `file:line ... [rule]` message within a few seconds; valid copies none."""
    name, rel, change, rule = case
    root = copy_site("minimal", tmp_path / "site")
    change(root)
    started = time.monotonic()
    problems = problems_of(root)
    assert time.monotonic() - started < 20, name
    if rule is None:
        assert problems == []
    else:
        assert _lines(problems, rel, rule), problems
        assert not [p for p in problems if p.endswith("[empty-file]")]  # no false "berkas kosong" after a refusal


def _case(name):
    return next(c for c in CASES if c[0] == name)


def _broken(name, tmp_path):
    root = copy_site("minimal", tmp_path / "site")
    _case(name)[2](root)
    return root


def test_non_utf8_names_line_and_column_of_the_byte(tmp_path):
    """The bad byte's line and column (in characters), not its offset in the file; one message, no 'berkas kosong'."""
    root = copy_site("minimal", tmp_path / "site")
    path = root / "modules/contoh-modul/module.yml"
    path.write_bytes(path.read_bytes().replace(b"title: Modul contoh", b"title: Modul \xc3\xa9 contoh \xe9"))
    assert [p for p in problems_of(root) if p.startswith("modules/contoh-modul/module.yml")] == [
        "modules/contoh-modul/module.yml:2: berkas bukan teks UTF-8: byte 0xe9 di kolom 23 tidak dapat dibaca. "
        "Perbaikan: simpan ulang berkas sebagai UTF-8 (di editor: Save with Encoding > UTF-8), lalu periksa huruf di "
        "baris ini. [not-utf8]"]


def test_bare_domain_exit_url_gets_the_whole_address_as_fix(tmp_path):
    assert problems_of(_broken("exit-bare-domain", tmp_path)) == [
        "mkdocs.yml:18: alamat 'extra.lindungi.exit_url' tidak sah; seharusnya alamat lengkap yang diawali https://, "
        "ditemukan 'www.google.com'. Perbaikan: tulis 'https://www.google.com/' (alamat lengkap dengan https://). "
        "[bad-url]"]


def test_alias_is_refused_at_its_line(tmp_path):
    assert problems_of(_broken("alias-bomb-module", tmp_path))[0] == (
        "modules/contoh-modul/module.yml:25: alias YAML '*l0' tidak diizinkan; seharusnya setiap nilai ditulis "
        "lengkap, ditemukan alias '*l0'. Perbaikan: tulis ulang nilainya di sini; hapus juga tanda jangkar '&nama' yang "
        "dirujuk (batas, lihat panduan penulis). [yaml-alias]")


def test_config_syntax_error_is_named_not_missing_settings(tmp_path):
    """A syntax error in mkdocs.yml names mkdocs.yml and its line; it does not claim settings are missing."""
    problems = problems_of(_broken("config-syntax", tmp_path))
    assert len(problems) == 1 and problems[0].startswith("mkdocs.yml:18: YAML tidak dapat dibaca"), problems


def test_directory_quiz_is_named(tmp_path):
    """A quiz .yml that is a folder is one message naming it; the module using the bank gets no follow-up error."""
    assert problems_of(_broken("quiz-is-folder", tmp_path)) == [
        "quizzes/kuis-contoh.yml: 'quizzes/kuis-contoh.yml' bukan berkas biasa; seharusnya berkas teks, ditemukan "
        "folder. Perbaikan: hapus atau ganti nama 'quizzes/kuis-contoh.yml', lalu simpan isinya sebagai berkas teks "
        "biasa. [not-a-file]"]


@pytest.mark.parametrize("name", ["exit-breakout", "latin1-page-bytes", "config-lindungi-list", "alias-bomb-module",
                                  "config-duplicate"])
def test_build_stops_with_the_same_message_and_no_traceback(name, tmp_path):
    """The real build reports what check reports, and stops before writing a page: no traceback, no site."""
    root = _broken(name, tmp_path)
    expected = _lines(problems_of(root), _case(name)[1], _case(name)[3])
    done = build_site(root, tmp_path / "out")
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    for line in expected:
        assert line in done.stdout + done.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_addresses_accepted_and_refused():
    """Whole https addresses pass; http only where allowed (and localhost for a local preview's site_url)."""
    from lindungi.validation.spec import url_problem

    for good in ("https://www.bmkg.go.id/", "https://peraturan.bpk.go.id/Details/40597?x=1#a", "https://127.0.0.1:8000/"):
        assert url_problem(good) is None, good
    assert url_problem("http://localhost:8000/", allow_http=True) is None
    for bad in ("www.google.com", "javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x",
                "http://www.bmkg.go.id/", "https://localhost/", "//www.bmkg.go.id/", "https://a.id/ x", "https://u@a.id/",
                "mailto:a@b.id", "https://a.id/\"x", "https://a.id/<x>", "", "https://"):
        assert url_problem(bad) is not None, bad

"""The language catalogues (hooks/lindungi/i18n/<lang>.yml): both languages have the same keys, the bad-input corpus
reads in one language only, and no Indonesian sentence is left in the code."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest
import yaml

from bad_input_cases import CASES, QUIZ
from helpers import build_site, copy_site, problems_of

from lindungi.i18n import catalogue

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "hooks" / "lindungi"

# Function words: common in any sentence of the language, rare in the other.
INDONESIAN = {"yang", "tidak", "dengan", "untuk", "atau", "harus", "tambahkan", "ganti", "baris", "dan", "bila",
              "sudah", "belum", "tanpa", "dari", "ini", "itu", "pada", "tulis", "pakai", "hapus", "isi", "sebelum",
              "sesudah", "seharusnya", "ditemukan", "perbaikan", "berkas", "kunci", "dalam", "bukan"}
ENGLISH = {"the", "must", "should", "add", "replace", "with", "and", "or", "is", "not", "of", "write", "use", "remove",
           "expected", "found", "fix", "file", "key", "into", "without", "this", "that", "from"}


def _key_paths(value, prefix: str = "") -> set[str]:
    if not isinstance(value, dict):
        return {prefix}
    paths = set()
    for key, inner in value.items():
        paths |= _key_paths(inner, f"{prefix}.{key}" if prefix else str(key))
    return paths


def test_both_catalogues_have_the_same_keys():
    """Every key path (section, key, sub-key) of id.yml is in en.yml and the other way round."""
    loaded = {lang: yaml.safe_load((PACKAGE / "i18n" / f"{lang}.yml").read_text(encoding="utf-8"))
              for lang in ("id", "en")}
    assert set(catalogue.languages()) == {"id", "en"}
    assert _key_paths(loaded["id"]) == _key_paths(loaded["en"])
    assert {"interface", "words", "types", "phrases", "messages", "notes", "text", "fields"} <= set(loaded["id"])
    for section in ("text", "fields", "notes", "phrases"):  # texts people read are never left empty
        for lang in ("id", "en"):
            assert all(isinstance(v, str) and v.strip() for v in loaded[lang][section].values()), (lang, section)


def test_no_old_catalogue_is_left():
    assert not (PACKAGE / "locales.yml").exists()
    assert '"lindungi.i18n" = ["*.yml"]' in (REPO / "pyproject.toml").read_text(encoding="utf-8")  # the catalogues are package data


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


# Not the catalogue's words: the operating system's error texts and an editor's menu item, named as they read.
FOREIGN = sorted({os.strerror(n) for n in range(1, 134)} | {"Save with Encoding"}, key=len, reverse=True)


def _message_words(line: str) -> set[str]:
    """The words of a message line that come from the catalogue: without the path, the rule id, quoted content
    values ('...'), the YAML parser's own detail in a syntax error (English in either language) and FOREIGN."""
    line = re.sub(r"^\S+:\d*:? ", "", line)
    line = re.sub(r"\[[a-z0-9-]+\]$", "", line)
    line = re.sub(r"(?<![A-Za-z])'[^']*'(?![A-Za-z])", "", line)
    if line.startswith(("the YAML cannot be read", "YAML tidak dapat dibaca")):
        line = re.sub(r"\(.*\)", "", line)
    for text in FOREIGN:
        line = line.replace(text, "")
    return _words(line)


@pytest.mark.parametrize("case", [c for c in CASES if c[3]], ids=[c[0] for c in CASES if c[3]])
def test_bad_input_corpus_speaks_one_language(case, tmp_path):
    """Each broken copy's messages hold no Indonesian function word in English and no English one in Indonesian."""
    name, rel, change, rule = case
    root = copy_site("minimal", tmp_path / "site")
    change(root)
    english = problems_of(root, "en")
    indonesian = problems_of(root, "id")
    assert english and indonesian
    for line in english:
        assert not _message_words(line) & INDONESIAN, line
    for line in indonesian:
        assert not _message_words(line) & ENGLISH, line


def test_missing_key_names_the_key_in_the_message_language(tmp_path):
    """A missing key's description comes from the catalogue's `fields` in the message's language."""
    root = copy_site("minimal", tmp_path / "site")
    path = root / QUIZ
    path.write_text(re.sub(r"(?m)^title: .*\n", "", path.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    en = [p for p in problems_of(root, "en") if p.endswith("[missing-key]")]
    id_ = [p for p in problems_of(root, "id") if p.endswith("[missing-key]")]
    assert en and "the quiz title" in en[0] and "judul kuis" not in en[0], en
    assert id_ and "judul kuis" in id_[0], id_


def test_english_build_of_an_empty_quiz_file_says_what_a_quiz_bank_is(tmp_path):
    """The known bug: an English build printed `expected bank soal dengan kunci id, title, uses dan questions`."""
    root = copy_site("minimal", tmp_path / "site")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  lindungi:\n", "  lindungi:\n    language: en\n", 1),
                      encoding="utf-8")
    (root / QUIZ).write_text("", encoding="utf-8")
    expected = (f"{QUIZ}:1: the file is empty; expected a quiz bank with the keys id, title, uses and questions, "
                "found no content. Fix: fill in this file, or copy the example from the authoring guide. [empty-file]")
    assert expected in problems_of(root, "en")
    result = build_site(root)
    assert result.returncode != 0
    assert expected in result.stderr, result.stderr[-3000:]
    assert "bank soal dengan kunci" not in result.stdout + result.stderr


# --- no Indonesian sentence in the code ------------------------------------------------------------------------------

LOADER = "catalogue.py"
# Indonesian that is data, not text to translate: long forms of abbreviations a learner may type in an answer.
DATA = {("quizrender.py", "ABBREVIATIONS")}


def _literals(path: Path):
    """(line, text) of every string constant in `path` except docstrings and the data tables in DATA."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skipped.add(id(first.value))
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and (path.name, t.id) in DATA
                                                for t in node.targets):
            skipped |= {id(inner) for inner in ast.walk(node.value)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            yield node.lineno, node.value


def test_no_indonesian_literal_in_code():
    """Every text people read comes from the catalogue: no string literal in hooks/lindungi/**/*.py holds an Indonesian
    function word, apart from the catalogue loader. The scan covers every subpackage."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == LOADER:
            continue
        for line, text in _literals(path):
            if " " in text.strip() and _words(text) & INDONESIAN:
                found.append(f"{path.relative_to(PACKAGE).as_posix()}:{line}: {text[:80]!r}")
    assert found == []


def test_the_literal_check_finds_a_literal(tmp_path):
    """The check above can fail: it finds an Indonesian sentence written into code."""
    path = tmp_path / "contoh.py"
    path.write_text('"""Docstring."""\nMESSAGE = "berkas ini tidak dapat dibaca"\n', encoding="utf-8")
    assert [t for _, t in _literals(path) if _words(t) & INDONESIAN] == ["berkas ini tidak dapat dibaca"]

"""The editor tools: JSON Schemas are current, the scaffold writes a valid module, strings exist in every language."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

from helpers import REPO, copy_site, problems_of
from lindungi.i18n.locales import languages, strings
from lindungi.i18n.messages import MESSAGES, PHRASES, TYPE_WORDS, WORDS
from lindungi.validation.schemas import all_schemas


def test_committed_schemas_are_current():
    """schemas/*.schema.json equal what scripts/schemas.py would write now."""
    result = subprocess.run([sys.executable, "scripts/schemas.py", "--check"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_schemas_accept_the_minimal_site():
    """The minimal site's module and quiz bank validate against the JSON Schemas (dates as text, as editors see them)."""
    import yaml

    schemas = all_schemas()
    site = REPO / "tests/sites/minimal"
    module = yaml.safe_load((site / "modules/contoh-modul/module.yml").read_text(encoding="utf-8"))
    module = json.loads(json.dumps(module, default=str))
    jsonschema.validate(module, schemas["module"])
    bank = yaml.safe_load((site / "quizzes/kuis-contoh.yml").read_text(encoding="utf-8"))
    jsonschema.validate(bank, schemas["quiz"])


def test_scaffold_writes_a_valid_module(tmp_path):
    """scripts/new_module.py writes a module that passes every check, and refuses to overwrite it."""
    root = copy_site("minimal", tmp_path / "site")
    cmd = [sys.executable, str(REPO / "scripts/new_module.py"), "rujukan-kasus", "Rujukan kasus", "--root", str(root)]
    first = subprocess.run(cmd, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert problems_of(root) == []
    second = subprocess.run(cmd, capture_output=True, text=True)
    assert second.returncode != 0 and "tidak ditimpa" in second.stderr


def test_check_command_reports_and_fails(tmp_path):
    """scripts/check.py prints the grouped report and exits 1 on an error."""
    root = copy_site("minimal", tmp_path / "site")
    (root / "quizzes/kuis-contoh.yml").write_text("", encoding="utf-8")
    result = subprocess.run([sys.executable, str(REPO / "scripts/check.py"), "--root", str(root)], capture_output=True,
                            text=True)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "quizzes/kuis-contoh.yml (1)",
        "  galat: quizzes/kuis-contoh.yml:1: berkas kosong; seharusnya bank soal dengan kunci id, title, uses dan "
        "questions, ditemukan berkas tanpa isi. Perbaikan: isi berkas ini, atau salin contoh dari panduan penulis. "
        "[empty-file]",
        "1 galat, 0 peringatan dalam 1 berkas.",
    ]


def test_every_language_has_every_string():
    """Interface strings, message parts and phrases exist in Indonesian and English with the same keys."""
    assert set(languages()) >= {"id", "en"}
    for lang in languages():
        text = json.dumps(strings(lang), ensure_ascii=False)
        assert "{term:" not in text.lower(), lang  # every glossary placeholder names a known term
    assert set(strings("en")) == set(strings("id"))
    import yaml
    raw = {lang: yaml.safe_load((REPO / f"hooks/lindungi/i18n/{lang}.yml").read_text(encoding="utf-8"))["interface"]
           for lang in ("id", "en")}
    assert set(raw["en"]) == set(raw["id"])
    assert set(raw["en"]["terms"]) == set(raw["id"]["terms"])  # one glossary, every term in every language
    for rule, entry in MESSAGES.items():
        assert set(entry) == {"id", "en"} and set(entry["id"]) == set(entry["en"]), rule
    for table in (WORDS, TYPE_WORDS, PHRASES):
        assert set(table["id"]) == set(table["en"])

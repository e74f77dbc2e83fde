"""Work done by a helper process (helper.py): the same files and memo entries as doing it here, failures reported."""

import tempfile
from pathlib import Path

import pytest

from lindungi.quiz import quizpages
from lindungi.engine.checking import check_project
from lindungi.engine.helper import start, write_files
from lindungi.i18n.locales import strings
from lindungi.engine.memo import Memo

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def banks():
    project = check_project(REPO / "tests" / "sites" / "quiz-all-types")
    return sorted(project.quizzes.values(), key=lambda b: b.id)


def _files(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(autouse=True)
def private_tmp(tmp_path_factory, monkeypatch):
    """Batch files are looked for in a temporary folder of this test alone: other builds on the machine come and go
    in the shared one."""
    folder = tmp_path_factory.mktemp("tmp")
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _batches() -> set:
    return set(Path(tempfile.gettempdir()).glob("lindungi-*.batch*"))


@pytest.mark.parametrize("background", [True, False])
def test_the_helper_writes_what_this_process_would_and_hands_back_its_memo_entries(tmp_path, banks, background):
    """The helper writes the same files as the build process would, and its memo entries end up in the build's memo."""
    ui, before = strings("id"), _batches()
    here = Memo(tmp_path / "di-sini.json")
    expected = quizpages.bank_files(banks, "Lembaga Uji", ui, here.get)
    memo = Memo(tmp_path / "memo.json")
    job = start(quizpages.write_bank_files, (banks, "Lembaga Uji", ui, tmp_path / "site"), memo, background)
    assert (job.process is not None) == background
    assert job.wait() == len(expected) and job.wait() == len(expected)   # waiting twice is harmless
    assert _files(tmp_path / "site") == {path: text.encode("utf-8") for path, text in expected.items()}
    assert memo.new == here.new and len(memo.new) > len(banks)           # the build's memo keeps what the helper made
    assert _batches() == before                                          # no batch or reply left behind
    memo.save()
    again = Memo(tmp_path / "memo.json")
    start(quizpages.write_bank_files, (banks, "Lembaga Uji", ui, tmp_path / "lagi"), again, background).wait()
    assert again.new == here.new and _files(tmp_path / "lagi") == _files(tmp_path / "site")


@pytest.mark.parametrize("background", [True, False])
def test_a_disk_failure_is_raised_here_with_its_reason(tmp_path, banks, background):
    """A folder that cannot be made is an OSError in the build process; the helper's own message is kept."""
    (tmp_path / "pelatih").write_text("a file where a folder must go", encoding="utf-8")
    job = start(quizpages.write_bank_files, (banks, "", strings("id"), tmp_path), None, background)
    with pytest.raises(OSError, match="pelatih"):
        job.wait()
    assert ("pelatih" in job.helper_error) == background   # the helper's own message is kept


def test_a_bug_is_raised_here_and_the_helper_keeps_its_traceback(tmp_path):
    """A bug is raised in the build process; the helper's traceback is kept and no batch file is left."""
    before = _batches()
    job = start(quizpages.write_bank_files, ([None], "", strings("id"), tmp_path))
    with pytest.raises(AttributeError):
        job.wait()
    assert job.helper_error.startswith("Traceback") and "AttributeError" in job.helper_error
    assert _batches() == before


def test_the_helper_imports_what_this_process_can(tmp_path):
    """It gets this process's import path, so a function outside the package (here: this test module) runs there."""
    job = start(_where_it_ran, (str(tmp_path),))
    assert job.process is not None and job.wait() == ("helper", str(tmp_path)) and job.helper_error == ""


def _where_it_ran(folder, remember=None):
    import os
    import sys

    return ("helper" if sys.flags.isolated else "here", folder) if os.path.isdir(folder) else None


def test_write_files_keeps_bytes_and_refuses_paths_outside(tmp_path):
    """Files are written byte for byte (newlines as given); paths leaving the folder are refused."""
    files = {"a/b/c.gift": "::q:: Benar? {T}\r\n", "akar.txt": "", "x.html": "<p>✓ Ibu &amp; anak</p>\n"}
    assert write_files(files, tmp_path) == 3
    assert _files(tmp_path) == {path: text.encode("utf-8") for path, text in files.items()}
    for path in ("../luar", "/etc/luar", "a/../../luar"):
        with pytest.raises(ValueError):
            write_files({path: "x"}, tmp_path / "site")

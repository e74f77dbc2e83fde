"""Files written by a helper process (writer.py): the same bytes as writing them in place, and failures reported."""

import tempfile
from pathlib import Path

import pytest

from lindungi.writer import write_files

FILES = {
    "pelatih/kuis/a.html": "<p>Lembar soal ✓ — Ibu &amp; anak</p>\n",
    "pelatih/kuis/b.gift": "::q:: Benar? {T}\r\n",  # newlines stay as given
    "akar.txt": "",
    "pelatih/dalam/sekali/c.xml": "<quiz/>" * 20000,
}


@pytest.mark.parametrize("background", [True, False])
def test_files_are_written_exactly(tmp_path, background):
    before = set(Path(tempfile.gettempdir()).glob("lindungi-*.batch"))
    writing = write_files(FILES, tmp_path, background=background)
    assert (writing.process is not None) == background
    assert writing.wait() == len(FILES)
    written = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert written == {path: text.encode("utf-8") for path, text in FILES.items()}
    assert set(Path(tempfile.gettempdir()).glob("lindungi-*.batch")) == before   # the batch file is gone


def test_nothing_to_write_starts_no_helper(tmp_path):
    writing = write_files({}, tmp_path)
    assert writing.process is None and writing.wait() == 0


@pytest.mark.parametrize("path", ["../luar.html", "/etc/luar", "a/../../luar"])
def test_paths_outside_the_folder_are_refused(tmp_path, path):
    with pytest.raises(ValueError):
        write_files({path: "x"}, tmp_path / "site")


@pytest.mark.parametrize("background", [True, False])
def test_a_failure_is_an_oserror_with_the_reason(tmp_path, background):
    (tmp_path / "pelatih").write_text("a file where a folder must go", encoding="utf-8")
    with pytest.raises(OSError, match="pelatih"):
        writing = write_files(FILES, tmp_path, background=background)
        writing.wait()

"""Results kept between builds (memo.py): a rebuild from the memo writes exactly what a build without it writes."""

import json

import pytest

from helpers import build_site, copy_site
from lindungi.engine.memo import Memo

pytestmark = pytest.mark.slow


def test_memo_hits_only_the_same_inputs_and_keeps_only_what_was_used(tmp_path):
    path = tmp_path / "memo.json"
    first = Memo(path, salt="id")
    assert first.get(("quiz", "bank-a"), lambda: "A") == "A" and first.get(("quiz", "bank-b"), lambda: "B") == "B"
    first.save()
    second = Memo(path, salt="id")
    assert second.get(("quiz", "bank-a"), lambda: "baru") == "A" and second.hits == 1
    assert second.get(("quiz", "bank-a2"), lambda: "A2") == "A2" and second.hits == 1
    second.save()
    assert len(json.loads(path.read_text(encoding="utf-8"))["entries"]) == 2   # bank-b was not used: dropped
    assert Memo(path, salt="en").get(("quiz", "bank-a"), lambda: "EN") == "EN"   # another salt: a miss


def test_a_rebuild_that_only_read_the_memo_leaves_its_file_alone_and_a_poisoned_one_is_rewritten(tmp_path):
    """Every entry read and used, none made: the file already holds what would be written, so it is not written
    again (at 500 modules that saved a transient copy of the whole memo). A poisoned entry is made again and saved."""
    path = tmp_path / "memo.json"
    first = Memo(path, salt="id")
    first.get(("quiz", "a"), lambda: "A"), first.get(("quiz", "b"), lambda: "B")
    first.save()
    before = path.stat().st_mtime_ns, path.read_bytes()
    again = Memo(path, salt="id")
    assert again.get(("quiz", "a"), lambda: "x") == "A" and again.get(("quiz", "b"), lambda: "x") == "B"
    again.save()
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before
    data = json.loads(path.read_text(encoding="utf-8"))
    key = next(iter(data["entries"]))
    data["entries"][key][0] = "RACUN"
    path.write_text(json.dumps(data), encoding="utf-8")
    third = Memo(path, salt="id")
    values = {third.get(("quiz", "a"), lambda: "A"), third.get(("quiz", "b"), lambda: "B")}
    assert values == {"A", "B"} and third.hits == 1
    third.save()
    assert "RACUN" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("content", ["{not json", '{"format": "lain", "entries": {}}', '["x"]', ""])
def test_unreadable_memo_counts_as_empty(tmp_path, content):
    path = tmp_path / "memo.json"
    path.write_text(content, encoding="utf-8")
    memo = Memo(path)
    assert memo.get(("x",), lambda: "dihitung") == "dihitung" and memo.hits == 0
    memo.save()
    assert Memo(path).get(("x",), lambda: "lagi") == "dihitung"


def _outputs(site):
    """Every text file a build wrote that the memo feeds (pages, quiz sheets and exports, the search index)."""
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*"))
            if p.suffix in (".html", ".gift", ".xml", ".json") and p.name != "sitemap.xml"}


def test_rebuild_from_the_memo_is_identical_and_an_edit_is_never_stale(tmp_path):
    root = copy_site("quiz-all-types", tmp_path / "src")
    memo = root / ".cache" / "lindungi-memo.json"
    assert build_site(root, root / "site").returncode == 0
    cold = _outputs(root / "site")
    assert memo.is_file()
    assert build_site(root, root / "site").returncode == 0
    assert _outputs(root / "site") == cold
    bank = next((root / "quizzes").glob("*.yml"))
    text = bank.read_text(encoding="utf-8")
    marker = "PENANDA-SUNTINGAN"
    bank.write_text(text.replace("prompt: ", f"prompt: {marker} ", 1), encoding="utf-8")
    result = build_site(root, root / "site")
    assert result.returncode == 0, result.stderr
    edited = _outputs(root / "site")
    memo.unlink()
    assert build_site(root, root / "site").returncode == 0
    assert _outputs(root / "site") == edited
    assert any(marker in text for name, text in edited.items() if name.endswith((".gift", ".xml")))
    assert any(marker in text for name, text in edited.items() if "/kuis/" in name and name.endswith(".html"))
    assert any(marker in text for name, text in edited.items() if not name.startswith("pelatih/")
               and name.endswith(".html") and '<section class="lpq"' in text)


def test_the_memo_key_holds_the_version_of_every_library_that_shapes_a_result():
    """A library upgrade changes every key; a misspelt distribution name would silently leave it out."""
    from lindungi.engine.memo import _versions

    found = dict(part.split(" ") for part in _versions().split("|"))
    assert set(found) == {"jinja2", "markupsafe", "markdown", "pyyaml", "pysastrawi"}
    assert "-" not in found.values()

"""Cache entries are checked before use (fast, no build): memo entries carry a digest of key and value, packed YAML is
shape-checked, a cached PDF must match its recorded size and SHA-256, a run record its own digest; and how many PDF
workers a run starts."""

import json
import os
import subprocess
import sys

import pytest

from lindungi.printing import pdf
from lindungi.engine.memo import Memo, entry_digest
from lindungi.validation.yamlpos import BadPack, load_yaml, pack, unpack

TEXT = "judul: Mengenali kekerasan\nbutir:\n  - satu\n  - {tanggal: 2026-01-02}\n"


def _entries(path):
    return json.loads(path.read_text(encoding="utf-8"))["entries"]


def _rewrite(path, entries):
    data = json.loads(path.read_text(encoding="utf-8"))
    data["entries"] = entries
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("damage", [
    lambda key, value, digest: [value + " RACUN", digest],        # edited value, old digest
    lambda key, value, digest: [value[:3], digest],               # cut short
    lambda key, value, digest: value,                             # the old format: a bare string
    lambda key, value, digest: [value, digest, "x"],
    lambda key, value, digest: [1, entry_digest(key, "1")],
    lambda key, value, digest: {"v": value},
], ids=["edited", "cut", "bare", "three", "number", "mapping"])
def test_a_damaged_memo_entry_is_computed_again_never_served(tmp_path, damage):
    path = tmp_path / "memo.json"
    memo = Memo(path)
    assert memo.get(("x",), lambda: "asli") == "asli"
    memo.save()
    entries = {key: damage(key, *entry) for key, entry in _entries(path).items()}
    _rewrite(path, entries)
    again = Memo(path)
    assert again.get(("x",), lambda: "dihitung") == "dihitung" and again.hits == 0
    again.save()
    assert Memo(path).get(("x",), lambda: "lagi") == "dihitung"


def test_an_entry_swapped_with_another_keys_value_is_not_served(tmp_path):
    path = tmp_path / "memo.json"
    memo = Memo(path)
    memo.get(("a",), lambda: "A")
    memo.get(("b",), lambda: "B")
    memo.save()
    (key_a, entry_a), (key_b, entry_b) = _entries(path).items()
    _rewrite(path, {key_a: entry_b, key_b: entry_a})
    again = Memo(path)
    assert again.get(("a",), lambda: "A") == "A" and again.get(("b",), lambda: "B") == "B" and again.hits == 0


def test_unwritable_memo_keeps_the_reason(tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder", encoding="utf-8")
    memo = Memo(blocker / "memo.json")
    memo.get(("x",), lambda: "nilai")
    memo.save()
    assert isinstance(memo.error, OSError)


@pytest.mark.parametrize("packed", [
    "garbage{", "[1, 2, 3]", "5", '[["d", 1, "a"], []]', '[["d", "1", "a", 1, 2], []]', '[["l", 1, 1], []]',
    '[["t", 5], []]', '[["t", "bukan-tanggal"], []]', '[["x"], []]', "[[], []]", '[{"a": 1}, []]',
    '[["d", 1, [1], 2, 3], []]', '[["d", 1, "a", 1, 2, "a", 2, 3], []]', '[null, [["syntax", 1, 1, 2]]]',
    '[null, [["lain", 1, 1, "x"]]]', '[null, [["syntax", -1, 1, "x"]]]', '[null, 5]', "[" * 5000 + "]" * 5000,
])
def test_packed_yaml_of_a_wrong_shape_is_refused(packed):
    with pytest.raises(BadPack):
        unpack(packed)


def test_a_wrong_shaped_cached_parse_is_parsed_again():
    """`load_yaml` with a memo whose entry (with a valid digest) is not what `pack` writes: the text is parsed."""
    expected = load_yaml(TEXT)
    assert unpack(pack(*expected)) == expected
    for stored in ("garbage{", "[1, 2, 3]", '[["d", 1, "a"], []]'):
        value, issues = load_yaml(TEXT, remember=lambda parts, make: stored)
        assert (value, issues) == expected
        assert value.line_of("butir") == 2 and value["butir"].item_lines == [3, 4]


def test_a_cached_pdf_is_used_only_when_size_and_digest_match(tmp_path):
    cache = pdf.Cache(tmp_path)
    data = b"%PDF-1.7\n" + b"x" * 500
    cache.put("k", data, 1, ["https://example.org/a.png"])
    fresh = pdf.Cache(tmp_path).get("k")
    assert fresh == pdf.Entry(data, 1, ("https://example.org/a.png",))
    (tmp_path / "k.pdf").write_bytes(data[:200])
    assert pdf.Cache(tmp_path).get("k") is None
    assert not (tmp_path / "k.pdf").exists() and not (tmp_path / "k.json").exists()   # dropped
    cache.put("k", data, 1)
    (tmp_path / "k.pdf").write_bytes(b"%PDF-1.7\n" + b"y" * 500)                      # same size, other bytes
    assert pdf.Cache(tmp_path).get("k") is None
    cache = pdf.Cache(tmp_path)
    cache.put("k", data, 1)
    (tmp_path / "k.json").write_text('{"pages": "1"}', encoding="utf-8")
    assert pdf.Cache(tmp_path).get("k") is None


def test_an_unwritable_pdf_cache_is_no_cache(tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder", encoding="utf-8")
    cache = pdf.Cache(blocker / "cache")
    entry = cache.put("k", b"%PDF", 1)
    assert isinstance(cache.error, OSError) and cache.get("k") is entry


def test_a_run_record_must_match_its_digest_and_name_paths_and_keys_inside_its_folders(tmp_path):
    key = "0123456789abcdef0123456789abcdef"
    report = pdf.Report([pdf.Result("unduh/a.pdf", "a", 1, 4, True, None, key)])
    pdf.Cache(tmp_path).put(key, b"%PDF", 1)
    pdf.record_run("d", report, tmp_path)
    assert pdf._read_run(tmp_path, "d") == [("unduh/a.pdf", "a", key, None, "")]
    record = next(tmp_path.glob("run-*.json"))
    good = json.loads(record.read_text(encoding="utf-8"))
    for where, value in ((0, "../../luar.pdf"), (0, "/etc/luar.pdf"), (2, "../../k"), (3, "1")):
        data = json.loads(json.dumps(good))
        data["entries"][0][where] = value
        record.write_text(json.dumps(data), encoding="utf-8")
        assert pdf._read_run(tmp_path, "d") is None             # edited: the digest no longer matches
        data["sha256"] = pdf._entries_digest(data["entries"])
        record.write_text(json.dumps(data), encoding="utf-8")
        assert pdf._read_run(tmp_path, "d") is None             # a path or key outside its folder, a wrong type


def test_stale_temporaries_of_dead_processes_are_removed(tmp_path):
    """A killed build's temporary files go; a live process's stay (it may be another build writing now)."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f"a.pdf.{dead.stdout.strip()}.0123abcd.tmp"
    live = tmp_path / f"b.pdf.{os.getpid()}.0123abcd.tmp"
    stale.write_bytes(b"x")
    live.write_bytes(b"x")
    pdf.remove_stale_temporaries(tmp_path)
    assert not stale.exists() and live.exists()


def test_the_fonts_the_print_style_sheet_names_are_bundled():
    assert sorted(p.name for p in pdf.font_files()) == ["NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
                                                       "NotoSans-Regular.ttf"]
    assert pdf.missing_fonts() == []


def test_a_refused_resource_is_reported_with_the_pdf():
    data, pages, refused = pdf.render_noted('<p>Teks</p><img src="https://example.org/foto.png">'
                                            '<link rel="stylesheet" href="file:///etc/gaya.css">')
    assert data.startswith(b"%PDF") and pages == 1
    assert sorted(refused) == ["file:///etc/gaya.css", "https://example.org/foto.png"]


def test_few_documents_render_in_the_build_process_unless_workers_are_asked_for(monkeypatch):
    """Without a worker count, fewer than `WORKERS_FROM` documents render in the build process (a worker's WeasyPrint
    import costs more than it saves there); more use the CPUs (at most 4); an explicit count always wins."""
    monkeypatch.delenv(pdf.WORKERS_ENV, raising=False)
    monkeypatch.setattr(pdf.os, "cpu_count", lambda: 8)
    assert pdf.worker_count(None, pdf.WORKERS_FROM - 1) == 1
    assert pdf.worker_count(None, pdf.WORKERS_FROM) == 4
    assert pdf.worker_count(None, None) == 4
    assert pdf.worker_count(2, 3) == 2
    assert pdf.worker_count(2, pdf.IN_PROCESS_BELOW - 1) == 1  # so few documents never start workers
    monkeypatch.setenv(pdf.WORKERS_ENV, "3")
    assert pdf.worker_count(None, 5) == 3

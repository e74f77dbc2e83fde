"""Indonesian root words added to Material's search index (hooks/lindungi/engine/search_id.py)."""

from __future__ import annotations

import json

import pytest

from lindungi.engine import search_id


def _index(*docs) -> dict:
    config = {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": [" "],
              "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}
    return {"config": config, "docs": [dict(doc) for doc in docs]}


@pytest.mark.parametrize("word, root", [
    ("perlindungan", "lindung"), ("kekerasan", "keras"), ("melindungi", "lindung"), ("pelecehan", "leceh"),
    ("pengaduan", "adu"), ("melaporkan", "lapor"), ("penelantaran", "telantar"), ("perkawinan", "kawin"),
    ("pendampingan", "damping"), ("ketakutan", "takut"), ("perempuan", "perempuan"), ("korban", "korban"),
])
def test_sastrawi_finds_the_root(word, root):
    """The Sastrawi stemmer reduces common words of the domain to their root and leaves roots alone."""
    assert search_id.sastrawi_stemmer()(word) == root


def test_stems_field_holds_roots_not_already_in_the_text():
    """A document saying "perlindungan" and "kekerasan" gets the roots "keras" and "lindung" in its stems field."""
    index = search_id.add_stems(_index({"location": "a.html", "title": "Perlindungan", "text": "<p>Kekerasan</p>"}))
    assert index["docs"][0]["stems"] == "keras lindung"


def test_title_and_text_stay_untouched():
    """Plain prefix search keeps working: title and text are not changed."""
    doc = {"location": "a.html", "title": "Perlindungan anak", "text": "<p>Melaporkan kekerasan.</p>"}
    index = search_id.add_stems(_index(doc))
    assert {k: index["docs"][0][k] for k in ("location", "title", "text")} == doc


def test_other_forms_of_the_site_are_added():
    """With expand, a form used on another page ("dilaporkan") is added, so it finds a page that says "laporan"."""
    index = search_id.add_stems(expand=True, index=_index(
        {"location": "a.html", "title": "A", "text": "Laporan"},
        {"location": "b.html", "title": "B", "text": "Kasus dilaporkan"},
    ))
    assert index["docs"][0]["stems"].split() == ["dilaporkan", "lapor"]
    assert index["docs"][1]["stems"].split() == ["lapor", "laporan"]


def test_without_expand_only_roots_are_added():
    """By default a document gets only its own roots, not forms from other pages."""
    index = search_id.add_stems(_index(
        {"location": "a.html", "title": "A", "text": "Laporan"},
        {"location": "b.html", "title": "B", "text": "Kasus dilaporkan"},
    ))
    assert index["docs"][0]["stems"] == "lapor"
    assert index["docs"][1]["stems"] == "lapor"


def test_word_with_punctuation_gets_a_clean_copy():
    """A word lunr indexes with punctuation ("(incognito).") gets a clean copy that prefix search can match."""
    index = search_id.add_stems(_index({"location": "a.html", "title": "A", "text": "Tab (Incognito)."}))
    assert "incognito" in index["docs"][0]["stems"].split()


def test_document_without_new_words_gets_no_field():
    """A document whose words are all roots already has no stems field."""
    index = search_id.add_stems(_index({"location": "a.html", "title": "Rumah", "text": "anak"}))
    assert "stems" not in index["docs"][0]


def test_field_is_declared_with_a_low_boost():
    """The stems field is declared in config.fields (Material's worker indexes every declared field) below text."""
    index = search_id.add_stems(_index({"location": "a.html", "title": "A", "text": ""}))
    assert index["config"]["fields"]["stems"] == {"boost": 0.5}
    assert index["config"]["fields"]["text"] == {"boost": 1.0}


def test_html_and_entities_are_not_words():
    """Tags and entities in Material's text do not become words: `<code>&lt;id&gt;</code>` gives only "id"."""
    assert search_id.document_words({"title": "", "text": "<code>&lt;id&gt;</code> berkas"}) == {"id", "berkas"}


def test_stem_site_rewrites_the_index_file(tmp_path):
    """stem_site adds the field to <site>/search/search_index.json and says False when there is no index."""
    assert search_id.stem_site(tmp_path) is False
    (tmp_path / "search").mkdir()
    path = tmp_path / "search" / "search_index.json"
    path.write_text(json.dumps(_index({"location": "a.html", "title": "A", "text": "pelatihan"})), encoding="utf-8")
    assert search_id.stem_site(tmp_path) is True
    assert json.loads(path.read_text(encoding="utf-8"))["docs"][0]["stems"] == "latih"


def test_stem_site_lets_the_stemmer_go_when_done(tmp_path):
    """The stemmer's dictionary is not held for the rest of the build (whose PDFs come next): after `stem_site` the
    cached stemmer is gone, and the next use makes a new one."""
    (tmp_path / "search").mkdir()
    path = tmp_path / "search" / "search_index.json"
    path.write_text(json.dumps(_index({"location": "a.html", "title": "A", "text": "perlindungan"})), encoding="utf-8")
    search_id.sastrawi_stemmer()
    assert search_id.stem_site(tmp_path) is True
    assert search_id.sastrawi_stemmer.cache_info().currsize == 0
    assert search_id.stems_of_query("pelatihan") == ["latih"]


def test_stems_of_query():
    """A query is reduced word by word."""
    assert search_id.stems_of_query("Perlindungan anak-anak") == ["lindung", "anak", "anak"]


def test_module_does_not_import_mkdocs():
    """The module is plain Python: it imports nothing from MkDocs."""
    source = (search_id.__file__ and open(search_id.__file__, encoding="utf-8").read())
    assert "import mkdocs" not in source and "from mkdocs" not in source

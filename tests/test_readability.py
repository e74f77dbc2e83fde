"""scripts/readability.py: Markdown is reduced to sentences and words, and the signals are exact on small texts."""

import importlib.util
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("readability", REPO / "scripts" / "readability.py")
readability = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(readability)


def test_two_plain_sentences():
    """Two sentences of three words: average 3.0, nothing long."""
    stats = readability.sentence_stats("Saya makan nasi. Dia minum teh!")
    assert stats["sentences"] == 2
    assert stats["words"] == 6
    assert stats["words_per_sentence"] == 3.0
    assert stats["long_sentences"] == 0
    assert stats["longest_sentence"] == 3


def test_front_matter_heading_list_and_link():
    """Front matter is dropped; a heading and each list item count as sentences; link text stays, target goes."""
    text = "---\ntitle: Judul sekali\n---\n# Judul halaman\n\n- Butir satu\n- Butir [dua](x.md) sekarang.\n"
    stats = readability.sentence_stats(text)
    assert readability.text_units(text) == ["Judul halaman", "Butir satu", "Butir dua sekarang."]
    assert stats["sentences"] == 3
    assert stats["words"] == 7


def test_block_markers_are_removed_but_titles_count():
    """`::: quiz`, `::: local` and closing lines vanish; a block title counts as one sentence."""
    text = '::: case "Kasus rekaan"\nIsi kasus pendek.\n:::\n\n::: local\n:::\n\n::: quiz mitos-fakta\n'
    assert readability.text_units(text) == ["Kasus rekaan", "Isi kasus pendek."]
    assert readability.sentence_stats(text)["words"] == 5


def test_abbreviation_does_not_end_a_sentence():
    """"dll." inside a sentence does not split it."""
    stats = readability.sentence_stats("Bawa KTP, KK, dll. lalu datang.")
    assert stats["sentences"] == 1
    assert stats["words"] == 6


def test_long_word_share():
    """One word of 18 letters among three words is a third of the words."""
    stats = readability.sentence_stats("Pertanggungjawaban itu penting.")
    assert stats["long_word_share"] == 33.33


def test_passive_di_density():
    """Only "dipukul" is a passive verb; dia, diri, dinas, digital and diskusi are excluded."""
    stats = readability.sentence_stats("Anak itu dipukul. Dia diri dinas digital diskusi.")
    assert stats["words"] == 8
    assert stats["passive_di_per_100"] == 12.5


def test_passive_heuristic_words():
    """Particles are stripped before the exclusion list is checked; short words never count."""
    assert readability.is_passive_di("dirinya") is False
    assert readability.is_passive_di("dilaporkan") is True
    assert readability.is_passive_di("diajak") is True
    assert readability.is_passive_di("di") is False


def test_table_cells_and_code_fences():
    """Table cells are sentences, the rule row is skipped, fenced code is ignored."""
    text = "| A b | C d |\n|---|---|\n| e f | g |\n\n```\nkode panjang sekali\n```\nSatu kalimat.\n"
    stats = readability.sentence_stats(text)
    assert stats["sentences"] == 5
    assert stats["words"] == 9


def test_hyphenated_word_is_one_word():
    """Reduplicated words and phone numbers with hyphens count once."""
    assert readability.words("anak-anak menelepon 08111-129-129") == ["anak-anak", "menelepon", "08111-129-129"]


def test_main_fails_above_the_limit(tmp_path, capsys):
    """A page averaging 25 words per sentence fails at the default limit and passes with --max 30."""
    (tmp_path / "docs" / ".overrides").mkdir(parents=True)
    long_sentence = " ".join(["kata"] * 25) + "."
    (tmp_path / "docs" / "a.md").write_text(long_sentence + "\n", encoding="utf-8")
    (tmp_path / "docs" / ".overrides" / "b.md").write_text("Tidak dihitung.\n", encoding="utf-8")
    assert readability.main(["--root", str(tmp_path)]) == 1
    capsys.readouterr()
    assert readability.main(["--root", str(tmp_path), "--max", "30", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data["pages"]) == ["docs/a.md"]
    assert data["overall"]["words_per_sentence"] == 25.0
    assert data["overall"]["long_sentences"] == 1


def test_repository_public_pages_are_short():
    """The site's own public pages average at most 20 words per sentence."""
    assert readability.report(REPO)["overall"]["words_per_sentence"] <= 20

"""Indonesian root words in Material's search index (plain Python; runs after the build).

Material's search has no Indonesian language: the browser matches every typed word as a prefix of the indexed words,
so "perlindung" finds "perlindungan" but the root "lindung" finds nothing, nor "keras" "kekerasan". After the build,
`stem_site` gives every search document one more lunr field, `stems`, that Material's search worker indexes like the
others (it builds one field per entry of `config.fields`) and never shows:

    {"location": "bantuan.html", "title": "Perlindungan", "text": "... melaporkan kekerasan ...",
     "stems": "keras lapor lindung"}

The field holds the root of every word of the document (Sastrawi stemmer), minus the tokens lunr already makes of the
document (plus a clean copy of words lunr keeps with punctuation, like "(incognito)."). So "lindung" finds pages that
say "perlindungan" and "asuh" finds "pengasuhan". See `add_stems(expand=True)` for forms the page does not use.
Titles and text stay untouched: plain prefix search works as before. A lower boost ranks exact words first.
"""

from __future__ import annotations

import html
import io
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from .files import write_atomic

FIELD = "stems"
BOOST = 0.5
MIN_LENGTH = 3

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W\d_]+")  # runs of letters; hyphens and digits split words, as lunr's separator does


def stem_site(site_dir: str | Path, memo=None) -> bool:
    """Add the `stems` field to `<site_dir>/search/search_index.json`; False when the site has no search index.
    With a `memo` (memo.py) the root of a word seen in an earlier build is looked up, not computed."""
    path = Path(site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return False
    index = json.loads(path.read_text(encoding="utf-8"))
    stem = None
    if memo is not None:
        stem = lru_cache(maxsize=None)(lambda word: memo.get(("stem", word), lambda: sastrawi_stemmer()(word)))
    index = add_stems(index, stem)
    sastrawi_stemmer.cache_clear()  # (its dictionary, 5 MB, would stay for the rest of the build: the PDFs' peak)

    def write(handle):  # piece by piece: the index whole as text and as bytes was 16 MB at 500 modules
        text = io.TextIOWrapper(handle, encoding="utf-8")
        json.dump(index, text, ensure_ascii=False, separators=(",", ":"))
        text.flush()
        text.detach()  # (the file stays open for write_atomic to close)

    write_atomic(path, write)
    return True


def add_stems(index: dict, stem: Callable[[str], str] | None = None, expand: bool = False) -> dict:
    """Give each document of a parsed Material search index a `stems` field (see the module docstring); returns it.

    With `expand` the field also holds every other word of the site with one of those roots, so a form the reader
    types that the page does not use ("dilaporkan" for "laporan") finds it too; measured on this site it costs about
    22 KB gzip of search index (which Material loads on every first visit) for no gain on tests/search_queries.yml,
    so it is off by default."""
    stem = stem or sastrawi_stemmer()
    docs = index.get("docs", [])
    family = _families(set().union(*(document_words(doc) for doc in docs)), stem) if expand and docs else {}
    for doc in docs:  # one document's words at a time (all of them at once: 67 MB at 500 modules)
        tokens = _tokens(plain_text(doc))
        words_in = _words_of_tokens(tokens)
        roots = {stem(word) for word in words_in}
        related = set().union(*(family.get(root, {root}) for root in roots)) if expand and roots else roots | words_in
        extra = sorted(word for word in related - tokens if len(word) >= MIN_LENGTH)
        if extra:
            doc[FIELD] = " ".join(extra)
        else:
            doc.pop(FIELD, None)
    index.setdefault("config", {}).setdefault("fields", {})[FIELD] = {"boost": BOOST}
    return index


def plain_text(doc: dict) -> str:
    """A document's title and text, without HTML tags or entities."""
    text = " ".join(str(doc.get(key) or "") for key in ("title", "text"))
    return html.unescape(_TAG.sub(" ", text))


def document_words(doc: dict) -> set[str]:
    """The lower-case words of a document's title and text, without HTML."""
    return _words_of_tokens(lunr_tokens(doc))


def lunr_tokens(doc: dict) -> set[str]:
    """The lower-case tokens lunr makes of a document in Material (split on spaces and hyphens only), so a word
    that carries punctuation there ("(incognito).") still gets a clean copy in `stems`."""
    return _tokens(plain_text(doc))


def _tokens(text: str) -> set[str]:
    """The lower-cased text split where Material's default search `separator` splits it (whitespace and hyphens),
    without empty tokens; str.split does it many times faster than that regular expression."""
    return set(text.lower().replace("-", " ").split())


def _words_of_tokens(tokens: set[str]) -> set[str]:
    """The words (`words`) of a text, from its lunr tokens: separators are never letters, so a word never spans two."""
    found: set[str] = set()
    for token in tokens:
        if token.isalpha():
            found.add(token)
        else:
            found.update(_WORD.findall(token))
    return found


def words(text: str) -> list[str]:
    """The lower-case words of plain text, in order."""
    return [word.lower() for word in _WORD.findall(text)]


def stems_of_query(query: str, stem: Callable[[str], str] | None = None) -> list[str]:
    """The root of each word of a query (for reports and tests)."""
    stem = stem or sastrawi_stemmer()
    return [stem(word) for word in words(query)]


@lru_cache(maxsize=1)
def sastrawi_stemmer() -> Callable[[str], str]:
    """Sastrawi's dictionary-based stemmer for one lower-case word, cached per word."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer = StemmerFactory().create_stemmer()
    return lru_cache(maxsize=None)(stemmer.stem)


def _families(vocabulary: Iterable[str], stem: Callable[[str], str]) -> dict[str, set[str]]:
    """Root -> the root and every word of the vocabulary with that root."""
    family: dict[str, set[str]] = {}
    for word in vocabulary:
        root = stem(word)
        family.setdefault(root, {root}).add(word)
    return family

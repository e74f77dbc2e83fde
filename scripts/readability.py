#!/usr/bin/env python3
"""Readability signals of the public pages (docs/**/*.md): sentence length, long words and passive di- verbs.

Usage: python scripts/readability.py [--root DIR] [--max 20] [--json]

No formula gives a "grade" for Bahasa Indonesia, so this report shows raw signals the authors can act on:

- sentences and words per page, and the average number of words per sentence;
- long sentences (more than 20 words);
- the share of long words (more than 12 letters);
- passive `di-` verbs per 100 words (a heuristic: words that start with "di", minus a list of common non-verbs).

Markdown is reduced to plain text first: front matter, code, HTML, link targets, block markers (`::: name`) and table
rules are removed; headings, list items and table cells each count as their own sentence. The overall figure is the
pooled average (all words divided by all sentences). Exit status 1 when it is above `--max` (default 20).
Only the Python standard library is used; the functions are importable (see tests/test_readability.py).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

MAX_WORDS_PER_SENTENCE = 20
LONG_SENTENCE = 20       # a sentence with more words than this is "long"
LONG_WORD = 12           # a word with more letters than this is "long"

FRONT_MATTER_RE = re.compile(r"\A---\s*\n.*?\n---\s*(?:\n|\Z)", re.S)
FENCE_RE = re.compile(r"^\s*(```|~~~)")
BLOCK_RE = re.compile(r"^:::\s*([A-Za-z][\w-]*)?\s*(.*?)\s*$")
COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
TAG_RE = re.compile(r"<[^>]+>")
IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
REF_LINK_RE = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
URL_RE = re.compile(r"https?://\S+")
ATTR_RE = re.compile(r"\{[:#.][^}]*\}")
CODE_RE = re.compile(r"`[^`]*`")
EMPHASIS_RE = re.compile(r"(\*\*|__|\*|(?<!\w)_|_(?!\w))")
HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
LIST_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
TABLE_RULE_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
QUOTE_RE = re.compile(r"^\s*>\s?")
SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = {"dll", "dsb", "dst", "dkk", "no", "hlm", "dr", "drg", "sdr", "yth", "tsb", "mis", "bpk", "kec", "kab",
                 "jl", "tel", "telp", "prof", "ir", "h", "hj", "st", "s", "m", "a", "b", "c", "e", "i", "vs", "cf"}

# Words that start with "di" but are not passive verbs (checked after removing -nya, -lah, -kah, -pun, -ku, -mu).
NOT_PASSIVE = {
    "dia", "diri", "dinas", "digital", "diskusi", "disiplin", "disabilitas", "diam", "dini", "dingin", "dinding",
    "diagnosis", "diagnosa", "dialog", "diare", "diet", "dimensi", "direktur", "direksi", "direktorat", "distrik",
    "diskon", "dilema", "dinamika", "dinamis", "diploma", "diplomat", "dikte", "dimas", "dina", "dinda", "dian",
    "dinasti", "dirgahayu", "dimana", "disk", "disket", "diva", "divisi", "dividen", "dinosaurus", "dipan", "dingklik",
    "diaspora", "diagram", "dialek", "diktat", "diksi", "dilan", "dik", "dim", "dis", "dingin", "dimsum", "diesel",
    "diferensial", "diferensiasi", "distribusi", "distributor", "diskriminasi", "diskriminatif", "disertasi",
    "disiplinkan", "dinamit", "dioksida", "diorama", "diplomasi", "diplomatik", "direktori", "dirjen", "disko",
}
PARTICLES = ("nya", "lah", "kah", "pun", "ku", "mu")


def strip_front_matter(text: str) -> str:
    """The text without a leading `---` YAML front matter block."""
    return FRONT_MATTER_RE.sub("", text, count=1)


def _clean_inline(line: str) -> str:
    line = COMMENT_RE.sub(" ", line)
    line = IMAGE_RE.sub(" ", line)
    line = LINK_RE.sub(r"\1", line)
    line = REF_LINK_RE.sub(r"\1", line)
    line = URL_RE.sub(" ", line)
    line = ATTR_RE.sub(" ", line)
    line = CODE_RE.sub(" ", line)
    line = TAG_RE.sub(" ", line)
    line = EMPHASIS_RE.sub("", line)
    return re.sub(r"\s+", " ", line).strip()


def text_units(markdown: str) -> list[str]:
    """Plain-text units of a Markdown page: paragraphs, headings, list items and table cells, in order.

    Each unit ends a sentence even without a full stop (a heading or a list item is read as one).
    """
    text = COMMENT_RE.sub(" ", strip_front_matter(markdown))
    units: list[str] = []
    paragraph: list[str] = []
    in_fence = None

    def flush():
        if paragraph:
            joined = _clean_inline(" ".join(paragraph))
            if joined:
                units.append(joined)
            paragraph.clear()

    for line in text.split("\n"):
        fence = FENCE_RE.match(line)
        if fence:
            flush()
            in_fence = None if in_fence == fence.group(1) else (in_fence or fence.group(1))
            continue
        if in_fence:
            continue
        block = BLOCK_RE.match(line)
        if block:
            flush()
            name, title = block.group(1) or "", block.group(2)
            if title and name not in ("quiz", "local"):
                units.append(_clean_inline(title.strip("\"'")))
            continue
        line = QUOTE_RE.sub("", line)
        if not line.strip():
            flush()
            continue
        heading = HEADING_RE.match(line)
        if heading:
            flush()
            units.append(_clean_inline(heading.group(1)))
            continue
        if "|" in line and line.strip().startswith("|"):
            flush()
            if TABLE_RULE_RE.match(line):
                continue
            for cell in line.strip().strip("|").split("|"):
                cell = _clean_inline(cell)
                if cell:
                    units.append(cell)
            continue
        item = LIST_RE.match(line)
        if item:
            flush()
            paragraph.append(item.group(1))
            continue
        paragraph.append(line.strip())
    flush()
    return [u for u in units if words(u)]


def split_sentences(unit: str) -> list[str]:
    """Sentences of one plain-text unit; a final piece without a full stop is a sentence too."""
    sentences: list[str] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(unit):
        piece = unit[start:match.end()]
        before = unit[start:match.start()].split()
        last = before[-1].lower().strip("(\"'") if before else ""
        if match.group(0) == "." and last in ABBREVIATIONS:
            continue
        if words(piece):
            sentences.append(piece.strip())
            start = match.end()
    rest = unit[start:]
    if words(rest):
        sentences.append(rest.strip())
    return sentences


def words(text: str) -> list[str]:
    """Words of a text: runs of letters or digits, joined by hyphens or apostrophes ("anak-anak" is one word)."""
    return WORD_RE.findall(text)


def letters(word: str) -> int:
    """Number of letters in a word (digits, hyphens and apostrophes are not counted)."""
    return sum(1 for ch in word if ch.isalpha())


def is_passive_di(word: str) -> bool:
    """Heuristic: a word starting with "di" that is not a known non-verb (dia, diri, dinas, digital, diskusi, ...)."""
    lowered = word.lower()
    if not lowered.startswith("di") or len(lowered) < 5 or not lowered.isalpha():
        return False
    base = lowered
    for particle in PARTICLES:
        if base.endswith(particle) and base[:-len(particle)] in NOT_PASSIVE:
            base = base[:-len(particle)]
            break
    return base not in NOT_PASSIVE


def sentence_stats(text: str) -> dict:
    """Readability signals of a Markdown or plain text: counts, averages and shares (percentages)."""
    sentences = [s for unit in text_units(text) for s in split_sentences(unit)]
    lengths = [len(words(s)) for s in sentences]
    all_words = [w for s in sentences for w in words(s)]
    n_words, n_sentences = len(all_words), len(sentences)
    long_words = sum(1 for w in all_words if letters(w) > LONG_WORD)
    passive = sum(1 for w in all_words if is_passive_di(w))
    return {
        "sentences": n_sentences,
        "words": n_words,
        "words_per_sentence": round(n_words / n_sentences, 2) if n_sentences else 0.0,
        "long_sentences": sum(1 for n in lengths if n > LONG_SENTENCE),
        "longest_sentence": max(lengths, default=0),
        "long_word_share": round(100 * long_words / n_words, 2) if n_words else 0.0,
        "passive_di_per_100": round(100 * passive / n_words, 2) if n_words else 0.0,
    }


def public_pages(root: Path) -> list[Path]:
    """Markdown pages under docs/, without hidden folders such as docs/.overrides."""
    docs = root / "docs"
    return sorted(p for p in docs.rglob("*.md")
                  if not any(part.startswith(".") for part in p.relative_to(docs).parts))


def report(root: Path) -> dict:
    """Per-page signals and the pooled totals over all public pages."""
    pages = {}
    for path in public_pages(root):
        pages[path.relative_to(root).as_posix()] = sentence_stats(path.read_text(encoding="utf-8-sig"))
    total_words = sum(p["words"] for p in pages.values())
    total_sentences = sum(p["sentences"] for p in pages.values())

    def weighted(key):
        return round(sum(p[key] * p["words"] for p in pages.values()) / total_words, 2) if total_words else 0.0

    overall = {
        "pages": len(pages),
        "sentences": total_sentences,
        "words": total_words,
        "words_per_sentence": round(total_words / total_sentences, 2) if total_sentences else 0.0,
        "long_sentences": sum(p["long_sentences"] for p in pages.values()),
        "longest_sentence": max((p["longest_sentence"] for p in pages.values()), default=0),
        "long_word_share": weighted("long_word_share"),
        "passive_di_per_100": weighted("passive_di_per_100"),
    }
    return {"pages": pages, "overall": overall}


def format_table(data: dict) -> str:
    """A plain-text table of the report."""
    header = ("halaman", "kalimat", "kata", "kata/kalimat", "kal.>20", "kata>12 %", "di-/100")
    rows = [(name, s["sentences"], s["words"], f"{s['words_per_sentence']:.1f}", s["long_sentences"],
             f"{s['long_word_share']:.1f}", f"{s['passive_di_per_100']:.1f}") for name, s in data["pages"].items()]
    o = data["overall"]
    rows.append(("RATA-RATA (gabungan)", o["sentences"], o["words"], f"{o['words_per_sentence']:.1f}",
                 o["long_sentences"], f"{o['long_word_share']:.1f}", f"{o['passive_di_per_100']:.1f}"))
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "  ".join(str(v).ljust(widths[i]) if i == 0 else str(v).rjust(widths[i])  # noqa: E731
                               for i, v in enumerate(r))
    out = [line(header), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows[:-1]]
    out += ["  ".join("-" * w for w in widths), line(rows[-1])]
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--max", type=float, default=MAX_WORDS_PER_SENTENCE,
                        help="largest allowed average words per sentence (default 20)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    data = report(args.root)
    too_long = data["overall"]["words_per_sentence"] > args.max
    if args.json:
        print(json.dumps({**data, "max_words_per_sentence": args.max, "ok": not too_long}, indent=2,
                         ensure_ascii=False))
    else:
        print(format_table(data))
        verdict = "terlalu panjang" if too_long else "baik"
        print(f"\nRata-rata {data['overall']['words_per_sentence']:.1f} kata per kalimat "
              f"(batas {args.max:g}): {verdict}.")
    return 1 if too_long else 0


if __name__ == "__main__":
    sys.exit(main())

"""Reference pages of the authoring guide, made from the code itself so they can never drift from it:
every key of every content file (from `shapes`) and every rule with its message (from `messages`)."""

from __future__ import annotations

from .messages import MESSAGES, WARNING_RULES, WORDS
from .quizbank import BANK
from .shapes import LAWS, MODULE, REGION, SESSION, SETTINGS, WORKSHEET
from .spec import Enum, ListOf, Obj, OneOf
from .workshop import WORKSHOP

FILES = (
    ("modules/&lt;id&gt;/module.yml", MODULE),
    ("modules/&lt;id&gt;/&lt;sesi&gt;.md (bagian depan)", SESSION),
    ("modules/&lt;id&gt;/lembar/&lt;nama&gt;.md (bagian depan)", WORKSHEET),
    ("quizzes/&lt;id&gt;.yml", BANK),
    ("workshops/&lt;id&gt;.yml", WORKSHOP),
    ("mkdocs.yml, extra.lindungi", SETTINGS),
    ("laws.yml", LAWS),
    ("regions/&lt;id&gt;/region.yml", REGION),
)


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def _rows(shape: Obj, prefix: str = "") -> list[str]:
    rows = []
    for name, field in shape.fields.items():
        inner = field.shape.item if isinstance(field.shape, ListOf) else field.shape
        plain = inner.plain if isinstance(inner, OneOf) else None  # text or a mapping: both are described
        inner = inner.mapping if isinstance(inner, OneOf) else inner
        kind = "daftar" if isinstance(field.shape, ListOf) else ""
        choices = ", ".join(f"`{v}`" for v in (plain or inner).values) if isinstance(plain or inner, Enum) else ""
        rows.append(f"| `{prefix}{name}` | {'ya' if field.required else 'tidak'} | {_cell(field.doc)} "
                    f"{('(' + kind + ')') if kind else ''} {choices} |")
        if isinstance(inner, Obj):
            rows.extend(_rows(inner, f"{prefix}{name}{'[].' if kind else '.'}"))
    return rows


def render_keys() -> str:
    """Markdown: one table per file type, every key with whether it is required and what it holds."""
    parts = ["# Daftar kunci\n", "Halaman ini dibuat otomatis dari kode pemeriksa, jadi selalu sesuai dengannya.\n"]
    for title, shape in FILES:
        parts.append(f"## {title}\n\n{_cell(shape.doc)}\n\n| Kunci | Wajib | Isi |\n|---|---|---|")
        parts.extend(_rows(shape))
        parts.append("")
    return "\n".join(parts) + "\n"


def render_rules(lang: str = "id") -> str:
    """Markdown: every rule id with its severity, its message and its fix, in the site's language."""
    words = WORDS.get(lang, WORDS["id"])
    parts = ["# Daftar aturan pemeriksaan\n",
             "Setiap pesan berbentuk `berkas:baris: apa yang salah; seharusnya X, ditemukan Y. Perbaikan: ... [aturan]`. "
             "Galat menghentikan pembangunan situs; peringatan menghentikannya hanya dengan `--strict` "
             "(seperti `make site` dan CI). Halaman ini dibuat otomatis dari katalog pesan.\n",
             "| Aturan | Jenis | Pesan | Perbaikan |", "|---|---|---|---|"]
    for rule, entry in MESSAGES.items():
        text = entry.get(lang) or entry["id"]
        message = text["what"]
        if "expected" in text:
            message += f"; {words['expected']} {text['expected']}"
        if "found" in text:
            message += f", {words['found']} {text['found']}"
        kind = words["warning"] if rule in WARNING_RULES else words["error"]
        parts.append(f"| `{rule}` | {kind} | {_cell(message)} | {_cell(text.get('fix', ''))} |")
    return "\n".join(parts) + "\n"

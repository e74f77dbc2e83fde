"""Reference pages of the authoring guide, made from the code itself so they can never drift from it:
every key of every content file (from `shapes`) and every rule with its message (from `messages`)."""

from __future__ import annotations

from ..i18n.catalogue import text as _text
from ..i18n.messages import MESSAGES, WARNING_RULES, WORDS
from ..quiz.quizbank import BANK
from ..validation.shapes import LAWS, MODULE, REGION, SESSION, SETTINGS, WORKSHEET
from ..validation.spec import Enum, ListOf, Obj, OneOf
from .workshop import WORKSHOP

FILES = (  # a title, or the catalogue key of one (the `text` section)
    ("modules/&lt;id&gt;/module.yml", MODULE),
    ("guide-file-session", SESSION),
    ("guide-file-worksheet", WORKSHEET),
    ("quizzes/&lt;id&gt;.yml", BANK),
    ("workshops/&lt;id&gt;.yml", WORKSHOP),
    ("mkdocs.yml, extra.lindungi", SETTINGS),
    ("laws.yml", LAWS),
    ("regions/&lt;id&gt;/region.yml", REGION),
)


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def _rows(shape: Obj, lang: str, prefix: str = "") -> list[str]:
    rows = []
    for name, field in shape.fields.items():
        inner = field.shape.item if isinstance(field.shape, ListOf) else field.shape
        plain = inner.plain if isinstance(inner, OneOf) else None  # text or a mapping: both are described
        inner = inner.mapping if isinstance(inner, OneOf) else inner
        kind = _text("guide-list", lang) if isinstance(field.shape, ListOf) else ""
        choices = ", ".join(f"`{v}`" for v in (plain or inner).values) if isinstance(plain or inner, Enum) else ""
        rows.append(f"| `{prefix}{name}` | {_text('guide-yes' if field.required else 'guide-no', lang)} | {_cell(field.doc)} "
                    f"{('(' + kind + ')') if kind else ''} {choices} |")
        if isinstance(inner, Obj):
            rows.extend(_rows(inner, lang, f"{prefix}{name}{'[].' if kind else '.'}"))
    return rows


def render_keys(lang: str = "id") -> str:
    """Markdown: one table per file type, every key with whether it is required and what it holds (the key
    descriptions are the catalogue's `fields`, in Indonesian)."""
    parts = [_text("guide-keys-title", lang), _text("guide-keys-intro", lang)]
    for title, shape in FILES:
        title = _text(title, lang) if title.startswith("guide-") else title
        parts.append(f"## {title}\n\n{_cell(shape.doc)}\n\n{_text('guide-keys-head', lang)}\n|---|---|---|")
        parts.extend(_rows(shape, lang))
        parts.append("")
    return "\n".join(parts) + "\n"


def render_rules(lang: str = "id") -> str:
    """Markdown: every rule id with its severity, its message and its fix, in the site's language."""
    words = WORDS.get(lang, WORDS["id"])
    parts = [_text("guide-rules-title", lang), _text("guide-rules-intro", lang), _text("guide-rules-head", lang),
             "|---|---|---|---|"]
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

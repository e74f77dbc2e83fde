"""Quiz banks as HTML: the interactive quiz placed by `::: quiz <id>`, and printable worksheets and answer keys.

Pure functions from a `QuizBank` (quizbank.py) and the interface strings to HTML, through the Jinja templates
`templates/quiz*.html` with autoescape on: nothing from a bank reaches the page unescaped. No MkDocs here.

The interactive quiz works without JavaScript: questions are real inputs, and each question's answer and explanation sit
in a `<details>`. `docs/assets/quiz.js` adds checking, scoring, retries and (where allowed) opt-in storage. It reads:

- `data-key` on each question: the correct option ids (choice types), "true"/"false", the item ids in order (ordering),
  or the normalised accepted answers (short answer); matching needs no key: each select is right when its value is
  the id of its own row;
- `data-hash`: a hash of the question's content, part of the storage key, so editing a question forgets only its
  stored answer; `SCHEMA` is the version of the stored format.

Shuffling is deterministic: the same seed (`quiz/question/attempt`), the same order, in Python and in quiz.js.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass
from types import SimpleNamespace

import jinja2
from markupsafe import Markup

from ..engine import templating
from . import qtypes
from .quizbank import TEST_USES

SCHEMA = 1
STORAGE_POLICIES = ("none", "opt_in")

# Long forms a learner may type instead of the abbreviation: both count as the same answer. Keys and values are
# written normalised (see `normalise`); quiz.js receives the list with the quiz.
ABBREVIATIONS = {
    "unit pelaksana teknis daerah perlindungan perempuan dan anak": "uptd ppa",
    "pusat pelayanan terpadu pemberdayaan perempuan dan anak": "p2tp2a",
    "unit pelayanan perempuan dan anak": "unit ppa",
    "kekerasan dalam rumah tangga": "kdrt",
    "tindak pidana perdagangan orang": "tppo",
    "tindak pidana kekerasan seksual": "tpks",
    "layanan sahabat perempuan dan anak": "sapa",
    "lembaga perlindungan saksi dan korban": "lpsk",
    "kementerian pemberdayaan perempuan dan perlindungan anak": "kemenpppa",
}

_ENV = templating.environment("quiz", undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


# --- shared with quiz.js: hashing, shuffling, normalising -----------------------------------------------------------

def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes of `text` (quiz.js has the same function)."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def _mulberry32(seed: int):
    state = seed & 0xFFFFFFFF

    def draw() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        t = state
        t = _imul(t ^ (t >> 15), t | 1)
        t ^= (t + _imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return draw


def _imul(a: int, b: int) -> int:
    return (a * b) & 0xFFFFFFFF


def shuffled(items, seed: str) -> list:
    """`items` in the order of a Fisher-Yates shuffle seeded by `seed`, as quiz.js computes it."""
    result = list(items)
    draw = _mulberry32(fnv1a(seed))
    for i in range(len(result) - 1, 0, -1):
        j = int(draw() * (i + 1))
        result[i], result[j] = result[j], result[i]
    return result


def seed(quiz_id: str, question_id: str, attempt: int = 0) -> str:
    return f"{quiz_id}/{question_id}/{attempt}"


def order_items(quiz_id: str, question, attempt: int = 0) -> list:
    """Ordering steps as shown: shuffled, and never already in the right order (rotated by one if the draw is)."""
    items = shuffled(question.items, seed(quiz_id, question.id, attempt))
    if len(items) > 1 and [i.id for i in items] == [i.id for i in question.items]:
        items = items[1:] + items[:1]
    return items


def normalise(text: str) -> str:
    """A short answer as compared: lower case, no accents, punctuation and spacing removed, long forms abbreviated."""
    text = unicodedata.normalize("NFKD", str(text).lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = " ".join("".join(ch if ch.isalnum() else " " for ch in text).split())
    padded = f" {text} "
    for long, short in ABBREVIATIONS.items():
        padded = padded.replace(f" {long} ", f" {short} ")
    return padded.replace(" ", "")


def question_hash(question) -> str:
    """Eight hex digits that change whenever what the question asks or accepts changes."""
    content = {
        "type": question.type, "prompt": question.prompt, "scenario": question.scenario, "answer": question.answer,
        "options": [[o.id, o.text, o.correct] for o in question.options],
        "items": [[i.id, i.text] for i in question.items],
        "pairs": [[p.id, p.left, p.right] for p in question.pairs],
        "accepted": list(question.accepted),
    }
    if question.units:  # only when set, so questions without units keep their hash (and their stored answers)
        content["units"] = list(question.units)
    data = json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:8]


# --- view models ------------------------------------------------------------------------------------------------------

@dataclass
class QuizView:
    """What the templates need of one question, already shuffled and keyed."""

    q: object
    number: int
    dom_id: str
    options: list      # choice types: Option in display order
    items: list        # ordering: Item in display order
    rights: list       # matching: Pair in the order of the select's choices
    key: str           # JSON for quiz.js
    hash: str
    letters: dict      # matching: pair id -> letter of its right-hand text (worksheets and keys)
    order: str         # JSON for quiz.js: ids in source order, reshuffled on a retry ("" when not needed)
    tf_keys: tuple = ("true", "false")  # true_false: the `quiz_*` strings naming the right and the wrong answer
    kind: qtypes.QuestionType = None   # the question's type (qtypes/): its template and grading kind

    # What paper shows: the web sheet, the pack's test sheet and both answer keys read these, so a sheet printed from
    # anywhere is marked right with a key printed from anywhere (one view per bank and form).
    @property
    def lettered(self) -> list:
        """Choice types: (letter, option) in display order."""
        return [(_letter(i), o) for i, o in enumerate(self.options)]

    @property
    def numbered(self) -> list:
        """Ordering: (number, item) in display order."""
        return list(enumerate(self.items, start=1))

    @property
    def lefts(self) -> list:
        """Matching: (number, pair) in source order."""
        return list(enumerate(self.q.pairs, start=1))

    @property
    def key_text(self) -> str:
        """The answer in the paper's own terms: option letters, item numbers in the right order, number-letter pairs."""
        return self.kind.key_text(self)


def question_views(bank, questions=None, attempt: int = 0) -> list:
    """One `QuizView` per question of `bank` (or of `questions`), numbered from 1."""
    views = []
    for number, q in enumerate(bank.questions if questions is None else questions, start=1):
        kind = qtypes.of(q)
        options = list(q.options)
        if bank.shuffle and options and kind.shuffles_options:
            options = shuffled(options, seed(bank.id, q.id, attempt))
        items = kind.items(bank, q, attempt)
        unique = _unique_rights(q.pairs)
        rights = kind.rights(bank, q, unique, attempt)
        canonical = {p.right: p.id for p in unique}
        letters = {p.id: _letter(rights.index(next(r for r in rights if r.right == p.right))) for p in q.pairs} \
            if rights else {}
        order = ([o.id for o in q.options] if kind.shuffles_options else []) if q.options else [r.id for r in unique]
        views.append(QuizView(q=q, number=number, dom_id=f"lpq-{bank.id}-{q.id}", options=options, items=items,
                              rights=rights, key=json.dumps(kind.answer_key(q, canonical)), hash=question_hash(q),
                              letters=letters, order=json.dumps(order) if order else "", tf_keys=bank.true_false_keys,
                              kind=kind))
    return views


def _unique_rights(pairs) -> list:
    """Matching: one choice per distinct right-hand text (several rows may share the same answer)."""
    seen: dict = {}
    for pair in pairs:
        seen.setdefault(pair.right, pair)
    return list(seen.values())


_letter = qtypes.letter


def _strings(ui: dict, bank, count: int, points: int) -> SimpleNamespace:
    """The `quiz_*` interface strings without their prefix, as attributes (`s.check`), plus the formatted intro and
    the bank's two true_false labels (`s.tf_true`, `s.tf_false`: Benar/Salah, or Fakta/Mitos for a public myth quiz)."""
    strings = {k[len("quiz_"):]: v for k, v in ui.items() if k.startswith("quiz_")}
    if not bank.scored:
        # A quiz for the public is no exam: no points, no pass mark, no module to go back to (quiz_public_*).
        strings.update({k[len("public_"):]: v for k, v in strings.items() if k.startswith("public_")})
    intro = strings["intro"].format(count=count, points=points, pass_mark=bank.pass_mark)
    yes, no = bank.true_false_keys
    return SimpleNamespace(**strings, intro_text=intro, tf_true=strings[yes], tf_false=strings[no])


# --- rendering --------------------------------------------------------------------------------------------------------

def render_quiz(bank, ui: dict, storage: str = "none") -> str:
    """The interactive quiz for a page. `storage` is "none" (public pages: nothing stored, no storage controls) or
    "opt_in" (module pages: the learner may choose to save answers on the device)."""
    if storage not in STORAGE_POLICIES:
        raise ValueError(f"storage must be one of {STORAGE_POLICIES}, not {storage!r}")
    views = question_views(bank)
    points = sum(v.q.points for v in views)
    s = _strings(ui, bank, len(views), points)
    ui_json = json.dumps({k: getattr(s, k) for k in _SCRIPT_STRINGS}, ensure_ascii=False)
    has_text = any(v.kind.normalises_text for v in views)
    abbr_json = json.dumps(ABBREVIATIONS, ensure_ascii=False) if has_text else ""
    return _ENV.get_template("quiz/quiz.html").render(
        bank=bank, views=views, storage=storage, s=s, schema=SCHEMA,
        ui_json=ui_json, abbr_json=abbr_json, shuffle=bank.shuffle).strip()


# Strings quiz.js needs at run time; they travel with each quiz as JSON in a data attribute.
_SCRIPT_STRINGS = ("right", "wrong", "unanswered", "opt_chosen_right", "opt_chosen_wrong", "opt_missed", "score",
                   "passed", "not_passed", "pos_wrong", "pair_wrong", "cleared", "restored", "saved_on",
                   "saved_off")


def render_sheet(bank, ui: dict, form: str | None = None, key: bool = False, organisation: str = "",
                 css: str = "") -> str:
    """A whole printable HTML document: the worksheet (numbered questions, tick boxes, answer lines, no buttons) or,
    with `key`, the trainer's answer key with explanations. `form` ("A"/"B") keeps that form's questions only."""
    questions = bank.for_form(form) if form else bank.questions
    views = question_views(bank, questions)
    points = sum(v.q.points for v in views)
    title = ui["quiz_key_title" if key else "quiz_sheet_title"]
    return _ENV.get_template("quiz/quiz_sheet.html").render(
        bank=bank, views=views, key=key, form=form, title=title, organisation=organisation, lang=ui.get("lang", "id"),
        s=_strings(ui, bank, len(views), points), css=Markup(css)).strip() + "\n"


def render_page(template: str, **context) -> str:
    """A quiz template of the package that is a Markdown page (the trainers' quiz index)."""
    return templating.markdown_environment().get_template(template).render(**context).strip() + "\n"


def sheet_name(bank_id: str, form: str | None, key: bool) -> str:
    """File name of a worksheet or answer key: `<bank>-lembar-soal[-a].html`, `<bank>-kunci-jawaban[-a].html`."""
    kind = "kunci-jawaban" if key else "lembar-soal"
    return f"{bank_id}-{kind}" + (f"-{form.lower()}" if form else "") + ".html"


def sheet_forms(bank) -> list:
    """The forms a bank is printed in: A and B for pre/post tests, otherwise one sheet of all questions (None)."""
    if TEST_USES & set(bank.uses):
        return [f for f in ("A", "B") if bank.for_form(f)]
    return [None]

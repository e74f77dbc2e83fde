"""Quiz banks for Moodle: GIFT and Moodle XML (the formats Moodle imports; it does not import QTI).

Every bank becomes a question category `$course$/top/<bank id>`; a pre/post-test bank puts each form in a subcategory
`$course$/top/<bank id>/Form A` (and `Form B`), so a Moodle quiz can draw "random questions" from one form; a question
of both forms is written into both. Every question keeps its per-option feedback, its general feedback (the
explanation) and, in Moodle XML, its hint and objective (as a tag). Question names are `<bank id>/<question id>`.

How the site's scoring maps onto Moodle (the site scores every question all-or-nothing):
- single choice, scenario, true/false, short answer: 100% or 0%, the same as the site;
- ordering: Moodle's `ordering` type (core since Moodle 4.4) with grading "ALL_OR_NOTHING", the same as the site.
  `ordering=OLD_FORM` writes the old form instead (each step paired with its position number) for Moodle before
  4.4; Moodle then gives credit per step;
- multiple answers: each right option is worth an equal share and each wrong one -100%, so any wrong tick gives 0%,
  as on the site, but ticking only some of the right options earns part of the mark in Moodle (0% on the site);
- matching: Moodle gives credit per pair (the site: all pairs or nothing).
The trainers' quiz page states these two differences. Short answers: Moodle compares text case-insensitively but
exactly, while the site ignores spacing and punctuation and takes long forms for abbreviations; every variant of that
kind we can list (`short_answers`) is exported as another accepted answer. Plain Python; no MkDocs.
"""

from __future__ import annotations

import html
import unicodedata
import xml.etree.ElementTree as ET

from ..engine.memo import always_compute
from . import qtypes
from .qtypes.ordering import MOODLE_FORMS
from .quizrender import ABBREVIATIONS, normalise, sheet_forms

GIFT_SPECIAL = "~=#{}:"
CATEGORY_ROOT = "$course$/top"
ORDERING_FORMS = MOODLE_FORMS  # Moodle 4.4+ ordering type, or the fallback for older Moodle
NEW_FORM, OLD_FORM = ORDERING_FORMS

# Grades Moodle accepts for an answer (qformat "nearest grade"); partial credit of a multiple-answer option is
# rounded to the nearest of these.
MOODLE_GRADES = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
                 12.5, 11.11111, 10, 5)


# --- shared ---------------------------------------------------------------------------------------------------------

def _words(text: str) -> list:
    """`text` as the site compares it, before spaces are dropped: lower case, no accents, punctuation as spaces."""
    text = unicodedata.normalize("NFKD", str(text).lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return "".join(ch if ch.isalnum() else " " for ch in text).split()


def short_answers(q) -> list:
    """Every answer to export for a short-answer question: each accepted answer as written (every alternative listed
    in `accepted`, and each followed by each of `units`), then the variants the site also accepts that Moodle would not (words without spaces, the long form for an abbreviation and the abbreviation
    for a long form). Case is left to Moodle (case-insensitive); each variant normalises to an accepted answer."""
    out: list = []
    seen: set = set()
    answers = q.accepted_forms  # the listed alternatives, and each with each of its `units` ("5", "5 orang")
    keys = {normalise(accepted) for accepted in answers}

    def add(text: str) -> None:
        text = " ".join(str(text).split())
        if text and text.lower() not in seen and (normalise(text) in keys or text in answers):
            seen.add(text.lower())
            out.append(text)

    for accepted in answers:
        add(accepted)
    for accepted in answers:
        spaced = " ".join(_words(accepted))
        forms = [spaced]
        padded = f" {spaced} "
        for long, short in ABBREVIATIONS.items():
            if f" {short} " in padded:
                forms.append(padded.replace(f" {short} ", f" {long} ").strip())
            if f" {long} " in padded:
                forms.append(padded.replace(f" {long} ", f" {short} ").strip())
        for form in forms:
            add(form)
            add(form.replace(" ", ""))
    return out


def _moodle_text(answer: str) -> str:
    """A short answer as Moodle matches it: `*` is Moodle's wildcard, so a literal one is written `\\*`."""
    return answer.replace("*", "\\*")


def placements(bank) -> list:
    """(category path, form, questions) for `bank`: one per pre/post form, else one (form None) for the whole bank."""
    forms = [f for f in sheet_forms(bank) if f]
    if not forms:
        return [(f"{CATEGORY_ROOT}/{bank.id}", None, list(bank.questions))]
    return [(f"{CATEGORY_ROOT}/{bank.id}/Form {f}", f, bank.for_form(f)) for f in forms]


def _suffix(form) -> str:
    """What a form adds to a question's name: the same question in both forms needs two names."""
    return f" (Form {form})" if form else ""


def _check_ordering(ordering: str) -> None:
    if ordering not in ORDERING_FORMS:
        raise ValueError(f"ordering must be one of {ORDERING_FORMS}, not {ordering!r}")


# --- GIFT -------------------------------------------------------------------------------------------------------------

def gift_escape(text: str) -> str:
    """Text as GIFT reads it back: a backslash before \\ ~ = # { } :, and newlines as \\n."""
    out = str(text).replace("\\", "\\\\")
    for ch in GIFT_SPECIAL:
        out = out.replace(ch, "\\" + ch)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def _gh(text: str) -> str:
    """HTML-formatted GIFT text: escaped for HTML first, then for GIFT."""
    return gift_escape(html.escape(str(text), quote=False))


def _raw_html(text: str) -> str:
    """HTML for the parts of a GIFT ordering question, which Moodle's ordering importer reads unescaped: HTML-escaped,
    braces as character references (a brace would end the question), one line."""
    out = html.escape(" ".join(str(text).split()), quote=False)
    return out.replace("{", "&#123;").replace("}", "&#125;")


def _fraction(count: int) -> str:
    value = min(MOODLE_GRADES, key=lambda g: abs(g - 100 / count)) if count else 0
    return f"{value:.7g}"  # all digits of the grade: Moodle matches it against its list of grades


def gift_question(bank, q, ordering: str = NEW_FORM, suffix: str = "") -> str:
    _check_ordering(ordering)
    name = gift_escape(f"{bank.id}/{q.id}{suffix}")
    kind = qtypes.of(q)
    whole = kind.gift_whole(bank, q, name, ordering)
    if whole is not None:
        return whole
    text = _gh(q.prompt)
    if q.scenario:
        paras = [part.strip() for part in q.scenario.split("\n\n") if part.strip()]
        text = "".join(f"<p>{_gh(part)}</p>" for part in paras) + f"<p>{text}</p>"
    lines = [f"// {q.type}", f"::{name}::[html]{text}{{"]
    lines += kind.gift_lines(q, ordering)
    if q.explanation:
        lines.append(f"####{_gh(q.explanation)}")
    lines.append("}")
    return "\n".join(lines)


def _pairs(q) -> list:
    """(left, right) rows of a matching question, or of an ordering question as step -> position."""
    return qtypes.of(q).pairs(q)


def to_gift(banks, ordering: str = NEW_FORM) -> str:
    """All `banks` as one GIFT file (UTF-8 text), one category per bank (per form for pre/post banks)."""
    parts = []
    for bank in banks:
        for n, (category, form, questions) in enumerate(placements(bank)):
            head = f"// {gift_escape(bank.title)} ({bank.path})\n" if n == 0 else ""
            parts.append(f"{head}$CATEGORY: {category}")
            parts.extend(gift_question(bank, q, ordering, _suffix(form)) for q in questions)
    return "\n\n".join(parts) + "\n"


# --- Moodle XML -------------------------------------------------------------------------------------------------------

def _text(parent, tag: str, value: str, fmt: str | None = "html", **attrs) -> ET.Element:
    el = ET.SubElement(parent, tag, {**({"format": fmt} if fmt else {}), **attrs})
    ET.SubElement(el, "text").text = value
    return el


def _p(text: str) -> str:
    """Plain text as Moodle HTML: escaped, one paragraph per blank-line-separated part."""
    paras = [part.strip() for part in str(text).split("\n\n") if part.strip()]
    return "".join(f"<p>{html.escape(part, quote=False)}</p>" for part in paras)


def _feedback(answer: ET.Element, text: str) -> None:
    _text(answer, "feedback", _p(text) if text else "")


def xml_question(quiz: ET.Element, bank, q, ordering: str = NEW_FORM, form: str | None = None) -> None:
    _check_ordering(ordering)
    suffix = _suffix(form)
    kind = qtypes.of(q)
    qtype = kind.xml_name(ordering)
    el = ET.SubElement(quiz, "question", {"type": qtype})
    _text(el, "name", f"{bank.id}/{q.id}{suffix}", fmt=None)
    _text(el, "questiontext", (_p(q.scenario) if q.scenario else "") + _p(q.prompt))
    _text(el, "generalfeedback", _p(q.explanation) if q.explanation else "")
    ET.SubElement(el, "defaultgrade").text = str(q.points)
    ET.SubElement(el, "penalty").text = "0"
    ET.SubElement(el, "hidden").text = "0"
    ET.SubElement(el, "idnumber").text = f"{bank.id}/{q.id}" + (f"/{form}" if form else "")
    kind.xml_body(el, bank, q, qtype)
    if kind.xml_outcome_feedback:
        _text(el, "correctfeedback", _p(q.feedback_correct) if q.feedback_correct else "")
        _text(el, "partiallycorrectfeedback", "")
        _text(el, "incorrectfeedback", _p(q.feedback_incorrect) if q.feedback_incorrect else "")
    if q.hint:
        _text(el, "hint", _p(q.hint))
    tags = [q.objective] if q.objective else []
    tags += [f"form-{form.lower()}"] if form else []
    if tags:
        holder = ET.SubElement(el, "tags")
        for tag in tags:
            ET.SubElement(ET.SubElement(holder, "tag"), "text").text = tag


XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'
XML_TAIL = "</quiz>\n"


def _xml_body(bank, ordering: str = NEW_FORM) -> str:
    """The questions of one bank (its category, or one per form, first), indented for the inside of `<quiz>`."""
    quiz = ET.Element("quiz")
    for category_path, form, questions in placements(bank):
        category = ET.SubElement(quiz, "question", {"type": "category"})
        _text(category, "category", category_path, fmt=None)
        _text(category, "info", _p(bank.title + (f" \u2013 Form {form}" if form else "")))
        for q in questions:
            xml_question(quiz, bank, q, ordering, form)
    ET.indent(quiz)
    return "".join("  " + ET.tostring(child, encoding="unicode").rstrip() + "\n" for child in quiz)


def to_moodle_xml(banks, ordering: str = NEW_FORM) -> str:
    """All `banks` as one Moodle XML document, one category per bank (per form for pre/post banks)."""
    return XML_HEAD + "".join(_xml_body(bank, ordering) for bank in banks) + XML_TAIL


OLD_MOODLE = "semua-bank-soal-moodle-lama"  # all banks with ordering questions as matching (Moodle before 4.4)


def export_files(banks, remember=None) -> dict:
    """File name -> text: `<bank>.gift` and `<bank>.xml` per bank, `semua-bank-soal.gift/.xml` with all, and
    `semua-bank-soal-moodle-lama.gift/.xml` with all for Moodle before 4.4 (ordering written as matching).
    `remember(parts, make)` may return a result kept from an earlier build (see memo.py)."""
    remember = remember or always_compute
    files, gifts, bodies = {}, [], []
    banks = list(banks)
    for bank in banks:
        source = repr(bank)  # the memo key of everything the bank holds, once per bank
        gifts.append(remember(("gift", source), lambda bank=bank: to_gift([bank])))
        bodies.append(remember(("xml", source), lambda bank=bank: _xml_body(bank)))
        files[f"{bank.id}.gift"] = gifts[-1]
        files[f"{bank.id}.xml"] = XML_HEAD + bodies[-1] + XML_TAIL
    if gifts:
        files["semua-bank-soal.gift"] = "\n".join(gifts)
        files["semua-bank-soal.xml"] = XML_HEAD + "".join(bodies) + XML_TAIL
        old = [remember(("gift-old", repr(b)), lambda b=b: to_gift([b], OLD_FORM)) for b in banks]
        files[f"{OLD_MOODLE}.gift"] = "\n".join(old)
        old = [remember(("xml-old", repr(b)), lambda b=b: _xml_body(b, OLD_FORM)) for b in banks]
        files[f"{OLD_MOODLE}.xml"] = XML_HEAD + "".join(old) + XML_TAIL
    return files

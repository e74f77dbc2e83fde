"""Quiz banks for Moodle: GIFT and Moodle XML (the formats Moodle imports; it does not import QTI).

Every bank becomes a question category `$course$/top/<bank id>`; every question keeps its per-option feedback, its
general feedback (the explanation) and, in Moodle XML, its hint and objective (as a tag). Question names are
`<bank id>/<question id>`. Moodle has no core ordering type that both formats share, so an ordering question is
exported as matching: each step is paired with its position number. Plain Python; no MkDocs.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from .memo import always_compute

GIFT_SPECIAL = "~=#{}:"
CATEGORY_ROOT = "$course$/top"

# Grades Moodle accepts for an answer (qformat "nearest grade"); partial credit of a multiple-answer option is
# rounded to the nearest of these.
MOODLE_GRADES = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
                 12.5, 11.11111, 10, 5)


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


def _fraction(count: int) -> str:
    value = min(MOODLE_GRADES, key=lambda g: abs(g - 100 / count)) if count else 0
    return f"{value:g}"


def gift_question(bank, q) -> str:
    name = gift_escape(f"{bank.id}/{q.id}")
    text = _gh(q.prompt)
    if q.scenario:
        paras = [part.strip() for part in q.scenario.split("\n\n") if part.strip()]
        text = "".join(f"<p>{_gh(part)}</p>" for part in paras) + f"<p>{text}</p>"
    lines = [f"// {q.type}", f"::{name}::[html]{text}{{"]
    if q.type in ("single", "scenario"):
        for o in q.options:
            lines.append(f"{'=' if o.correct else '~'}{_gh(o.text)}" + (f"#{_gh(o.feedback)}" if o.feedback else ""))
    elif q.type == "multiple":
        right = sum(1 for o in q.options if o.correct)
        for o in q.options:
            weight = _fraction(right) if o.correct else "-100"
            lines.append(f"~%{weight}%{_gh(o.text)}" + (f"#{_gh(o.feedback)}" if o.feedback else ""))
    elif q.type == "true_false":
        # GIFT: {TRUE#feedback when answered wrongly#feedback when answered rightly}
        lines.append(("TRUE" if q.answer else "FALSE") + f"#{_gh(q.feedback_incorrect)}#{_gh(q.feedback_correct)}")
    elif q.type == "short_answer":
        for accepted in q.accepted:
            lines.append(f"={gift_escape(accepted)}" + (f"#{_gh(q.feedback_correct)}" if q.feedback_correct else ""))
        if q.feedback_incorrect:
            lines.append(f"=%0%*#{_gh(q.feedback_incorrect)}")
    elif q.type in ("matching", "ordering"):
        for left, right in _pairs(q):
            lines.append(f"={_gh(left)} -> {gift_escape(right)}")
    if q.explanation:
        lines.append(f"####{_gh(q.explanation)}")
    lines.append("}")
    return "\n".join(lines)


def _pairs(q) -> list:
    """(left, right) rows of a matching question, or of an ordering question as step -> position."""
    if q.type == "ordering":
        return [(item.text, str(n)) for n, item in enumerate(q.items, start=1)]
    return [(p.left, p.right.replace("->", "\u2192")) for p in q.pairs]


def to_gift(banks) -> str:
    """All `banks` as one GIFT file (UTF-8 text), one category per bank."""
    parts = []
    for bank in banks:
        parts.append(f"// {gift_escape(bank.title)} ({bank.path})\n$CATEGORY: {CATEGORY_ROOT}/{bank.id}")
        parts.extend(gift_question(bank, q) for q in bank.questions)
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


XML_TYPES = {"single": "multichoice", "multiple": "multichoice", "scenario": "multichoice",
             "true_false": "truefalse", "short_answer": "shortanswer", "matching": "matching", "ordering": "matching"}


def xml_question(quiz: ET.Element, bank, q) -> None:
    el = ET.SubElement(quiz, "question", {"type": XML_TYPES[q.type]})
    _text(el, "name", f"{bank.id}/{q.id}", fmt=None)
    _text(el, "questiontext", (_p(q.scenario) if q.scenario else "") + _p(q.prompt))
    _text(el, "generalfeedback", _p(q.explanation) if q.explanation else "")
    ET.SubElement(el, "defaultgrade").text = str(q.points)
    ET.SubElement(el, "penalty").text = "0"
    ET.SubElement(el, "hidden").text = "0"
    ET.SubElement(el, "idnumber").text = f"{bank.id}/{q.id}"
    if q.type in ("single", "scenario", "multiple"):
        single = q.type != "multiple"
        ET.SubElement(el, "single").text = "true" if single else "false"
        ET.SubElement(el, "shuffleanswers").text = "true" if bank.shuffle else "false"
        ET.SubElement(el, "answernumbering").text = "abc"
        right = sum(1 for o in q.options if o.correct)
        for o in q.options:
            fraction = ("100" if o.correct else "0") if single else (_fraction(right) if o.correct else "-100")
            answer = _text(el, "answer", _p(o.text), fraction=fraction)
            _feedback(answer, o.feedback)
    elif q.type == "true_false":
        for value in (True, False):
            answer = _text(el, "answer", "true" if value else "false", fmt="moodle_auto_format",
                           fraction="100" if value == q.answer else "0")
            _feedback(answer, q.feedback_correct if value == q.answer else q.feedback_incorrect)
    elif q.type == "short_answer":
        ET.SubElement(el, "usecase").text = "0"
        for accepted in q.accepted:
            _feedback(_text(el, "answer", accepted, fmt="moodle_auto_format", fraction="100"), q.feedback_correct)
        if q.feedback_incorrect:
            _feedback(_text(el, "answer", "*", fmt="moodle_auto_format", fraction="0"), q.feedback_incorrect)
    else:
        ET.SubElement(el, "shuffleanswers").text = "true"
        for left, right in _pairs(q):
            sub = _text(el, "subquestion", _p(left))
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = right
    if q.type in ("single", "scenario", "multiple", "matching", "ordering"):
        _text(el, "correctfeedback", _p(q.feedback_correct) if q.feedback_correct else "")
        _text(el, "partiallycorrectfeedback", "")
        _text(el, "incorrectfeedback", _p(q.feedback_incorrect) if q.feedback_incorrect else "")
    if q.hint:
        _text(el, "hint", _p(q.hint))
    if q.objective:
        tags = ET.SubElement(el, "tags")
        ET.SubElement(ET.SubElement(tags, "tag"), "text").text = q.objective


XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'
XML_TAIL = "</quiz>\n"


def _xml_body(bank) -> str:
    """The questions of one bank (its category first), indented for the inside of `<quiz>`."""
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", {"type": "category"})
    _text(category, "category", f"{CATEGORY_ROOT}/{bank.id}", fmt=None)
    _text(category, "info", _p(bank.title))
    for q in bank.questions:
        xml_question(quiz, bank, q)
    ET.indent(quiz)
    return "".join("  " + ET.tostring(child, encoding="unicode").rstrip() + "\n" for child in quiz)


def to_moodle_xml(banks) -> str:
    """All `banks` as one Moodle XML document, one category per bank."""
    return XML_HEAD + "".join(_xml_body(bank) for bank in banks) + XML_TAIL


def export_files(banks, remember=None) -> dict:
    """File name -> text: `<bank>.gift` and `<bank>.xml` per bank, and `semua-bank-soal.gift/.xml` with all.
    `remember(parts, make)` may return a result kept from an earlier build (see memo.py)."""
    remember = remember or always_compute
    files, gifts, bodies = {}, [], []
    for bank in banks:
        source = repr(bank)  # the memo key of everything the bank holds, once per bank
        gifts.append(remember(("gift", source), lambda bank=bank: to_gift([bank])))
        bodies.append(remember(("xml", source), lambda bank=bank: _xml_body(bank)))
        files[f"{bank.id}.gift"] = gifts[-1]
        files[f"{bank.id}.xml"] = XML_HEAD + bodies[-1] + XML_TAIL
    if gifts:
        files["semua-bank-soal.gift"] = "\n".join(gifts)
        files["semua-bank-soal.xml"] = XML_HEAD + "".join(bodies) + XML_TAIL
    return files

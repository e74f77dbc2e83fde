"""Quiz banks: `quizzes/<id>.yml`, their model and the rules that hold inside one bank.

```yaml
id: dukungan-awal
title: "Cek mandiri: Dukungan awal"
uses: [self_check]          # self_check | pre_test | post_test | public
pass_mark: 70               # percent
true_false_labels: benar-salah   # buttons of true_false questions: benar-salah (default) | fakta-mitos (public myth quiz)
questions:
  - id: langkah-pertama
    type: single            # single | multiple | true_false | scenario | ordering | matching | short_answer
    objective: dengar       # objective id of the module that uses the bank
    prompt: Apa yang pertama kali Anda lakukan?
    options:
      - {id: a, text: Mendengarkan, correct: true, feedback: Tepat ...}
      - {id: b, text: Menasihati, feedback: ...}
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..i18n.catalogue import doc
from ..validation.problems import Collector, Token, phrase, quote
from ..validation.spec import Bool, Ctx, Enum, Field, Id, Int, ListOf, Obj, Str, check_document
from ..validation.yamlpos import PosDict
from . import qtypes

NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
UNIT = re.compile(r"%|[^\W\d_]+(?:[ .][^\W\d_]+)*\.?")  # orang, hari kerja, km, m., %: never digits or markup
QUESTION_TYPES = qtypes.names()  # the built-in types (qtypes/); a type registered later is accepted too
USES = ("self_check", "pre_test", "post_test", "public")
TEST_USES = frozenset({"pre_test", "post_test"})   # paper tests: printed in forms, answers never on a learner's page
FORMS = ("A", "B")
# The two answers of a true_false question, as interface-string suffixes (quiz_<x>, pack_<x>). A professional statement
# is right or wrong ("Benar/Salah"); only a public myth quiz asks "Fakta/Mitos".
TRUE_FALSE_LABELS = {"benar-salah": ("true", "false"), "fakta-mitos": ("fact", "myth")}
DEFAULT_TRUE_FALSE_LABELS = "benar-salah"

OPTION = Obj({
    "id": Field(Id(), True, doc("option.id")),
    "text": Field(Str(max_len=600), True, doc("option.text")),
    "correct": Field(Bool(), False, doc("option.correct")),
    "feedback": Field(Str(max_len=1200), False, doc("option.feedback")),
})
ITEM = Obj({
    "id": Field(Id(), True, doc("order-item.id")),
    "text": Field(Str(max_len=400), True, doc("order-item.text")),
})
PAIR = Obj({
    "id": Field(Id(), True, doc("pair.id")),
    "left": Field(Str(max_len=300), True, doc("pair.left")),
    "right": Field(Str(max_len=300), True, doc("pair.right")),
})
QUESTION = Obj({
    "id": Field(Id(), True, doc("question.id")),
    "type": Field(Enum(qtypes.names), True, doc("question.type")),
    "objective": Field(Id(), False, doc("question.objective")),
    "forms": Field(ListOf(Enum(FORMS), min_items=1), False, doc("question.forms")),
    "points": Field(Int(minimum=1, maximum=100), False, doc("question.points")),
    "prompt": Field(Str(max_len=1500), True, doc("question.prompt")),
    "scenario": Field(Str(max_len=3000), False, doc("question.scenario")),
    "hint": Field(Str(max_len=600), False, doc("question.hint")),
    "explanation": Field(Str(max_len=2000), False, doc("question.explanation")),
    "options": Field(ListOf(OPTION), False, doc("question.options")),
    "answer": Field(Bool(), False, doc("question.answer")),
    "items": Field(ListOf(ITEM), False, doc("question.items")),
    "pairs": Field(ListOf(PAIR), False, doc("question.pairs")),
    "accepted": Field(ListOf(Str(max_len=200), min_items=1), False, doc("question.accepted")),
    "units": Field(ListOf(Str(max_len=40), min_items=1), False, doc("question.units")),
    "feedback_correct": Field(Str(max_len=1200), False, doc("question.feedback_correct")),
    "feedback_incorrect": Field(Str(max_len=1200), False, doc("question.feedback_incorrect")),
})
BANK = Obj({
    "id": Field(Id(), True, doc("bank.id")),
    "title": Field(Str(max_len=200), True, doc("bank.title")),
    "uses": Field(ListOf(Enum(USES), min_items=1), True, doc("bank.uses")),
    "pass_mark": Field(Int(minimum=0, maximum=100), False, doc("bank.pass_mark")),
    "shuffle": Field(Bool(), False, doc("bank.shuffle")),
    "true_false_labels": Field(Enum(tuple(TRUE_FALSE_LABELS)), False, doc("bank.true_false_labels")),
    "questions": Field(ListOf(QUESTION, min_items=1), True, doc("bank.questions")),
}, doc=doc("bank"))


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class Item:
    id: str
    text: str


@dataclass(frozen=True)
class Pair:
    id: str
    left: str
    right: str


@dataclass
class Question:
    id: str
    type: str
    prompt: str
    line: int = 0
    objective: str | None = None
    forms: tuple = FORMS
    points: int = 1
    scenario: str = ""
    hint: str = ""
    explanation: str = ""
    options: tuple = ()
    answer: bool | None = None
    items: tuple = ()
    pairs: tuple = ()
    accepted: tuple = ()
    units: tuple = ()
    feedback_correct: str = ""
    feedback_incorrect: str = ""

    @property
    def accepted_forms(self) -> tuple:
        """short_answer: every answer the bank accepts, as written: each `accepted` answer, then each of them followed
        by each of `units` ("5", "lima", then "5 orang", "lima orang"): a quantity is right with or without its unit."""
        forms = list(self.accepted)
        for answer in self.accepted:
            forms += [f"{answer.strip()} {unit.strip()}" for unit in self.units]
        return tuple(dict.fromkeys(forms))


def is_number(text: str) -> bool:
    """A whole or decimal number as a learner writes it: 5, 12, 2,5 or 2.5."""
    return bool(NUMBER.fullmatch(str(text).strip()))


@dataclass
class QuizBank:
    id: str
    path: str
    title: str
    uses: tuple = ("self_check",)
    pass_mark: int = 70
    shuffle: bool = True
    questions: list = field(default_factory=list)
    line: int = 1
    true_false_labels: str = DEFAULT_TRUE_FALSE_LABELS

    @property
    def true_false_keys(self) -> tuple:
        """The interface-string suffixes of the 'true' and 'false' answers, e.g. ('true', 'false') for Benar/Salah."""
        return TRUE_FALSE_LABELS[self.true_false_labels]

    @property
    def scored(self) -> bool:
        """A bank used as a self-check or a test shows points and a pass mark; a bank used only on public pages (a myth
        quiz for the public) says how many answers were right, and nothing of points, pass marks or modules."""
        return bool(set(self.uses) - {"public"})

    def for_form(self, form: str) -> list:
        """The questions of pre/post form `form` ('A' or 'B')."""
        return [q for q in self.questions if form in q.forms]


def load_bank(value, rel: str, out: Collector) -> QuizBank | None:
    """Check one parsed bank file and build the model; problems go to `out`."""
    ctx = Ctx(rel, out)
    data = check_document(value, BANK, ctx, phrase("expect-bank"))
    if data is None:
        return None
    bank = QuizBank(id=data.get("id", ""), path=rel, title=data.get("title", ""), uses=tuple(data.get("uses", ())),
                    pass_mark=data.get("pass_mark", 70), shuffle=data.get("shuffle", True), line=data.line,
                    true_false_labels=data.get("true_false_labels", DEFAULT_TRUE_FALSE_LABELS))
    seen: dict[str, int] = {}
    for index, raw in enumerate(data.get("questions", [])):
        line = data["questions"].line_of(index)
        question = _build_question(raw, line, ctx)
        if question.id in seen:
            out.add(rel, line, "duplicate-id", kind=Token("question"), value=quote(question.id),
                    other=f"{rel}:{seen[question.id]}")
        elif question.id:
            seen[question.id] = line
        bank.questions.append(question)
    return bank


def _build_question(raw: PosDict, line: int, ctx: Ctx) -> Question:
    qtype = raw.get("type", "")
    for key, types in qtypes.type_keys().items():  # keys of one type only, declared by the types
        if key in raw and qtype and qtype not in types:
            ctx.out.add(ctx.path, raw.line_of(key), "quiz-key-type", key=key, qtype=qtype, allowed=list(types))
    kind = qtypes.get(qtype) if isinstance(qtype, str) else None
    for key in kind.required if kind else ():
        if key not in raw:
            ctx.out.add(ctx.path, line, "quiz-missing-key", key=key, qtype=qtype)
    options = tuple(Option(o["id"], o["text"], o.get("correct", False), o.get("feedback", ""))
                    for o in raw.get("options", []) if "id" in o and "text" in o)
    question = Question(
        id=raw.get("id", ""), type=qtype, prompt=raw.get("prompt", ""), line=line, objective=raw.get("objective"),
        forms=tuple(raw.get("forms", FORMS)), points=raw.get("points", 1), scenario=raw.get("scenario", ""),
        hint=raw.get("hint", ""), explanation=raw.get("explanation", ""), options=options, answer=raw.get("answer"),
        items=tuple(Item(i["id"], i["text"]) for i in raw.get("items", []) if "id" in i and "text" in i),
        pairs=tuple(Pair(p["id"], p["left"], p["right"]) for p in raw.get("pairs", [])
                    if {"id", "left", "right"} <= set(p)),
        accepted=tuple(raw.get("accepted", ())), units=tuple(raw.get("units", ())), feedback_correct=raw.get("feedback_correct", ""),
        feedback_incorrect=raw.get("feedback_incorrect", ""))
    _check_question(question, raw, ctx)
    return question


def _check_question(q: Question, raw: PosDict, ctx: Ctx) -> None:
    out, path = ctx.out, ctx.path
    _check_unique_ids(q.options, raw.get("options"), "option", ctx)
    _check_unique_ids(q.items, raw.get("items"), "option", ctx)
    _check_unique_ids(q.pairs, raw.get("pairs"), "option", ctx)
    kind = qtypes.of(q)
    kind.check(q, raw, ctx)
    for index, option in enumerate(q.options):
        if not option.feedback:
            out.warn(path, raw["options"].line_of(index), "quiz-option-feedback", question=quote(q.id),
                     option=quote(option.id))
    if q.units:
        _check_units(q, raw, ctx)
    if kind.outcome and not (q.feedback_correct and q.feedback_incorrect) and not q.explanation:
        out.warn(path, q.line, "quiz-outcome-feedback", question=quote(q.id))


def _check_units(q: Question, raw: PosDict, ctx: Ctx) -> None:
    """`units` follow a number: the question needs a numeric accepted answer, and a unit is letters (words, with
    spaces, dots or %), never a number or markup."""
    line = raw.line_of("units")
    if q.accepted and not any(is_number(a) for a in q.accepted):
        ctx.out.add(ctx.path, line, "quiz-units-no-number", question=quote(q.id),
                    found=", ".join(quote(a) for a in q.accepted))
    for index, unit in enumerate(q.units):
        if not UNIT.fullmatch(unit.strip()):
            ctx.out.add(ctx.path, raw["units"].line_of(index), "quiz-unit-bad", question=quote(q.id), value=quote(unit))


def _check_unique_ids(models, raw_list, kind: str, ctx: Ctx) -> None:
    seen: dict[str, int] = {}
    for index, model in enumerate(models):
        line = raw_list.line_of(index) if raw_list is not None else 0
        if model.id in seen:
            ctx.out.add(ctx.path, line, "duplicate-id", kind=Token(kind), value=quote(model.id),
                        other=f"{ctx.path}:{seen[model.id]}")
        else:
            seen[model.id] = line

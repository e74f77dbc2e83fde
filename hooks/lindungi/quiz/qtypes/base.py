"""What every question type has, and the defaults a type overrides. Plain Python; no MkDocs."""

from __future__ import annotations

OUTCOME_KEYS = ("feedback_correct", "feedback_incorrect")


def letter(index: int) -> str:
    """A, B, C ... for option `index`; past Z, the number."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)


class QuestionType:
    """A question type. Subclasses set the class attributes and override the methods that differ."""

    name = ""
    keys: tuple = ()          # keys only the types declaring them may use
    required: tuple = ()      # keys a question of this type must have
    outcome = False           # judged as a whole: may (and should) say feedback_correct / feedback_incorrect
    template = "quiz/qtypes/none.html"   # macros controls, key, paper, paper_key, pack
    grading = "choice"        # quiz.js grading function: choice | true_false | ordering | matching | short_answer
    multi = False             # several options may be right (check boxes on screen)
    shuffles_options = True   # options follow the bank's `shuffle` (a scale keeps its order)
    reveals_accepted = False  # a wrong answer shows the accepted answers after checking
    normalises_text = False   # quiz.js compares typed text: the quiz carries the list of abbreviations
    xml_type = ""             # Moodle XML question type
    xml_outcome_feedback = False  # Moodle XML: correct/partially/incorrect feedback elements
    score_mark = "single"     # the workbook's marking rule: interface string score_mark_<x>

    @property
    def all_keys(self) -> tuple:
        return self.keys + (OUTCOME_KEYS if self.outcome else ())

    @property
    def grading_attr(self) -> str:
        """quiz.js reads the grading kind from `data-grading`, else from `data-type`; written only when needed."""
        return "" if self.grading in ("choice", self.name) else self.grading

    # --- rules -------------------------------------------------------------------------------------------------------
    def check(self, q, raw, ctx) -> None:
        """This type's own rules; problems go to `ctx.out` with the line of the key at fault."""

    # --- display -----------------------------------------------------------------------------------------------------
    def items(self, bank, q, attempt: int) -> list:
        """Ordering steps as shown."""
        return []

    def rights(self, bank, q, unique: list, attempt: int) -> list:
        """Matching choices as shown."""
        return []

    def answer_key(self, q, canonical: dict):
        """The `data-key` value quiz.js grades with."""
        return None

    def key_text(self, view) -> str:
        """The answer in the paper's own terms (letters, numbers); empty when the template prints it with a label."""
        return ""

    # --- Moodle ------------------------------------------------------------------------------------------------------
    def gift_whole(self, bank, q, name: str, ordering: str) -> str | None:
        """A whole GIFT question in a form of its own, or None for the common frame around `gift_lines`."""
        return None

    def gift_lines(self, q, ordering: str) -> list:
        return []

    def xml_name(self, ordering: str) -> str:
        return self.xml_type

    def xml_body(self, el, bank, q, qtype: str) -> None:
        """The type's own elements of a Moodle XML question (after the common ones)."""

    def pairs(self, q) -> list:
        """(left, right) rows when written as a Moodle matching question."""
        return []

    # --- scoring workbook ----------------------------------------------------------------------------------------
    def workbook_key(self, view, ui: dict) -> str:
        """The key as the pack's answer key prints it."""
        return view.key_text

    def workbook_cell(self, view, ui: dict) -> str:
        """The key in the workbook's key sheet."""
        return self.workbook_key(view, ui)

    def right_formula(self, view, answer: str, key: str, norm) -> str:
        """A spreadsheet condition: TRUE when the typed answer (cell `answer`) is right against the key (cell `key`)."""
        return f"{norm(answer)}={norm(key)}"


class ChoiceType(QuestionType):
    """Options with a tick each: single, multiple and scenario."""

    keys = ("options",)
    required = ("options",)
    template = "quiz/qtypes/choice.html"
    xml_type = "multichoice"
    xml_outcome_feedback = True

    def check(self, q, raw, ctx) -> None:
        from ...validation.problems import quote

        if "options" in raw and len(q.options) < 2:
            ctx.out.add(ctx.path, raw.line_of("options"), "quiz-too-few", question=quote(q.id), minimum=2,
                        count=len(q.options))

    def answer_key(self, q, canonical: dict):
        return [o.id for o in q.options if o.correct]

    def key_text(self, view) -> str:
        return ", ".join(mark for mark, o in view.lettered if o.correct)

    def gift_lines(self, q, ordering: str) -> list:
        from ..quizexport import _gh

        return [f"{'=' if o.correct else '~'}{_gh(o.text)}" + (f"#{_gh(o.feedback)}" if o.feedback else "")
                for o in q.options]

    def xml_body(self, el, bank, q, qtype: str) -> None:
        from ..quizexport import ET, _feedback, _fraction, _p, _text

        single = not self.multi
        ET.SubElement(el, "single").text = "true" if single else "false"
        ET.SubElement(el, "shuffleanswers").text = "true" if bank.shuffle and self.shuffles_options else "false"
        ET.SubElement(el, "answernumbering").text = "abc"
        right = sum(1 for o in q.options if o.correct)
        for o in q.options:
            fraction = ("100" if o.correct else "0") if single else (_fraction(right) if o.correct else "-100")
            answer = _text(el, "answer", _p(o.text), fraction=fraction)
            _feedback(answer, o.feedback)


class SingleChoice(ChoiceType):
    """Exactly one right option."""

    def check(self, q, raw, ctx) -> None:
        from ...validation.problems import quote

        correct = sum(1 for o in q.options if o.correct)
        if "options" in raw and correct != 1:
            ctx.out.add(ctx.path, raw.line_of("options"), "quiz-single-correct", question=quote(q.id), qtype=q.type,
                        count=correct)
        super().check(q, raw, ctx)


def write_pairs(el, pairs) -> None:
    """Moodle XML matching rows."""
    from ..quizexport import ET, _p, _text

    ET.SubElement(el, "shuffleanswers").text = "true"
    for left, right in pairs:
        sub = _text(el, "subquestion", _p(left))
        ET.SubElement(ET.SubElement(sub, "answer"), "text").text = right


def gift_pairs(pairs) -> list:
    from ..quizexport import _gh, gift_escape

    return [f"={_gh(left)} -> {gift_escape(right)}" for left, right in pairs]


def too_few(q, raw, ctx, key: str, count: int) -> None:
    from ...validation.problems import quote

    if count < 2 and key in raw:
        ctx.out.add(ctx.path, raw.line_of(key), "quiz-too-few", question=quote(q.id), minimum=2, count=count)

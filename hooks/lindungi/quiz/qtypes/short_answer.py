"""short_answer: a typed answer, compared with the accepted answers (spacing, case and long forms ignored)."""

from .base import QuestionType


class ShortAnswer(QuestionType):
    name = "short_answer"
    keys = ("accepted", "units")
    required = ("accepted",)
    outcome = True
    template = "quiz/qtypes/short_answer.html"
    grading = "short_answer"
    reveals_accepted = True
    normalises_text = True
    xml_type = "shortanswer"
    score_mark = "short_answer"

    def answer_key(self, q, canonical: dict):
        from ..quizrender import normalise

        return sorted({normalise(a) for a in q.accepted_forms})

    def key_text(self, view) -> str:
        return " / ".join(view.q.accepted_forms)

    def gift_lines(self, q, ordering: str) -> list:
        from ..quizexport import _gh, _moodle_text, gift_escape, short_answers

        right = f"#{_gh(q.feedback_correct)}" if q.feedback_correct else ""
        lines = [f"={gift_escape(_moodle_text(accepted))}{right}" for accepted in short_answers(q)]
        if q.feedback_incorrect:
            lines.append(f"=%0%*#{_gh(q.feedback_incorrect)}")
        return lines

    def xml_body(self, el, bank, q, qtype: str) -> None:
        from ..quizexport import ET, _feedback, _moodle_text, _text, short_answers

        ET.SubElement(el, "usecase").text = "0"
        for accepted in short_answers(q):
            _feedback(_text(el, "answer", _moodle_text(accepted), fmt="moodle_auto_format", fraction="100"),
                      q.feedback_correct)
        if q.feedback_incorrect:
            _feedback(_text(el, "answer", "*", fmt="moodle_auto_format", fraction="0"), q.feedback_incorrect)

    def workbook_cell(self, view, ui: dict) -> str:
        return " / ".join(view.q.accepted)

    def right_formula(self, view, answer: str, key: str, norm) -> str:
        # the trainer compares with the accepted answers and types 1 or 0
        return f'{norm(answer)}="1"'


TYPE = ShortAnswer()

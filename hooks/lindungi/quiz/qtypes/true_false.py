"""true_false: a statement, right or wrong (Benar/Salah, or Fakta/Mitos for a public myth quiz)."""

from .base import QuestionType


class TrueFalse(QuestionType):
    name = "true_false"
    keys = ("answer",)
    required = ("answer",)
    outcome = True
    template = "quiz/qtypes/true_false.html"
    grading = "true_false"
    xml_type = "truefalse"
    score_mark = "true_false"

    def answer_key(self, q, canonical: dict):
        return "true" if q.answer else "false"

    def gift_lines(self, q, ordering: str) -> list:
        from ..quizexport import _gh

        # GIFT: {TRUE#feedback when answered wrongly#feedback when answered rightly}
        return [("TRUE" if q.answer else "FALSE") + f"#{_gh(q.feedback_incorrect)}#{_gh(q.feedback_correct)}"]

    def xml_body(self, el, bank, q, qtype: str) -> None:
        from ..quizexport import _feedback, _text

        for value in (True, False):
            answer = _text(el, "answer", "true" if value else "false", fmt="moodle_auto_format",
                           fraction="100" if value == q.answer else "0")
            _feedback(answer, q.feedback_correct if value == q.answer else q.feedback_incorrect)

    def workbook_key(self, view, ui: dict) -> str:
        """The first letter of the answer's label."""
        return ui["quiz_" + view.tf_keys[0 if view.q.answer else 1]][:1].upper()

    def right_formula(self, view, answer: str, key: str, norm) -> str:
        return f"LEFT({norm(answer)},1)={norm(key)}"


TYPE = TrueFalse()

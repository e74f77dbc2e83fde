"""multiple: options, one or more right; all-or-nothing on the site, shares of the mark in Moodle."""

from .base import ChoiceType


class Multiple(ChoiceType):
    name = "multiple"
    multi = True
    score_mark = "multiple"

    def check(self, q, raw, ctx) -> None:
        from ...validation.problems import quote

        if "options" in raw and not any(o.correct for o in q.options):
            ctx.out.add(ctx.path, raw.line_of("options"), "quiz-no-correct", question=quote(q.id))
        super().check(q, raw, ctx)

    def gift_lines(self, q, ordering: str) -> list:
        from ..quizexport import _fraction, _gh

        right = sum(1 for o in q.options if o.correct)
        return [f"~%{_fraction(right) if o.correct else '-100'}%{_gh(o.text)}"
                + (f"#{_gh(o.feedback)}" if o.feedback else "") for o in q.options]

    def right_formula(self, view, answer: str, key: str, norm) -> str:
        # every letter chosen exactly when the key has it, in any order
        checks = [f'ISNUMBER(SEARCH("{mark}",{key}))=ISNUMBER(SEARCH("{mark}",{answer}))'
                  for mark, _ in view.lettered]
        return f'AND({norm(answer)}<>"",{",".join(checks)})'


TYPE = Multiple()

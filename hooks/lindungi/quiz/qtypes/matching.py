"""matching: left texts, each paired with a right text (several rows may share one)."""

from .base import QuestionType, gift_pairs, too_few, write_pairs


class Matching(QuestionType):
    name = "matching"
    keys = ("pairs",)
    required = ("pairs",)
    outcome = True
    template = "quiz/qtypes/matching.html"
    grading = "matching"
    xml_type = "matching"
    xml_outcome_feedback = True
    score_mark = "matching"

    def check(self, q, raw, ctx) -> None:
        too_few(q, raw, ctx, "pairs", len(q.pairs))

    def rights(self, bank, q, unique: list, attempt: int) -> list:
        from ..quizrender import seed, shuffled

        return shuffled(unique, seed(bank.id, q.id, attempt))

    def answer_key(self, q, canonical: dict):
        return {p.id: canonical[p.right] for p in q.pairs}

    def key_text(self, view) -> str:
        return ", ".join(f"{n}-{view.letters[p.id]}" for n, p in view.lefts)

    def pairs(self, q) -> list:
        return [(p.left, p.right.replace("->", "\u2192")) for p in q.pairs]

    def gift_lines(self, q, ordering: str) -> list:
        return gift_pairs(self.pairs(q))

    def xml_body(self, el, bank, q, qtype: str) -> None:
        write_pairs(el, self.pairs(q))


TYPE = Matching()

"""ordering: steps to put in the right order (written in that order)."""

from .base import QuestionType, gift_pairs, too_few, write_pairs

# The two ways an ordering question goes to Moodle: its own `ordering` type (Moodle 4.4+), or, for Moodle before 4.4,
# as a matching question (each step paired with its position number). quizexport's `ordering` argument is one of them.
MOODLE_FORMS = ("ordering", "matching")


class Ordering(QuestionType):
    name = "ordering"
    keys = ("items",)
    required = ("items",)
    outcome = True
    template = "quiz/qtypes/ordering.html"
    grading = "ordering"
    xml_type = "ordering"
    xml_outcome_feedback = True
    score_mark = "ordering"

    def check(self, q, raw, ctx) -> None:
        too_few(q, raw, ctx, "items", len(q.items))

    def items(self, bank, q, attempt: int) -> list:
        from ..quizrender import order_items

        return order_items(bank.id, q, attempt)

    def answer_key(self, q, canonical: dict):
        return [i.id for i in q.items]

    def key_text(self, view) -> str:
        number = {item.id: n for n, item in view.numbered}
        return ", ".join(str(number[item.id]) for item in view.q.items)

    def pairs(self, q) -> list:
        """Each step paired with its position, for Moodle before 4.4."""
        return [(item.text, str(n)) for n, item in enumerate(q.items, start=1)]

    def gift_whole(self, bank, q, name: str, ordering: str) -> str | None:
        if ordering != MOODLE_FORMS[0]:
            return None
        from ..quizexport import _raw_html

        # Moodle's own form: `{>count selecttype layout grading showgrading` and one item per line, in the right
        # order. The importer takes the text before `{` as is, so nothing in it may hold a brace or a GIFT escape.
        paras = [part.strip() for part in q.scenario.split("\n\n") if part.strip()] if q.scenario else []
        text = "".join(f"<p>{_raw_html(part)}</p>" for part in paras + [q.prompt])
        lines = [f"// {q.type}", f"::{name}::[html]{text}{{>{len(q.items)} ALL VERTICAL ALL_OR_NOTHING SHOW"]
        lines.extend(_raw_html(item.text) for item in q.items)
        lines.append("}")
        return "\n".join(lines)

    def gift_lines(self, q, ordering: str) -> list:
        return gift_pairs(self.pairs(q))

    def xml_name(self, ordering: str) -> str:
        return ordering

    def xml_body(self, el, bank, q, qtype: str) -> None:
        if qtype != MOODLE_FORMS[0]:
            write_pairs(el, self.pairs(q))
            return
        from ..quizexport import ET, _p, _text

        # Moodle's ordering type: every item shown, one below the other, all-or-nothing as on the site. The answers
        # are written in the right order (the importer takes their order; `fraction` is the position).
        for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", str(len(q.items))),
                           ("gradingtype", "ALL_OR_NOTHING"), ("showgrading", "SHOW")):
            ET.SubElement(el, tag).text = value
        for n, item in enumerate(q.items, start=1):
            _text(el, "answer", _p(item.text), fraction=f"{n}")


TYPE = Ordering()

"""Workshops: `workshops/<id>.yml`, the agenda with clock times, and the timing rules.

```yaml
id: pelatihan-staf-baru
title: Pelatihan Dasar bagi Petugas Baru UPTD PPA
place: Kabupaten Mojokerto
paper: A4
participants: 25
days:
  - date: 2027-01-11
    start: "08:00"
    items:
      - {type: opening, minutes: 30, title: Pembukaan dan kontrak belajar}
      - {type: pre_test, quiz: memahami-kekerasan-prepost, form: A, minutes: 20}
      - {type: session, module: memahami-kekerasan, session: bentuk-kekerasan}  # minutes from the session's steps
      - {type: break, minutes: 15}
      - {type: ishoma, minutes: 60}
```
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ..i18n.catalogue import doc
from ..validation.problems import Collector, Token, phrase, quote
from ..validation.spec import Ctx, Date, Enum, Field, Id, Int, ListOf, Obj, Str, Time, check_document

ITEM_TYPES = ("opening", "session", "break", "ishoma", "pre_test", "post_test", "rtl", "evaluation", "closing",
              "other")
BREAK_TYPES = ("break", "ishoma")
MAX_STRETCH = 90      # minutes without a break before a warning
MAX_DAY = 9 * 60      # minutes from start to end of a day before a warning

ITEM = Obj({
    "type": Field(Enum(ITEM_TYPES), True, doc("workshop-item.type")),
    "title": Field(Str(max_len=200), False, doc("workshop-item.title")),
    "minutes": Field(Int(minimum=1, maximum=600), False, doc("workshop-item.minutes")),
    "module": Field(Id(), False, doc("workshop-item.module")),
    "session": Field(Id(), False, doc("workshop-item.session")),
    "quiz": Field(Id(), False, doc("workshop-item.quiz")),
    "form": Field(Enum(["A", "B"]), False, doc("workshop-item.form")),
})
DAY = Obj({
    "date": Field(Date(), True, doc("day.date")),
    "start": Field(Time(), True, doc("day.start")),
    "items": Field(ListOf(ITEM, min_items=1), True, doc("day.items")),
})
WORKSHOP = Obj({
    "id": Field(Id(), True, doc("workshop.id")),
    "title": Field(Str(max_len=200), True, doc("workshop.title")),
    "place": Field(Str(max_len=200), False, doc("workshop.place")),
    "paper": Field(Enum(["A4"]), False, doc("workshop.paper")),
    "participants": Field(Int(minimum=1, maximum=500), False, doc("workshop.participants")),
    "groups": Field(Int(minimum=1, maximum=100), False, doc("workshop.groups")),
    "days": Field(ListOf(DAY, min_items=1), True, doc("workshop.days")),
}, doc=doc("workshop"))

NEEDS = {"session": ("module", "session"), "pre_test": ("quiz", "form", "minutes"),
         "post_test": ("quiz", "form", "minutes")}


@dataclass
class AgendaItem:
    type: str
    line: int
    title: str = ""
    minutes: int | None = None
    module: str | None = None
    session: str | None = None
    quiz: str | None = None
    form: str | None = None
    start: str = ""   # computed clock times, "HH:MM"
    end: str = ""


@dataclass
class Day:
    date: _dt.date
    start: str
    line: int
    items: list = field(default_factory=list)


@dataclass
class Workshop:
    id: str
    path: str
    title: str
    place: str = ""
    paper: str = "A4"
    participants: int | None = None
    groups: int | None = None
    days: list = field(default_factory=list)
    line: int = 1

    def sessions(self):
        """(module id, session id) of every session item, in agenda order."""
        return [(i.module, i.session) for d in self.days for i in d.items if i.type == "session"]


def load_workshop(value, rel: str, out: Collector) -> Workshop | None:
    """Check one parsed workshop file and build the model (clock times are filled in by `compute_times`)."""
    ctx = Ctx(rel, out)
    data = check_document(value, WORKSHOP, ctx, phrase("expect-workshop"))
    if data is None:
        return None
    workshop = Workshop(id=data.get("id", ""), path=rel, title=data.get("title", ""), place=data.get("place", ""),
                        paper=data.get("paper", "A4"), participants=data.get("participants"),
                        groups=data.get("groups"), line=data.line)
    for d_index, raw_day in enumerate(data.get("days", [])):
        if "date" not in raw_day or "start" not in raw_day:
            continue
        day = Day(raw_day["date"], raw_day["start"], data["days"].line_of(d_index))
        for i_index, raw in enumerate(raw_day.get("items", [])):
            line = raw_day["items"].line_of(i_index)
            itype = raw.get("type")
            if itype is None:
                continue
            needed = NEEDS.get(itype, ("minutes",))
            for key in needed:
                if key not in raw:
                    out.add(rel, line, "workshop-item-key", itype=itype, key=key)
            day.items.append(AgendaItem(itype, line, raw.get("title", ""), raw.get("minutes"), raw.get("module"),
                                        raw.get("session"), raw.get("quiz"), raw.get("form")))
        workshop.days.append(day)
    return workshop


def compute_times(workshop: Workshop, session_minutes) -> None:
    """Fill each item's clock times. `session_minutes(module, session)` gives a session's length or None."""
    for day in workshop.days:
        clock = _to_minutes(day.start)
        for item in day.items:
            if item.type == "session":
                item.minutes = session_minutes(item.module, item.session) or 0
            item.start = _to_clock(clock)
            clock += item.minutes or 0
            item.end = _to_clock(clock)


def check_timing(workshop: Workshop, is_self_care, out: Collector) -> None:
    """Warn on long stretches without a break, long days, no self-care session, same pre/post form, repeated sessions."""
    for number, day in enumerate(workshop.days, start=1):
        stretch = 0
        for item in day.items:
            if item.type in BREAK_TYPES:
                stretch = 0
                continue
            stretch += item.minutes or 0
            if stretch > MAX_STRETCH:
                out.warn(workshop.path, item.line, "workshop-long-stretch", day=number, value=stretch, found=item.end)
                stretch = 0
        if day.items:
            total = _to_minutes(day.items[-1].end) - _to_minutes(day.start)
            if total > MAX_DAY:
                out.warn(workshop.path, day.line, "workshop-long-day", day=number, value=total,
                         found=day.items[-1].end, expected=MAX_DAY)
    if not any(is_self_care(m, s) for m, s in workshop.sessions()):
        out.warn(workshop.path, workshop.line, "workshop-no-self-care")
    forms: dict[str, dict] = {}
    for day in workshop.days:
        for item in day.items:
            if item.type in ("pre_test", "post_test") and item.quiz and item.form:
                forms.setdefault(item.quiz, {})[item.type] = item
    for quiz, pair in forms.items():
        if len(pair) == 2 and pair["pre_test"].form == pair["post_test"].form:
            out.warn(workshop.path, pair["post_test"].line, "workshop-same-form", value=quote(quiz),
                     found=pair["post_test"].form)
    seen: set = set()
    for day in workshop.days:
        for item in day.items:
            if item.type == "session":
                key = (item.module, item.session)
                if key in seen:
                    out.warn(workshop.path, item.line, "workshop-session-twice", value=quote(f"{item.module}/{item.session}"))
                seen.add(key)


@dataclass(frozen=True)
class StepRow:
    """One row of a session's timetable: a step (level 0) or a sub-step (level 1), with its times. `start` and `end`
    are clock times ("HH:MM") when the session has a start time, else minutes from the session's start."""

    level: int
    number: str       # "2" for a step, "2.1" for its first sub-step
    step: object
    start: str
    end: str


def step_rows(session, start: str = "") -> list:
    """The session's steps and their sub-steps with start and end times: clock times from `start` ("HH:MM"), or
    minutes from the start of the session when `start` is empty. Sub-steps run one after another from their step's
    start; the rest of the step, if any, follows them."""
    def show(minutes: int) -> str:
        return _to_clock(base + minutes) if start else str(minutes)

    base = _to_minutes(start) if start else 0
    rows, clock = [], 0
    for number, step in enumerate(session.steps, start=1):
        rows.append(StepRow(0, str(number), step, show(clock), show(clock + step.minutes)))
        inner = clock
        for sub_number, sub in enumerate(step.substeps, start=1):
            rows.append(StepRow(1, f"{number}.{sub_number}", sub, show(inner), show(inner + sub.minutes)))
            inner += sub.minutes
        clock += step.minutes
    return rows


def _to_minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _to_clock(total: int) -> str:
    return f"{total // 60:02d}:{total % 60:02d}"


__all__ = ["StepRow", "step_rows", "Workshop", "Day", "AgendaItem", "load_workshop", "compute_times", "check_timing", "Token"]

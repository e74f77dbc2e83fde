"""The pre/post-test scoring workbook of a workshop: an `.xlsx` (openpyxl) for the trainer kit. No MkDocs.

One workbook per workshop that has pre- or post-tests, at `pelatih/paket-<id>/rekap-nilai.xlsx`. Its sheets:

- Petunjuk: how to fill it in, what each figure means, and the two flag limits (cells the trainer may change);
- Kunci: the key of every test of the agenda, one row per question, taken from the one question view of the papers
  (`quizrender.question_views` through `pack.question_views`), so its letters are those printed on the test sheets;
- Jawaban: one row per participant (numbered; the name column may stay empty and is typed only on the trainer's own
  computer), one column per question of every test, with the key above the first participant;
- Skor butir: 1 or 0 per answer (empty for a participant who did not take that test), and each test's total;
- Nilai: each participant's pre and post score in percent, gain (post - pre, percentage points) and normalised gain
  ((post - pre) / (100 - pre)), per quiz bank, with the class mean and the number of participants counted;
- Analisis butir: per question, the participants counted, the number right, difficulty p (share right), discrimination
  (corrected point-biserial: the correlation between right/wrong on the question and the score on the test's other
  questions, computed from sums so every spreadsheet program gives the same figure) and flags: "ajarkan ulang" when a
  post-test question's p is below the limit (0.5), "tinjau soal" when its discrimination is below the limit (0.2).

Everything the trainer sees is a formula over the typed answers, so the workbook recalculates in Excel, LibreOffice
or Google Sheets alike; `tests/test_scoring.py` fills it with a synthetic class, recalculates it with LibreOffice and
compares every figure with the same figures computed in Python. The file is written byte for byte the same for the
same content (fixed zip dates and document times).
"""

from __future__ import annotations

import base64
import datetime as _dt
import io
import re
import zipfile

from ..printing import pack

WORKBOOK_NAME = "rekap-nilai.xlsx"
LIMIT_P = 0.5      # a post-test question fewer than half the class got right: re-teach it
LIMIT_R = 0.2      # a question that separates the stronger from the weaker participants this little: review it
FIRST = 4          # first participant row on the Jawaban, Skor butir and Nilai sheets
FIXED_TIME = _dt.datetime(2000, 1, 1)  # document times: the file depends on the content only
# What a typed answer and its key are compared as: capitals, and no spaces, commas, hyphens, semicolons or full stops.
_STRIPPED = (" ", ",", "-", ";", ".")


def workbook_path(workshop) -> str:
    """Site path of a workshop's workbook, beside the pack's single documents."""
    return f"pelatih/paket-{workshop.id}/{WORKBOOK_NAME}"


def tests_of(workshop, project) -> list:
    """The workshop's pre/post tests in agenda order (pack.Test), each with its questions."""
    return pack.workshop_tests(workshop, project)


def rows_of(workshop) -> int:
    """Participant rows: the workshop's participants (or the pack's default) and the attendance sheet's spare rows."""
    return (workshop.participants or pack.DEFAULT_PARTICIPANTS) + pack.SPARE_ROWS


def key_text(view, ui: dict) -> str:
    """The key as the pack's answer key prints it (a true/false question: the first letter of its answer's label)."""
    return view.kind.workbook_key(view, ui)


def _norm(ref: str) -> str:
    formula = ref
    for char in _STRIPPED:
        formula = f'SUBSTITUTE({formula},"{char}","")'
    return f"UPPER({formula})"


def right_formula(view, answer: str, key: str) -> str:
    """A condition that is TRUE when the typed answer in cell `answer` is right against the key in cell `key`."""
    return view.kind.right_formula(view, answer, key, _norm)


def _col(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def build(workshop, project, ui: dict):
    """The workbook (an openpyxl Workbook) of `workshop`; None when it has no pre/post test."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Font, PatternFill

    tests = tests_of(workshop, project)
    if not tests:
        return None
    bold, grey = Font(bold=True), PatternFill("solid", fgColor="E6E6E6")
    wrap = Alignment(wrap_text=True, vertical="top")
    rows = rows_of(workshop)
    last = FIRST + rows - 1
    s_help, s_key, s_ans, s_item, s_score, s_anal = (ui[f"score_sheet_{n}"] for n in
                                                     ("help", "key", "answers", "items", "scores", "analysis"))
    wb = Workbook()
    wb.properties.creator = project.settings.organisation or "lindungi"
    wb.properties.title = f"{ui['score_title']}: {workshop.title}"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    wb.properties.language = project.settings.language

    # --- Petunjuk --------------------------------------------------------------------------------------------
    help_ws = wb.active
    help_ws.title = s_help
    help_ws["A1"] = f"{ui['score_title']}: {workshop.title}"
    help_ws["A1"].font = Font(bold=True, size=14)
    help_ws["A2"] = project.settings.organisation
    row = 4
    for line in ui["score_help"]:
        help_ws.cell(row, 1, line).alignment = wrap
        help_ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        help_ws.row_dimensions[row].height = 48
        row += 1
    row += 1
    limit_p, limit_r = f"{_sheet(s_help)}!$B${row}", f"{_sheet(s_help)}!$B${row + 1}"
    for offset, (label, value) in enumerate(((ui["score_limit_p"], LIMIT_P), (ui["score_limit_r"], LIMIT_R))):
        help_ws.cell(row + offset, 1, label).font = bold
        help_ws.cell(row + offset, 2, value)
    help_ws.column_dimensions["A"].width = 90
    help_ws.column_dimensions["B"].width = 30

    # --- Kunci -------------------------------------------------------------------------------------------------
    key_ws = wb.create_sheet(s_key)
    heads = [ui["score_test"], ui["pack_form"], ui["score_bank"], ui["score_number"], ui["score_type"],
             ui["score_key_row"], ui["score_points"], ui["score_marking"], ui["score_prompt"]]
    for c, head in enumerate(heads, start=1):
        key_ws.cell(1, c, head).font = bold
        key_ws.cell(1, c).fill = grey
    items = []   # (test index, view, key row, item column on Jawaban / Skor butir)
    column = 3
    key_row = 2
    spans = []   # per test: first and last item column
    for t, test in enumerate(tests):
        first = column
        for view in pack.question_views(test):
            values = [ui["pack_" + test.kind], test.form, test.bank.title, view.number,
                      ui.get(f"quiz_type_{view.q.type}", view.q.type), view.kind.workbook_cell(view, ui), view.q.points,
                      ui[f"score_mark_{view.kind.score_mark}"], view.q.prompt]
            for c, value in enumerate(values, start=1):
                key_ws.cell(key_row, c, value)
            key_ws.cell(key_row, 9).alignment = wrap
            items.append((t, view, key_row, column))
            key_row += 1
            column += 1
        spans.append((first, column - 1))
    for letter, width in zip("ABCDEFGHI", (12, 12, 28, 9, 16, 16, 8, 40, 70)):
        key_ws.column_dimensions[letter].width = width
    key_ws.freeze_panes = "A2"

    # --- Jawaban and Skor butir: same columns, same participant rows -----------------------------------------------
    ans_ws, item_ws = wb.create_sheet(s_ans), wb.create_sheet(s_item)
    totals = {}  # test index -> total column on Skor butir
    for t, (first, end) in enumerate(spans):
        totals[t] = column + t
    for ws, third in ((ans_ws, ui["score_key_row"]), (item_ws, ui["score_weight_row"])):
        ws.cell(2, 1, ui["score_participant"]).font = bold
        ws.cell(2, 2, ui["score_name"]).font = bold
        ws.cell(3, 2, third).font = bold
        for t, test in enumerate(tests):
            first, end = spans[t]
            ws.cell(1, first, _test_title(test, ui)).font = bold
            if end > first:
                ws.merge_cells(start_row=1, start_column=first, end_row=1, end_column=end)
        for r in range(FIRST, last + 1):
            ws.cell(r, 1, r - FIRST + 1)
        ws.column_dimensions["A"].width = 11
        ws.column_dimensions["B"].width = 24
        ws.freeze_panes = ws.cell(FIRST, 3)
    for t, view, krow, col in items:
        letter = _col(col)
        for ws in (ans_ws, item_ws):
            ws.cell(2, col, view.number).font = bold
            ws.column_dimensions[letter].width = 7
        ans_ws.cell(3, col, f"={_sheet(s_key)}!F{krow}").fill = grey
        item_ws.cell(3, col, f"={_sheet(s_key)}!G{krow}").fill = grey
        first, end = spans[t]
        for r in range(FIRST, last + 1):
            answered = f"{_sheet(s_ans)}!${_col(first)}{r}:${_col(end)}{r}"
            right = right_formula(view, f"{_sheet(s_ans)}!{letter}{r}", f"{_sheet(s_key)}!$F${krow}")
            item_ws.cell(r, col, f'=IF(COUNTA({answered})=0,"",IF({right},1,0))')
    for t, test in enumerate(tests):
        first, end = spans[t]
        total = totals[t]
        item_ws.cell(1, total, _test_title(test, ui)).font = bold
        item_ws.cell(2, total, ui["score_total"]).font = bold
        item_ws.cell(3, total, f"=SUM({_col(first)}3:{_col(end)}3)").fill = grey
        item_ws.column_dimensions[_col(total)].width = 14
        for r in range(FIRST, last + 1):
            span = f"{_col(first)}{r}:{_col(end)}{r}"
            item_ws.cell(r, total, f'=IF(COUNT({span})=0,"",SUMPRODUCT({span},${_col(first)}$3:${_col(end)}$3))')

    # --- Nilai ---------------------------------------------------------------------------------------------------
    score_ws = wb.create_sheet(s_score)
    score_ws.cell(2, 1, ui["score_participant"]).font = bold
    score_ws.cell(2, 2, ui["score_name"]).font = bold
    for r in range(FIRST, last + 1):
        score_ws.cell(r, 1, r - FIRST + 1)
        score_ws.cell(r, 2, f'=IF({_sheet(s_ans)}!B{r}="","",{_sheet(s_ans)}!B{r})')
    col = 3
    for bank_id, pair in _pairs(tests).items():
        start = col
        percent = {}
        for kind in ("pre_test", "post_test"):
            if kind not in pair:
                continue
            t = pair[kind]
            first, end = spans[t]
            score_ws.cell(2, col, ui["score_percent"].format(test=ui["pack_" + kind])).font = bold
            score_ws.cell(3, col, f"{ui['pack_form']} {tests[t].form}")
            maximum = f"SUM({_sheet(s_item)}!${_col(first)}$3:${_col(end)}$3)"
            for r in range(FIRST, last + 1):
                total = f"{_sheet(s_item)}!{_col(totals[t])}{r}"
                score_ws.cell(r, col, f'=IF({total}="","",{total}/{maximum}*100)').number_format = "0.0"
            percent[kind] = _col(col)
            col += 1
        if len(percent) == 2:
            pre, post = percent["pre_test"], percent["post_test"]
            score_ws.cell(2, col, ui["score_gain"]).font = bold
            score_ws.cell(2, col + 1, ui["score_ngain"]).font = bold
            for r in range(FIRST, last + 1):
                both = f'OR({pre}{r}="",{post}{r}="")'
                score_ws.cell(r, col, f'=IF({both},"",{post}{r}-{pre}{r})').number_format = "0.0"
                score_ws.cell(r, col + 1, f'=IF({both},"",IF({pre}{r}>=100,"",({post}{r}-{pre}{r})/(100-{pre}{r})))'
                              ).number_format = "0.00"
            col += 2
        score_ws.cell(1, start, tests[next(iter(pair.values()))].bank.title).font = bold
        if col - 1 > start:
            score_ws.merge_cells(start_row=1, start_column=start, end_row=1, end_column=col - 1)
    mean_row, count_row = last + 2, last + 3
    score_ws.cell(mean_row, 1, ui["score_mean"]).font = bold
    score_ws.cell(count_row, 1, ui["score_count"]).font = bold
    for c in range(3, col):
        letter = _col(c)
        span = f"{letter}{FIRST}:{letter}{last}"
        score_ws.cell(mean_row, c, f'=IFERROR(AVERAGE({span}),"")').number_format = "0.00"
        score_ws.cell(mean_row, c).font = bold
        score_ws.cell(count_row, c, f"=COUNT({span})")
        score_ws.column_dimensions[letter].width = 15
    score_ws.column_dimensions["A"].width = 16
    score_ws.column_dimensions["B"].width = 24
    score_ws.freeze_panes = score_ws.cell(FIRST, 3)

    # --- Analisis butir ----------------------------------------------------------------------------------------------
    anal_ws = wb.create_sheet(s_anal)
    heads = [ui["score_test"], ui["pack_form"], ui["score_bank"], ui["score_number"], ui["score_key_row"],
             ui["score_n"], ui["score_right"], ui["score_p"], ui["score_r"], ui["score_flag"]]
    heads += [ui["score_helper"].format(what=what) for what in ("ΣT", "ΣT²", "ΣxT", "Σy", "Σy²", "Σxy")]
    for c, head in enumerate(heads, start=1):
        anal_ws.cell(1, c, head).font = bold
        anal_ws.cell(1, c).fill = grey
    for n, (t, view, krow, col_index) in enumerate(items, start=2):
        test = tests[t]
        letter = _col(col_index)
        x = f"{_sheet(s_item)}!${letter}${FIRST}:${letter}${last}"
        total = f"{_sheet(s_item)}!${_col(totals[t])}${FIRST}:${_col(totals[t])}${last}"
        w = f"{_sheet(s_item)}!${letter}$3"
        values = [ui["pack_" + test.kind], test.form, test.bank.title, view.number, f"={_sheet(s_key)}!F{krow}",
                  f"=COUNT({x})", f"=SUM({x})", f'=IF(F{n}=0,"",G{n}/F{n})',
                  f'=IFERROR((F{n}*P{n}-G{n}*N{n})/SQRT((F{n}*G{n}-G{n}*G{n})*(F{n}*O{n}-N{n}*N{n})),"")',
                  _flag_formula(n, test.kind == "post_test", limit_p, limit_r, ui),
                  f"=SUM({total})", f"=SUMSQ({total})", f"=SUMPRODUCT({x},{total})",
                  f"=K{n}-{w}*G{n}", f"=L{n}-2*{w}*M{n}+{w}*{w}*G{n}", f"=M{n}-{w}*G{n}"]
        for c, value in enumerate(values, start=1):
            anal_ws.cell(n, c, value)
        anal_ws.cell(n, 8).number_format = anal_ws.cell(n, 9).number_format = "0.00"
    end_row = len(items) + 1
    anal_ws.conditional_formatting.add(f"J2:J{end_row}", FormulaRule(formula=['LEN($J2)>0'], fill=grey,
                                                                      font=Font(bold=True)))
    for letter, width in zip("ABCDEFGHIJ", (12, 12, 28, 9, 12, 9, 9, 14, 16, 26)):
        anal_ws.column_dimensions[letter].width = width
    anal_ws.freeze_panes = "E2"
    for ws in wb.worksheets:  # printed: landscape A4, each sheet as wide as one page
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    for ws in (key_ws, ans_ws, item_ws, score_ws, anal_ws):  # headers wrap instead of being cut
        ws.row_dimensions[1].height = 30
        for cell in ws[1]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return wb


def _test_title(test, ui: dict) -> str:
    return f"{ui['pack_' + test.kind]} · {ui['pack_form']} {test.form} · {test.bank.title}"


def _pairs(tests) -> dict:
    """bank id -> {"pre_test": test index, "post_test": test index} (the first of each kind), in agenda order."""
    pairs: dict = {}
    for t, test in enumerate(tests):
        pairs.setdefault(test.bank.id, {}).setdefault(test.kind, t)
    return pairs


def _flag_formula(n: int, post: bool, limit_p: str, limit_r: str, ui: dict) -> str:
    reteach = f'IF(H{n}="","",IF(H{n}<{limit_p},"{ui["score_flag_reteach"]}",""))' if post else '""'
    review = f'IF(I{n}="","",IF(I{n}<{limit_r},"{ui["score_flag_review"]}",""))'
    return f'=TRIM({reteach}&" "&{review})'


def workbook_bytes(workshop, project, ui: dict, memo=None) -> bytes | None:
    """The workbook as `.xlsx` bytes, the same for the same content; None when the workshop has no pre/post test.
    With a `memo.Memo` an unchanged workbook is taken from it (no openpyxl import: about 0.4 s of a build)."""
    tests = tests_of(workshop, project)
    if not tests:
        return None
    if memo is None:
        return _make(workshop, project, ui)
    from importlib.metadata import version

    parts = ["scoring", workshop.id, workshop.title, rows_of(workshop), project.settings.organisation,
             project.settings.language, version("openpyxl"),
             [(t.kind, t.form, repr(t.bank), [q.id for q in t.questions]) for t in tests]]
    text = memo.get(parts, lambda: base64.b64encode(_make(workshop, project, ui)).decode("ascii"))
    return base64.b64decode(text)


def _make(workshop, project, ui: dict) -> bytes:
    buffer = io.BytesIO()
    build(workshop, project, ui).save(buffer)
    return _fixed(buffer.getvalue())


_TIMES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def _fixed(data: bytes) -> bytes:
    """The same zip with fixed entry dates and document times (openpyxl writes the time of saving)."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _TIMES.sub(lambda m: m.group(1) + stamp + m.group(3), content)
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()

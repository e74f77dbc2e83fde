"""The pre/post scoring workbook: filled with a synthetic class, recalculated by a real spreadsheet engine (LibreOffice
headless), read back and compared with the same figures computed here in Python from what the class was made to answer.

The synthetic class is deterministic (a seeded random generator): each participant has a pre-test and a post-test
ability, answers each question right with that probability, in the many ways a trainer types an answer (capitals or not,
spaces, commas, hyphens, the whole true/false word, numbers typed as numbers), or wrong, or leaves it empty; one
participant misses the post-tests, and the last rows stay empty. Which answers are right is known from how they were
made, so the Python figures do not depend on the workbook's formulas.
"""

from __future__ import annotations

import io
import math
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import REPO, check_project
from lindungi.printing import pack
from lindungi.quiz import scoring
from lindungi.i18n.locales import strings

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CLASS_SIZE = 22          # participants who took the pre-tests (rows after them stay empty)
ABSENT = 5               # participant number who missed the post-tests
SEED = 16


def _require_soffice() -> str:
    if SOFFICE:
        return SOFFICE
    message = "soffice not found: install Debian's libreoffice-calc-nogui package"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def project():
    return check_project(REPO)


@pytest.fixture(scope="module")
def ui():
    return strings("id")


# --- the synthetic class ---------------------------------------------------------------------------------------------

def _case(rng, text: str) -> str:
    return text.lower() if rng.random() < 0.3 else text


def _right_answer(rng, view, ui):
    """A right answer, typed in one of the ways a trainer might type it."""
    q = view.q
    if q.type == "multiple":
        letters = [letter for letter, o in view.lettered if o.correct]
        rng.shuffle(letters)
        return _case(rng, rng.choice([", ", ",", "", " "]).join(letters))
    if q.type == "true_false":
        label = ui["quiz_" + view.tf_keys[0 if q.answer else 1]]
        return rng.choice([label[0].upper(), label, label.lower()])
    if q.type == "ordering":
        order = scoring.key_text(view, ui).replace(" ", "").split(",")
        joined = rng.choice([",", ", ", "-", ""]).join(order)
        return int(joined) if joined.isdigit() and rng.random() < 0.5 else joined
    if q.type == "matching":
        pairs = scoring.key_text(view, ui).replace(" ", "").split(",")
        return _case(rng, rng.choice([",", ", ", " "]).join(pairs))
    if q.type == "short_answer":
        return 1 if rng.random() < 0.5 else "1"
    return _case(rng, scoring.key_text(view, ui) + rng.choice(["", "."]))


def _wrong_answer(rng, view, ui):
    """A wrong answer (one that no normalisation turns into the key)."""
    q = view.q
    if q.type == "multiple":
        right = {letter for letter, o in view.lettered if o.correct}
        flip = rng.choice([letter for letter, _ in view.lettered])
        return ",".join(sorted(right ^ {flip})) or "A"
    if q.type in ("single", "scenario"):
        return rng.choice([letter for letter, o in view.lettered if not o.correct])
    if q.type == "true_false":
        label = ui["quiz_" + view.tf_keys[1 if q.answer else 0]]
        return label[0]
    if q.type == "ordering":
        order = scoring.key_text(view, ui).replace(" ", "").split(",")
        order[0], order[1] = order[1], order[0]
        return ",".join(order)
    if q.type == "matching":
        numbers = [pair.split("-")[0] for pair in scoring.key_text(view, ui).replace(" ", "").split(",")]
        return ",".join(f"{n}-Z" for n in numbers)
    return 0


def synthetic_class(tests, views, ui):
    """{(participant, test index, question index): (typed answer or None, right?)} for the synthetic class."""
    rng = random.Random(SEED)
    answers = {}
    for person in range(1, CLASS_SIZE + 1):
        pre = rng.uniform(0.2, 0.7)
        post = min(0.95, pre + rng.uniform(0.0, 0.35))
        for t, test in enumerate(tests):
            if test.kind == "post_test" and person == ABSENT:
                continue
            ability = pre if test.kind == "pre_test" else post
            for k, view in enumerate(views[t]):
                draw = rng.random()
                if draw < 0.04:
                    answers[person, t, k] = (None, False)
                elif draw < 0.04 + ability * 0.96:
                    answers[person, t, k] = (_right_answer(rng, view, ui), True)
                else:
                    answers[person, t, k] = (_wrong_answer(rng, view, ui), False)
    return answers


# --- the same figures in Python --------------------------------------------------------------------------------------

def _pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return None if sxx == 0 or syy == 0 else sxy / math.sqrt(sxx * syy)


def expected_figures(tests, views, answers):
    took = {(p, t) for (p, t, _k) in answers}
    percent, items = {}, {}
    for t, test in enumerate(tests):
        weights = [v.q.points for v in views[t]]
        for p in range(1, CLASS_SIZE + 1):
            if (p, t) in took:
                total = sum(w for k, w in enumerate(weights) if answers[p, t, k][1])
                percent[p, t] = total / sum(weights) * 100
        people = sorted(p for p in range(1, CLASS_SIZE + 1) if (p, t) in took)
        for k, view in enumerate(views[t]):
            xs = [1 if answers[p, t, k][1] else 0 for p in people]
            rest = [sum(w for j, w in enumerate(weights) if j != k and answers[p, t, j][1]) for p in people]
            items[t, k] = {"n": len(people), "right": sum(xs), "p": sum(xs) / len(people), "r": _pearson(xs, rest)}
    return percent, items


# --- the test ----------------------------------------------------------------------------------------------------------

def _recalculate(path: Path, out: Path, profile: Path) -> Path:
    """LibreOffice opens the workbook, calculates every formula and saves it again (with the computed values)."""
    result = subprocess.run([_require_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                             "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                            capture_output=True, text=True, timeout=300)
    target = out / path.name
    assert result.returncode == 0 and target.is_file(), result.stdout + result.stderr
    return target


@pytest.mark.slow
def test_workbook_recalculated_by_libreoffice_matches_python(project, ui, tmp_path):
    import openpyxl

    _require_soffice()
    workshop = project.workshops["pelatihan-staf-baru"]
    tests = scoring.tests_of(workshop, project)
    views = [pack.question_views(test) for test in tests]
    assert [t.kind for t in tests] == ["pre_test", "pre_test", "post_test", "post_test"]
    assert {v.q.type for vs in views for v in vs} >= {"single", "multiple", "true_false", "scenario", "ordering",
                                                       "matching", "short_answer"}
    data = scoring.workbook_bytes(workshop, project, ui)
    assert data == scoring.workbook_bytes(workshop, project, ui), "the workbook must not depend on the time"
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Petunjuk", "Kunci", "Jawaban", "Skor butir", "Nilai", "Analisis butir"]

    # The key sheet holds what the printed answer key holds, question by question.
    key_rows = list(wb["Kunci"].iter_rows(min_row=2, values_only=True))
    flat = [(t, k, v) for t, vs in enumerate(views) for k, v in enumerate(vs)]
    assert len(key_rows) == len(flat)
    for row, (t, _k, view) in zip(key_rows, flat):
        assert row[1] == tests[t].form and row[3] == view.number and row[6] == view.q.points
        if view.q.type != "short_answer":
            assert row[5] == scoring.key_text(view, ui)

    # Type the synthetic class into the answers sheet.
    answers = synthetic_class(tests, views, ui)
    sheet = wb["Jawaban"]
    columns = {}
    column = 3
    for t, vs in enumerate(views):
        for k, view in enumerate(vs):
            assert sheet.cell(2, column).value == view.number
            columns[t, k] = column
            column += 1
    rows = scoring.rows_of(workshop)
    assert rows == workshop.participants + pack.SPARE_ROWS
    for (person, t, k), (typed, _right) in answers.items():
        if typed is not None:
            sheet.cell(scoring.FIRST + person - 1, columns[t, k], typed)
    sheet.cell(scoring.FIRST + 6, 2, "Peserta Uji")   # a name, typed only in this temporary copy
    filled = tmp_path / "rekap-nilai.xlsx"
    wb.save(filled)

    done = openpyxl.load_workbook(_recalculate(filled, tmp_path / "out", tmp_path / "profile"), data_only=True)
    percent, items = expected_figures(tests, views, answers)

    # Item scores: 1, 0, or empty for a participant who did not take that test.
    item_sheet = done["Skor butir"]
    for person in range(1, rows + 1):
        for (t, k), col in columns.items():
            value = item_sheet.cell(scoring.FIRST + person - 1, col).value
            if (person, t, k) in answers:
                assert value == (1 if answers[person, t, k][1] else 0), (person, t, k, answers[person, t, k])
            else:
                assert value in (None, ""), (person, t, k, value)

    # Scores, gains and normalised gains per participant and bank, and the class means.
    scores = done["Nilai"]
    header = [scores.cell(2, c).value for c in range(1, scores.max_column + 1)]
    pairs = {}
    for t, test in enumerate(tests):
        pairs.setdefault(test.bank.id, {})[test.kind] = t
    col = 3
    report = []
    mean_row = scoring.FIRST + rows + 1
    for bank_id, pair in pairs.items():
        pre_t, post_t = pair["pre_test"], pair["post_test"]
        assert header[col - 1:col + 3] == ["Tes awal (%)", "Tes akhir (%)", "Kenaikan (poin)", "Gain ternormalisasi"]
        gains, ngains, pres, posts = [], [], [], []
        for person in range(1, rows + 1):
            r = scoring.FIRST + person - 1
            got = [scores.cell(r, c).value for c in range(col, col + 4)]
            pre, post = percent.get((person, pre_t)), percent.get((person, post_t))
            want = [pre, post, None if pre is None or post is None else post - pre,
                    None if pre is None or post is None or pre >= 100 else (post - pre) / (100 - pre)]
            for g, w in zip(got, want):
                if w is None:
                    assert g in (None, ""), (person, got, want)
                else:
                    assert g == pytest.approx(w, abs=1e-9), (person, got, want)
            pres += [pre] if pre is not None else []
            posts += [post] if post is not None else []
            gains += [want[2]] if want[2] is not None else []
            ngains += [want[3]] if want[3] is not None else []
        means = [sum(v) / len(v) for v in (pres, posts, gains, ngains)]
        got_means = [scores.cell(mean_row, c).value for c in range(col, col + 4)]
        got_counts = [scores.cell(mean_row + 1, c).value for c in range(col, col + 4)]
        assert got_means == pytest.approx(means, abs=1e-9)
        assert got_counts == [len(pres), len(posts), len(gains), len(ngains)] == [CLASS_SIZE, CLASS_SIZE - 1,
                                                                                 CLASS_SIZE - 1, CLASS_SIZE - 1]
        report.append(f"{bank_id}: pre {means[0]:.2f} %, post {means[1]:.2f} %, gain {means[2]:.2f} points, "
                      f"normalised gain {means[3]:.3f} (n = {len(pres)}/{len(posts)})")
        col += 4

    # Item analysis: participants counted, right answers, difficulty, discrimination and the flags.
    analysis = done["Analisis butir"]
    flags = []
    for n, (t, k, view) in enumerate(flat, start=2):
        row = [analysis.cell(n, c).value for c in range(1, 11)]
        want = items[t, k]
        assert row[3] == view.number and row[5] == want["n"] and row[6] == want["right"]
        assert row[7] == pytest.approx(want["p"], abs=1e-9)
        if want["r"] is None:
            assert row[8] in (None, ""), (t, k, row)
        else:
            assert row[8] == pytest.approx(want["r"], abs=1e-9), (t, k, row)
        flag = []
        if tests[t].kind == "post_test" and want["p"] < scoring.LIMIT_P:
            flag.append("ajarkan ulang")
        if want["r"] is not None and want["r"] < scoring.LIMIT_R:
            flag.append("tinjau soal")
        assert (row[9] or "") == " ".join(flag), (t, k, row)
        r_text = "-" if want["r"] is None else f"{want['r']:.3f}"
        flags.append(f"{tests[t].kind} {tests[t].form} {tests[t].bank.id} #{view.number}: p {want['p']:.3f}, "
                     f"r {r_text}, flag '{row[9] or ''}'")
    print("\n".join(["", *report, *flags]))

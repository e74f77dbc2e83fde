"""The second GIFT parser: gift-pegjs, a GIFT grammar written apart from this project and from Moodle (npm package,
pinned in tests/js/package-lock.json, installed by `npm ci` in tests/js). It reads every GIFT file that
scripts/export_quizzes.py writes for the repository and for the quiz test site. Each question it finds is compared with
its YAML bank: type, answer count, right answers, fractions, feedback and general feedback. The first reader,
test_quiz_render.read_gift, follows Moodle's own importer (question/format/gift/format.php), which is the authority.

Where gift-pegjs reads our output differently from Moodle, the test pins what gift-pegjs does and says why:
- ordering questions (`{>5 ALL VERTICAL ALL_OR_NOTHING SHOW` and one step per line) are Moodle's `ordering` question
  type (core since 4.4). format.php hands such text to the question types first ("Give plugins first try":
  try_importing_using_qtypes, qtype_ordering's import_from_gift); gift-pegjs knows only the core GIFT grammar and reads
  the text as a short answer with one answer. The parser is incomplete here, not our output: the test checks that the
  steps still come out in the right order in that one answer.
- true/false feedback: Moodle reads `{TRUE#a#b}` as a = feedback for a wrong answer, b = for a right one; gift-pegjs
  names the two by position `trueFeedback` and `falseFeedback` whatever the answer is. The test compares positions.

Without Node.js or without the installed package the test fails under CI=true (`make test` and .ci/run install it) and
is skipped on an editor's machine.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lindungi.quiz import quizexport
from lindungi.engine.checking import check_project
from lindungi.quiz.quizpages import sorted_banks

REPO = Path(__file__).resolve().parents[1]
JS = REPO / "tests" / "js"
SITE = REPO / "tests" / "sites" / "quiz-all-types"
ROOTS = {"repo": REPO, "site": SITE}


def _missing(message: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def node() -> str:
    found = shutil.which("node")
    if not found:
        _missing("node (Node.js) not found: install Debian's nodejs and npm packages")
    if not (JS / "node_modules" / "gift-pegjs").is_dir():
        _missing("gift-pegjs is not installed: run `npm ci` in tests/js (make test and .ci/run do it)")
    return found


@pytest.fixture(scope="module")
def exported(node, tmp_path_factory) -> dict:
    """{(root label, file name): (banks in the file, ordering form, what gift-pegjs read)} for every GIFT file
    scripts/export_quizzes.py writes for the repository and the quiz test site."""
    out = {}
    for label, root in ROOTS.items():
        folder = tmp_path_factory.mktemp(label)
        run = subprocess.run([sys.executable, str(REPO / "scripts" / "export_quizzes.py"), "--root", str(root),
                              "--out", str(folder), "--no-sheets"], capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stdout + run.stderr
        banks = sorted_banks(check_project(root))
        files = sorted(folder.glob("*.gift"))
        read = subprocess.run([node, str(JS / "parse_gift.js"), *map(str, files)], capture_output=True, text=True,
                              cwd=JS, timeout=300)
        assert read.returncode == 0, read.stderr
        parsed = json.loads(read.stdout)
        for file in files:
            stem = file.name[:-len(".gift")]
            chosen = [b for b in banks if b.id == stem] or banks  # one bank, or all of them
            ordering = "matching" if stem == quizexport.OLD_MOODLE else "ordering"
            out[(label, file.name)] = (chosen, ordering, parsed[file.name])
    return out


def test_gift_pegjs_parses_every_export(exported):
    """Every GIFT file parses; it holds one category per bank (per form) and every question, in order."""
    assert len(exported) >= 2 * 4
    for (label, name), (banks, ordering, parsed) in exported.items():
        assert not isinstance(parsed, dict), f"{label}/{name}: gift-pegjs: {parsed}"
        expected = []
        for bank in banks:
            for category, form, questions in quizexport.placements(bank):
                expected.append(("Category", category))
                expected += [("Q", f"{bank.id}/{q.id}{quizexport._suffix(form)}") for q in questions]
        found = [("Category", q["title"]) if q["type"] == "Category" else ("Q", q["title"]) for q in parsed]
        assert found == expected, f"{label}/{name}"


def _text(part) -> str:
    """A gift-pegjs text ({format, text}) as the learner reads it: tags dropped, HTML entities decoded, one line."""
    if part is None:
        return ""
    assert part["format"] == "html", part
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", part["text"])).split())


def _plain(text: str) -> str:
    return " ".join(str(text).split())


def _weight(choice) -> float:
    """The fraction Moodle gives an answer: its %weight%, else 100 for `=` and 0 for `~`."""
    if choice["weight"] is not None:
        return float(choice["weight"])
    return 100.0 if choice["isCorrect"] else 0.0


def compare(bank, q, read: dict, ordering: str) -> None:
    """One question as gift-pegjs read it against its bank: type, answer count, right answers, fractions, feedback."""
    where = f"{bank.path} {q.id}"
    stem = " ".join([_plain(p) for p in q.scenario.split("\n\n") if p.strip()] + [_plain(q.prompt)])
    assert _text(read["stem"]) == stem, where
    if q.type == "ordering" and ordering == "ordering":
        # Moodle's ordering type, which gift-pegjs does not know (see the module docstring): one "answer" of lines.
        assert read["type"] == "Short" and len(read["choices"]) == 1, where
        head, *steps = read["choices"][0]["text"]["text"].split("\n")
        assert head == f">{len(q.items)} ALL VERTICAL ALL_OR_NOTHING SHOW", where
        assert [html.unescape(s) for s in steps] == [_plain(i.text) for i in q.items], where
        return
    general = _text(read["globalFeedback"])
    assert general == (_plain(q.explanation) if q.explanation else ""), where
    if q.type in ("single", "scenario", "multiple"):
        assert read["type"] == "MC" and len(read["choices"]) == len(q.options), where
        right = sum(1 for o in q.options if o.correct)
        for option, choice in zip(q.options, read["choices"]):
            assert _text(choice["text"]) == _plain(option.text), where
            assert _text(choice["feedback"]) == _plain(option.feedback), where
            if q.type == "multiple":
                assert _weight(choice) == (float(quizexport._fraction(right)) if option.correct else -100.0), where
            else:
                assert _weight(choice) == (100.0 if option.correct else 0.0), where
        if q.type == "multiple":  # the right options add up to the whole mark (Moodle's grades, rounded)
            assert abs(sum(_weight(c) for c in read["choices"] if _weight(c) > 0) - 100) < 0.01, where
    elif q.type == "true_false":
        assert read["type"] == "TF" and read["isTrue"] is q.answer, where
        # By position: first the feedback for a wrong answer, then for a right one (Moodle's split_truefalse_comment).
        assert _text(read["trueFeedback"]) == _plain(q.feedback_incorrect), where
        assert _text(read["falseFeedback"]) == _plain(q.feedback_correct), where
    elif q.type == "short_answer":
        assert read["type"] == "Short", where
        full = [c for c in read["choices"] if _weight(c) == 100]
        rest = [c for c in read["choices"] if _weight(c) != 100]
        # Moodle compares a short answer as plain text (never HTML), with `*` as its wildcard: written as is, `\\*`
        accepted = [c["text"]["text"].replace("\\*", "*") for c in full]
        assert accepted == quizexport.short_answers(q), where
        # every alternative the bank lists, and each with each of its units, is an answer Moodle accepts
        assert {a.lower() for a in map(_plain, q.accepted_forms)} <= {a.lower() for a in accepted}, where
        assert all(_text(c["feedback"]) == _plain(q.feedback_correct) for c in full), where
        if q.feedback_incorrect:  # the catch-all: any other answer, 0%, with the feedback for a wrong answer
            assert [(c["text"]["text"], _weight(c), _text(c["feedback"])) for c in rest] == \
                [("*", 0.0, _plain(q.feedback_incorrect))], where
        else:
            assert rest == [], where
    elif q.type in ("matching", "ordering"):
        assert read["type"] == "Matching", where
        pairs = quizexport._pairs(q)
        assert len(read["matchPairs"]) == len(pairs), where
        for (left, right), pair in zip(pairs, read["matchPairs"]):
            assert _text(pair["subquestion"]) == _plain(left), where
            assert pair["subanswer"] == _plain(right), where
    else:
        raise AssertionError(f"{where}: type {q.type} is not compared")


def test_gift_pegjs_reads_every_question_as_the_bank_says(exported):
    """Question by question, gift-pegjs reads what each YAML bank says; every question type is met."""
    compared, types = 0, set()
    for (label, name), (banks, ordering, parsed) in exported.items():
        questions = {}
        for bank in banks:
            for _category, form, qs in quizexport.placements(bank):
                questions.update({f"{bank.id}/{q.id}{quizexport._suffix(form)}": (bank, q) for q in qs})
        for read in parsed:
            if read["type"] == "Category":
                continue
            bank, q = questions[read["title"]]
            compare(bank, q, read, ordering)
            compared += 1
            types.add((q.type, ordering) if q.type == "ordering" else q.type)
    assert types >= {"single", "multiple", "scenario", "true_false", "short_answer", "matching",
                     ("ordering", "ordering"), ("ordering", "matching")}
    assert compared > 100
    print(f"gift-pegjs: {len(exported)} GIFT files, {compared} questions compared")

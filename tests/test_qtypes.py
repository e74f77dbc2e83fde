"""The registry of question types (hooks/lindungi/quiz/qtypes/): a type is one module and one template.

Two proofs. A test-only type (`scale`, tests/qtype_scale/), registered from here, is validated (with file:line
messages), rendered on screen, on paper, in the key and on the pack's test sheet, graded by quiz.js's choice grading
and exported to GIFT and Moodle XML, with no change to the package. And no module or template of the package outside
the registry names a question type: a switch over type names anywhere else fails `test_no_type_names_outside_registry`.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest

from lindungi.printing import handout
from lindungi.quiz import qtypes, quizexport, quizrender, scoring
from lindungi.validation.problems import Collector
from lindungi.quiz.quizbank import load_bank
from lindungi.i18n.locales import strings
from lindungi.validation.yamlpos import load_yaml

import qtype_scale

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "hooks" / "lindungi"
BUILT_IN = ("single", "multiple", "true_false", "scenario", "ordering", "matching", "short_answer")

BANK = """\
id: skala
title: Skala uji
uses: [pre_test, self_check]
shuffle: true
questions:
  - id: seberapa-sering
    type: scale
    prompt: Seberapa sering Anda menanyakan lebih dulu apa yang dibutuhkan penyintas?
    options:
      - {id: tidak-pernah, text: Tidak pernah, feedback: Belum.}
      - {id: kadang, text: Kadang-kadang, feedback: Belum selalu.}
      - {id: sering, text: Sering, feedback: Hampir.}
      - {id: selalu, text: Selalu, correct: true, feedback: Tepat.}
    explanation: Menanyakan kebutuhan lebih dulu menghormati pilihan penyintas.
  - id: boleh-menolak
    type: yes_no
    prompt: Penyintas boleh menolak layanan yang ditawarkan.
    answer: true
    feedback_correct: Tepat.
    feedback_incorrect: Penyintas berhak memutuskan.
"""


@pytest.fixture
def registered():
    qtype_scale.register()
    yield
    qtype_scale.unregister()


def _load(text: str):
    out = Collector()
    value, issues = load_yaml(text)
    assert issues == []
    return load_bank(value, "quizzes/skala.yml", out), [p.format() for p in out.problems]


def test_built_in_types_are_registered_in_order():
    assert qtypes.names() == BUILT_IN


# --- keys and rules ---------------------------------------------------------------------------------------------------

def test_new_type_validates_through_the_registry(registered):
    bank, problems = _load(BANK)
    assert problems == []
    assert [q.type for q in bank.questions] == ["scale", "yes_no"]


def test_new_type_rules_give_file_line_messages(registered):
    two_right = BANK.replace("{id: kadang, text: Kadang-kadang,", "{id: kadang, text: Kadang-kadang, correct: true,")
    _bank, problems = _load(two_right)
    assert len(problems) == 1, problems
    assert problems[0].startswith("quizzes/skala.yml:9:") and "[quiz-single-correct]" in problems[0]
    assert "'scale'" in problems[0] and "2" in problems[0]
    wrong_key = BANK.replace("    type: scale\n", "    type: scale\n    items: [{id: a, text: A}]\n")
    _bank, problems = _load(wrong_key)
    assert any(p.startswith("quizzes/skala.yml:8:") and "[quiz-key-type]" in p and "'items'" in p for p in problems)
    missing = re.sub(r"    options:\n(      - .*\n)+", "", BANK)
    _bank, problems = _load(missing)
    assert any(p.startswith("quizzes/skala.yml:6:") and "[quiz-missing-key]" in p for p in problems), problems


def test_unregistered_type_is_rejected():
    _bank, problems = _load(BANK)
    assert any("[bad-choice]" in p and "'scale'" in p for p in problems)


# --- screen, paper, key, pack -----------------------------------------------------------------------------------------

def test_new_type_renders_on_screen(registered):
    bank, _ = _load(BANK)
    html = quizrender.render_quiz(bank, strings("id"), "none")
    assert 'data-type="scale"' in html and "lpq-opts--scale" in html
    row = html[html.index("lpq-opts--scale"):]
    texts = re.findall(r'<label for="[^"]+">([^<]+)</label>', row)[:4]
    assert texts == ["Tidak pernah", "Kadang-kadang", "Sering", "Selalu"]  # never shuffled
    scale = re.search(r'<li class="lpq-q" id="lpq-skala-seberapa-sering"[^>]*>', html).group(0)
    assert "data-grading" not in scale and "data-order" not in scale  # graded as a choice, nothing to reshuffle
    assert json.loads(unescape(re.search(r'data-key="([^"]+)"', scale).group(1))) == ["selalu"]
    yes_no = re.search(r'<li class="lpq-q" id="lpq-skala-boleh-menolak"[^>]*>', html).group(0)
    assert 'data-type="yes_no"' in yes_no and 'data-grading="true_false"' in yes_no
    assert "Jawaban yang tepat: <strong>Selalu</strong>." in html  # the key under the question


def test_new_type_renders_on_paper_and_in_the_key(registered):
    bank, _ = _load(BANK)
    sheet = quizrender.render_sheet(bank, strings("id"), "A", key=False)
    assert '<p class="lpq-scale-row">' in sheet and "D. Selalu" in sheet and "Tepat." not in sheet
    key = quizrender.render_sheet(bank, strings("id"), "A", key=True)
    assert 'Jawaban yang tepat: <strong>D</strong>' in key
    view = quizrender.question_views(bank)[0]
    assert view.key_text == "D" and scoring.key_text(view, strings("id")) == "D"
    assert scoring.right_formula(view, "B2", "C2").startswith("UPPER(")  # typed letter against the key's letter


def test_new_type_renders_on_the_pack_sheet(registered):
    bank, _ = _load(BANK)
    ui = strings("id")
    env = handout.environment()
    views = quizrender.question_views(bank)
    sheet = env.get_template("printing/pack_question.html").render(v=views[0], number=1, ui=ui)
    assert '<p class="lp-scale-row">A. Tidak pernah B. Kadang-kadang C. Sering D. Selalu </p>' in sheet
    key = env.from_string("{% import v.kind.template as t %}{{ t.pack_key(v, ui) }}").render(v=views[0], ui=ui)
    assert key == "D"


# --- GIFT and Moodle XML ----------------------------------------------------------------------------------------------

def test_new_type_exports_to_gift_and_moodle_xml(registered):
    bank, _ = _load(BANK)
    gift = quizexport.to_gift([bank])
    assert "// scale\n::skala/seberapa-sering (Form A)::" in gift
    assert "=Selalu#Tepat." in gift and "~Tidak pernah#Belum." in gift
    assert "// yes_no\n" in gift and "TRUE#Penyintas berhak memutuskan.#Tepat." in gift
    root = ET.fromstring(quizexport.to_moodle_xml([bank]))
    scale = [q for q in root.iter("question") if q.findtext("name/text") == "skala/seberapa-sering (Form A)"][0]
    assert scale.get("type") == "multichoice" and scale.findtext("single") == "true"
    assert scale.findtext("shuffleanswers") == "false"  # a scale keeps its order in Moodle too
    assert [a.get("fraction") for a in scale.findall("answer")] == ["0", "0", "0", "100"]
    yes_no = [q for q in root.iter("question") if q.findtext("name/text") == "skala/boleh-menolak (Form A)"][0]
    assert yes_no.get("type") == "truefalse"


# --- no type names outside the registry -------------------------------------------------------------------------------

# A quoted type name used as something else: `scenario` is also the key of a question's case story.
KEY_USES = (re.compile(r"""["']scenario["']\s*:"""), re.compile(r"""\.get\(["']scenario["']"""))
# Message texts name types for the author ("make the question type 'multiple'") and stay as they are.
TEXTS = {PACKAGE / "i18n" / "messages.py"}


def _outside_registry():
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix not in (".py", ".html", ".md", ".js") or path in TEXTS:
            continue
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(("quiz/qtypes/", "templates/quiz/qtypes/")):
            continue
        yield path, rel


def test_no_type_names_outside_registry():
    """No module or template of the package outside qtypes/ writes a question type's name: every type-specific
    decision is the type's (its attributes, methods and template). quiz.js keys its grading functions by the grading
    kind a type declares and is not scanned."""
    names = "|".join(BUILT_IN)
    literal = re.compile(rf"""["']({names})["']""")
    switch = re.compile(r"""\b(q|question)\.type\s*(==|!=|\bin\b|\bnot in\b)|\btype\s*===""")
    found = []
    for path, rel in _outside_registry():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            cleaned = line
            for allowed in KEY_USES:
                cleaned = allowed.sub("", cleaned)
            if literal.search(cleaned) or switch.search(cleaned):
                found.append(f"{rel}:{n}: {line.strip()}")
    assert found == []


def test_the_name_check_finds_a_switch(tmp_path):
    """The check above is real: the switches the registry replaced would be found."""
    names = "|".join(BUILT_IN)
    literal = re.compile(rf"""["']({names})["']""")
    switch = re.compile(r"""\b(q|question)\.type\s*(==|!=|\bin\b|\bnot in\b)|\btype\s*===""")
    for line in ('    if q.type == "matching":', '{% elif q.type == "short_answer" %}', 'X = {"ordering": 1}',
                 "    if view.q.type in _MARKS:"):
        assert literal.search(line) or switch.search(line), line

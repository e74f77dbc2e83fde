"""The authoring guide matches the code: its examples pass the validator and it names every block and type."""

import re
from pathlib import Path

from lindungi.content.blocks import BLOCK_TYPES
from lindungi.validation.problems import Collector, format_message, phrase
from lindungi.quiz.quizbank import QUESTION_TYPES, load_bank
from lindungi.content.laws import load_laws
from lindungi.validation.shapes import MODULE, REGION, SESSION, SETTINGS, WORKSHEET
from lindungi.validation.spec import Ctx, check_document
from lindungi.content.workshop import ITEM_TYPES, load_workshop
from lindungi.validation.yamlpos import load_yaml, split_front_matter

SHAPES_MODULE_SOURCES = MODULE.fields["sources"].shape
GUIDE = Path(__file__).resolve().parents[1] / "docs/panduan-penulis/index.md"
TEXT = GUIDE.read_text(encoding="utf-8")


def _fences(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", TEXT, flags=re.S)


def _problems(text: str, check) -> list[str]:
    out = Collector()
    value, issues = load_yaml(text)
    assert issues == []
    check(value, out)
    return [p.format() for p in out.problems]


def test_module_quiz_workshop_and_settings_examples_are_valid():
    """Every YAML example in the guide passes the same checks as real content."""
    fences = [f for f in _fences("yaml") if not f.startswith(CONTENT_MODEL_EXAMPLES)]
    module, quiz, short_answer, workshop, settings, region, laws, sources = fences
    assert _problems(module, lambda v, out: check_document(v, MODULE, Ctx("x", out), "")) == []
    assert _problems(quiz, lambda v, out: load_bank(v, "x", out)) == []
    bank = "id: x\ntitle: x\nuses: [public]\nquestions:\n" + short_answer  # one question, as written in a bank
    assert _problems(bank, lambda v, out: load_bank(v, "x", out)) == []
    assert _problems(workshop, lambda v, out: load_workshop(v, "x", out)) == []
    assert _problems(settings, lambda v, out: SETTINGS.check(v["extra"]["lindungi"], Ctx("x", out), "", 1)) == []
    assert _problems(region, lambda v, out: check_document(v, REGION, Ctx("x", out), "")) == []
    assert _problems(laws, lambda v, out: load_laws(v, "x", out)) == []
    assert _problems(sources, lambda v, out: SHAPES_MODULE_SOURCES.check(v["sources"], Ctx("x", out), "sources", 1)) == []


CONTENT_MODEL_EXAMPLES = ("steps:", "materials:", "worksheets:", "audience:")  # parts of a session or module.yml


def test_content_model_examples_are_valid():
    """The examples of sub-steps, structured materials, worksheets and audiences pass the session and module shapes."""
    examples = [f for f in _fences("yaml") if f.startswith(CONTENT_MODEL_EXAMPLES)]
    assert len(examples) == 4
    for text in examples:
        key = text.split(":", 1)[0]
        shape = MODULE.fields[key].shape if key == "audience" else SESSION.fields[key].shape
        assert _problems(text, lambda v, out: shape.check(v[key], Ctx("x", out), key, 1)) == [], key
    sheet = next(f for f in _fences("markdown") if "copies:" in f)
    front, _, _ = split_front_matter(sheet)
    assert _problems(front, lambda v, out: check_document(v, WORKSHEET, Ctx("x", out), "")) == []


def test_session_example_front_matter_is_valid():
    """The session example's front matter passes the session checks."""
    session = _fences("markdown")[0]
    front, _, _ = split_front_matter(session)
    assert _problems(front, lambda v, out: check_document(v, SESSION, Ctx("x", out), "")) == []


def test_guide_names_every_block_question_type_and_item_type():
    """Each block name, question type and agenda item type appears in the guide."""
    for name in BLOCK_TYPES:
        assert f"| `{name}` |" in TEXT, name
    for name in QUESTION_TYPES + ITEM_TYPES:
        assert f"`{name}`" in TEXT or f" {name} " in TEXT, name


def test_example_message_is_the_real_message():
    """The sample error line in the guide is exactly what the validator prints."""
    message = format_message("bad-choice", {"key": "questions[1].type", "allowed": list(QUESTION_TYPES),
                                            "value": "'singel'", "hint": phrase("replace-with", best="single")})
    assert f"quizzes/dukungan-awal.yml:7: {message}" in TEXT


def test_guide_names_every_law_rule_and_its_example_link_resolves():
    """Every warning about laws is explained in the guide, and its example `law:` link names a law of laws.yml."""
    from lindungi.i18n.messages import MESSAGES

    for rule in [r for r in MESSAGES if r.startswith("law-") and r not in ("law-bad-url", "law-status-needs-ref")]:
        assert f"| `{rule}` |" in TEXT, rule
    registry = (GUIDE.parents[2] / "laws.yml").read_text(encoding="utf-8")
    for law_id in re.findall(r"\]\(law:([a-z0-9-]+)\)", TEXT):
        assert f"- id: {law_id}\n" in registry, law_id


def test_limits_section_states_the_enforced_limits():
    """The guide's "Batas" table gives the very numbers the loader and the parser enforce."""
    from lindungi.content.loader import MAX_FILE_BYTES
    from lindungi.validation.shapes import MAX_HANDOUT_ITEMS
    from lindungi.validation.yamlpos import MAX_DEPTH, MAX_ITEMS

    limits = TEXT.split("## Batas", 1)[1].split("\n## ", 1)[0]
    assert f"| {MAX_FILE_BYTES // 1024} KB | `file-too-large` |" in limits
    assert f"| {MAX_ITEMS} | `yaml-too-many-items` |" in limits
    assert f"| {MAX_DEPTH} tingkat | `yaml-too-deep` |" in limits
    assert f"| {MAX_HANDOUT_ITEMS} butir | `list-too-long` |" in limits
    assert "| tidak diizinkan | `yaml-alias` |" in limits

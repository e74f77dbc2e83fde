"""The registry of question types: one module per type, and nothing else in the package names a type.

A type is a `QuestionType` subclass registered with `register`. It declares:

- its keys and rules: `keys` (keys of a question that only types declaring them may use), `required`, `outcome`
  (a right/wrong verdict with `feedback_correct` / `feedback_incorrect`) and `check` (its own rules, each problem a
  file:line message);
- how it renders: `template`, a template with the macros `controls` (on screen), `key` (the answer on screen),
  `paper` (the printed sheet), `paper_key` (the printed answer key), `pack` and `pack_key` (the pack's test sheet and
  key); `items`, `rights` and `shuffles_options` give the shuffled parts the templates read, `key_text` the key in
  the paper's own terms;
- its GIFT and Moodle XML form: `gift_whole` / `gift_lines` and `xml_name` / `xml_body`;
- its grading data for quiz.js: `answer_key` (the `data-key` JSON) and `grading`, the name of the grading function
  quiz.js uses (`choice`, `true_false`, `ordering`, `matching`, `short_answer`);
- and for the scoring workbook: `workbook_key`, `workbook_cell`, `right_formula`, `score_mark`.

The built-in types are registered when this package is imported, in the order their names are listed in the guide and
the schema. A type added by a site or a test calls `register(MyType(), templates=<folder with its template>)`.
"""

from __future__ import annotations

from .base import QuestionType, letter  # noqa: F401  (re-exported for type modules outside the package)

_TYPES: dict = {}
_KEYS: dict = {}  # type_keys() of the registry as it is now; emptied by register and unregister


def register(qtype: QuestionType, templates=None) -> QuestionType:
    """Add `qtype` (replacing a type of the same name); `templates` is a folder holding its template."""
    if templates is not None:
        from ...engine import templating

        templating.add_folder(templates)
    _TYPES[qtype.name] = qtype
    _KEYS.clear()
    return qtype


def unregister(name: str) -> None:
    _TYPES.pop(name, None)
    _KEYS.clear()


def get(name: str) -> QuestionType | None:
    return _TYPES.get(name)


def of(question) -> QuestionType:
    """The type of `question` (a question of an unknown type, already reported, renders as nothing)."""
    return (_TYPES.get(question.type) if isinstance(question.type, str) else None) or _UNKNOWN


def names() -> tuple:
    return tuple(_TYPES)


def with_key(key: str) -> tuple:
    """Names of the types that may use the type-only `key`."""
    return tuple(name for name, t in _TYPES.items() if key in t.all_keys)


def type_keys() -> dict:
    """Type-only key -> the types that may use it, keys in the order the question lists them (worked out once per
    state of the registry: every question of every bank asks)."""
    if not _KEYS:
        keys: list = []
        for t in _TYPES.values():
            keys += [k for k in t.all_keys if k not in keys]
        _KEYS.update({k: with_key(k) for k in sorted(keys, key=_key_rank)})
    return _KEYS


# The order in which wrong-type keys are reported (the order of the question's fields); a key not listed comes last.
_KEY_ORDER = ("options", "scenario", "answer", "items", "pairs", "accepted", "units", "feedback_correct",
              "feedback_incorrect")


def _key_rank(key: str) -> int:
    return _KEY_ORDER.index(key) if key in _KEY_ORDER else len(_KEY_ORDER)


_UNKNOWN = QuestionType()

from . import single, multiple, true_false, scenario, ordering, matching, short_answer  # noqa: E402

for _module in (single, multiple, true_false, scenario, ordering, matching, short_answer):
    register(_module.TYPE)

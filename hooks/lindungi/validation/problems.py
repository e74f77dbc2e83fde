"""Problems found in content, and how they are shown to a program officer.

A `Problem` holds a rule id and parameters; its text comes from the language catalogue (i18n/<lang>.yml, via `messages.py`), in
the form ``path:line: what is wrong; expected X, found Y. Fix: ... [rule-id]``. Problems are collected from every file
and reported together, grouped by file and counted, before the build fails once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..i18n.catalogue import Doc, Joined
from ..i18n.messages import MESSAGES, PHRASES, TYPE_WORDS, WORDS

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Token:
    """A word that is translated when the message is formatted (a type name, for example)."""

    key: str


@dataclass(frozen=True)
class Phrase:
    """A translatable phrase with parameters (a fix hint such as "replace it with 'x'")."""

    key: str
    params: tuple = ()

    def text(self, lang: str) -> str:
        table = PHRASES.get(lang, PHRASES["id"])
        return table.get(self.key, PHRASES["id"][self.key]).format(**dict(self.params))


def phrase(key: str, **params) -> Phrase:
    return Phrase(key, tuple(sorted(params.items())))


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, at `path:line`."""

    path: str
    line: int
    rule: str
    params: dict = field(default_factory=dict, compare=False, hash=False)
    severity: str = ERROR

    def format(self, lang: str = "id") -> str:
        """The whole message line, e.g. `quizzes/a.yml:4: ...; expected ..., found .... Fix: ... [rule]`."""
        return f"{self.location()}: {format_message(self.rule, self.params, lang)}"

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


def format_message(rule: str, params: dict, lang: str = "id") -> str:
    """Fill the catalogue entry of `rule` with `params` in language `lang` (falls back to Indonesian)."""
    entry = MESSAGES[rule]
    text = entry.get(lang) or entry["id"]
    words = WORDS.get(lang, WORDS["id"])
    values = {key: _localise(value, lang) for key, value in params.items()}
    what = text["what"].format(**values)
    parts = [what]
    if "expected" in text:
        parts[0] += f"; {words['expected']} {text['expected'].format(**values)}"
        if "found" in text:
            parts[0] += f", {words['found']} {text['found'].format(**values)}"
    message = parts[0] + "."
    if "fix" in text:
        message += f" {words['fix']}: {text['fix'].format(**values)}"
        if not message.endswith("."):
            message += "."
    return f"{message} [{rule}]"


def _localise(value, lang: str):
    if isinstance(value, Phrase):
        return value.text(lang)
    if isinstance(value, (Doc, Joined)):
        return value.in_lang(lang)
    if isinstance(value, Token):
        return TYPE_WORDS.get(lang, TYPE_WORDS["id"]).get(value.key, value.key)
    if isinstance(value, (list, tuple)):
        return ", ".join(quote(v) for v in value) or "-"
    return value


def quote(value) -> str:
    """A value as it appears in a message: quoted, shortened, on one line."""
    text = str(value).replace("\n", " ")
    if len(text) > 60:
        text = text[:57] + "..."
    return f"'{text}'"


class Collector:
    """Gathers problems from all files; remembers which file each came from."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, line: int, rule: str, severity: str = ERROR, **params) -> None:
        self.problems.append(Problem(path, line, rule, params, severity))

    def warn(self, path: str, line: int, rule: str, **params) -> None:
        self.add(path, line, rule, WARNING, **params)

    def extend(self, problems) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]


def sort_problems(problems) -> list[Problem]:
    """Problems in file order, then line order, errors before warnings on the same line."""
    return sorted(problems, key=lambda p: (p.path, p.line, p.severity != ERROR, p.rule))


def format_report(problems, lang: str = "id") -> list[str]:
    """Lines of a grouped report: one heading per file, then its problems, then a count."""
    words = WORDS.get(lang, WORDS["id"])
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in sort_problems(problems):
        by_file[problem.path].append(problem)
    lines: list[str] = []
    for path, items in by_file.items():
        lines.append(f"{path} ({len(items)})")
        for problem in items:
            label = words["error"] if problem.severity == ERROR else words["warning"]
            lines.append(f"  {label}: {problem.format(lang)}")
    errors = sum(1 for p in problems if p.severity == ERROR)
    warnings = len(problems) - errors
    lines.append(words["summary"].format(errors=errors, warnings=warnings, files=len(by_file)))
    return lines

"""Build messages, read from the language catalogues (i18n/<lang>.yml: sections words, types, phrases, messages,
notes; see catalogue.py).

Each rule id maps to a language, then to the parts of one message: `what` is wrong, what was `expected`, what was
`found`, and the `fix`. Parameters in braces are filled by `problems.format_message`. Message text is API: tests assert
whole lines, so change a text in the catalogue and in the tests together.
"""

from collections.abc import Mapping

from . import catalogue

_LANGS = catalogue.languages()


class ByLanguage(Mapping):
    """{language: value} for every catalogue language, each read from its catalogue when first asked for (a build
    that speaks only Indonesian does not parse the other catalogues)."""

    def __init__(self, section: str, key: str | None = None) -> None:
        self._section, self._key = section, key

    def __getitem__(self, lang: str):
        if lang not in _LANGS:
            raise KeyError(lang)
        table = catalogue.section(self._section, lang)
        return table if self._key is None else table[self._key]

    def __iter__(self):
        return iter(_LANGS)

    def __len__(self) -> int:
        return len(_LANGS)


WORDS = ByLanguage("words")
TYPE_WORDS = ByLanguage("types")
# Fix hints and other phrases that carry parameters (see problems.Phrase).
PHRASES = ByLanguage("phrases")
MESSAGES = {rule: ByLanguage("messages", rule) for rule in catalogue.section("messages")}

# Rules reported as warnings (the build goes on; `--strict` turns them into a failure). All others are errors.
WARNING_RULES = frozenset({
    "quiz-option-feedback", "quiz-outcome-feedback", "objective-unserved", "review-overdue", "local-contacts-empty",
    "session-not-listed", "workshop-long-stretch", "workshop-long-day", "workshop-no-self-care", "workshop-same-form",
    "workshop-session-twice", "handout-overflow", "pdf-too-large", "handout-no-qr", "pdf-resource-refused",
    "handout-band-overflow", "certificate-overflow", "certificate-short",
    "law-amended", "law-revoked", "law-check-stale", "law-not-checked", "placeholder-empty",
    "worksheet-not-used", "licence-source-noncommercial", "licence-source-unknown", "linked-file-missing",
})

# Build notes that are about the machine, not the content (no rule id, not in the authoring guide's rule list).
NOTES = {name: ByLanguage("notes", name) for name in catalogue.section("notes")}


def note(name: str, lang: str = "id", **params) -> str:
    """A build note in language `lang` (falls back to Indonesian), with `params` filled in."""
    entry = NOTES[name]
    return (entry.get(lang) or entry["id"]).format(**params)

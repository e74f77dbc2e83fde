"""The language catalogues: one file per language in `i18n/` (`id.yml`, the default, and `en.yml`), holding every
text people read: interface strings, build messages, machine notes, other printed texts and field descriptions.

Every other module reads its words from here (`text`, `field`, `section`); no Indonesian or English sentence lives in
code. A key missing in a language falls back to Indonesian. Add a language by adding `i18n/<lang>.yml` with the same
keys (tests/test_catalogue.py checks them).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

FOLDER = Path(__file__).parent
DEFAULT = "id"


@lru_cache(maxsize=None)
def load(lang: str) -> dict:
    """The whole catalogue of `lang` ({} for a language without a file)."""
    path = FOLDER / f"{lang}.yml"
    if not path.is_file():
        return {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ten times faster
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}  # noqa: S506 (a safe loader)


def languages() -> list[str]:
    """The catalogue languages, the default first."""
    return [DEFAULT] + sorted(p.stem for p in FOLDER.glob("*.yml") if p.stem != DEFAULT)


@lru_cache(maxsize=None)
def _section(name: str, lang: str) -> dict:
    return {**load(DEFAULT).get(name, {}), **load(lang).get(name, {})}


def section(name: str, lang: str = DEFAULT) -> dict:
    """One section (`interface`, `messages`, `text`, `fields`, ...) of `lang`, falling back to Indonesian per key."""
    return _section(name, lang or DEFAULT)


def text(key: str, lang: str = DEFAULT, **params) -> str:
    """A printed text from the `text` section, with `params` filled in."""
    value = section("text", lang)[key]
    return value.format(**params) if params else value


def field(key: str, lang: str = DEFAULT) -> str:
    """The one-line documentation of a content key (`fields` section; the schemas and the guide are Indonesian)."""
    return section("fields", lang)[key]


class Doc(str):
    """The description of a content key (`fields` section, key `key`): reads as its Indonesian text (the schemas and
    the authoring guide), and in a build message in the message's language (`in_lang`)."""

    def __new__(cls, key: str, params: tuple = ()):
        obj = super().__new__(cls, field(key).format(**dict(params)) if params else field(key))
        obj.key, obj.params = key, params
        return obj

    def __reduce__(self):
        return Doc, (self.key, self.params)

    def in_lang(self, lang: str) -> str:
        return field(self.key, lang).format(**dict(self.params)) if self.params else field(self.key, lang)


class Joined(str):
    """`name: description / name: description` for several keys, in any language (`in_lang`)."""

    def __new__(cls, pairs):
        pairs = tuple(pairs)
        obj = super().__new__(cls, " / ".join(f"{name}: {doc}" for name, doc in pairs))
        obj.pairs = pairs
        return obj

    def __reduce__(self):
        return Joined, (self.pairs,)

    def in_lang(self, lang: str) -> str:
        return " / ".join(f"{name}: {in_lang(doc, lang)}" for name, doc in self.pairs)


def doc(key: str, **params) -> Doc:
    """The description of content key `key` (e.g. `module.title`), with `params` filled in."""
    return Doc(key, tuple(sorted(params.items())))


def in_lang(value, lang: str):
    """`value` in language `lang` when it is a catalogue text (Doc, Joined), else as it is."""
    return value.in_lang(lang) if isinstance(value, (Doc, Joined)) else value

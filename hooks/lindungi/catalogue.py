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

FOLDER = Path(__file__).with_name("i18n")
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

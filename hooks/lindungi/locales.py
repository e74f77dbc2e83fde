"""Interface strings: one catalogue (`locales.yml`), Indonesian first, English available."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

CATALOGUE = Path(__file__).with_name("locales.yml")
DEFAULT = "id"


@lru_cache(maxsize=None)
def _catalogue() -> dict:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ten times faster
    return yaml.load(CATALOGUE.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (a safe loader)


def languages() -> list[str]:
    return list(_catalogue())


_TERM = re.compile(r"\{([Tt])erm:([a-z_]+)\}")


def strings(lang: str = DEFAULT) -> dict:
    """All interface strings for `lang`; a key missing in that language falls back to Indonesian. `{term:x}` and
    `{Term:x}` in a string become the glossary's term `x` (`terms` of the language), as written or capitalised."""
    return dict(_strings(lang))


@lru_cache(maxsize=None)
def _strings(lang: str) -> tuple:
    catalogue = _catalogue()
    merged = {**catalogue[DEFAULT], **catalogue.get(lang, {})}
    terms = {**catalogue[DEFAULT].get("terms", {}), **catalogue.get(lang, {}).get("terms", {})}

    def term(match) -> str:
        word = terms[match.group(2)]
        return word[:1].upper() + word[1:] if match.group(1) == "T" else word

    return tuple((key, _TERM.sub(term, value) if isinstance(value, str) else value) for key, value in merged.items())

"""Interface strings: the `interface` section of each language catalogue (i18n/<lang>.yml, see catalogue.py)."""

from __future__ import annotations

import re
from functools import lru_cache

from . import catalogue

DEFAULT = catalogue.DEFAULT


def languages() -> list[str]:
    return catalogue.languages()


_TERM = re.compile(r"\{([Tt])erm:([a-z_]+)\}")


def strings(lang: str = DEFAULT) -> dict:
    """All interface strings for `lang`; a key missing in that language falls back to Indonesian. `{term:x}` and
    `{Term:x}` in a string become the glossary's term `x` (`terms` of the language), as written or capitalised."""
    return dict(_strings(lang))


@lru_cache(maxsize=None)
def _strings(lang: str) -> tuple:
    merged = catalogue.section("interface", lang)
    terms = {**catalogue.load(DEFAULT)["interface"].get("terms", {}),
             **catalogue.load(lang).get("interface", {}).get("terms", {})}

    def term(match) -> str:
        word = terms[match.group(2)]
        return word[:1].upper() + word[1:] if match.group(1) == "T" else word

    return tuple((key, _TERM.sub(term, value) if isinstance(value, str) else value) for key, value in merged.items())

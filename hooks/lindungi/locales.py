"""Interface strings: one catalogue (`locales.yml`), Indonesian first, English available."""

from __future__ import annotations

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


def strings(lang: str = DEFAULT) -> dict:
    """All interface strings for `lang`; a key missing in that language falls back to Indonesian."""
    catalogue = _catalogue()
    return {**catalogue[DEFAULT], **catalogue.get(lang, {})}

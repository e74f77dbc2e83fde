"""Licences of modules: stated in module.yml, or derived from the sources the module adapts. No MkDocs.

A licence is read from its usual short name ("CC BY-NC-SA 3.0 IGO", "CC BY-SA 4.0", "CC0", "domain publik"). A source
the module adapts (`use: adapted`, the default for a source that is not a law) binds the module: a non-commercial source
makes the module non-commercial, and a source whose licence is missing or not recognised leaves the module's licence
unknown. Both are warnings when the module's licence would claim more (see `check_licences`).
"""

from __future__ import annotations

import re

from ..validation.problems import Collector, quote

_TOKEN = re.compile(r"[A-Za-z0-9]+")
_OPEN = re.compile(r"^\s*(cc\b|cc0\b|creative\s+commons\b)|\bdomain\s+publik\b|\bpublic\s+domain\b", re.I)


def _tokens(text: str) -> set:
    return {t.upper() for t in _TOKEN.findall(str(text))}


def is_known(text: str) -> bool:
    """True when `text` names a Creative Commons licence or the public domain (anything else is unknown here)."""
    return bool(text and _OPEN.search(str(text)))


def is_noncommercial(text: str) -> bool:
    """True for a licence that forbids commercial use (CC BY-NC, BY-NC-SA, BY-NC-ND)."""
    tokens = _tokens(text)
    return is_known(text) and ("NC" in tokens or "NONCOMMERCIAL" in tokens)


def adapted_sources(module) -> list:
    """The sources the module's text is adapted from (laws and `use: cited` sources are only cited)."""
    return [s for s in module.sources if not s.law and s.use == "adapted"]


def module_licence(module, settings) -> str:
    """The licence the module is published under: its `licence`, else the first non-commercial licence among the
    sources it adapts (an adaptation keeps that licence), else the site's licence."""
    if module.licence:
        return module.licence
    restricted = [s.licence for s in adapted_sources(module) if is_noncommercial(s.licence)]
    return restricted[0] if restricted else settings.licence


def check_licences(project, out: Collector) -> None:
    """A source the module adapts whose licence is non-commercial while the module's allows commercial use, or whose
    licence is unknown, is a warning at that source's line."""
    for module in project.modules.values():
        licence = module_licence(module, project.settings)
        for source in adapted_sources(module):
            if not is_known(source.licence):
                out.warn(module.path, source.line or module.line_of("sources"), "licence-source-unknown",
                         value=quote(source.title), found=licence)
            elif is_noncommercial(source.licence) and not is_noncommercial(licence):
                out.warn(module.path, source.line or module.line_of("sources"), "licence-source-noncommercial",
                         value=source.licence, found=licence)

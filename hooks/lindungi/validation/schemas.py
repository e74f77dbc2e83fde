"""JSON Schema documents made from the content shapes, so editors and the validator agree on every key."""

from __future__ import annotations

from ..content.workshop import WORKSHOP
from ..quiz.quizbank import BANK
from .shapes import LAWS, MODULE, REGION, SESSION, SETTINGS, WORKSHEET

BASE = "https://json-schema.org/draft/2020-12/schema"


def _document(shape, title: str) -> dict:
    return {"$schema": BASE, "title": title, "description": shape.doc, **shape.schema()}


def all_schemas() -> dict:
    """Schema name -> JSON Schema dict."""
    return {
        "module": _document(MODULE, "module.yml"),
        "session": _document(SESSION, "session front matter"),
        "quiz": _document(BANK, "quiz bank"),
        "workshop": _document(WORKSHOP, "workshop"),
        "settings": _document(SETTINGS, "extra.lindungi"),
        "laws": _document(LAWS, "laws.yml"),
        "region": _document(REGION, "region.yml"),
        "worksheet": _document(WORKSHEET, "worksheet front matter"),
    }

"""single: options, exactly one of them right."""

from .base import SingleChoice


class Single(SingleChoice):
    name = "single"


TYPE = Single()

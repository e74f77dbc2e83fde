"""scenario: a case story, then options with exactly one right."""

from .base import SingleChoice


class Scenario(SingleChoice):
    name = "scenario"
    keys = ("options", "scenario")
    required = ("options", "scenario")


TYPE = Scenario()

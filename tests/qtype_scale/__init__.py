"""A question type that exists only in the tests: `scale`, registered from outside the package, to prove that a new
type is one module and one template (tests/qtype_scale/qtypes/scale.html) and needs no change anywhere else.

A scale question is a row of options in their written order (never shuffled: "tidak pernah ... selalu"), exactly one
of them right, graded by quiz.js as a choice. `yes_no` is a second test type that borrows the true/false grading of
quiz.js under its own name, so that its questions carry `data-grading`.
"""

from __future__ import annotations

from pathlib import Path

from lindungi.quiz import qtypes
from lindungi.quiz.qtypes.base import SingleChoice
from lindungi.quiz.qtypes.true_false import TrueFalse

TEMPLATES = Path(__file__).resolve().parent


class Scale(SingleChoice):
    name = "scale"
    template = "qtypes/scale.html"
    shuffles_options = False


class YesNo(TrueFalse):
    name = "yes_no"


def register() -> None:
    qtypes.register(Scale(), templates=TEMPLATES)
    qtypes.register(YesNo())


def unregister() -> None:
    qtypes.unregister("scale")
    qtypes.unregister("yes_no")

"""Jinja environments for the package's templates, with compiled templates kept between builds. No MkDocs.

Compiling the templates costs more than rendering them in a small build, so each environment keeps its compiled
templates in the package's `__pycache__` folder (beside Python's own bytecode, ignored by git), one folder per
environment because their options change the compiled code. Jinja checks each template's source against its cached
code, so an edited template is compiled again. A folder that cannot be written only costs speed.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"
CACHE = Path(__file__).resolve().parent / "__pycache__" / "jinja"


class _QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, except that a read-only or vanished folder means "no cache", never a failed build."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError):
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def clock(value, ui: dict) -> str:
    """A clock time as the language writes it: '08.00' in Indonesian (EYD), '08:00' in English."""
    return str(value).replace(":", ui["time_separator"])


def long_date(value, ui: dict) -> str:
    """A date with its weekday, e.g. 'Senin, 11 Januari 2027'; anything that is not a date is shown as it is."""
    if not hasattr(value, "weekday"):
        return str(value)
    return ui["long_date"].format(weekday=ui["weekdays"].split()[value.weekday()], **_date_parts(value, ui))


def plain_date(value, ui: dict) -> str:
    """A date as the language writes it, e.g. '20 November 2026'; anything that is not a date is shown as it is."""
    if not hasattr(value, "weekday"):
        return str(value)
    return ui["plain_date"].format(**_date_parts(value, ui))


def _date_parts(value, ui: dict) -> dict:
    return {"day": value.day, "month": ui["months"].split()[value.month - 1], "year": value.year}


FILTERS = {"clock": clock, "long_date": long_date, "plain_date": plain_date}


def environment(name: str, **options) -> jinja2.Environment:
    """An autoescaping environment over the package's templates; `name` names its compiled-template folder."""
    folder = CACHE / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        cache = _QuietBytecodeCache(str(folder))
    except OSError:
        cache = None
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, bytecode_cache=cache,
                             **options)
    env.filters.update(FILTERS)
    return env

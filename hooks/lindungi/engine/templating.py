"""Jinja environments for the package's templates, with compiled templates kept between builds. No MkDocs.

Compiling the templates costs more than rendering them in a small build, so each environment keeps its compiled
templates in the project's cache folder (`.cache/jinja/<environment>/`; one folder per environment, because their
options change the compiled code), set by `use_cache` when a build or check starts. Never in the package itself: the
hooks folder is watched by `mkdocs serve`, and a file written there would start a second rebuild. Until `use_cache`
is called nothing is cached. Jinja checks each template's source against its cached code, so an edited template is
compiled again. A folder that cannot be written, or a damaged cache file, only costs speed.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
CACHE_ENV = "LINDUNGI_JINJA_CACHE"  # passed on to helper processes (see helper.py)

_folder: Path | None = None


def use_cache(folder) -> None:
    """Keep compiled templates under `folder` (None: keep none); also tells helper processes started from here."""
    global _folder
    _folder = Path(folder) if folder else None
    if _folder is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = str(_folder)


def cache_folder() -> Path | None:
    """Where compiled templates go now: the folder `use_cache` set, else the one a parent process passed on."""
    if _folder is not None:
        return _folder
    inherited = os.environ.get(CACHE_ENV)
    return Path(inherited) if inherited else None


class _ProjectBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache in `cache_folder()/<name>`, looked up at each use; a missing, read-only or vanished folder
    or a damaged file means "no cache", never a failed build."""

    def __init__(self, name: str) -> None:
        super().__init__(directory=str(TEMPLATES), pattern="__jinja2_%s.cache")  # the directory is replaced below
        self.name = name

    @property
    def directory(self):
        folder = cache_folder()
        return str(folder / self.name) if folder is not None else None

    @directory.setter
    def directory(self, value) -> None:
        pass

    def load_bytecode(self, bucket) -> None:
        if self.directory is None:
            return
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError):
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        if self.directory is None:
            return
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


def theme_bytecode_cache() -> jinja2.BytecodeCache:
    """A bytecode cache for the theme's own Jinja environment (MkDocs makes a new one for every build, so without it
    every build, and every region of `make regions`, compiles Material's templates again)."""
    return _ProjectBytecodeCache("theme")


_CLOCK = re.compile(r"\d{1,2}:\d{2}")


def safe_title(text) -> str:
    """A title for headings, navigation and print. Angle brackets become look-alike quotes: Material writes page titles
    into `<title>` after un-escaping them, so a '<' typed in YAML must never reach it as markup."""
    return str(text).replace("<", "\u2039").replace(">", "\u203a")


def clock(value, ui: dict) -> str:
    """A clock time as the language writes it: '08.00' in Indonesian (EYD), '08:00' in English. A computed time is
    digits and a separator only, so it is Markup: nothing in it needs escaping, in HTML or in a Markdown table cell."""
    text = str(value)
    return Markup(text.replace(":", ui["time_separator"])) if _CLOCK.fullmatch(text) else text


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


_EXTRA_FOLDERS: list = []  # template folders added at run time (a question type registered from outside the package)


def add_folder(folder) -> None:
    """Let every environment also find templates in `folder` (after the package's own)."""
    folder = str(Path(folder).resolve())
    if folder not in _EXTRA_FOLDERS:
        _EXTRA_FOLDERS.append(folder)


class _ExtraLoader(jinja2.BaseLoader):
    """The folders of `add_folder`, looked up at each load."""

    def get_source(self, environment, template):
        for folder in _EXTRA_FOLDERS:
            try:
                return jinja2.FileSystemLoader(folder).get_source(environment, template)
            except jinja2.TemplateNotFound:
                continue
        raise jinja2.TemplateNotFound(template)


def environment(name: str, **options) -> jinja2.Environment:
    """An autoescaping environment over the package's templates; `name` names its compiled-template folder."""
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(TEMPLATES), _ExtraLoader()])
    env = jinja2.Environment(loader=loader, autoescape=True,
                             bytecode_cache=_ProjectBytecodeCache(name), **options)
    env.filters.update(FILTERS)
    return env


# --- text from YAML into Markdown --------------------------------------------------------------------------------
# Autoescaping stops HTML, not Markdown: `[x](javascript:...)` or a line `::: quiz <bank>` written in a YAML text field
# would become a live link or a placed quiz. `md_text` is the one function through which YAML text reaches a Markdown
# page: every Markdown template is rendered by `markdown_environment()`, whose `finalize` applies it to every value that
# is not already Markup (a rendered body, a link list made by our code).

_MD_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]#|"})
_LEADING = re.compile(r"^(?:[-+=:!~>]|\d+(?=[.)]))")


def md_text(value) -> Markup:
    """Plain text as Markdown that renders to exactly that text and nothing else: no raw HTML, no link, image, emphasis,
    attribute list, table cell break, heading, list, quote, admonition or `::: ` block line. Characters Markdown reads are
    written as numeric character references (valid in Markdown and in HTML attributes alike) and line breaks become
    spaces, so the value cannot start a line of its own. Markup passes unchanged; other values are made text first."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    text = " ".join(str(value).split())
    head = ""
    lead = _LEADING.match(text)
    if lead and lead.group(0)[0].isdigit():  # "1." or "2)" would start a numbered list: escape what follows the digits
        end = lead.end()
        head, text = text[:end] + f"&#{ord(text[end])};", text[end + 1:]
    elif lead:
        head, text = f"&#{ord(text[0])};", text[1:]
    return Markup(head + text.translate(_MD_ENTITIES))


def _finalize(value):
    if value is None or isinstance(value, (bool, int, float)) or hasattr(value, "__html__"):
        return value
    return md_text(value)


def _md_join(items, separator: str = "") -> Markup:
    # The separator comes from the template: its spaces stay (md_text would strip the one in ", ").
    return Markup(str(separator).translate(_MD_ENTITIES)).join(md_text(item) for item in items)


_MARKDOWN_ENV = None


def markdown_environment() -> jinja2.Environment:
    """The environment of every Markdown page template (module.md, catalogue.md, session.md, trainers.md, ...): each
    printed value goes through `md_text`. Only filters that cannot turn text into Markup are available, so a template
    cannot let YAML text past `md_text` by accident."""
    global _MARKDOWN_ENV
    if _MARKDOWN_ENV is None:
        env = environment("markdown", keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
                          finalize=_finalize)
        env.filters = {"title": safe_title, "cell": str, "join": _md_join, "e": md_text, "escape": md_text,
                       "length": env.filters["length"], "default": env.filters["default"],
                       **FILTERS}  # dates and clock times: plain text, which `finalize` then writes through md_text
        _MARKDOWN_ENV = env
    return _MARKDOWN_ENV

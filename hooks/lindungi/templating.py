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
from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"
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


def environment(name: str, **options) -> jinja2.Environment:
    """An autoescaping environment over the package's templates; `name` names its compiled-template folder."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              bytecode_cache=_ProjectBytecodeCache(name), **options)

"""The MkDocs side: the only module of the package (with main.py) that imports mkdocs.

It turns the engine-free project into MkDocs things: settings from `extra`, log lines, generated `File`s and nav
entries. Everything else is delegated to plain modules.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from . import pages
from .checking import check_project
from .locales import strings
from .problems import ERROR, format_report, sort_problems

log = logging.getLogger("mkdocs.plugins.lindungi")


class Build:
    """Per-build state, made anew in `on_config` (`mkdocs serve` keeps the hook module between builds)."""

    def __init__(self, config):
        self.root = Path(config.config_file_path).parent
        extra = config.extra.get("lindungi")
        self.project = check_project(self.root, extra, Path(config.docs_dir).name, config.site_url or "")
        self.lang = self.project.settings.language
        self.ui = strings(self.lang)
        self.generated: dict = {}
        self.trainer_paths: set = set()
        self.user_nav = None


def start_build(config) -> Build:
    """Load and validate everything; log every problem; fail once if there is an error."""
    build = Build(config)
    report(build.project.problems, build.lang)
    config.extra["ui"] = build.ui
    build.user_nav = config.nav
    return build


def report(problems, lang: str) -> None:
    """Log problems grouped by file (warnings count for --strict); raise one PluginError if any is an error."""
    if not problems:
        return
    errors = [p for p in problems if p.severity == ERROR]
    for problem in sort_problems(problems):
        (log.error if problem.severity == ERROR else log.warning)(problem.format(lang))
    if errors:
        summary = format_report(problems, lang)[-1]
        raise PluginError(summary)


def add_generated_files(build: Build, files, config):
    """Add the catalogue, module, session and trainer pages as generated files."""
    build.generated = pages.generate_pages(build.project, build.ui)
    build.trainer_paths = pages.trainer_pages(build.generated)
    for path, markdown in build.generated.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, path, content=markdown))
    hand_written = [f.src_uri for f in files.documentation_pages() if f.src_uri not in build.generated]
    config.nav = pages.site_nav(build.user_nav, hand_written, build.generated, build.project, build.ui)
    return files


def render_page_markdown(build: Build, markdown: str, page) -> str:
    """Hand-written pages get the public view of their blocks; generated pages are already rendered."""
    path = page.file.src_uri
    if path in build.generated:
        return markdown
    tree = build.project.pages.get(path)
    if tree is None:
        return markdown
    return pages.render_body(tree, "public", build.project.settings, build.ui)

"""One call that loads and validates a project: the same path for `scripts/check.py` and the build."""

from __future__ import annotations

from ..content.loader import load_project
from ..validation.validate import validate


def check_project(root, extra_settings=None, docs_dir: str = "docs", site_url: str = "", today=None, remember=None):
    """Load every file under `root` and run every rule; the returned project holds all problems. `remember`: see
    `load_project`."""
    project = load_project(root, extra_settings, docs_dir, site_url, remember)
    validate(project, today)
    return project

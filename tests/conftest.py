"""Fixtures shared by all tests; the helpers themselves live in helpers.py so test files can import them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, copy_site


@pytest.fixture
def minimal(tmp_path) -> Path:
    """A fresh copy of the minimal valid site (one module, two sessions, a quiz bank, a workshop)."""
    return copy_site("minimal", tmp_path / "site-src")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The repository's site built with `mkdocs build --strict` into a temporary folder."""
    dest = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(dest)],
                            cwd=REPO, capture_output=True, text=True, env=env, timeout=900)
    if result.returncode != 0:
        pytest.fail("mkdocs build failed:\n" + result.stdout + result.stderr)
    return dest

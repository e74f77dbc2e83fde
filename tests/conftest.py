"""Fixtures shared by all tests; the helpers themselves live in helpers.py so test files can import them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, copy_site

# `make test` exports the region it was given (LINDUNGI_REGION, default mojokerto) to every command. Tests pick their
# region themselves (a starter site holds only regions/contoh), so the exported one must not reach their builds.
os.environ.pop("LINDUNGI_REGION", None)


@pytest.fixture
def minimal(tmp_path) -> Path:
    """A fresh copy of the minimal valid site (one module, two sessions, a quiz bank, a workshop)."""
    return copy_site("minimal", tmp_path / "site-src")


def build_repository(dest: Path, edition: str) -> Path:
    """The repository's own site built with `mkdocs build --strict` into `dest`, as `make site` (edition "public")
    or `make trainer` (edition "trainer") builds it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "LINDUNGI_EDITION": edition}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(dest)],
                            cwd=REPO, capture_output=True, text=True, env=env, timeout=900)
    if result.returncode != 0:
        pytest.fail("mkdocs build failed:\n" + result.stdout + result.stderr)
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The trainer kit: the public site plus trainer views, packs, test sheets, keys and exports."""
    return build_repository(tmp_path_factory.mktemp("site"), "trainer")


@pytest.fixture(scope="session")
def public_site(tmp_path_factory) -> Path:
    """The public and learner site (`make site`)."""
    return build_repository(tmp_path_factory.mktemp("public"), "public")

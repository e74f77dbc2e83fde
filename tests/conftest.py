"""Fixtures shared by all tests; the helpers themselves live in helpers.py so test files can import them."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import copy_site


@pytest.fixture
def minimal(tmp_path) -> Path:
    """A fresh copy of the minimal valid site (one module, two sessions, a quiz bank, a workshop)."""
    return copy_site("minimal", tmp_path / "site-src")

"""Browser fixtures: the default site built once, served over http, the offline build opened from file://, and
headless Debian Chromium through Playwright (never a downloaded browser)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))

import offline  # noqa: E402
import search_recall  # noqa: E402

CHROMIUM = search_recall.CHROMIUM
CHROMIUM_ARGS = search_recall.CHROMIUM_ARGS


def _require_chromium() -> None:
    if shutil.which(CHROMIUM) or Path(CHROMIUM).is_file():
        return
    message = f"{CHROMIUM} not found: install Debian's chromium package"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The offline build (as `make offline` packs it), in a temporary folder."""
    dest = tmp_path_factory.mktemp("offline") / "situs-offline"
    result = offline.build_offline(dest)
    if result.returncode != 0:
        pytest.fail("offline build failed:\n" + result.stdout + result.stderr)
    return dest


@pytest.fixture(scope="session")
def http_base(built_site) -> str:
    """Base URL (ending in /) of the built site served over http on 127.0.0.1."""
    with search_recall.serve(built_site) as base:
        yield base


@pytest.fixture(scope="session")
def file_base(offline_site) -> str:
    """Base URL (ending in /) of the offline build opened from the file system."""
    return offline_site.as_uri() + "/"


@pytest.fixture(params=["http", "file"])
def base(request) -> str:
    """Each test that takes `base` runs twice: over http and from file://."""
    return request.getfixturevalue(f"{request.param}_base")


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium."""
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile (no storage) per test, desktop size."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    """A page in a fresh profile."""
    return context.new_page()

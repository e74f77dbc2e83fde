"""The region's logo is in the header at every width (Material alone hides it below 1220 px)."""

from __future__ import annotations

import shutil

import pytest

from helpers import REPO, build_site, copy_site

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def logo_site(tmp_path_factory) -> str:
    root = copy_site("minimal", tmp_path_factory.mktemp("logo") / "src", assets=("lindungi.css",))
    folder = root / "regions" / "uji"
    folder.mkdir(parents=True)
    shutil.copy(REPO / "regions" / "contoh" / "logo.png", folder / "logo.png")
    (folder / "region.yml").write_text(
        "id: uji\nkind: Kabupaten\nname: Ujicoba\nprovince: Jawa Timur\nuptd: UPTD PPA Kabupaten Ujicoba\n"
        "logo: logo.png\nlocal_contacts:\n  - {name: Call Center 112 Kabupaten Ujicoba, phone: \"112\"}\n",
        encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  lindungi:\n", "  lindungi:\n    region_id: uji\n")
                      + "extra_css:\n  - assets/lindungi.css\n",
                      encoding="utf-8")
    site = root.parent / "site"
    result = build_site(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site.as_uri() + "/"


@pytest.mark.parametrize("width", [320, 360, 768, 1024, 1366])
def test_logo_shows_in_the_header_at_every_width(browser, logo_site, width):
    page = browser.new_page(viewport={"width": width, "height": 700})
    try:
        page.goto(logo_site + "index.html")
        logo = page.locator(".md-header__button.md-logo img")
        assert logo.is_visible()
        box = logo.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
        assert 0 <= box["x"] and box["x"] + box["width"] <= width
        assert page.evaluate("document.querySelector('.md-header__button.md-logo img').naturalWidth") > 0
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # the header does not overflow
    finally:
        page.close()

"""Test helpers shared by every test folder: copy a tiny real site, check it, build it with MkDocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SITES = REPO / "tests" / "sites"

sys.path.insert(0, str(REPO / "hooks"))

from lindungi.engine.checking import check_project  # noqa: E402


def copy_site(name: str, dest: Path, assets: tuple[str, ...] = ()) -> Path:
    """Copy tests/sites/<name> to `dest`, pointing its mkdocs.yml at this repository's hooks and overrides; each file
    named in `assets` is copied from the repository's docs/assets into the copy's docs/assets (as the real site has)."""
    shutil.copytree(SITES / name, dest, dirs_exist_ok=True)
    config = dest / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{REPO.as_posix()}/"), encoding="utf-8")
    if assets:
        (dest / "docs" / "assets").mkdir(parents=True, exist_ok=True)
        for asset in assets:
            shutil.copy(REPO / "docs" / "assets" / asset, dest / "docs" / "assets" / asset)
    return dest


def problems_of(root: Path, lang: str = "id") -> list[str]:
    """Every problem of the project at `root`, formatted, in report order."""
    from lindungi.validation.problems import sort_problems

    project = check_project(root)
    return [p.format(lang) for p in sort_problems(project.problems)]


def build_site(root: Path, dest: Path | None = None, strict: bool = True) -> subprocess.CompletedProcess:
    """Run a real `mkdocs build` of the site at `root`; returns the finished process (stdout+stderr as text)."""
    args = [sys.executable, "-m", "mkdocs", "build", "--clean"]
    if strict:
        args.append("--strict")
    if dest is not None:
        args += ["-d", str(dest)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    return subprocess.run(args, cwd=root, capture_output=True, text=True, env=env, timeout=600)


TRAINER_PREFIX = "pelatih/"


def public_pages(site: Path) -> list[str]:
    """Site-relative paths of every public HTML page (trainer pages are not public)."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    return [p for p in pages if not p.startswith(TRAINER_PREFIX)]


def broken_links(site: Path) -> list[str]:
    """`page: target` for every link or asset reference (`href`, `src`) in the site's HTML that names no file of the
    site. Links to other schemes (https:, tel:, mailto:, data:) and bare #anchors are not followed; 404.html is left
    out (its links start at the site root, since it is served at any address)."""
    from html.parser import HTMLParser
    from urllib.parse import unquote, urlsplit

    class Refs(HTMLParser):
        def __init__(self):
            super().__init__()
            self.refs = []

        def handle_starttag(self, tag, attrs):
            self.refs += [value for name, value in attrs if name in ("href", "src") and value]

    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.relative_to(site).as_posix() == "404.html":
            continue
        parser = Refs()
        parser.feed(page.read_text(encoding="utf-8"))
        for ref in parser.refs:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if parts.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file() or site.resolve() not in target.parents:
                broken.append(f"{page.relative_to(site).as_posix()}: {ref}")
    return broken

"""The `lindungi` command: `lindungi new DIR` writes a new site folder; `lindungi check` checks a site's content.

`check` is what `make check` and `scripts/check.py` run: the same rules and messages as the build, without building.
`new` copies the starter site (lindungi/starter: mkdocs.yml using the plugin, one module with one session, a quiz bank,
a public page) and the example region (regions/contoh: placeholders for the office to fill, no invented facts).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from pathlib import Path

from ..i18n.messages import note
from ..validation.problems import ERROR, format_report
from .checking import check_project
from .memo import source_memo

PACKAGE = Path(__file__).resolve().parents[1]  # the lindungi package folder
STARTER = PACKAGE / "starter"
EXAMPLE_REGION = "contoh"


def _example_region() -> Path | None:
    """regions/contoh: in the installed package (setup.py copies it in), else in the checkout."""
    for folder in (STARTER / "regions" / EXAMPLE_REGION, PACKAGE.parents[1] / "regions" / EXAMPLE_REGION):
        if (folder / "region.yml").is_file():
            return folder
    return None


def check(root: Path, lang: str | None = None, strict: bool = False, region: str | None = None) -> int:
    """Print every problem of the site at `root`; 1 when there is an error (or, with `strict`, a warning)."""
    if region:
        os.environ["LINDUNGI_REGION"] = region  # mkdocs.yml reads it with !ENV, as the build does
    sources = source_memo(root)  # YAML unchanged since the last check or build is not parsed again
    project = check_project(root, remember=sources.get)
    sources.save()
    lang = lang or project.settings.language
    if project.problems:
        print("\n".join(format_report(project.problems, lang)))
    else:
        print(note("no-problems", lang))
    errors = any(p.severity == ERROR for p in project.problems)
    return 1 if errors or (strict and project.problems) else 0


class NotEmpty(Exception):
    """`lindungi new` never writes into a folder that holds anything."""


def new_site(target: Path, today: dt.date | None = None) -> list[Path]:
    """Write the starter site into `target` (absent or empty); returns the files written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise NotEmpty(target)
    today = today or dt.date.today()
    words = {"{today}": today.isoformat(), "{next_review}": today.replace(year=today.year + 1).isoformat()
             if not (today.month == 2 and today.day == 29) else dt.date(today.year + 1, 3, 1).isoformat(),
             "{year}": str(today.year)}
    written = []
    for source in sorted(p for p in STARTER.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        rel = source.relative_to(STARTER)
        if rel.parts[0] == "regions":
            continue  # copied below, from its one home
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        for word, value in words.items():
            text = text.replace(word, value)
        dest.write_text(text, encoding="utf-8")
        written.append(dest)
    region = _example_region()
    if region is not None:
        shutil.copytree(region, target / "regions" / EXAMPLE_REGION, ignore=shutil.ignore_patterns("__pycache__"))
        written += sorted(p for p in (target / "regions").rglob("*") if p.is_file())
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="lindungi", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="write a new site folder (mkdocs.yml, a module, a quiz bank, a page)")
    new.add_argument("dir", type=Path)
    new.add_argument("--lang", default="id", choices=("id", "en"), help="language of what the command prints")
    checking = commands.add_parser("check", help="check all content without building (as `make check`)")
    checking.add_argument("--root", default=Path.cwd(), type=Path, help="the site folder (default: here)")
    checking.add_argument("--lang", default=None, help="language of the messages (default: the site's language)")
    checking.add_argument("--strict", action="store_true", help="fail on warnings too")
    checking.add_argument("--region", default=None, help="the region to check (a folder under regions/)")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.root, args.lang, args.strict, args.region)
    try:
        written = new_site(args.dir)
    except NotEmpty:
        print(note("new-site-not-empty", args.lang, path=args.dir), file=sys.stderr)
        return 1
    print(note("new-site-written", args.lang, count=len(written), path=args.dir, region=EXAMPLE_REGION))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Copies the site's theme overrides (docs/.overrides), static assets (docs/assets) and example region
(regions/contoh) into the built package as lindungi/theme, lindungi/assets and lindungi/starter/regions/contoh, so an installed plugin brings them to any site; the checkout keeps one copy of
each. Everything else is in pyproject.toml."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
COPIED = {"theme": HERE / "docs" / ".overrides", "assets": HERE / "docs" / "assets",
          "starter/regions/contoh": HERE / "regions" / "contoh"}  # the example region of `lindungi new`


class BuildWithTheme(build_py):
    def run(self):
        super().run()
        for name, source in COPIED.items():
            if source.is_dir() and not self.editable_mode:
                shutil.copytree(source, Path(self.build_lib) / "lindungi" / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithTheme})

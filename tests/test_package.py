"""The installable package: the plugin's entry point and options, `scripts/migrate.py`, the `lindungi` command (also
from a fresh virtualenv), and a build with ProperDocs that writes the same files as MkDocs."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from helpers import REPO, SITES, copy_site

from lindungi.engine import cli

sys.path.insert(0, str(REPO / "scripts"))

import migrate  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
OLD_HOOK = "hooks:\n  - ../../../hooks/main.py\n"
NEW_PLUGINS = f"plugins: [search, lindungi]\n{migrate.NOTE}\n"  # in the hook's place, on as many lines


def test_only_the_adapter_imports_mkdocs():
    """engine/adapter.py is the one MkDocs-aware module: no other module of the package, in any subpackage, imports
    mkdocs (so the domain code runs under any engine)."""
    package = REPO / "hooks" / "lindungi"
    found = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
            if any(name == "mkdocs" or name.startswith("mkdocs.") for name in names):
                found.append(path.relative_to(package).as_posix())
    assert sorted(set(found)) == ["engine/adapter.py"]


def test_the_plugin_is_registered_and_its_options_are_typed():
    """`plugins: - lindungi` finds LindungiPlugin; its options are checked by MkDocs with their defaults."""
    found = [ep for ep in entry_points(group="mkdocs.plugins") if ep.name == "lindungi"]
    assert found and found[0].value == "lindungi.engine.adapter:LindungiPlugin"
    plugin = found[0].load()()
    errors, warnings = plugin.load_config({})
    assert (errors, warnings) == ([], []) and plugin.config.pdf == "auto" and plugin.config.theme is True
    errors, _ = plugin.load_config({"pdf": "sometimes"})
    assert errors and errors[0][0] == "pdf"


def _old_form(text: str) -> str:
    """A test site's mkdocs.yml as other branches still write it: the hook instead of the plugin."""
    assert NEW_PLUGINS in text
    return text.replace(NEW_PLUGINS, OLD_HOOK)


@pytest.mark.parametrize("text, expected", [
    ("site_name: a\nhooks:\n  - hooks/main.py\nextra: {}\n", f"site_name: a\n{NEW_PLUGINS}extra: {{}}\n"),
    ("hooks:\n  - hooks/main.py\n  - ../hooks/main.py\nx: 1\n", f"{NEW_PLUGINS}\nx: 1\n"),
    ("hooks: [../hooks/main.py, other.py]\nplugins: [search]\n",
     "hooks: [other.py]\nplugins: [search, lindungi]\n"),
    ("hooks:\n  - hooks/main.py  # ours\n  - mine.py\nplugins:\n  - search:\n      lang: en\nextra: {}\n",
     "hooks:\n  - mine.py\nplugins:\n  - search:\n      lang: en\n  - lindungi\nextra: {}\n"),
    ("hooks:\n  - hooks/main.py\nplugins:\n  - lindungi\n", "\n\nplugins:\n  - lindungi\n"),
    ("site_name: not ours\nplugins:\n  - search\n", "site_name: not ours\nplugins:\n  - search\n"),
])
def test_migrate_rewrites_the_hook_to_the_plugin_once(text, expected):
    once = migrate.migrate_text(text)
    assert once == expected
    assert migrate.migrate_text(once) == once  # idempotent


def test_migrate_turns_every_test_site_of_the_old_form_back_into_the_committed_one_and_they_build(tmp_path):
    """Each tests/sites/* written the old way (the hook) migrates to exactly the committed file (every line keeps its
    number), a second run changes nothing, and the migrated copy builds strictly with the plugin (pages only, for
    speed)."""
    for site in sorted(p for p in SITES.iterdir() if (p / "mkdocs.yml").is_file()):
        committed = (site / "mkdocs.yml").read_text(encoding="utf-8")
        root = copy_site(site.name, tmp_path / site.name)
        config = root / "mkdocs.yml"
        config.write_text(_old_form(config.read_text(encoding="utf-8")), encoding="utf-8")
        assert migrate.main([str(root)]) == 0
        assert migrate.migrate(root) is False
        expected = committed.replace("../../../", f"{REPO.as_posix()}/")
        assert config.read_text(encoding="utf-8") == expected, site.name
        assert len(_old_form(committed).splitlines()) == len(committed.splitlines())
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=root,
                                capture_output=True, text=True, env={**ENV, "LINDUNGI_PDF": "off"}, timeout=600)
        assert result.returncode == 0, site.name + result.stdout + result.stderr
        assert (root / "site" / "index.html").is_file()


def test_the_old_hook_still_builds_a_site(tmp_path):
    """A site not yet migrated (hooks: - .../hooks/main.py) builds as before: the hook forwards to the plugin."""
    root = copy_site("minimal", tmp_path / "old")
    config = root / "mkdocs.yml"
    config.write_text(_old_form((SITES / "minimal" / "mkdocs.yml").read_text(encoding="utf-8"))
                      .replace("../../../", f"{REPO.as_posix()}/"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=root,
                            capture_output=True, text=True, env={**ENV, "LINDUNGI_PDF": "off"}, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (root / "site" / "modul" / "contoh-modul" / "index.html").is_file()


def test_the_old_hook_forwards_every_event_of_the_plugin():
    """hooks/main.py has a function for each event the plugin handles (a missing one, on_env, once left a hook-form
    site without the theme's compiled-template cache)."""
    from lindungi.engine.adapter import LindungiPlugin

    plugin_events = {name for name in vars(LindungiPlugin) if name.startswith("on_")}
    tree = ast.parse((REPO / "hooks" / "main.py").read_text(encoding="utf-8"))
    hook_events = {node.name for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")}
    assert plugin_events and hook_events == plugin_events


def test_lindungi_new_writes_a_site_that_passes_check_and_refuses_a_full_folder(tmp_path, capsys):
    target = tmp_path / "situs"
    assert cli.main(["new", str(target)]) == 0
    assert (target / "regions" / "contoh" / "region.yml").read_bytes() == (REPO / "regions/contoh/region.yml").read_bytes()
    assert "- lindungi" in (target / "mkdocs.yml").read_text(encoding="utf-8")
    assert list(target.rglob("*.py")) == []  # no code is copied into the site
    capsys.readouterr()
    assert cli.main(["check", "--root", str(target), "--strict"]) == 0
    assert "Tidak ada masalah." in capsys.readouterr().out
    assert cli.main(["new", str(target)]) == 1


def test_lindungi_check_reports_like_scripts_check(tmp_path):
    """`lindungi check` and scripts/check.py print the same report for the same broken site, with the same status."""
    root = copy_site("minimal", tmp_path / "broken")
    quiz = root / "quizzes" / "kuis-contoh.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("objective: tujuan-dua", "objective: tujuan-tiga"),
                    encoding="utf-8")
    script = subprocess.run([sys.executable, str(REPO / "scripts" / "check.py"), "--root", str(root)],
                            capture_output=True, text=True, env=ENV, timeout=300)
    command = subprocess.run([sys.executable, "-m", "lindungi.engine.cli", "check"], cwd=root, capture_output=True,
                             text=True, env=ENV, timeout=300)
    assert script.returncode == command.returncode == 1
    assert script.stdout == command.stdout and "quizzes/kuis-contoh.yml:" in command.stdout


def _fresh_venv(where: Path) -> Path:
    """A new virtualenv that sees the pinned dependencies of this interpreter (a .pth line, so nothing is downloaded
    but the build backend) and nothing of this project; returns its python."""
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True, timeout=300)
    python = where / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    seen = [p for p in sys.path if p.rstrip("/").endswith("site-packages")]  # where the pinned packages are
    (Path(purelib) / "pinned-deps.pth").write_text("".join(f"{p}\n" for p in seen), encoding="utf-8")
    return python


@pytest.mark.slow
def test_pip_install_then_lindungi_new_builds_strictly_in_a_fresh_virtualenv(tmp_path):
    """`pip install .` (not editable: the package must carry its templates, fonts, theme, assets and example region)
    into a fresh virtualenv, then `lindungi new DIR` outside the repository and `mkdocs build --strict` in DIR."""
    python = _fresh_venv(tmp_path / "venv")
    source = tmp_path / "src"  # a clean copy: no build/ or egg-info of an earlier install leaks in
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(".git", ".venv", "site", "site-pelatih", ".cache",
                                                                  "build", "reports", "__pycache__", "*.egg-info"))
    install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(source)],
                             capture_output=True, text=True, env=ENV, timeout=900)
    assert install.returncode == 0, install.stdout + install.stderr
    shutil.rmtree(source)
    where = subprocess.run([str(python), "-c", "import lindungi; print(lindungi.__file__)"], capture_output=True,
                           text=True, check=True).stdout
    assert str(tmp_path / "venv") in where
    site = tmp_path / "situs-baru"
    new = subprocess.run([str(tmp_path / "venv" / "bin" / "lindungi"), "new", str(site)], capture_output=True,
                         text=True, env=ENV, timeout=300)
    assert new.returncode == 0, new.stdout + new.stderr
    build = subprocess.run([str(python), "-m", "mkdocs", "build", "--strict"], cwd=site, capture_output=True,
                           text=True, env=ENV, timeout=900)
    assert build.returncode == 0, build.stdout + build.stderr
    out = site / "site"
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="lp-strings"' in home and "assets/exit.js" in home  # the theme overrides and the quick exit
    for path in ("assets/exit.js", "assets/quiz.js", "assets/lindungi.css", "unduh/handout-modul-contoh.pdf",
                 "modul/modul-contoh/sesi-contoh.html", "assets/wilayah/logo.png"):
        assert (out / path).is_file(), path


GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')
SITE_SOURCES = ("docs", "hooks", "modules", "quizzes", "workshops", "regions", "laws.yml", "mkdocs.yml")  # hooks: watched


@pytest.mark.slow
def test_properdocs_builds_the_default_site_into_the_same_files_as_mkdocs(tmp_path):
    """ProperDocs 1.6.7 (requirements-dev.txt) runs the plugin: `properdocs build --strict` of the default site writes
    the same set of files as `mkdocs build --strict`, PDFs included, and the same pages apart from the generator tag."""
    try:
        import properdocs  # noqa: F401
    except ImportError:
        pytest.fail("properdocs is missing: pip install -r requirements-dev.txt (make test installs it)")
    root = tmp_path / "src"
    root.mkdir()
    for name in SITE_SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(source, root / name)
    built = {}
    for engine in ("mkdocs", "properdocs"):
        dest = tmp_path / engine
        result = subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-q", "-d", str(dest)], cwd=root,
                                capture_output=True, text=True, env=ENV, timeout=900)
        assert result.returncode == 0, engine + result.stdout + result.stderr
        built[engine] = {p.relative_to(dest).as_posix(): p for p in dest.rglob("*") if p.is_file()}
    assert sorted(built["properdocs"]) == sorted(built["mkdocs"])
    assert any(path.endswith(".pdf") for path in built["mkdocs"])
    for path, mkdocs_file in built["mkdocs"].items():
        if path.endswith((".html", ".json")):
            ours = GENERATOR.sub("", mkdocs_file.read_text(encoding="utf-8"))
            assert GENERATOR.sub("", built["properdocs"][path].read_text(encoding="utf-8")) == ours, path

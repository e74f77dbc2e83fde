#!/usr/bin/env python3
"""Migrate a site folder's mkdocs.yml from the hook (`hooks: - .../hooks/main.py`) to the plugin (`plugins: - lindungi`).

Usage: python scripts/migrate.py DIR [DIR ...]      (each DIR holds a mkdocs.yml; a mkdocs.yml path works too)

The settings stay where they are (`extra.lindungi`). The file is edited as text, so its comments and order stay: the
`hooks/main.py` entry leaves `hooks:` (the key goes when nothing is left in it) and `- lindungi` joins `plugins:`. A file
without `plugins:` gets `plugins: [search, lindungi]` (search is MkDocs' default) in the hooks' place, padded to the same
number of lines, so every later line keeps its number (messages and tests name lines of mkdocs.yml). Running it again
changes nothing. Exit status 1
when a file cannot be migrated (its reason is printed).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from lindungi.i18n.messages import note  # noqa: E402

HOOK = re.compile(r"""^\s*-\s*["']?[^"'#]*hooks/main\.py["']?\s*(#.*)?$""")
TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:(.*)$")
PLUGIN = "lindungi"
NOTE = "# the generator runs as the MkDocs plugin lindungi (pyproject.toml), no longer as hooks/main.py"


def _block(lines: list[str], key: str) -> tuple[int, int] | None:
    """(index of the `key:` line, index after its last indented line) of a top-level key, or None."""
    for start, line in enumerate(lines):
        match = TOP_KEY.match(line)
        if match and match.group(1) == key:
            end = start + 1
            for index in range(start + 1, len(lines)):
                text = lines[index]
                if not text.strip():
                    continue
                if text[0] in " \t" or (text.startswith("-") and not TOP_KEY.match(text)):
                    end = index + 1
                    continue
                break
            return start, end
    return None


def _drop_hook(lines: list[str]) -> tuple[bool, int | None, int]:
    """Take our hook out of `hooks:`. Returns (found, where, count): when the whole key went, `count` lines went at
    index `where` (so the plugin can take their place and keep every later line number); else `where` is None."""
    block = _block(lines, "hooks")
    if block is None:
        return False, None, 0
    start, end = block
    inline = TOP_KEY.match(lines[start]).group(2).split("#")[0].strip()
    if inline.startswith("["):
        items = [item.strip() for item in inline.strip("[]").split(",") if item.strip()]
        kept = [item for item in items if not item.strip("\"'").endswith("hooks/main.py")]
        if kept == items:
            return False, None, 0
        if kept:
            lines[start] = f"hooks: [{', '.join(kept)}]"
            return True, None, 0
        del lines[start:end]
        return True, start, end - start
    body = lines[start + 1:end]
    kept = [line for line in body if not HOOK.match(line)]
    if len(kept) == len(body):
        return False, None, 0
    if any(line.strip().startswith("-") for line in kept):
        lines[start + 1:end] = kept
        return True, None, 0
    del lines[start:end]
    return True, start, end - start


def _has_plugin(lines: list[str]) -> bool:
    block = _block(lines, "plugins")
    if block is None:
        return False
    start, end = block
    text = "\n".join(lines[start:end])
    return re.search(rf"(^|[\s\[,-]){PLUGIN}\s*(:|,|\]|$)", text.split(":", 1)[1], re.M) is not None


def _add_plugin(lines: list[str]) -> None:
    block = _block(lines, "plugins")
    if block is None:
        if lines and lines[-1].strip():
            lines.append("")
        lines += ["plugins:", "  - search", f"  - {PLUGIN}"]
        return
    start, end = block
    inline = TOP_KEY.match(lines[start]).group(2).split("#")[0].strip()
    if inline.startswith("["):
        items = [item.strip() for item in inline.strip("[]").split(",") if item.strip()]
        lines[start] = f"plugins: [{', '.join(items + [PLUGIN])}]"
        return
    items = [line for line in lines[start + 1:end] if line.lstrip().startswith("-")]
    indent = items[0][:len(items[0]) - len(items[0].lstrip())] if items else "  "
    lines.insert(end, f"{indent}- {PLUGIN}")


def migrate_text(text: str) -> str:
    """The migrated text of a mkdocs.yml (unchanged when it holds no hook of ours and already lists the plugin)."""
    lines = text.split("\n")
    trailing = lines[-1] == ""
    if trailing:
        lines.pop()
    had_hook, where, count = _drop_hook(lines)
    if had_hook and not _has_plugin(lines):
        if where is not None and _block(lines, "plugins") is None:
            # In the hook's place, with as many lines: every later line keeps its number (messages name lines).
            lines[where:where] = [f"plugins: [search, {PLUGIN}]", *[NOTE] * (count > 1), *[""] * max(count - 2, 0)]
        else:
            _add_plugin(lines)
    elif had_hook and where is not None:
        lines[where:where] = [""] * count  # the plugin is listed already: blank lines keep the numbering
    return "\n".join(lines) + ("\n" if trailing else "")


def migrate(path: Path) -> bool:
    """Migrate one site (its folder or its mkdocs.yml); True when the file changed."""
    config = path / "mkdocs.yml" if path.is_dir() else path
    text = config.read_text(encoding="utf-8")
    new = migrate_text(text)
    if new != text:
        config.write_text(new, encoding="utf-8")
    return new != text


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    status = 0
    for arg in args:
        path = Path(arg)
        try:
            changed = migrate(path)
        except OSError as err:
            print(f"{arg}: {err.strerror or err}", file=sys.stderr)
            status = 1
            continue
        print(note("migrated" if changed else "migrate-unchanged", path=arg))
    return status


if __name__ == "__main__":
    sys.exit(main())

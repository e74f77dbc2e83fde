#!/usr/bin/env python3
"""Write JSON Schema files for editors (autocompletion and checks while typing) from the validator's own shapes.

Usage: python scripts/schemas.py [--check]   (--check: exit 1 if the committed files are out of date)
Editors: VS Code with the YAML extension picks them up through .vscode/settings.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from lindungi.validation.schemas import all_schemas  # noqa: E402

OUT = ROOT / "schemas"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    stale = []
    for name, schema in all_schemas().items():
        path = OUT / f"{name}.schema.json"
        text = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(path.relative_to(ROOT).as_posix())
        else:
            OUT.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT).as_posix()}")
    if stale:
        print("Out of date (run `make schemas`): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Build the whole site for reading from a folder or a USB stick (file://) and pack it as one zip.

Usage: python scripts/offline.py [--out build/situs-offline.zip] [--edition public|trainer] [--region ID]

`--edition trainer` packs the trainer kit (`make trainer`: trainer views, packs, test sheets, keys and exports);
the default is the public and learner site.

It builds with mkdocs.yml plus Material's offline plugin (search index inlined as a script) and the vendored
iframe-worker shim in `extra.polyfills`, so search works from file:// and nothing is fetched from another host.
Lunr language files and source maps are left out of the zip: the site never loads them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHIM = "assets/vendor/iframe-worker/shim.js"
LEFT_OUT = ("assets/javascripts/lunr/",)
README_NAME = "BACA-DULU.txt"
README = """Situs pelatihan untuk dibaca tanpa internet.

1. Ekstrak (extract) seluruh isi zip ini ke satu folder, misalnya di flashdisk atau di laptop.
2. Buka berkas index.html di folder itu dengan browser (Chrome, Firefox, Edge).

Navigasi, pencarian, kuis dan tombol Keluar cepat berfungsi tanpa internet.
Jangan membuka index.html langsung dari dalam zip: ekstrak dulu.
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "situs-offline.zip")
    parser.add_argument("--edition", choices=("public", "trainer"), default="public")
    parser.add_argument("--region", default=None, help="the region to build (default: LINDUNGI_REGION or mkdocs.yml's)")
    args = parser.parse_args(argv)
    if args.region:
        os.environ["LINDUNGI_REGION"] = args.region
    site = args.out.with_suffix("")
    result = build_offline(site, args.edition)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        print("Gagal membangun situs offline (lihat pesan di atas).", file=sys.stderr)
        return 1
    count = write_zip(site, args.out)
    size = args.out.stat().st_size
    print(f"{args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}: "
          f"{count} berkas, {size / 1024 / 1024:.1f} MB. Ekstrak, lalu buka index.html.")
    return 0


def build_offline(site: Path, edition: str = "public") -> subprocess.CompletedProcess:
    """`mkdocs build --strict` into `site` with the offline plugin and the local shim (a temporary config file)."""
    config = ROOT / f".mkdocs-offline-{os.getpid()}.yml"
    config.write_text(yaml.safe_dump(offline_config(ROOT / "mkdocs.yml"), sort_keys=False), encoding="utf-8")
    try:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LINDUNGI_EDITION": edition}
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config),
                               "-d", str(site)], cwd=ROOT, capture_output=True, text=True, env=env)
    finally:
        config.unlink(missing_ok=True)


def offline_config(base: Path) -> dict:
    """A config that inherits `base` and adds the offline plugin and the local iframe-worker shim."""
    plugins = _plugins(base)
    if not any(_plugin_name(p) == "offline" for p in plugins):
        plugins.append("offline")
    return {"INHERIT": base.name, "plugins": plugins, "extra": {"polyfills": [SHIM]}}


def write_zip(site: Path, out: Path) -> int:
    """Zip every file of `site` under one top folder (plus a short how-to); returns the number of files."""
    out.parent.mkdir(parents=True, exist_ok=True)
    top = out.stem
    count = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(f"{top}/{README_NAME}", README)
        for path in sorted(site.rglob("*")):
            rel = path.relative_to(site).as_posix()
            if path.is_dir() or rel.endswith((".map", ".gz")) or rel.startswith(LEFT_OUT):  # .gz: for web servers
                continue
            archive.write(path, f"{top}/{rel}")
            count += 1
    return count


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml; custom tags (!ENV, !!python/name) are kept as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: loader.construct_scalar(node)
                              if isinstance(node, yaml.ScalarNode) else None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _plugins(base: Path) -> list:
    data = yaml.load(base.read_text(encoding="utf-8"), Loader=_Loader) or {}
    plugins = data.get("plugins", ["search"])
    if isinstance(plugins, dict):
        plugins = [{name: options} if options else name for name, options in plugins.items()]
    return list(plugins)


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


if __name__ == "__main__":
    sys.exit(main())

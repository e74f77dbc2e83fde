"""Precompressed copies of the built site's text files, for slow connections. No MkDocs.

Beside each text file of the site (HTML, CSS, JavaScript, JSON, XML, SVG) the build writes `<file>.gz`, compressed
once at level 7 (`LEVEL`), so a web server can send it as it is instead of compressing every request (nginx
`gzip_static on`, Caddy `file_server { precompressed gzip }`, Apache with the rules in the README). The copies are
byte-identical from build to build (no time stamp in the gzip header) and written whole (files.write_atomic).
Several builds in one process (`make regions`: one site per region) compress a file whose bytes they already
compressed only once: most of a region's files equal the previous region's. Between builds the copies are kept in the
project's cache folder (`.cache/gzip/<sha256 of the file>-<sha256 of the copy, 16 digits>.gz`), so a rebuild
compresses only the files that changed; a kept copy is used only when its bytes hash to what its name says (a damaged
or swapped one is made again; hashing is a fifth of the cost of unpacking to compare), and the copies a build did not
use are removed at its end. A kept copy goes into the site as a hard link when the file system allows it
(creating a file and writing its bytes cost a rebuild about 0.05 s for 120 files; a link almost nothing): the cache
writes a changed copy under a new file, never into the old one, and checks every copy it reads, so a site file
edited in place is never passed on.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
from pathlib import Path

from .files import link_atomic, remove_stale_temporaries, write_atomic

SUFFIXES = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".gift")
# Level 7, not 9: on the default site's 115 text files (4.27 MB) level 9 gave 949,885 bytes in 0.196 s, level 7
# 953,069 bytes (+0.34 %, about 28 bytes a file) in 0.096 s, level 6 956,606 bytes (+0.7 %) in 0.078 s. A reader on a
# 50 KB/s line waits about 1 ms longer per page; a cold build or a changed file compresses in half the time.
LEVEL = 7
MIN_BYTES = 256  # below this a .gz saves nothing worth a request header
KEEP_BYTES = 64 * 1024 * 1024  # copies held in memory between builds of one process (without a cache folder), at most

_packed: dict = {}  # sha256 of the file's bytes -> its gzip bytes
_kept = [0]


def _kept_name(key: bytes, packed: bytes) -> str:
    """`<sha256 of the file>-<sha256 of its copy, 16 digits>.gz`: the name says what the kept copy must hash to."""
    return f"{key.hex()}-{hashlib.sha256(packed).hexdigest()[:16]}.gz"


def _packed_copy(data: bytes, key: bytes, cache_dir: Path | None, kept_names: dict) -> tuple[bytes, Path | None]:
    """`data` (whose sha256 is `key`) compressed at `LEVEL` without a time stamp: the same bytes are
    compressed once per project when `cache_dir` keeps the copies between builds (`kept_names`: sha256 of a file ->
    the name of its kept copy, from the folder's listing), else once per process. Returns the copy and the kept file
    that holds exactly these bytes now (checked or written here), or None."""
    name = kept_names.get(key.hex()) if cache_dir is not None else None
    if name is not None:
        packed = _kept_copy(cache_dir / name, key)
        if packed is not None:  # (kept on disk, so not held in memory as well: 25 MB at 500 modules)
            return packed, cache_dir / name
    packed = _packed.get(key)
    if packed is None:
        packed = gzip.compress(data, compresslevel=LEVEL, mtime=0)
    if cache_dir is None:
        _remember(key, packed)
        return packed, None
    kept = cache_dir / _kept_name(key, packed)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(kept, packed)
    except OSError:  # a read-only or full cache folder costs only speed (the copy is held in memory instead)
        _remember(key, packed)
        return packed, None
    kept_names[key.hex()] = kept.name
    return packed, kept


def _remember(key: bytes, packed: bytes) -> None:
    if key not in _packed and _kept[0] + len(packed) <= KEEP_BYTES:
        _packed[key] = packed
        _kept[0] += len(packed)


def _kept_copy(path: Path, key: bytes) -> bytes | None:
    """The copy kept at `path` when its bytes hash to what its name says (a damaged or swapped copy is None)."""
    try:
        packed = path.read_bytes()
    except OSError:
        return None
    return packed if path.name == _kept_name(key, packed) else None


def write_gz(site_dir, cache_dir=None) -> tuple[int, int, int]:
    """Write `<file>.gz` for every text file of `site_dir`; returns (files, bytes before, bytes after). With
    `cache_dir`, copies are kept there between builds and those this build did not use are removed."""
    cache = Path(cache_dir) if cache_dir is not None else None
    if cache is not None:
        remove_stale_temporaries(cache)  # left by a killed build
    kept_names = _kept_names(cache)
    used = set()
    count = before = after = 0
    for folder, _, names in os.walk(site_dir):
        for name in names:
            path = Path(folder) / name
            if path.suffix not in SUFFIXES:
                continue
            data = path.read_bytes()
            if len(data) < MIN_BYTES:
                continue
            key = hashlib.sha256(data).digest()
            packed, kept = _packed_copy(data, key, cache, kept_names)
            if kept is not None:
                used.add(kept.name)
            target = path.with_name(name + ".gz")
            try:
                if kept is None or not link_atomic(kept, target):  # a link writes no data: 3x quicker on a rebuild
                    write_atomic(target, packed)
            except OSError as err:  # a full disk names no file: name the copy that could not be written
                raise OSError(err.errno, err.strerror, str(target)) from None
            count, before, after = count + 1, before + len(data), after + len(packed)
    if cache is not None and cache.is_dir():
        for kept in cache.glob("*.gz"):
            if kept.name not in used:
                with contextlib.suppress(OSError):  # a read-only cache folder costs only space
                    kept.unlink()
    return count, before, after


def _kept_names(cache: Path | None) -> dict:
    """sha256 of a file -> the name of its kept copy, for the copies in `cache` (one listing instead of a lookup
    per file)."""
    try:
        names = os.listdir(cache) if cache is not None else []
    except OSError:
        return {}
    return {name.split("-", 1)[0]: name for name in names if name.endswith(".gz") and "-" in name}

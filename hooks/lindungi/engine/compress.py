"""Precompressed copies of the built site's text files, for slow connections. No MkDocs.

Beside each text file of the site (HTML, CSS, JavaScript, JSON, XML, SVG) the build writes `<file>.gz`, compressed
once at the highest level, so a web server can send it as it is instead of compressing every request (nginx
`gzip_static on`, Caddy `file_server { precompressed gzip }`, Apache with the rules in the README). The copies are
byte-identical from build to build (no time stamp in the gzip header) and written whole (files.write_atomic).
Several builds in one process (`make regions`: one site per region) compress a file whose bytes they already
compressed only once: most of a region's files equal the previous region's.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

from .files import write_atomic

SUFFIXES = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".gift")
MIN_BYTES = 256  # below this a .gz saves nothing worth a request header
KEEP_BYTES = 64 * 1024 * 1024  # compressed copies kept in memory between builds of one process, at most

_packed: dict = {}  # sha256 of the file's bytes -> its gzip bytes
_kept = [0]


def gzip_bytes(data: bytes) -> bytes:
    """`data` compressed at the highest level without a time stamp; the same bytes are compressed once per process."""
    key = hashlib.sha256(data).digest()
    packed = _packed.get(key)
    if packed is None:
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if _kept[0] + len(packed) <= KEEP_BYTES:
            _packed[key] = packed
            _kept[0] += len(packed)
    return packed


def write_gz(site_dir) -> tuple[int, int, int]:
    """Write `<file>.gz` for every text file of `site_dir`; returns (files, bytes before, bytes after)."""
    count = before = after = 0
    for folder, _, names in os.walk(site_dir):
        for name in names:
            path = Path(folder) / name
            if path.suffix not in SUFFIXES:
                continue
            data = path.read_bytes()
            if len(data) < MIN_BYTES:
                continue
            packed = gzip_bytes(data)
            target = path.with_name(name + ".gz")
            try:
                write_atomic(target, packed)
            except OSError as err:  # a full disk names no file: name the copy that could not be written
                raise OSError(err.errno, err.strerror, str(target)) from None
            count, before, after = count + 1, before + len(data), after + len(packed)
    return count, before, after

"""Writing files so that a killed, failing or concurrent process never leaves a half-written file under a real name.
No MkDocs.

`write_atomic` writes under a temporary name beside the target (`<name>.<process id>.<8 hex>.tmp`: no other process or
thread uses it), then renames; on any error it removes the temporary file and raises. `link_atomic` does the same with
a hard link to a cached file. `remove_stale_temporaries` removes such files whose process is gone (a build killed
between writing and renaming).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from pathlib import Path


def temporary_name(path: Path) -> Path:
    """A temporary name beside `path` that no other process or thread uses: process id and a random part."""
    return path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def write_atomic(path: Path, data) -> None:
    """Write `data` to `path` under a temporary name, then rename: `path` is whole or untouched. On an error the
    temporary file is removed (as far as the folder allows) and the error raised. `data`: bytes, or a function that
    writes into the open binary file (a large output need not be held whole in memory)."""
    tmp = temporary_name(path)
    try:
        with open(tmp, "wb") as handle:
            if callable(data):
                data(handle)
            else:
                handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def link_atomic(source: Path, target: Path) -> bool:
    """Make `target` a hard link to `source` (under a temporary name, then renamed, as write_atomic does); False when
    the file system will not (another device, no hard links), with nothing left behind. A link writes no data: a
    rebuild that copies hundreds of unchanged files from a cache is several times quicker."""
    with contextlib.suppress(OSError):
        if os.path.samestat(os.stat(source), os.stat(target)):
            return True  # linked already (a rename onto another link of the same file would do nothing)
    tmp = temporary_name(target)
    try:
        os.link(source, tmp)
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        return False
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()  # left when `target` became a link to the same file meanwhile (the rename then does nothing)
    return True


def remove_stale_temporaries(folder: Path) -> None:
    """Remove `*.<pid>.<random>.tmp` files in `folder` left by processes that are gone (a killed build)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        match = re.fullmatch(r".+\.(\d+)\.[0-9a-f]{8}\.tmp", name)
        if match and not _alive(int(match.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(folder / name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True

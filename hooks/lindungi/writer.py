"""Text files written by a helper process while the build goes on. No MkDocs.

A site has hundreds of small files no page render needs (quiz sheets, answer keys, Moodle exports). Creating a file is
kernel work, and a writer thread would hold up the page renderer at every file (both need Python's one lock). So
`write_files(files, folder)` puts them all into one temporary file and starts a bare Python process that creates them
on another CPU: `-I -S` (no site packages, no user paths) running this file, which needs only the standard library.
`Writing.wait()` returns the number written, or raises `OSError` with the helper's message. Where no helper can start,
the files are written here and then.
"""

from __future__ import annotations

import marshal
import os
import sys


class Writing:
    """Files being written; `wait()` for the count (raises `OSError` when the helper failed)."""

    def __init__(self, count: int, process=None) -> None:
        self.count = count
        self.process = process

    def wait(self) -> int:
        if self.process is not None:
            _, err = self.process.communicate()
            if self.process.returncode != 0:
                raise OSError(err.decode("utf-8", "replace").strip() or f"exit status {self.process.returncode}")
            self.process = None
        return self.count


def write_files(files: dict, folder, background: bool = True) -> Writing:
    """Write {relative path with '/': text} under `folder` (UTF-8, newlines as given), by a helper process when
    `background` and one can start, else at once."""
    items = [(str(rel), str(text)) for rel, text in files.items()]
    for rel, _ in items:
        if rel.startswith("/") or ".." in rel.split("/"):
            raise ValueError(f"not a path inside the site: {rel!r}")
    if not items:
        return Writing(0)
    if background and sys.executable:
        import subprocess
        import tempfile

        fd, batch = tempfile.mkstemp(prefix="lindungi-", suffix=".batch")
        try:
            with os.fdopen(fd, "wb") as stream:
                marshal.dump(items, stream)
            process = subprocess.Popen([sys.executable, "-I", "-S", os.path.abspath(__file__), batch, os.fspath(folder)],
                                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            return Writing(len(items), process)
        except OSError:
            if os.path.exists(batch):
                os.unlink(batch)
    _write_here(items, folder)
    return Writing(len(items))


def _write_here(items: list, folder) -> None:
    made = set()
    for rel, text in items:
        path = os.path.join(folder, *rel.split("/"))
        parent = os.path.dirname(path)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        with open(path, "w", encoding="utf-8", newline="") as out:
            out.write(text)


def _helper(batch: str, folder: str) -> int:
    """The helper process: read the batch (a marshalled list of (relative path, text)), remove it, write the files.
    A failure is one line on stderr (what `Writing.wait` reports) and exit status 1."""
    try:
        with open(batch, "rb") as stream:
            items = marshal.load(stream)
        os.unlink(batch)
        _write_here(items, folder)
    except OSError as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_helper(sys.argv[1], sys.argv[2]))

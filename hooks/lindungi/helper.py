"""Work a helper Python process does beside the build, on another CPU. No MkDocs.

Some results no page needs are costly to make and to write: the quiz sheets, answer keys and Moodle exports are hundreds
of files, and creating a file is kernel work during which a thread would keep stopping the page renderer (both need
Python's one lock). `start(function, args, memo)` writes the call (a function of this package, its arguments and the
memo's file and salt) to a private temporary file and starts `python -I` on this file, which runs
`function(*args, remember=...)` there and pickles back, on its stdout, the result and the memo entries it made.
`Job.wait()` returns the result and adds the entries to `memo` (so the build's memo keeps them), or raises
`HelperError` with the helper's own message. Where no helper can start, the call runs here and then.

Pickle is safe here: the batch is written by this build into a private temporary file, read by its own child and
deleted at once; the reply comes through a pipe. Nothing pickled is ever read from the project.
"""

from __future__ import annotations

import importlib
import os
import pickle
import sys
import traceback

HOOKS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class HelperError(Exception):
    """The helper failed; the message is its own (an OS error's text, or a traceback for a bug)."""


class Job:
    """A call running in a helper process (or already done here)."""

    def __init__(self, memo=None, process=None, result=None) -> None:
        self.memo, self.process, self.result = memo, process, result

    def wait(self):
        if self.process is None:
            return self.result
        process, self.process = self.process, None
        reply, err = process.communicate()
        if process.returncode != 0:
            raise HelperError(err.decode("utf-8", "replace").strip() or f"exit status {process.returncode}")
        self.result, entries = pickle.loads(reply)
        if self.memo is not None:
            self.memo.merge(entries)
        return self.result


def start(function, args: tuple, memo=None, background: bool = True) -> Job:
    """Run `function(*args, remember=memo.get)` (`remember=None` without a memo) in a helper process; see the module
    text. `function` must be a module-level function of this package; `args` must pickle."""
    if background and sys.executable:
        import subprocess
        import tempfile

        fd, batch = tempfile.mkstemp(prefix="lindungi-", suffix=".batch")
        try:
            with os.fdopen(fd, "wb") as stream:
                pickle.dump((function.__module__, function.__name__, args, memo), stream, pickle.HIGHEST_PROTOCOL)
            process = subprocess.Popen([sys.executable, "-I", os.path.abspath(__file__), batch],
                                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            return Job(memo, process)
        except OSError:
            if os.path.exists(batch):
                os.unlink(batch)
    return Job(result=function(*args, remember=memo.get if memo is not None else None))


def write_files(files: dict, folder) -> int:
    """Write {relative path with '/': text} under `folder` (UTF-8, newlines as given); returns how many."""
    made = set()
    for rel, text in files.items():
        if rel.startswith("/") or ".." in rel.split("/"):
            raise ValueError(f"not a path inside the site: {rel!r}")
        path = os.path.join(folder, *rel.split("/"))
        parent = os.path.dirname(path)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        with open(path, "w", encoding="utf-8", newline="") as out:
            out.write(text)
    return len(files)


def _main(batch: str) -> int:
    """The helper process: read the call from `batch` (and delete it), run it, pickle (result, new memo entries) to
    stdout. Anything the call prints goes to stderr."""
    reply, sys.stdout = sys.stdout.buffer, sys.stderr
    sys.path.insert(0, HOOKS)
    try:
        try:
            with open(batch, "rb") as stream:
                module, name, args, memo = pickle.load(stream)
        finally:
            os.unlink(batch)
        function = getattr(importlib.import_module(module), name)
        result = function(*args, remember=memo.get if memo is not None else None)
        pickle.dump((result, memo.new if memo is not None else {}), reply, pickle.HIGHEST_PROTOCOL)
    except OSError as err:
        print(err, file=sys.stderr)
        return 1
    except Exception:  # a bug: the whole traceback, for whoever reports it
        print(traceback.format_exc().strip(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1]))

"""Work a helper Python process does beside the build, on another CPU. No MkDocs.

Some results no page needs are costly to make and to write: the quiz sheets, answer keys and Moodle exports are hundreds
of files, and creating a file is kernel work during which a thread would keep stopping the page renderer (both need
Python's one lock). `start(function, args, memo)` writes the call (this process's import path, the function's name,
its arguments, the memo's file and salt) to a private temporary file and starts `python -I` on this file, which runs
`function(*args, remember=...)` there and pickles back, on its stdout, the result and the memo entries it made.
`Job.wait()` returns the result and adds the entries to `memo` (so the build's memo keeps them). Where no helper can
start, or where it fails, `wait()` runs the call here (keeping the helper's message in `Job.helper_error`), so a real
error is raised as this process's own and an odd environment costs only speed.

Pickle is safe here: the batch is written by this build into a private temporary file, read by its own child and
deleted at once; the reply comes through a pipe. Nothing pickled is ever read from the project.
"""

from __future__ import annotations

import importlib
import os
import pickle
import sys
import traceback

HOOKS = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # the folder that holds this package


class Job:
    """A call running in a helper process (or already done here)."""

    def __init__(self, call: tuple, memo=None, process=None) -> None:
        self.call, self.memo, self.process = call, memo, process
        self.done, self.result = False, None
        self.helper_error = ""  # what the helper said when it failed (the call then ran here)

    def wait(self):
        """The call's result. Without a helper, or when it failed, the call runs here (once), so an error is raised as
        this process's own."""
        if self.done:
            return self.result
        if self.process is not None:
            process, self.process = self.process, None
            reply, err = process.communicate()
            if process.returncode == 0:
                if err:  # what the call printed (a library's warnings): shown as it would be in this process
                    sys.stderr.write(err.decode("utf-8", "replace"))
                self.result, entries = pickle.loads(reply)
                if self.memo is not None:
                    self.memo.merge(entries)
                self.done = True
                return self.result
            self.helper_error = err.decode("utf-8", "replace").strip() or f"exit status {process.returncode}"
        self.result = _call(*self.call, self.memo)
        self.done = True
        return self.result

    def cancel(self) -> None:
        """Stop the helper now; its result is dropped (`wait` then returns None)."""
        if self.process is not None:
            process, self.process = self.process, None
            process.kill()
            process.communicate()
        self.done = True


def _call(function, args: tuple, memo):
    """The call as both processes make it: `remember` is the memo's `get`, or None without a memo."""
    return function(*args, remember=memo.get if memo is not None else None)


def start(function, args: tuple, memo=None, background: bool = True) -> Job:
    """Run `function(*args, remember=memo.get)` (`remember=None` without a memo) in a helper process; see the module
    text. `function` must be a module-level function the helper can import (it gets this process's `sys.path` and this
    package's folder); `args` must pickle."""
    call = (function, args)
    if background and sys.executable:
        import subprocess
        import tempfile

        batch = ""
        try:
            fd, batch = tempfile.mkstemp(prefix="lindungi-", suffix=".batch")
            with os.fdopen(fd, "wb") as stream:
                # MkDocs takes the hooks folder off the path once the hooks are loaded: the helper needs it back
                pickle.dump([HOOKS] + [p for p in sys.path if p != HOOKS], stream, pickle.HIGHEST_PROTOCOL)
                pickle.dump((function.__module__, function.__name__, args, memo), stream, pickle.HIGHEST_PROTOCOL)
            process = subprocess.Popen([sys.executable, "-I", os.path.abspath(__file__), batch],
                                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            return Job(call, memo, process)
        except (OSError, pickle.PicklingError, AttributeError, TypeError):  # no temp folder, no process, no pickle
            if batch and os.path.exists(batch):
                os.unlink(batch)
    return Job(call, memo)


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
        try:
            with open(path, "w", encoding="utf-8", newline="") as out:
                out.write(text)
        except OSError:  # a full or read-only site folder: never leave a cut-off file behind
            try:
                os.unlink(path)
            except OSError:
                pass
            raise
    return len(files)


def _end_with_parent() -> None:
    """End this helper as soon as the build that started it is gone (killed): it must not outlive it."""
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _main(batch: str) -> int:
    """The helper process: read the import path and the call from `batch` (and delete it), run the call, pickle
    (result, new memo entries) to stdout. Anything the call prints goes to stderr."""
    reply, sys.stdout = sys.stdout.buffer, sys.stderr
    _end_with_parent()
    try:
        try:
            with open(batch, "rb") as stream:
                sys.path[:] = pickle.load(stream)
                module, name, args, memo = pickle.load(stream)
        finally:
            os.unlink(batch)
        result = _call(getattr(importlib.import_module(module), name), args, memo)
        pickle.dump((result, memo.new if memo is not None else {}), reply, pickle.HIGHEST_PROTOCOL)
    except Exception:
        print(traceback.format_exc().strip(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1]))

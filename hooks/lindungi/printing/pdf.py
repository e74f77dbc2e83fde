"""PDF rendering with WeasyPrint: a cache keyed by content hash, worker processes, a progress line. No MkDocs.

A `Job` is one HTML document that becomes one PDF; a `Merge` joins finished PDFs into one with bookmarks (the trainer's
pack). The cache key of a job is a hash of everything that shapes the PDF: the HTML (which inlines the print CSS and all
settings it shows), the bundled fonts and the engine version. A rebuild with nothing changed renders nothing; changing
one module renders its handout again and re-joins the packs that contain it. A whole run is also recorded under a digest
of its sources (`record_run`/`replay_run`), so a warm build with nothing changed copies the PDFs without writing the
HTML of every job first.

A build hands the documents the cache lacks to other processes before it writes its pages (`start_rendering`), so
they render on another CPU meanwhile, and collects them at its end (`render_all(..., started=)`): one helper process
(engine.helper) below `WORKERS_FROM` documents, else one worker of a pool that grows when the pages are done.
Workers are spawned processes (safe under `spawn` and `forkserver`, the default from Python 3.14). They import this
module by name, so the folder holding the `lindungi` package is put on `sys.path` while the pool starts: MkDocs adds
the hook folder to `sys.path` only while it loads `hooks/main.py`. A worker or helper watches its parent and ends as
soon as the build that started it is gone (killed, even with SIGKILL); a build that fails or is interrupted stops
them itself.

Faults. Every file is written under a temporary name holding the process id and a random part, then renamed, so a
killed or concurrent build never leaves a half-written PDF under a real name, and two builds never share a temporary
file. The cache is only a cache: an entry is used only when its recorded size and SHA-256 match the PDF (a truncated or
replaced PDF is dropped and rendered again, never published), and a cache folder that cannot be written (read-only,
full) means "no cache" for the rest of the run (`Cache.error` says why; the caller logs it once). The site folder is
not optional: a PDF that cannot be written there raises `SiteWriteError` naming the file, after removing its temporary
file, so the site never holds a truncated PDF.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import gc
import hashlib
import io
import json
import logging
import os
import re
import sys
import threading
import time
import types
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..engine.files import link_atomic, remove_stale_temporaries, write_atomic

PACKAGE = Path(__file__).resolve().parents[1]  # the lindungi package folder: PDFs load nothing from outside it
HERE = Path(__file__).resolve().parent  # printing/: the documents' base URL, so the style sheet's fonts/ are its fonts/
FONTS = HERE / "fonts"
PRINT_CSS = PACKAGE / "templates" / "printing" / "print.css"  # the style sheet of every PDF (see render_noted)
CACHE_FORMAT = "2"          # bump to invalidate every cached PDF after a change in this module
SIZE_LIMIT = 300 * 1024     # bytes; a handout must stay small enough for WhatsApp
WORKERS_ENV = "LINDUNGI_PDF_WORKERS"
IN_PROCESS_BELOW = 3        # so few documents are faster to render here than to start workers for
# Without an explicit worker count, fewer documents than this render in the build process: each spawned worker pays the
# WeasyPrint import again (about 0.33 s CPU), which 11 documents do not earn back (scripts/bench_pdf.py, 2 CPUs:
# 11 PDFs 1.09 s wall / 1.09 s CPU in-process, 0.98 s / 1.61 s with 2 workers; 62 PDFs 3.59 s / 3.59 s against
# 2.65 s / 4.17 s).
WORKERS_FROM = 20
PARENT_POLL = 0.2           # seconds between a worker's checks that its build is still there


@dataclass(frozen=True)
class Job:
    """One HTML document to render to `out` (a path relative to the site folder)."""

    out: str
    html: str
    label: str
    pages: int | None = None   # the page count the document must not exceed (handouts), or None
    source: str = ""           # the content file it is made from (for messages), relative to the project


@dataclass(frozen=True)
class Merge:
    """Finished PDFs joined into `out`, one top-level bookmark per part: `parts = ((title, path), ...)`."""

    out: str
    parts: tuple
    label: str


@dataclass
class Result:
    out: str
    label: str
    pages: int
    size: int
    rendered: bool            # False: copied from the cache
    limit: int | None = None  # declared page count, when there is one
    key: str = ""             # its cache key
    refused: tuple = ()       # resources (images, CSS, fonts) the document asked for and did not get
    source: str = ""          # the content file it is made from

    @property
    def overflows(self) -> bool:
        return self.limit is not None and self.pages > self.limit


@dataclass
class Report:
    results: list = field(default_factory=list)
    seconds: float = 0.0
    cache_error: OSError | None = None  # why the cache could not be written this run (it then served as no cache)

    @property
    def rendered(self) -> int:
        return sum(1 for r in self.results if r.rendered)


# --- the engine -----------------------------------------------------------------------------------------------------
# WeasyPrint loads Pango, HarfBuzz and fontconfig through cffi, trying several names per library (one per platform).
# cffi hands every name it cannot open directly to `ctypes.util.find_library`, which on Linux runs `ldconfig -p` for
# each name and, for each name it does not find, gcc and ld as well: 54 programs per import (ldconfig 22 times, gcc and
# ld 16 times each), 0.11 s CPU of 0.33 s, paid by the build and by every PDF worker. The import below answers those
# lookups from one reading of the dynamic linker's cache instead; a name missing there is looked up the usual way when
# LD_LIBRARY_PATH is set (the only place dlopen looks besides that cache and the default folders, which the cache
# covers). Either lookup ends in dlopen of a library's soname, and WeasyPrint tries the sonames themselves too, so the
# libraries loaded are the same.

# ctypes.util's table of the ABI tags `ldconfig -p` prints (a machine not in it is tagged plain "libc6").
_LDCONFIG_ABI = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
                 "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}


def _linker_cache_lookup():
    """A `find_library` answering from one run of `ldconfig -p` (as ctypes.util does per name), or None where there is
    no such cache (not Linux, no ldconfig, an empty listing)."""
    import ctypes.util
    import struct
    import subprocess

    if not sys.platform.startswith("linux") or not os.path.exists("/sbin/ldconfig"):
        return None
    try:
        listing = subprocess.run(["/sbin/ldconfig", "-p"], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, env={"LC_ALL": "C", "LANG": "C"}, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    if not listing:
        return None
    machine = os.uname().machine + ("-32" if struct.calcsize("l") == 4 else "-64")
    abi = _LDCONFIG_ABI.get(machine, "libc6")
    usual = ctypes.util.find_library
    found: dict = {}

    def find_library(name: str):
        if name not in found:
            match = re.search(os.fsencode(r"\s+(lib%s\.[^\s]+)\s+\(%s" % (re.escape(name), abi)), listing)
            found[name] = (os.fsdecode(match.group(1)) if match
                           else usual(name) if os.environ.get("LD_LIBRARY_PATH") else None)
        return found[name]

    return find_library


_ENGINE_LOCK = threading.Lock()  # (the lookup is swapped process-wide while the engine loads)

# WeasyPrint imports two fontTools modules at its start that it calls only for fonts these documents do not have:
# `fontTools.varLib.instancer` for a variable font (the bundled fonts are static), `fontTools.subset` for subsetting when
# HarfBuzz's own subsetter is missing or fails. Together they hold 11 MB and take 0.05 s CPU to import, in every process
# that renders PDFs (about a fifth of a PDF process). The engine's import leaves a stand-in for each (`_Deferred`) that
# imports the real module the first time it is used: a name below is a function whose call imports it, any other
# attribute imports it at once. So a system font that is variable, or a subsetter that fails, still gets the real
# modules, only later.
DEFERRED_MODULES = {"fontTools.varLib.instancer": ("instantiateVariableFont",), "fontTools.subset": ()}


class _Deferred(types.ModuleType):
    """Stands in for a module in `sys.modules` until something uses it, then imports the real one (which replaces it
    there and in its package) and hands everything on to it."""

    def __init__(self, name: str, functions: tuple) -> None:
        super().__init__(name, f"stands in for {name} until it is used (lindungi.printing.pdf)")
        self.__dict__["_functions"] = functions

    def _real(self) -> types.ModuleType:
        import importlib

        with _DEFERRED_LOCK:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            return importlib.import_module(self.__name__)

    def __getattr__(self, name: str):
        if name in self.__dict__["_functions"]:
            def call(*args, **kwargs):
                return getattr(self._real(), name)(*args, **kwargs)

            call.__name__ = call.__qualname__ = name
            return call
        if name.startswith("__") and name.endswith("__"):  # (asked by the import machinery and by copy, pickle, ...)
            raise AttributeError(name)
        return getattr(self._real(), name)


_DEFERRED_LOCK = threading.RLock()


def _defer_modules() -> None:
    """Put a stand-in for each of `DEFERRED_MODULES` that is not imported yet (see above)."""
    for name, functions in DEFERRED_MODULES.items():
        if name not in sys.modules:
            sys.modules[name] = _Deferred(name, functions)


@lru_cache(maxsize=1)
def engine():
    """The WeasyPrint module, imported once per process with the quicker library lookup and the deferred modules (see
    above)."""
    with _ENGINE_LOCK:
        if "weasyprint" not in sys.modules:
            import ctypes.util

            usual, quick = ctypes.util.find_library, _linker_cache_lookup()
            ctypes.util.find_library = quick or usual
            _defer_modules()
            try:
                import weasyprint  # noqa: F401
            finally:
                ctypes.util.find_library = usual
        import weasyprint

    return weasyprint


def _fetcher_class():
    engine()
    from weasyprint.urls import URLFetcher

    class LocalFetcher(URLFetcher):
        """Fetches `data:` URIs and files inside this package (the fonts); refuses everything else, the network first."""

        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                from urllib.parse import unquote, urlsplit

                path = Path(unquote(urlsplit(url).path)).resolve()
                if path.is_relative_to(PACKAGE):
                    return super().fetch(url, headers)
            raise ValueError(f"lindungi: refused to fetch {url!r} (PDFs never load anything from outside the package)")

    return LocalFetcher


def local_fetcher():
    """A WeasyPrint URL fetcher that never touches the network."""
    return _fetcher_class()()


class _Refusals(logging.Handler):
    """Collects what WeasyPrint says it failed to load (refused by the fetcher, missing, unreadable) during a render:
    WeasyPrint only logs it and leaves the image or style sheet out. (A font it fails to load is logged at debug level
    only: the bundled fonts are checked before any build, see `missing_fonts`.)"""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.urls: list[str] = []

    def emit(self, record) -> None:
        if not str(record.msg).startswith("Failed to load"):
            return
        url = record.args[0] if isinstance(record.args, tuple) and record.args else record.getMessage()
        url = str(url)
        url = url if len(url) <= 120 else url[:117] + "..."
        if url not in self.urls:
            self.urls.append(url)


@lru_cache(maxsize=1)
def _font_config():
    """One font configuration for every document this process renders: the bundled fonts of the style sheet's
    @font-face rules are loaded once (WeasyPrint skips a face it holds already), not once per document (about 11 ms
    each). Documents render one at a time in a process (workers are processes; serve renders in one thread)."""
    engine()
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def print_css() -> str:
    """The print style sheet shared by handouts, pack documents and certificates."""
    return PRINT_CSS.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _print_sheet(text: str):
    """The print style sheet parsed once per process (per text: an edited sheet is parsed again), not once per
    document (about 8 ms each)."""
    return engine().CSS(string=text, base_url=HERE.as_uri() + "/", url_fetcher=local_fetcher(),
                        font_config=_font_config())


@atexit.register
def _release_print_objects() -> None:
    """Let the parsed sheet and the font configuration go while Python still runs: the configuration removes its
    temporary font folder when it goes (left at teardown, that step fails with a traceback or never runs, and every
    build left a `weasyprint-*` folder in the temporary directory)."""
    _print_sheet.cache_clear()
    _font_config.cache_clear()
    gc.collect()


def render_noted(html: str) -> tuple[bytes, int, list]:
    """Render one HTML document with the print style sheet; returns the PDF bytes, its page count and the resources it
    could not load. The sheet comes before the document's own rules in the cascade (WeasyPrint gives a sheet passed
    in the user origin): a document's `<style>` overrides any of its rules, however specific."""
    logger = logging.getLogger("weasyprint")  # images and style sheets it fails to load are logged as errors
    refusals = _Refusals()
    logger.addHandler(refusals)
    # A laid-out document is full of reference cycles (styles, boxes, the HTML tree), and a long one has moved to the
    # oldest generation before it is done, where it would stay until Python's next full collection, with every document
    # rendered meanwhile. So it is collected as soon as it is written: a full collection, made cheap by freezing
    # everything older than the document first (the build's pages, the loaded modules), which it then skips. (If the
    # program froze objects itself, they are left frozen and the collection is a plain full one.)
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    try:
        sheet = _print_sheet(print_css())
        document = engine().HTML(string=html, base_url=HERE.as_uri() + "/", url_fetcher=local_fetcher()).render(
            font_config=_font_config(), stylesheets=[sheet])
        buffer = io.BytesIO()
        document.write_pdf(buffer)
        pages = len(document.pages)
        del document
        gc.collect()
    finally:
        if freeze:
            gc.unfreeze()
        logger.removeHandler(refusals)
    return buffer.getvalue(), pages, refusals.urls


def render_pdf(html: str) -> tuple[bytes, int]:
    """Render one HTML document; returns the PDF bytes and its page count."""
    data, pages, _ = render_noted(html)
    return data, pages


def merge_pdfs(parts) -> tuple[bytes, int]:
    """Join PDFs (`(title, PDF bytes)` pairs) into one; each part becomes a bookmark holding that part's own bookmarks.
    Returns the PDF bytes and its page count."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for title, data in parts:
        writer.append(io.BytesIO(data), outline_item=title)
    writer.page_mode = "/UseOutlines"
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue(), len(writer.pages)


def font_files() -> list[Path]:
    """The bundled font files the print style sheet names (`url("fonts/...")`)."""
    css = print_css()
    return [HERE / name for name in dict.fromkeys(re.findall(r"""url\(["']?(fonts/[^"')]+)["']?\)""", css))]


def missing_fonts() -> list[Path]:
    """Bundled fonts the PDFs need that are not there (WeasyPrint would silently fall back to another weight)."""
    return [path for path in font_files() if not path.is_file()]


# --- cache ------------------------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def engine_digest() -> str:
    """Hash of what shapes every PDF besides its HTML: engine versions and the bundled fonts."""
    from importlib.metadata import version

    engines = "|".join(f"{name} {version(name)}" for name in ("weasyprint", "pydyf", "pypdf", "segno"))
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{engines}".encode())
    for font in sorted(FONTS.glob("*.ttf")):
        digest.update(font.name.encode())
        digest.update(font.read_bytes())
    return digest.hexdigest()


def job_key(job: Job, css: str) -> str:
    """The cache key of `job` rendered with the print style sheet `css` (read once per run by the caller)."""
    return hashlib.sha256(f"{engine_digest()}|{css}|{job.html}".encode()).hexdigest()[:32]


def merge_key(merge: Merge, keys: dict) -> str:
    text = json.dumps([engine_digest(), "merge", [(title, keys[path]) for title, path in merge.parts]])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Entry:
    """A PDF of the cache (or made in this run), checked."""

    data: bytes
    pages: int
    refused: tuple = ()


class SiteWriteError(Exception):
    """A PDF could not be written into the site folder (full, read-only): the build must stop."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(f"{path}: {error.strerror or error}")
        self.path, self.error = path, error


class Cache:
    """The PDF cache folder during one run.

    `get(key)` returns an `Entry` only when the PDF's size and SHA-256 match what its `.json` recorded (and the
    record has the right shape); a bad entry is deleted and counts as missing. `put` keeps an entry for this run and
    stores it when the folder can be written; the first `OSError` is kept in `error` and the folder is not tried again
    in this run ("no cache": slower, never a failed build)."""

    def __init__(self, folder) -> None:
        self.folder = Path(folder)
        self.error: OSError | None = None
        self._entries: dict[str, Entry | None] = {}
        self._on_disk: set[str] = set()  # keys whose file in the folder is known to hold the entry's bytes
        remove_stale_temporaries(self.folder)

    def get(self, key: str) -> Entry | None:
        if key not in self._entries:
            self._entries[key] = self._read(key)
        return self._entries[key]

    def present(self, key: str) -> bool:
        """Both files of the entry are there (not yet read or checked: `take` does that)."""
        return _present(self.folder, key)

    def take(self, key: str) -> Entry | None:
        """The entry, read and checked as `get` does, but not kept for this run (a replay copies hundreds of PDFs
        one after the other: 17 MB held at once at 500 modules otherwise)."""
        entry = self._entries.pop(key, None)
        return entry if entry is not None else self._read(key)

    def file_of(self, key: str) -> Path | None:
        """The cached PDF of `key` when this run has checked or written it (`publish` links it into the site)."""
        return self.folder / f"{key}.pdf" if key in self._on_disk else None

    def _read(self, key: str) -> Entry | None:
        meta_path, pdf_path = self.folder / f"{key}.json", self.folder / f"{key}.pdf"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            data = pdf_path.read_bytes()
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self._drop(key)
            return None
        if not _good_meta(meta) or meta["size"] != len(data) or meta["sha256"] != hashlib.sha256(data).hexdigest():
            self._drop(key)
            return None
        self._on_disk.add(key)
        return Entry(data, meta["pages"], tuple(meta["refused"]))

    def _drop(self, key: str) -> None:
        self._on_disk.discard(key)
        for suffix in (".json", ".pdf"):
            with contextlib.suppress(OSError):
                (self.folder / f"{key}{suffix}").unlink()

    def put(self, key: str, data: bytes, pages: int, refused=()) -> Entry:
        """Keep an entry for this run and store it."""
        entry = self._entries[key] = Entry(data, pages, tuple(refused))
        self.store(key, data, pages, refused)
        return entry

    def store(self, key: str, data: bytes, pages: int, refused=()) -> None:
        """Store an entry in the folder without keeping it for this run."""
        meta = {"pages": pages, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "refused": list(refused)}
        self.write(f"{key}.pdf", data)  # the PDF first: the record names a whole file
        self.write(f"{key}.json", json.dumps(meta).encode())
        if self.error is None:
            self._on_disk.add(key)

    def write(self, name: str, data: bytes) -> None:
        """Store a file in the folder, unless it has failed before in this run."""
        if self.error is not None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.folder / name, data)
        except OSError as err:
            self.error = err


def _present(folder: Path, key: str) -> bool:
    """Both files of the cache entry `key` are in `folder` (a check of their names only, without a `Cache`, which
    would first clear the folder of stale temporary files)."""
    return (folder / f"{key}.json").is_file() and (folder / f"{key}.pdf").is_file()


def _good_meta(meta) -> bool:
    return (isinstance(meta, dict) and type(meta.get("pages")) is int and meta["pages"] >= 0
            and type(meta.get("size")) is int and isinstance(meta.get("sha256"), str) and len(meta["sha256"]) == 64
            and isinstance(meta.get("refused"), list) and all(isinstance(url, str) for url in meta["refused"]))


def publish(data: bytes, target: Path, kept: Path | None = None) -> int:
    """Put a PDF into the site folder (atomically): a hard link to `kept`, the cache's file holding the same bytes,
    where the file system allows, else written; returns its size. Raises `SiteWriteError` when it cannot.
    (A site PDF changed in place changes the cached one too: the cache's hash check then drops it.)"""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if kept is None or not link_atomic(kept, target):
            write_atomic(target, data)
    except OSError as err:
        raise SiteWriteError(target, err) from None
    return len(data)


# --- running many jobs -------------------------------------------------------------------------------------------------

def worker_count(requested: int | None = None, documents: int | None = None) -> int:
    """Workers to use for `documents` documents (1: render in this process): `requested`, else $LINDUNGI_PDF_WORKERS,
    else the CPU count (at most 4) from `WORKERS_FROM` documents on; always 1 below `IN_PROCESS_BELOW`."""
    if documents is not None and documents < IN_PROCESS_BELOW:
        return 1
    value = requested or os.environ.get(WORKERS_ENV)
    if not value:
        value = 1 if documents is not None and documents < WORKERS_FROM else min(4, os.cpu_count() or 1)
    return max(1, int(value))


@contextlib.contextmanager
def _importable():
    """While workers start: keep the package's parent folder on sys.path (spawned children copy the parent's path),
    and show them a bare `__main__`. A spawned child runs the parent's main script again unless it is a module's
    `__main__` (`python -m mkdocs`); for the `mkdocs` script that imports MkDocs and click into every worker, 0.05 s
    and 11 MB each, for nothing: a worker needs only this module."""
    parent = str(PACKAGE.parent)
    added = parent not in sys.path
    if added:
        sys.path.insert(0, parent)
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main
        if added and parent in sys.path:
            sys.path.remove(parent)


def _render_job(html: str) -> tuple[bytes, int, list]:
    """Worker entry point (top level, so it can be sent to a spawned process)."""
    return render_noted(html)


def _watch_parent(parent: int) -> None:
    """Worker initializer: end this worker as soon as the build process that started it is gone (a killed build's
    workers would otherwise live on), leave Ctrl-C to the build, which stops its workers itself, and remove the
    font folder when the worker ends."""
    import signal

    from multiprocessing import util

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    util.Finalize(None, _release_print_objects, exitpriority=0)  # (a worker's end runs no atexit functions)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, name="lindungi-parent-watch", daemon=True).start()


class Rendering:
    """The (key, job) pairs in `todo` handed to other processes, which render them while this process goes on:
    without `workers`, one helper process (engine.helper: a plain `python -I`, so no pool and no semaphore tracker
    process, 12 MB and 0.03 s less); else a pool of `workers` spawned workers, which grows to `grow_to` workers when
    `collect` is called (the build process then only waits): the jobs no worker has taken yet are shared, the later
    ones going to a second pool. `collect` puts their PDFs into a cache; `cancel` stops every process at once."""

    def __init__(self, todo: list, workers: int | None = None, grow_to: int | None = None) -> None:
        self.began = time.perf_counter()
        self.collected = False
        self.todo, self.pools, self.futures, self.helper = todo, [], {}, None
        self.workers = workers or 1
        self.grow_to = max(grow_to or 0, self.workers)
        self.moved = 0  # jobs handed to the second pool when the pool grew
        if workers is None:
            from ..engine import helper

            self.helper = helper.start(render_batch, ([job.html for _, job in todo],))
            return
        self._submit(todo, workers)

    def _submit(self, todo: list, workers: int) -> None:
        import concurrent.futures  # (here: only a build with many PDFs to make starts a pool)
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        pool = concurrent.futures.ProcessPoolExecutor(min(workers, len(todo)), mp_context=context,
                                                      initializer=_watch_parent, initargs=(os.getpid(),))
        self.pools.append(pool)
        try:
            with _importable():  # workers start at the first submit
                self.futures.update({pool.submit(_render_job, job.html): (key, job) for key, job in todo})
        except BaseException:
            self.cancel()
            raise

    def _grow(self) -> None:
        """Share the jobs no worker has taken yet between the running workers and `grow_to - workers` new ones: the
        later part of them (in proportion to the new workers) is taken back and handed to a second pool."""
        extra = self.grow_to - self.workers
        waiting = [future for future in self.futures if not future.running() and not future.done()]
        share = len(waiting) * extra // self.grow_to
        if extra <= 0 or share == 0:
            return
        moved = [self.futures.pop(future) for future in waiting[len(waiting) - share:] if future.cancel()]
        if moved:
            self.moved = len(moved)
            self._submit(moved, extra)

    def collect(self, cache: Cache, progress) -> set:
        """Wait for every job, put its PDF into `cache` (`progress(done, total, label)` after each); returns the keys
        rendered. An error, Ctrl-C or SystemExit stops the workers now, not after every queued job. (A helper that
        fails has its jobs rendered here, so that a real error is this process's own.)"""
        import concurrent.futures

        total = len(self.todo)
        try:
            if self.helper is not None:
                for done, ((key, job), result) in enumerate(zip(self.todo, self.helper.wait()), start=1):
                    cache.put(key, *result)
                    progress(done, total, job.label)
            else:
                self._grow()
                for done, future in enumerate(concurrent.futures.as_completed(self.futures), start=1):
                    key, job = self.futures[future]
                    cache.put(key, *future.result())
                    progress(done, total, job.label)
        except BaseException:
            self.cancel()
            raise
        self.collected = True
        for pool in self.pools:
            pool.shutdown()
        return {key for key, _ in self.todo}

    @property
    def helper_error(self) -> str:
        """What the helper said when it failed (its jobs then rendered in this process), else ""."""
        return self.helper.helper_error if self.helper is not None else ""

    def cancel(self) -> None:
        """Drop the jobs not yet rendered and end the workers (nothing is put into a cache)."""
        self.collected = True
        if self.helper is not None:
            self.helper.cancel()
        for pool in self.pools:
            processes = list((getattr(pool, "_processes", None) or {}).values())  # (shutdown lets go of them)
            pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()


def render_batch(htmls: list, remember=None) -> list:
    """A helper's call (engine.helper): `render_noted` of each document, in order."""
    return [render_noted(html) for html in htmls]


def _render_missing(todo: list, cache: Cache, workers: int, progress) -> None:
    """Render the (key, job) pairs in `todo` into `cache`, in `workers` worker processes (1: in this process)."""
    total = len(todo)
    if workers == 1:
        for done, (key, job) in enumerate(todo, start=1):
            cache.put(key, *render_noted(job.html))
            progress(done, total, job.label)
        return
    Rendering(todo, workers).collect(cache, progress)


def starts_early(documents: int) -> bool:
    """Whether `documents` documents start rendering before the pages (`start_rendering`): from `IN_PROCESS_BELOW`
    documents on, on two CPUs or more, and when $LINDUNGI_PDF_WORKERS does not set the count."""
    return documents >= IN_PROCESS_BELOW and (os.cpu_count() or 1) >= 2 and not os.environ.get(WORKERS_ENV)


def start_rendering(jobs, cache_dir) -> Rendering | None:
    """Hand the jobs whose PDF the cache in `cache_dir` lacks to another process now (when `starts_early`), so that
    it renders them on another CPU while this process writes the pages; pass the result to `render_all` as `started`.
    Below `WORKERS_FROM` documents that is one helper process; from there on one worker of a pool that grows to
    `worker_count` workers when the pages are done (started with the pages, two workers and the build shared two
    CPUs: at 100 modules 10 % more CPU for 4 % less time). None when the jobs are left to the end. (An entry is
    judged present by its files alone here: one found damaged later renders then.)"""
    folder, css = Path(cache_dir), print_css()
    todo = list({key: job for job in jobs if not _present(folder, key := job_key(job, css))}.items())
    if not starts_early(len(todo)):
        return None
    if len(todo) < WORKERS_FROM:
        return Rendering(todo)
    return Rendering(todo, 1, grow_to=worker_count(None, len(todo)))


def render_all(jobs, merges, site_dir, cache_dir, workers: int | None = None, progress=None,
               started: Rendering | None = None) -> Report:
    """Make every job's and merge's PDF in `site_dir`, rendering only what the cache in `cache_dir` lacks (or holds
    damaged). `started`: these jobs' `start_rendering`, whose PDFs are collected first (its time counts in the
    report). Raises `SiteWriteError` when a PDF cannot be written into `site_dir`."""
    began = started.began if started is not None else time.perf_counter()
    site_dir, cache = Path(site_dir), Cache(cache_dir)
    progress = progress or (lambda done, total, label: None)
    fresh = started.collect(cache, progress) if started is not None else set()
    css = print_css()
    keys = {job.out: job_key(job, css) for job in jobs}
    todo = list({keys[j.out]: j for j in jobs if cache.get(keys[j.out]) is None}.items())
    _render_missing(todo, cache, worker_count(workers, len(todo)), progress)
    fresh |= {key for key, _ in todo}
    report = Report()
    for job in jobs:
        key = keys[job.out]
        entry = cache.get(key)
        size = publish(entry.data, site_dir / job.out, cache.file_of(key))
        report.results.append(Result(job.out, job.label, entry.pages, size, key in fresh, job.pages, key,
                                     entry.refused, job.source))
    for merge in merges:
        key = merge_key(merge, keys)
        entry = cache.get(key)
        rendered = entry is None
        if rendered:
            entry = cache.put(key, *merge_pdfs([(title, cache.get(keys[path]).data) for title, path in merge.parts]))
        size = publish(entry.data, site_dir / merge.out, cache.file_of(key))
        report.results.append(Result(merge.out, merge.label, entry.pages, size, rendered, key=key))
    report.seconds = time.perf_counter() - began
    report.cache_error = cache.error
    return report


# --- whole runs --------------------------------------------------------------------------------------------------------
# A run is recorded under a digest of everything its jobs are made from (the caller computes it from the sources, so a
# warm build can skip writing the HTML of every job). Replaying copies the same PDFs from the cache. The record holds a
# digest of its own entries and is checked like a PDF entry: a damaged or edited record is ignored (the jobs are made).

def _run_name(digest: str) -> str:
    return f"run-{hashlib.sha256(f'{engine_digest()}|{digest}'.encode()).hexdigest()[:32]}.json"


def _entries_digest(entries) -> str:
    return hashlib.sha256(json.dumps(entries, ensure_ascii=False).encode()).hexdigest()


def record_run(digest: str, report: Report, cache_dir) -> None:
    """Remember which cached PDF each output of this run is, for `replay_run` with the same `digest`. A cache folder
    that cannot be written is noted in `report.cache_error`."""
    if report.cache_error is not None:
        return
    entries = [[r.out, r.label, r.key, r.limit, r.source] for r in report.results]
    cache = Cache(cache_dir)
    cache.write(_run_name(digest), json.dumps({"entries": entries, "sha256": _entries_digest(entries)}).encode())
    report.cache_error = cache.error


def replace_result(report: Report, out: str, data: bytes, cache: Cache) -> None:
    """The PDF `out` of `report` was changed after rendering (a handout with its region's band printed on): store the
    new bytes in `cache` under their own hash and point the result at them, so that `record_run` records the PDF as
    it was published and a replayed run copies it without changing it again."""
    key = hashlib.sha256(data).hexdigest()[:32]
    for index, result in enumerate(report.results):
        if result.out == out:
            cache.store(key, data, result.pages, result.refused)
            report.results[index] = dataclasses.replace(result, key=key, size=len(data))
            return


def _safe_out(out) -> bool:
    """A path inside the site folder (a record names where it copies to)."""
    return (isinstance(out, str) and out.endswith(".pdf") and not out.startswith("/") and "\\" not in out
            and ".." not in out.split("/") and "" not in out.split("/"))


def _read_run(cache_dir: Path, digest: str):
    try:
        record = json.loads((cache_dir / _run_name(digest)).read_text(encoding="utf-8"))
        entries = record["entries"]
        if record["sha256"] != _entries_digest(entries):
            return None
        runs = [(out, label, key, limit, source) for out, label, key, limit, source in entries]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    good = all(_safe_out(out) and isinstance(label, str) and isinstance(key, str) and re.fullmatch("[0-9a-f]{32}", key)
               and isinstance(source, str) and (limit is None or type(limit) is int)
               for out, label, key, limit, source in runs)
    return runs if runs and good else None


def recorded_run(digest: str, cache_dir):
    """The entries of the run recorded under `digest` when all its PDFs are in the cache folder (not yet read or
    checked: `replay_run` does that), else None."""
    cache_dir = Path(cache_dir)
    runs = _read_run(cache_dir, digest)
    return runs if runs is not None and all(_present(cache_dir, key) for _, _, key, _, _ in runs) else None


def replay_run(digest: str, site_dir, cache_dir, runs=None) -> Report | None:
    """The PDFs of a recorded run with the same `digest`, copied from the cache into `site_dir`; None when there is no
    such run or one of its PDFs has left the cache or is damaged (the caller then makes the jobs and calls
    `render_all`). `runs`: what `recorded_run` found for it, when the caller asked already. Raises `SiteWriteError`
    when a PDF cannot be written into `site_dir`."""
    started = time.perf_counter()
    site_dir, cache_dir = Path(site_dir), Path(cache_dir)
    runs = runs if runs is not None else recorded_run(digest, cache_dir)
    if runs is None:
        return None
    cache = Cache(cache_dir)
    report = Report()
    for out, label, key, limit, source in runs:
        entry = cache.take(key)
        if entry is None:  # damaged: the caller makes the jobs (and writes again what was copied so far)
            return None
        size = publish(entry.data, site_dir / out, cache.file_of(key))
        report.results.append(Result(out, label, entry.pages, size, False, limit, key, entry.refused, source))
    report.seconds = time.perf_counter() - started
    return report


class TerminalProgress:
    """`PDF 12/50 handout-x` on one rewritten line, only when stderr is a terminal (build logs stay clean)."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.active = bool(getattr(self.stream, "isatty", lambda: False)())

    def __call__(self, done: int, total: int, label: str) -> None:
        if not self.active:
            return
        end = "\n" if done == total else ""
        self.stream.write(f"\r\x1b[2KPDF {done}/{total} {label[:60]}{end}")
        self.stream.flush()

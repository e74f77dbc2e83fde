"""PDF rendering with WeasyPrint: a cache keyed by content hash, worker processes, a progress line. No MkDocs.

A `Job` is one HTML document that becomes one PDF; a `Merge` joins finished PDFs into one with bookmarks (the trainer's
pack). The cache key of a job is a hash of everything that shapes the PDF: the HTML (which inlines the print CSS and all
settings it shows), the bundled fonts and the engine version. A rebuild with nothing changed renders nothing; changing
one module renders its handout again and re-joins the packs that contain it. A whole run is also recorded under a digest
of its sources (`record_run`/`replay_run`), so a warm build with nothing changed copies the PDFs without writing the
HTML of every job first.

Workers are spawned processes (safe under `spawn` and `forkserver`, the default from Python 3.14). They import this
module by name, so the folder holding the `lindungi` package is put on `sys.path` while the pool starts: MkDocs adds
the hook folder to `sys.path` only while it loads `hooks/main.py`.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import hashlib
import io
import json
import multiprocessing
import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
FONTS = PACKAGE / "fonts"
CACHE_FORMAT = "1"          # bump to invalidate every cached PDF after a change in this module
SIZE_LIMIT = 300 * 1024     # bytes; a handout must stay small enough for WhatsApp
WORKERS_ENV = "LINDUNGI_PDF_WORKERS"
IN_PROCESS_BELOW = 3        # so few documents are faster to render here than to start workers for


@dataclass(frozen=True)
class Job:
    """One HTML document to render to `out` (a path relative to the site folder)."""

    out: str
    html: str
    label: str
    pages: int | None = None   # the page count the document must not exceed (handouts), or None


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

    @property
    def overflows(self) -> bool:
        return self.limit is not None and self.pages > self.limit


@dataclass
class Report:
    results: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rendered(self) -> int:
        return sum(1 for r in self.results if r.rendered)


# --- the engine -----------------------------------------------------------------------------------------------------

def _fetcher_class():
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


def render_pdf(html: str) -> tuple[bytes, int]:
    """Render one HTML document; returns the PDF bytes and its page count."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=PACKAGE.as_uri() + "/", url_fetcher=local_fetcher()).render()
    buffer = io.BytesIO()
    document.write_pdf(buffer)
    return buffer.getvalue(), len(document.pages)


def _render_to_cache(html: str, key: str, cache_dir: str) -> int:
    """Worker entry point (top level, so it can be sent to a spawned process): render and store in the cache."""
    data, pages = render_pdf(html)
    _store(Path(cache_dir), key, data, {"pages": pages})
    return pages


def merge_pdfs(parts, out_path: Path) -> int:
    """Join PDFs into `out_path`; each part becomes a bookmark holding that part's own bookmarks. Returns pages."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for title, path in parts:
        writer.append(str(path), outline_item=title)
    writer.page_mode = "/UseOutlines"
    with open(out_path, "wb") as handle:
        writer.write(handle)
    return len(writer.pages)


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


def job_key(job: Job) -> str:
    return hashlib.sha256(f"{engine_digest()}|{job.html}".encode()).hexdigest()[:32]


def merge_key(merge: Merge, keys: dict) -> str:
    text = json.dumps([engine_digest(), "merge", [(title, keys[path]) for title, path in merge.parts]])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _store(cache_dir: Path, key: str, data: bytes, meta: dict) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    for suffix, content in ((".pdf", data), (".json", json.dumps(meta).encode())):
        tmp = cache_dir / f"{key}{suffix}.{os.getpid()}.tmp"
        tmp.write_bytes(content)
        tmp.replace(cache_dir / f"{key}{suffix}")


def _cached_pages(cache_dir: Path, key: str) -> int | None:
    meta, pdf = cache_dir / f"{key}.json", cache_dir / f"{key}.pdf"
    if not (meta.is_file() and pdf.is_file()):
        return None
    try:
        return int(json.loads(meta.read_text())["pages"])
    except (ValueError, KeyError, TypeError):
        return None


# --- running many jobs -------------------------------------------------------------------------------------------------

def worker_count(requested: int | None = None) -> int:
    """Workers to use: `requested`, else $LINDUNGI_PDF_WORKERS, else the CPU count (at most 4)."""
    value = requested or os.environ.get(WORKERS_ENV) or min(4, os.cpu_count() or 1)
    return max(1, int(value))


@contextlib.contextmanager
def _importable():
    """Keep the package's parent folder on sys.path while workers start (spawned children copy the parent's path)."""
    parent = str(PACKAGE.parent)
    added = parent not in sys.path
    if added:
        sys.path.insert(0, parent)
    try:
        yield
    finally:
        if added and parent in sys.path:
            sys.path.remove(parent)


def _render_missing(todo: list, cache_dir: Path, workers: int, progress) -> None:
    """Render the (key, job) pairs in `todo` into the cache, in worker processes when it pays."""
    total = len(todo)
    if workers == 1 or total < IN_PROCESS_BELOW:
        for done, (key, job) in enumerate(todo, start=1):
            _render_to_cache(job.html, key, str(cache_dir))
            progress(done, total, job.label)
        return
    context = multiprocessing.get_context("spawn")
    with _importable(), concurrent.futures.ProcessPoolExecutor(min(workers, total), mp_context=context) as pool:
        futures = {pool.submit(_render_to_cache, job.html, key, str(cache_dir)): job for key, job in todo}
        for done, future in enumerate(concurrent.futures.as_completed(futures), start=1):
            future.result()
            progress(done, total, futures[future].label)


def render_all(jobs, merges, site_dir, cache_dir, workers: int | None = None, progress=None) -> Report:
    """Make every job's and merge's PDF in `site_dir`, rendering only what the cache in `cache_dir` lacks."""
    started = time.perf_counter()
    site_dir, cache_dir = Path(site_dir), Path(cache_dir)
    progress = progress or (lambda done, total, label: None)
    keys = {job.out: job_key(job) for job in jobs}
    todo = list({keys[j.out]: j for j in jobs if _cached_pages(cache_dir, keys[j.out]) is None}.items())
    _render_missing(todo, cache_dir, worker_count(workers), progress)
    fresh = {key for key, _ in todo}
    report = Report()
    for job in jobs:
        key = keys[job.out]
        size = _copy(cache_dir / f"{key}.pdf", site_dir / job.out)
        report.results.append(Result(job.out, job.label, _cached_pages(cache_dir, key) or 0, size, key in fresh,
                                     job.pages, key))
    for merge in merges:
        key = merge_key(merge, keys)
        rendered = _cached_pages(cache_dir, key) is None
        if rendered:
            tmp = cache_dir / f"{key}.merge.tmp"
            pages = merge_pdfs([(title, site_dir / path) for title, path in merge.parts], tmp)
            _store(cache_dir, key, tmp.read_bytes(), {"pages": pages})
            tmp.unlink()
        size = _copy(cache_dir / f"{key}.pdf", site_dir / merge.out)
        report.results.append(Result(merge.out, merge.label, _cached_pages(cache_dir, key) or 0, size, rendered,
                                     key=key))
    report.seconds = time.perf_counter() - started
    return report


# --- whole runs --------------------------------------------------------------------------------------------------------
# A run is recorded under a digest of everything its jobs are made from (the caller computes it from the sources, so a
# warm build can skip writing the HTML of every job). Replaying copies the same PDFs from the cache.

def _run_file(cache_dir: Path, digest: str) -> Path:
    return cache_dir / f"run-{hashlib.sha256(f'{engine_digest()}|{digest}'.encode()).hexdigest()[:32]}.json"


def record_run(digest: str, report: Report, cache_dir) -> None:
    """Remember which cached PDF each output of this run is, for `replay_run` with the same `digest`."""
    entries = [[r.out, r.label, r.key, r.limit] for r in report.results]
    path = _run_file(Path(cache_dir), digest)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(entries), encoding="utf-8")
    tmp.replace(path)


def replay_run(digest: str, site_dir, cache_dir) -> Report | None:
    """The PDFs of a recorded run with the same `digest`, copied from the cache into `site_dir`; None when there is no
    such run or one of its PDFs has left the cache (the caller then makes the jobs and calls `render_all`)."""
    started = time.perf_counter()
    site_dir, cache_dir = Path(site_dir), Path(cache_dir)
    try:
        entries = json.loads(_run_file(cache_dir, digest).read_text(encoding="utf-8"))
        runs = [(str(out), str(label), str(key), limit) for out, label, key, limit in entries]
    except (OSError, ValueError, TypeError):
        return None
    pages = {key: _cached_pages(cache_dir, key) for _, _, key, _ in runs}
    if not runs or any(count is None for count in pages.values()):
        return None
    report = Report()
    for out, label, key, limit in runs:
        size = _copy(cache_dir / f"{key}.pdf", site_dir / out)
        report.results.append(Result(out, label, pages[key], size, False, limit, key))
    report.seconds = time.perf_counter() - started
    return report


def _copy(source: Path, target: Path) -> int:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)  # in the kernel where it can (sendfile), not through Python bytes
    return target.stat().st_size


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

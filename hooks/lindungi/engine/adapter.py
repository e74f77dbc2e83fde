"""The MkDocs side: the only module of the package that imports mkdocs.

`LindungiPlugin` (entry point `lindungi` in the `mkdocs.plugins` group; `plugins: - lindungi` in mkdocs.yml) turns the
engine-free project into MkDocs things: settings from `extra.lindungi`, log lines, generated `File`s, nav entries, the
theme overrides and static assets. What a build writes beside MkDocs' pages comes from the producers in `PRODUCERS`,
run in order. Everything else is delegated to plain modules. ProperDocs runs the same plugin (it maps `mkdocs.*`).
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from ..content import pages
from ..content.lawext import LawExtension
from ..i18n.locales import strings
from ..i18n.messages import note
from ..printing import certificate, documents, pdf
from ..quiz import quizpages, scoring
from ..quiz.quizext import QuizExtension
from ..validation.problems import ERROR, WARNING, Problem, format_report, quote, sort_problems
from . import compress, helper, search_id, summary, templating
from .checking import check_project
from .files import remove_stale_temporaries
from .memo import CACHE_DIR, output_memo, page_memo, source_memo

log = logging.getLogger("mkdocs.plugins.lindungi")

PDF_ENV = "LINDUNGI_PDF"     # "off": no PDFs (pages only); "sync": PDFs before the build ends, under serve too
PAGES_CACHE = Path(".cache") / "lindungi-pages"   # generated Markdown on disk, for `--dirty` builds

# What `on_startup` said about this MkDocs process (it runs once, before the first `on_config`; serve keeps it).
_session = {"command": "build", "dirty": False}
PDF_CACHE = "lindungi-pdf"  # the PDF cache's folder in the project's cache folder
_pdf_runs = {"latest": 0, "thread": None,   # the PDF thread under serve; a newer build's run supersedes it
             "started": None}                # the PDFs `start_pdfs` handed on (pdf.Rendering), until collected


# Every warning and error of the current build (for the closing summary and the serve error page), and its counts.
_capture = summary.Capture()
_outcome = {"failed": False, "pages": 0, "pdfs": 0, "site": "site", "lang": "id", "error": ""}


def start_session(command: str, dirty: bool) -> None:
    _session.update(command=command, dirty=bool(dirty))
    logger = logging.getLogger("mkdocs")
    if _capture not in logger.handlers:
        logger.addHandler(_capture)


def _summarise() -> None:
    for line in summary.summary_lines(_capture, failed=_outcome["failed"], pages=_outcome["pages"],
                                      pdfs=_outcome["pdfs"], site=_outcome["site"], lang=_outcome["lang"],
                                      error=_outcome["error"]):
        log.info(line)


def end_session() -> None:
    """MkDocs' `on_shutdown`: after `mkdocs build` succeeded, the summary is the output's last lines (a failed build
    printed its own in `abort_build`)."""
    stop_pdfs()
    stop_started_pdfs()  # (an interrupted build: MkDocs runs this event in a `finally`)
    if _session["command"] == "build" and not _outcome["failed"] and _outcome["pages"]:
        _summarise()


def watch_serve(server, config):
    """MkDocs' `on_serve`: a rebuild that fails no longer leaves the browser waiting. The server's builder is wrapped:
    a failed build is logged as always, then every page request (`.html` or a folder) gets a page naming the problems
    with their file:line and fix, until a build succeeds; livereload then brings the browser back to the fixed page."""
    rebuild = server.builder
    state = {"page": None}

    def guarded():
        try:
            rebuild()
        except Exception as err:  # noqa: BLE001 - content or plugin error: shown in the browser, server keeps running
            state["page"] = summary.error_page(_capture, _outcome["error"] or str(err), _outcome["lang"]).encode()
            log.error(note("serve-error-logged", _outcome["lang"]))
        else:
            state["page"] = None

    app = server.get_app()

    def app_with_errors(environ, start_response):
        page = state["page"]
        path = environ.get("PATH_INFO", "")
        if page is None or path.startswith("/livereload/") or not (path.endswith("/") or path.endswith(".html")):
            return app(environ, start_response)
        inject = getattr(server, "_inject_js_into_html", None)  # MkDocs' livereload script: reload once fixed
        if inject is not None:
            page = inject(page, getattr(server, "_visible_epoch", 0))
        else:
            page = page.replace(b"<head>", b'<head><meta http-equiv="refresh" content="3">', 1)
        start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8"),
                                                     ("Content-Length", str(len(page))), ("Cache-Control", "no-store")])
        return [page]

    server.builder = guarded
    server.set_app(app_with_errors)
    return server


def _serve_address(config) -> bool:
    """True when `config.site_url` is the address `mkdocs serve` put there (it replaces the configured one)."""
    host, port = config.dev_addr
    return bool(config.site_url) and config.site_url.startswith(f"http://{host}:{port}/")


def configured_site_url(config) -> str:
    """The `site_url` written in the config file. `mkdocs serve` replaces `config.site_url` with its own address
    (http://127.0.0.1:PORT/) before every build; a printed QR code must never point there, so under serve the value
    is read again from the file (with MkDocs' own YAML loader: `!ENV` and `INHERIT` work as in the build)."""
    if not _serve_address(config) and _session["command"] != "serve":
        return config.site_url or ""
    if not config.config_file_path:
        return ""
    from mkdocs.utils.yaml import yaml_load

    try:
        with open(config.config_file_path, "rb") as handle:
            data = yaml_load(handle) or {}
    except Exception:  # an unreadable file: no QR rather than a localhost one
        return ""
    value = data.get("site_url") if isinstance(data, dict) else None
    if not isinstance(value, str) or not value.strip():
        return ""
    return value.strip() if value.strip().endswith("/") else value.strip() + "/"


def pdf_mode(config, wanted: str = "auto") -> str:
    """'sync' (the PDFs are made before the build ends: `mkdocs build`), 'later' (after the pages are served:
    `mkdocs serve`) or 'off' (for editors who only check pages). `wanted` is the plugin's `pdf` option;
    $LINDUNGI_PDF, when set, overrides it."""
    wanted = os.environ.get(PDF_ENV, "").strip().lower() or wanted
    if wanted in ("off", "0", "no", "false"):
        return "off"
    if wanted == "sync":
        return "sync"
    return "later" if (_session["command"] == "serve" or _serve_address(config)) else "sync"


class Build:
    """Per-build state, made anew in `on_config` (`mkdocs serve` keeps the hook module between builds)."""

    def __init__(self, config, options=None):
        self.root = Path(config.config_file_path).parent
        self.cache = self.root / CACHE_DIR
        remove_stale_temporaries(self.cache)  # left by a killed build
        templating.use_cache(self.cache / "jinja")
        extra = config.extra.get("lindungi")
        sources = source_memo(self.root)
        self.pdf_mode = pdf_mode(config, options.pdf if options is not None else "auto")
        self.dirty = _session["dirty"]
        self.project = check_project(self.root, extra, Path(config.docs_dir).name, configured_site_url(config),
                                     remember=sources.get)
        sources.save()
        self.cache_error = sources.error  # the first reason the cache folder could not be written, logged once
        self.lang = self.project.settings.language
        self.ui = strings(self.lang)
        self.generated: dict = {}
        self.trainer_paths: set = set()
        self.user_nav = None
        self.quiz_files = None  # the helper.Job making the quiz sheets and exports (see add_generated_files)
        self.pdf_start = None   # the PDF run as `start_pdfs` began it, before the pages render
        self.memo = output_memo(self.root, salt=json.dumps(self.ui, sort_keys=True))
        self.quiz_ext = QuizExtension(banks=self.project.quizzes, ui=self.ui, defer=True, memo=self.memo)
        self.law_ext = LawExtension(laws=self.project.laws)
        self.placed = pages.placed_quizzes(self.project)  # page -> the banks its block tree places


# --- one build of a folder at a time ---------------------------------------------------------------------------------
# Two builds of one project at once would clean and write the same site folder (MkDocs empties it first). The build
# holds an exclusive lock on the project folder from `on_config` to the end; a second build waits for it. The kernel
# drops the lock when the process ends, however it ends.

_lock_fd: int | None = None


def lock_project(root: Path, lang: str = "id") -> None:
    global _lock_fd
    import fcntl

    unlock_project()
    try:
        fd = os.open(root, os.O_RDONLY)
    except OSError:
        return  # nothing to lock on: build unlocked
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        log.info(note("build-waiting", lang))
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError:
        os.close(fd)
        return
    _lock_fd = fd


def unlock_project() -> None:
    global _lock_fd
    if _lock_fd is not None:
        os.close(_lock_fd)  # closing the last descriptor releases the lock
        _lock_fd = None


def start_build(config, options=None) -> Build:
    """Load and validate everything; log every problem; fail once if there is an error. `options`: the plugin's
    `LindungiConfig` (None from the old hooks/main.py: every option at its default)."""
    _capture.reset()
    root = Path(config.config_file_path).parent
    extra = config.extra.get("lindungi")  # checked below: it may be anything an editor wrote
    lang = extra.get("language") if isinstance(extra, dict) else None
    _outcome.update(failed=False, pages=0, pdfs=0, site=_shown(config.site_dir, root), error="",
                    lang=lang if isinstance(lang, str) and lang in ("id", "en") else "id")
    lock_project(root)
    build = Build(config, options)
    report(build.project.problems, build.lang)
    missing = pdf.missing_fonts() if build.project.modules or build.project.workshops else []
    if missing:  # WeasyPrint would silently print bold or italic text in the regular face
        raise PluginError("\n".join(note("font-missing", build.lang, path=_shown(font, build.root)) for font in missing))
    area = build.project.settings.area
    if area is not None and area.site_url:  # the region's address: canonical links, sitemap and handout QR codes
        config["site_url"] = area.site_url
    if area is not None and area.logo:  # the region's logo in the header (its file is added in on_files)
        config.theme["logo"] = logo_path(area)
    config.extra["ui"] = build.ui
    # The pages that place a quiz: the theme loads quiz.css and quiz.js on these only. (Not a flag in page.meta: a page
    # with meta costs Material's nav four more lookups in every page that lists it, O(pages²) on a site of quizzes.)
    config.extra["lp_quiz_pages"] = frozenset(path for path, banks in build.placed.items() if banks)
    late_stylesheets(config)
    config.extra["lp_help_items"] = pages.render_help_items(build.project.settings, build.ui)
    config.markdown_extensions.append(build.quiz_ext)  # `::: quiz <id>`: a plain Markdown extension instance
    config.markdown_extensions.append(build.law_ext)   # `[text](law:<id>)`: likewise
    build.user_nav = config.nav
    _use_page_memo(page_memo(build.root))
    return build


def late_stylesheets(config) -> None:
    """The stylesheets are linked after the page's content, not in its head (docs/.overrides/main.html): Material's
    own (found in the theme, so a new Material version needs no edit) and the site's extra_css, in that order. The
    head holds a small first-paint stylesheet instead, so a slow connection shows the page one round trip sooner."""
    if "lp_css" not in config.extra:  # serve keeps `extra` between builds only when the config is not reloaded
        config.extra["lp_css"] = [str(path) for path in config.extra_css]
    config.extra_css = []
    found = []
    for name in ("main", "palette"):
        for folder in config.theme.dirs:
            hits = sorted(Path(folder, "assets", "stylesheets").glob(f"{name}.*.min.css"))
            if hits:
                found.append(f"assets/stylesheets/{hits[0].name}")
                break
    config.extra["lp_theme_css"] = found if config.theme.get("palette") else found[:1]


def report(problems, lang: str) -> None:
    """Log problems grouped by file (warnings count for --strict); raise one PluginError if any is an error."""
    if not problems:
        return
    errors = [p for p in problems if p.severity == ERROR]
    for problem in sort_problems(problems):
        (log.error if problem.severity == ERROR else log.warning)(problem.format(lang))
    if errors:
        summary = format_report(problems, lang)[-1]
        raise PluginError(summary)


LOGO_DIR = "assets/wilayah"


def logo_path(area) -> str:
    """Site path of the region's logo (its own file name keeps its type)."""
    return f"{LOGO_DIR}/logo{Path(area.logo).suffix.lower()}"


def add_region_files(build: Build, files, config) -> None:
    """The region's pages (`regions/<id>/docs/`) replace or add to the docs/ files at the same path; its logo joins
    the site's assets."""
    area = build.project.settings.area
    if area is None:
        return
    overlay = build.root / area.docs_dir
    if overlay.is_dir():
        for path in sorted(p for p in overlay.rglob("*") if p.is_file()):
            src_uri = path.relative_to(overlay).as_posix()
            if any(part.startswith(".") for part in src_uri.split("/")):
                continue
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                files.remove(existing)
            files.append(File(src_uri, str(overlay), config.site_dir, config.use_directory_urls))
    if area.logo:
        files.append(File.generated(config, logo_path(area), abs_src_path=str(build.root / area.logo)))


class Producer:
    """One kind of output beside MkDocs' own pages. `pages` gives generated Markdown pages (site path -> Markdown)
    while MkDocs collects files; `start` begins work that writes into the site folder while pages render; `finish`
    runs after MkDocs has written the pages. Each step is optional; `PRODUCERS` runs them in order."""

    def pages(self, build: Build, config) -> dict:
        return {}

    def files(self, build: Build, config) -> dict:
        """Other generated files (site path -> bytes), added while MkDocs collects files."""
        return {}

    def start(self, build: Build, config) -> None:
        pass

    def finish(self, build: Build, config) -> None:
        pass


class SitePages(Producer):
    """The catalogue, module, session, handout-print and trainer pages."""

    def pages(self, build, config):
        state = {"sync": "", "later": "pending", "off": "off"}[build.pdf_mode]
        out = pages.generate_pages(build.project, build.ui, handout_links=documents.handout_links(build.ui, state))
        out.update(documents.generated_pages(build.project, build.ui, config.use_directory_urls, state))
        return out


class QuizFiles(Producer):
    """The trainer kit's quiz index, test sheets, answer keys and exports (never in the public edition)."""

    def pages(self, build, config):
        return quizpages.trainer_index(build.project, build.ui) if build.project.settings.trainer_kit else {}

    def start(self, build, config):
        if build.project.settings.trainer_kit:  # written into the (already cleaned) site folder while pages render
            build.quiz_files = helper.start(quizpages.write_bank_files, (quizpages.sorted_banks(build.project),
                                            build.project.settings.organisation, build.ui, config.site_dir), build.memo)

    def finish(self, build, config):
        if build.quiz_files is None:
            return
        try:
            build.quiz_files.wait()
        except OSError as err:  # a full disk, a read-only site folder: one message, no cut-off file
            raise _site_write_failed(build, err.filename or config.site_dir, err) from None
        if build.quiz_files.helper_error:
            log.info(note("quiz-sheets-no-helper", build.lang, error=build.quiz_files.helper_error.splitlines()[-1]))


class Workbooks(Producer):
    """The trainer kit's pre/post scoring workbook (.xlsx) of each workshop."""

    def files(self, build, config):
        out = {}
        for workshop in build.project.workshops.values() if build.project.settings.trainer_kit else ():
            workbook = scoring.workbook_bytes(workshop, build.project, build.ui, build.memo)
            if workbook is not None:
                out[scoring.workbook_path(workshop)] = workbook
        return out


class SearchStems(Producer):
    """Indonesian root words in Material's search index; the output memo is saved once they are written."""

    def finish(self, build, config):
        try:
            search_id.stem_site(config.site_dir, build.memo)
        except OSError as err:
            raise _site_write_failed(build, err.filename or config.site_dir, err) from None
        build.memo.save()


class Pdfs(Producer):
    """Handouts and trainer's packs: before the build ends, after the pages under serve, or not at all."""

    def start(self, build, config):
        if build.pdf_mode == "sync":
            build.pdf_start = start_pdfs(build, config)

    def finish(self, build, config):
        if build.pdf_mode == "sync":
            write_pdfs(build, config)
            precompress(build, config)
        elif build.pdf_mode == "later":
            write_pdfs_later(build, config)
        elif build.project.modules or build.project.workshops:
            log.info(note("pdf-off", build.lang, env=PDF_ENV))


PRODUCERS: tuple[Producer, ...] = (SitePages(), QuizFiles(), Workbooks(), SearchStems(), Pdfs())


def add_generated_files(build: Build, files, config):
    """Add the region's files, then every producer's generated pages; start the producers' work; build the nav."""
    add_region_files(build, files, config)
    build.generated = {}
    for producer in PRODUCERS:
        build.generated.update(producer.pages(build, config))
        for path, content in producer.files(build, config).items():
            files.append(File.generated(config, path, content=content))
    for producer in PRODUCERS:
        producer.start(build, config)
    build.trainer_paths = pages.trainer_pages(build.generated)
    for path, markdown in build.generated.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        files.append(_generated_file(build, config, path, markdown))
    add_module_assets(build, files, config)
    hand_written = [f.src_uri for f in files.documentation_pages() if f.src_uri not in build.generated]
    _outcome["pages"] = len(files.documentation_pages())
    _outcome["pdfs"] = {"later": note("summary-pdfs-later", build.lang), "off": 0}.get(build.pdf_mode, 0)
    config.extra["lp_links"] = _help_links(files)
    config.nav = pages.site_nav(build.user_nav, hand_written, build.generated, build.project, build.ui,
                                {build.ui["quiz_trainer_title"]: f"{quizpages.QUIZ_DIR}/index.md",
                                 build.ui["laws_trainer_title"]: pages.LAWS_PAGE,
                                 build.ui["cert_check_title"]: certificate.CHECK_PAGE})
    return files


def add_module_assets(build: Build, files, config) -> None:
    """Images and other files beside a module's sessions go with its pages: into modul/<id>/ and, where the module has
    trainer views in this build, into pelatih/<id>/ too, so `![Alur](alur.png)` works in both views of a session."""
    for module in build.project.modules.values():
        folder = build.root / Path(module.path).parent
        targets = [f"{pages.MODULES_DIR}/{module.id}"]
        if any(path.startswith(f"{pages.TRAINERS_DIR}/{module.id}/") for path in build.generated):
            targets.append(f"{pages.TRAINERS_DIR}/{module.id}")
        for asset in module.assets:
            for target in targets:
                path = f"{target}/{asset}"
                existing = files.get_file_from_path(path)
                if existing is not None:
                    files.remove(existing)
                files.append(File.generated(config, path, abs_src_path=str(folder / asset)))


def _generated_file(build: Build, config, path: str, markdown: str) -> File:
    """A generated page. In a `--dirty` build it is backed by a file under .cache/lindungi-pages that is rewritten only
    when its Markdown changed, so MkDocs (which rebuilds every in-memory page) skips it when it did not change."""
    if not build.dirty:
        return File.generated(config, path, content=markdown)
    source = build.root / PAGES_CACHE / path
    try:
        if not (source.is_file() and source.read_text(encoding="utf-8") == markdown):
            source.parent.mkdir(parents=True, exist_ok=True)
            tmp = source.with_name(f".{source.name}.{os.getpid()}.tmp")
            tmp.write_text(markdown, encoding="utf-8")
            tmp.replace(source)
    except OSError:
        return File.generated(config, path, content=markdown)
    return File.generated(config, path, abs_src_path=str(source))


def _help_links(files) -> dict:
    """Site URLs of the help page and the safety page linked from every page's help block (when the site has them)."""
    links = {}
    for key, src in (("help", pages.HELP_PAGE), ("safety", pages.SAFETY_PAGE)):
        found = files.get_file_from_path(src)
        if found is not None:
            links[key] = found.url
    return links


def render_page_markdown(build: Build, markdown: str, page) -> str:
    """Hand-written pages get the public view of their blocks; generated pages are already rendered."""
    path = page.file.src_uri
    placed = build.placed.get(path, ())
    build.quiz_ext.set_page(quizpages.storage_for(path, build.project.settings), placed)
    if path in build.generated:
        return markdown
    tree = build.project.pages.get(path)
    if tree is None:
        return markdown
    return pages.render_body(tree, "public", build.project.settings, build.ui)


def finish_page(build: Build, output: str) -> str:
    """A finished page with its quizzes put in: the search index has seen only their empty slots."""
    return build.quiz_ext.fill(output)


def _shown(path, root: Path) -> str:
    """`path` relative to the project when it is inside it (as messages name files), else as it is."""
    path = Path(path)
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _site_write_failed(build: Build, path, err: OSError) -> PluginError:
    return PluginError(note("site-write-failed", build.lang, path=_shown(path, build.root),
                            error=err.strerror or str(err)))


def finish_build(build: Build, config) -> None:
    """After MkDocs has written the pages: every producer's last step (quiz files, search stems, PDFs), in order."""
    try:
        page_error = _drop_page_memo(prune=not build.dirty)  # (a --dirty build renders only the changed pages)
        for producer in PRODUCERS:
            producer.finish(build, config)
        error = build.cache_error or build.memo.error or page_error
        if error is not None:
            log.info(note("cache-unwritable", build.lang, path=_shown(build.cache, build.root),
                          error=error.strerror or str(error)))
    finally:
        unlock_project()


def precompress(build: Build, config) -> None:
    """`.gz` copies of the site's text files for servers that send them as they are (not under `mkdocs serve`)."""
    try:
        count, before, after = compress.write_gz(config.site_dir, build.cache / "gzip")
    except OSError as err:
        raise _site_write_failed(build, err.filename or config.site_dir, err) from None
    log.info(note("gzip", build.lang, count=count, before=f"{before / 1024:.0f}", after=f"{after / 1024:.0f}"))


def abort_build(error=None) -> None:
    """The build failed (MkDocs' `on_build_error`): let the next build of this folder start, and end the output with
    the summary (MkDocs prints one line of its own after it)."""
    unlock_project()
    stop_started_pdfs()
    _drop_page_memo()
    _outcome.update(failed=True, error=str(error or ""))
    if isinstance(error, PluginError):  # MkDocs logs this error's message last: let that be the summary
        lines = summary.summary_lines(_capture, failed=True, pages=_outcome["pages"], pdfs=_outcome["pdfs"],
                                      site=_outcome["site"], lang=_outcome["lang"], error=_outcome["error"])
        if not _capture.messages and _outcome["error"]:  # the error itself is the problem: it stays first, once
            first = note("summary-first", _outcome["lang"], first="")
            lines = [_outcome["error"]] + [line for line in lines if not line.startswith(first)]
        error.message = "\n".join(lines)
    else:
        _summarise()


def write_pdfs_later(build: Build, config) -> None:
    """Under `mkdocs serve`: make the PDFs in a thread once the pages are written (MkDocs serves them as soon as the
    build returns), then take the 'not yet made' notes out of the pages. A newer build's run supersedes this one."""
    previous = _pdf_runs["thread"]
    _pdf_runs["latest"] += 1
    run = _pdf_runs["latest"]

    def work():
        if previous is not None:
            previous.join()
        if run != _pdf_runs["latest"]:
            return  # the pages changed again meanwhile: only the newest build's PDFs are worth making
        try:
            # In worker processes even for a few documents: rendering in this thread would hold the server back.
            write_pdfs(build, config, workers=pdf.worker_count())
            documents.clear_pending_notes(config.site_dir)
        except Exception as err:  # a thread must not die silently: the author still has the pages
            log.warning(f"PDF: {type(err).__name__}: {err}")

    thread = threading.Thread(target=work, name="lindungi-pdf", daemon=True)
    _pdf_runs["thread"] = thread
    thread.start()


def stop_pdfs() -> None:
    """At the end of `mkdocs serve`: PDF runs still waiting for their turn are dropped."""
    _pdf_runs["latest"] += 1


@dataclass
class PdfStart:
    """A build's PDF run as far as `start_pdfs` took it, before the pages render; `write_pdfs` goes on from there."""

    digest: str                   # documents.inputs_digest
    recorded: list | None = None  # the run recorded under `digest` (pdf.recorded_run), to be replayed
    jobs: list | None = None      # the jobs, once made (not for a recorded run)
    merges: list = field(default_factory=list)
    rendering: object = None      # pdf.Rendering: the jobs another process renders meanwhile, or None


def start_pdfs(build: Build, config) -> PdfStart | None:
    """`mkdocs build`: when there is no recorded run to replay, make the PDF jobs now and hand those the cache lacks to
    a helper or a worker (pdf.start_rendering), which renders them on another CPU while this process writes the pages.
    Until `write_pdfs` collects them, `abort_build` and `end_session` stop it."""
    project = build.project
    if not project.modules and not project.workshops:
        return None
    cache = build.cache / PDF_CACHE
    start = PdfStart(documents.inputs_digest(project, build.ui, config.use_directory_urls))
    start.recorded = pdf.recorded_run(start.digest, cache)
    if start.recorded is None:
        start.jobs, start.merges = documents.pdf_jobs(project, build.ui, config.use_directory_urls)
        _pdf_runs["started"] = start.rendering = pdf.start_rendering(start.jobs, cache)
    return start


def stop_started_pdfs() -> None:
    """A build that ends before collecting its started PDFs (an error, Ctrl-C): the helper or workers stop now."""
    rendering, _pdf_runs["started"] = _pdf_runs["started"], None
    if rendering is not None and not rendering.collected:
        rendering.cancel()


def write_pdfs(build: Build, config, workers: int | None = None) -> None:
    """Render the handout and pack PDFs into the site (cached; `workers` as pdf.worker_count takes it), going on from
    what `start_pdfs` started; log sizes, overflows and a missing QR."""
    project = build.project
    if not project.modules and not project.workshops:
        return
    cache = build.cache / PDF_CACHE
    start, build.pdf_start = build.pdf_start, None
    if start is None:
        start = PdfStart(documents.inputs_digest(project, build.ui, config.use_directory_urls))
    try:
        # a recorded run holds the handouts as stamped
        result = pdf.replay_run(start.digest, config.site_dir, cache, start.recorded) if start.jobs is None else None
        merges = []  # (the combined packs are documents of their own, not merges of the handout PDFs)
        replayed = result is not None
        if not replayed:
            if start.jobs is None:
                start.jobs, start.merges = documents.pdf_jobs(project, build.ui, config.use_directory_urls)
            merges = start.merges
            result = pdf.render_all(start.jobs, merges, config.site_dir, cache, workers,
                                    progress=pdf.TerminalProgress(), started=start.rendering)
            _pdf_runs["started"] = None
            if start.rendering is not None and start.rendering.helper_error:  # (killed, or no Python to start)
                log.info(note("pdf-no-helper", build.lang, error=start.rendering.helper_error.splitlines()[-1]))
        bands = [item for item in result.results if item.out == documents.BANDS_PATH]
        result.results = [item for item in result.results if item.out != documents.BANDS_PATH]
        if not documents.apply_bands(project, config.site_dir, merges, result, cache):
            report([_band_overflow(project)], build.lang)  # (such a run is not recorded: the next build warns again)
        elif not replayed:
            pdf.record_run(start.digest, result, cache)
    except pdf.SiteWriteError as err:
        with contextlib.suppress(OSError):  # the regional bands are an intermediate file: never left in a site
            (Path(config.site_dir) / documents.BANDS_PATH).unlink(missing_ok=True)
        raise _site_write_failed(build, err.path, err.error) from None
    build.cache_error = build.cache_error or result.cache_error
    if bands:
        log.info(note("pdf-bands-made" if bands[0].rendered else "pdf-bands-cached", build.lang,
                      path=documents.BANDS_PATH))
    for item in result.results:
        state = "" if item.rendered else " (cache)"
        log.info(note("pdf-file", build.lang, path=item.out, pages=item.pages, size=f"{item.size / 1024:.0f}", state=state))
    _outcome["pdfs"] = len(result.results)
    log.info(note("pdf-summary", build.lang, rendered=result.rendered, cached=len(result.results) - result.rendered,
                  seconds=f"{result.seconds:.1f}"))
    report(_pdf_problems(project, result), build.lang)
    if not project.settings.site_url and not project.settings.require_qr:
        log.info(Problem(_settings_file(project), 0, "handout-no-qr").format(build.lang))


def _pdf_problems(project, result) -> list:
    """Handouts that spill past their page count or are too large for WhatsApp; a missing QR when it is required."""
    handouts = {documents.handout.pdf_path(m): m for m in project.modules.values()}
    problems = [Problem(item.source or item.out, 0, "pdf-resource-refused",
                        {"value": quote(item.out), "found": ", ".join(quote(url) for url in item.refused)}, WARNING)
                for item in result.results if item.refused]
    for item in result.results:
        module = handouts.get(item.out)
        if module is None:
            continue
        where = (module.path, module.line_of("handout"))
        if item.overflows:
            problems.append(Problem(*where, "handout-overflow", {"value": quote(module.id), "expected": item.limit,
                                                                  "found": item.pages}, WARNING))
        if item.size > pdf.SIZE_LIMIT:
            problems.append(Problem(*where, "pdf-too-large", {"value": quote(item.out), "expected": pdf.SIZE_LIMIT // 1024,
                                                               "found": round(item.size / 1024)}, WARNING))
    certificates = {certificate.pdf_path(w): w for w in project.workshops.values()}
    for item in result.results:  # a certificate is one page: a longer one lost its layout
        workshop = certificates.get(item.out)
        if workshop is not None and item.overflows:
            problems.append(Problem(workshop.path, workshop.line, "certificate-overflow",
                                    {"value": quote(item.out), "found": item.pages}, WARNING))
    if not project.settings.site_url and project.settings.require_qr:
        problems.append(Problem(_settings_file(project), 0, "handout-no-qr", {}, WARNING))
    return problems


def _band_overflow(project) -> Problem:
    """The region's band on the handouts is too full: it names the local contacts, where the fix is."""
    area = project.settings.area
    return Problem(_settings_file(project), area.line if area else 0, "handout-band-overflow", {}, WARNING)


def _settings_file(project) -> str:
    """Where the site's address is set: the region's file when the site is built for a region."""
    area = project.settings.area
    return area.path if area is not None else "mkdocs.yml"


# --- theme overrides and static assets ---------------------------------------------------------------------------------
# One copy of each: the repository's docs/.overrides and docs/assets. An installed package carries them as
# lindungi/theme and lindungi/assets (setup.py copies them in); a checkout (or `pip install -e .`) reads them in place.

PACKAGE = Path(__file__).resolve().parents[1]  # the lindungi package folder
SITE_CSS = "assets/lindungi.css"
SITE_JS = "assets/exit.js"


def resource_dir(name: str, in_checkout: str) -> Path | None:
    """The package's `name` folder, else the checkout's `in_checkout` folder; None when neither exists."""
    for folder in (PACKAGE / name, PACKAGE.parents[1] / in_checkout):
        if folder.is_dir():
            return folder
    return None


def add_theme(config) -> None:
    """Put the theme overrides after the site's own `custom_dir` (which still wins), and the site-wide stylesheet
    and script in `extra_css` and `extra_javascript` when the site does not list them."""
    theme = resource_dir("theme", "docs/.overrides")
    if theme is not None and not any(Path(d).resolve() == theme for d in config.theme.dirs):
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(theme))
    if SITE_CSS not in [str(item) for item in config.extra_css]:
        config.extra_css.append(SITE_CSS)
    if SITE_JS not in [str(item) for item in config.extra_javascript]:
        config.extra_javascript.append(SITE_JS)


def add_assets(files, config) -> None:
    """The static assets (styles, scripts, vendored shims) the site's docs/assets does not hold itself."""
    assets = resource_dir("assets", "docs/assets")
    if assets is None or Path(config.docs_dir).resolve() / "assets" == assets:
        return
    for path in sorted(p for p in assets.rglob("*") if p.is_file()):
        src_uri = f"assets/{path.relative_to(assets).as_posix()}"
        if files.get_file_from_path(src_uri) is None:
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))


# --- the plugin --------------------------------------------------------------------------------------------------------

# --- several sites of one project in one process (`make regions`) ----------------------------------------------------
# Each region is a full, strict `mkdocs build` with its own configuration (mkdocs.yml read again with the region's
# environment), but they share this process: Python, MkDocs, Material, Markdown, WeasyPrint and the project's caches
# are loaded once, not once per region.

@contextlib.contextmanager
def _theme_files_listed_once():
    """While several sites are built in this process, MkDocs' `Files.add_files_from_theme` lists and filters the
    theme's folders (Material: thousands of files) once per theme, not once per site. Each site still gets its own
    `File`s, and a docs file still hides the theme file at its path, as in `add_files_from_theme` itself."""
    import mkdocs.structure.files as mkdocs_files

    original = mkdocs_files.Files.add_files_from_theme
    found: dict = {}

    def add_files_from_theme(files, env, config):
        key = (tuple(config.theme.dirs), tuple(config.theme.static_templates))
        if key not in found:
            listed = mkdocs_files.Files([])
            original(listed, env, config)  # into an empty collection: every theme file and the folder it comes from
            found[key] = [(file.src_uri, file.src_dir) for file in listed]
        for path, folder in found[key]:
            if files.get_file_from_path(path) is None:
                files.append(File(path, folder, config.site_dir, config.use_directory_urls))

    mkdocs_files.Files.add_files_from_theme = add_files_from_theme
    try:
        yield
    finally:
        mkdocs_files.Files.add_files_from_theme = original


class _CountRecords(logging.Handler):
    """Counts the log records at `level` or above (a rendering that logged is not kept)."""

    def __init__(self, level=logging.WARNING):
        super().__init__(level)
        self.count = 0

    def emit(self, record):
        self.count += 1


KEEP_PAGE_CHARS = 100_000_000  # rendered pages kept for later sites of one process, at most (characters)

# Markdown extensions (by name) whose output depends on nothing but the page's Markdown and their settings: a page
# rendered with only these (and ours) may be kept between builds. Others (pymdownx.snippets and pymdownx.b64 read
# files; an unknown one may do anything) make every page render as usual.
PURE_EXTENSIONS = frozenset(
    {name for base in ("abbr", "admonition", "attr_list", "def_list", "extra", "fenced_code", "footnotes",
                       "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists", "smarty", "tables",
                       "toc", "wikilinks") for name in (base, f"markdown.extensions.{base}")}
    | {f"pymdownx.{name}" for name in ("arithmatex", "betterem", "blocks.admonition", "blocks.details",
                                       "blocks.html", "blocks.tab", "caret", "critic", "details", "emoji",
                                       "escapeall", "extra", "highlight", "inlinehilite", "keys", "magiclink", "mark",
                                       "progressbar", "saneheaders", "smartsymbols", "superfences", "tabbed",
                                       "tasklist", "tilde")})


def _render_settings(config, seen: dict, lasting: bool = False):
    """What a page's rendering depends on besides its Markdown, file and the site's files: a digest of the Markdown
    extensions and their settings, link validation and the URL style (computed once per `config`, kept in `seen`),
    with the quiz settings of this page. None when something cannot be described (an extension object that is not
    ours; with `lasting`, also an extension not known to be pure or a setting whose text names a memory address,
    such as a function: such pages are always rendered)."""
    if seen.get("config") is not config:
        seen["config"] = config
        seen["settings"], seen["quiz"] = _site_settings(config, lasting)
    quiz = seen["quiz"]
    if seen["settings"] is None:
        return None
    page = None if quiz is None else (quiz.storage, None if quiz.allowed is None else tuple(sorted(quiz.allowed)))
    return seen["settings"], page


def _site_settings(config, lasting: bool):
    """(digest of the site's rendering settings, the deferred quiz extension or None), or (None, None) (see above)."""
    parts, quiz = [], None
    for ext in config["markdown_extensions"]:
        if isinstance(ext, str):
            if lasting and ext not in PURE_EXTENSIONS:
                return None, None
            parts.append(ext)
        elif isinstance(ext, QuizExtension) and ext.defer:  # deferred: only slots, named by bank, go in
            parts.append(("quiz", tuple(sorted(ext.banks))))
            quiz = ext
        elif isinstance(ext, LawExtension):
            parts.append(("law", tuple(sorted((k, law.url, law.title) for k, law in ext.laws.items()))))
        else:
            return None, None
    text = repr((tuple(parts), repr(config["mdx_configs"]), repr(config.validation), config.use_directory_urls))
    if lasting and " at 0x" in text:
        return None, None
    return hashlib.sha256(text.encode()).hexdigest(), quiz


def _rendered(page) -> list:
    """What `Page.render` set on `page`, as JSON-ready values (see _restore)."""
    def items(links):
        return [[link.title, link.id, link.level, items(link.children)] for link in links]

    links = getattr(page, "links_to_anchors", None)
    return [page.content, items(page.toc or ()), page._title_from_render, sorted(page.present_anchor_ids or ()),
            None if links is None else {f.src_uri: dict(found) for f, found in links.items()}]


def _restore(page, rendered: list, files) -> None:
    """Set on `page` what `Page.render` set when it made `rendered` (`_rendered`), as MkDocs' own render would."""
    from mkdocs.structure.toc import AnchorLink, TableOfContents

    def links(items):
        made = []
        for title, anchor, level, children in items:
            made.append(AnchorLink(title, anchor, level))
            made[-1].children = links(children)
        return made

    content, toc, title, anchors, to_anchors = rendered
    toc = links(toc)
    if toc:
        toc[0].active = True  # as mkdocs.structure.toc.get_toc marks it
    page.content, page.toc, page._title_from_render = content, TableOfContents(toc), title
    page.present_anchor_ids = set(anchors)
    if to_anchors is not None:
        page.links_to_anchors = {files.get_file_from_path(src): dict(found) for src, found in to_anchors.items()}


def _files_key(files, seen: dict) -> str:
    """A digest of the site's files as rendering sees them (links resolve against them), once per `files` object."""
    if seen.get("files") is not files:
        listed = tuple((f.src_uri, f.dest_uri, f.url, str(f.inclusion)) for f in files)
        seen["files"], seen["files_key"] = files, hashlib.sha256(repr(listed).encode()).hexdigest()
    return seen["files_key"]


def _render_logging(original, page, config, files, level=logging.WARNING) -> int:
    """Render `page` with MkDocs' own `original` render; returns how many log records at `level` or above it made."""
    counter = _CountRecords(level)
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(counter)
    try:
        original(page, config, files)
    finally:
        mkdocs_logger.removeHandler(counter)
    return counter.count


@contextlib.contextmanager
def _equal_pages_rendered_once():
    """While several sites are built in this process, a page whose Markdown, file, site files and Markdown settings
    equal those of a page already rendered (most pages of most regions: only placeholders and regional pages differ)
    takes that page's HTML, table of contents, title and anchors instead of being converted again. Everything a
    rendering depends on is in the key; a page whose rendering logged a warning is never reused (so every build still
    reports its own problems), and anything the key cannot describe (a Markdown extension object that is not ours)
    is rendered as usual."""
    from mkdocs.structure.pages import Page

    original = Page.render
    kept: dict = {}
    seen = {"kept_chars": 0}

    def render(page, config, files):
        settings = _render_settings(config, seen)
        key = None if settings is None else (page.markdown, page.file.src_uri, page.file.dest_uri, page.file.url,
                                              settings, _files_key(files, seen))
        hit = kept.get(key) if key is not None else None
        if hit is not None:
            _restore(page, hit, files)
            return
        warned = _render_logging(original, page, config, files)
        if key is not None and not warned and page.file.page is page and seen["kept_chars"] < KEEP_PAGE_CHARS:
            seen["kept_chars"] += len(page.content or "") + len(page.markdown or "")
            kept[key] = _rendered(page)

    Page.render = render
    try:
        yield
    finally:
        Page.render = original


# --- pages rendered in an earlier build ------------------------------------------------------------------------------
# MkDocs converts every page's Markdown on every build: at 500 modules a third of a rebuild. While a build of ours runs,
# `Page.render` first looks in the memo of rendered pages (`.cache/lindungi-html/`, memo.page_memo) under a digest
# of everything the rendering depends on: the page's final Markdown, its file and address, every file of the site (links
# resolve against them), the Markdown extensions (only pure ones, see PURE_EXTENSIONS) with their settings, link
# validation, and the versions of MkDocs, Material, Python-Markdown, pymdown-extensions and Pygments. Only renderings
# that logged nothing (no warning, no note) are kept, so every build reports its own problems; a verbose build renders
# everything.

_page_memo: dict = {"memo": None, "original": None, "seen": {}}


def _use_page_memo(memo) -> None:
    """Let `Page.render` look in `memo` during this build (see above)."""
    from mkdocs.structure.pages import Page

    _drop_page_memo()  # a build that ended without on_post_build or on_build_error (interrupted)
    _page_memo.update(memo=memo, original=Page.render, seen={})
    Page.render = _render_remembered


def _drop_page_memo(prune: bool = False) -> OSError | None:
    """Stop looking in the page memo; with `prune`, remove the pages this build neither rendered nor took. Returns
    why the memo could not be written, if it could not."""
    from mkdocs.structure.pages import Page

    memo, original = _page_memo["memo"], _page_memo["original"]
    if original is not None and Page.render is _render_remembered:
        Page.render = original
    _page_memo.update(memo=None, original=None, seen={})
    if prune and memo is not None:
        memo.prune()
    return memo.error if memo is not None else None


def _render_remembered(page, config, files) -> None:
    memo, original, seen = _page_memo["memo"], _page_memo["original"], _page_memo["seen"]
    settings = None if memo is None else _render_settings(config, seen, lasting=True)
    if settings is None or logging.getLogger("mkdocs").getEffectiveLevel() <= logging.DEBUG:
        return original(page, config, files)
    parts = ["page", page.markdown, page.file.src_uri, page.file.dest_uri, page.file.url, settings,
             _files_key(files, seen)]
    kept = memo.find(parts)
    if kept is not None:
        _restore(page, json.loads(kept), files)
        return
    if not _render_logging(original, page, config, files, logging.INFO) and page.file.page is page:
        memo.keep(parts, json.dumps(_rendered(page), ensure_ascii=False))


@contextlib.contextmanager
def _equal_pages_indexed_once():
    """While several sites are built in this process, Material's search index takes the entries of a page whose HTML,
    address, title, front matter and table of contents equal those of a page already indexed, instead of parsing its
    HTML again. Without Material's search plugin (or another version of it) nothing changes."""
    try:
        from material.plugins.search.plugin import SearchIndex
    except ImportError:
        yield
        return
    original = getattr(SearchIndex, "add_entry_from_context", None)
    if original is None:
        yield
        return
    kept: dict = {}

    def toc_key(items):
        return tuple((item.id, item.url, item.title, toc_key(item.children)) for item in items or ())

    def add_entry_from_context(index, page):
        try:
            key = (page.content, page.url, str(page.title), repr(page.meta), toc_key(page.toc))
        except (AttributeError, TypeError):
            key = None
        if key is not None and key in kept:
            index.entries.extend(copy.deepcopy(kept[key]))
            return
        before = len(index.entries)
        original(index, page)
        if key is not None:
            kept[key] = copy.deepcopy(index.entries[before:])

    SearchIndex.add_entry_from_context = add_entry_from_context
    try:
        yield
    finally:
        SearchIndex.add_entry_from_context = original


def build_sites(config_file, sites, done=None) -> list:
    """Build `sites`, a list of (environment variables, site folder), one after another, each as
    `mkdocs build --strict --clean -d <folder>` would with those variables set. Warnings count (strict) and are
    logged. `done(index, ok, message)` is called after each. Returns [(ok, message)] in order; a failed site does not
    stop the next one. The environment is restored afterwards."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:  # as the mkdocs command does, without --quiet: warnings are shown and counted
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    if logger.level == logging.NOTSET or logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)
    with _theme_files_listed_once(), _equal_pages_rendered_once(), _equal_pages_indexed_once():
        return [_build_site(config_file, env, site_dir, index, done) for index, (env, site_dir) in enumerate(sites)]


def _build_site(config_file, env: dict, site_dir, index: int, done) -> tuple:
    """One site of `build_sites`: (ok, why not)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config, dirty=False)
        finally:
            config.plugins.on_shutdown()
        result = (True, "")
    except (MkDocsException, SystemExit) as err:  # Abort, ConfigurationError, PluginError: already logged
        result = (False, str(err) or type(err).__name__)
    except Exception as err:  # a bug must not stop the other regions; it is reported with the region's name
        import traceback

        result = (False, "".join(traceback.format_exception(err)))
    finally:
        unlock_project()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    if done is not None:
        done(index, *result)
    return result


class LindungiConfig(base.Config):
    """The plugin's options (`plugins: - lindungi: {pdf: off}`). The site's settings stay in `extra.lindungi`, checked
    with file:line messages (shapes.SETTINGS); their defaults live in models.Settings only."""

    pdf = c.Choice(("auto", "sync", "off"), default="auto")  # auto: before the build ends; after the pages under serve
    theme = c.Type(bool, default=True)  # False: the site brings its own overrides and assets (docs/.overrides etc.)


class LindungiPlugin(BasePlugin[LindungiConfig]):
    """The generator as a MkDocs plugin: each event makes one call into the functions above."""

    def __init__(self):
        self.build: Build | None = None

    def on_startup(self, *, command, dirty):
        start_session(command, dirty)

    def on_config(self, config):
        if self.config.theme:  # first: the build then moves every stylesheet, the theme's own too, below the content
            add_theme(config)
        self.build = start_build(config, self.config)
        return config

    def on_files(self, files, *, config):
        if self.config.theme:
            add_assets(files, config)
        return add_generated_files(self.build, files, config)

    def on_env(self, env, *, config, files):
        if env.bytecode_cache is None:  # the theme's compiled templates are kept in .cache/jinja/theme/
            env.bytecode_cache = templating.theme_bytecode_cache()
        return env

    def on_page_markdown(self, markdown, *, page, config, files):
        return render_page_markdown(self.build, markdown, page)

    def on_post_page(self, output, *, page, config):
        return finish_page(self.build, output)

    def on_post_build(self, *, config):
        finish_build(self.build, config)

    def on_build_error(self, *, error):
        abort_build(error)

    def on_serve(self, server, *, config, builder):
        return watch_serve(server, config)

    def on_shutdown(self):
        end_session()

"""Faults, with real processes and real mounts: a killed build, two builds at once, a read-only cache folder, a full
site folder, damaged and poisoned cache entries, a missing font. After each, the site is whole (byte-identical to a
clean build once rebuilt) or the build ends in one clean message; no PDF worker outlives its build.

Read-only and full folders are made with real mounts in a private mount namespace (`unshare -m`: a read-only bind
mount of `.cache`, a small tmpfs as the site folder), which works as root; run as another user, the read-only cache is
a chmod (which stops that user's writes) and the tmpfs test is skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from helpers import REPO, copy_site
from lindungi.engine.memo import entry_digest

pytestmark = pytest.mark.slow

CACHE_NOTE = "Folder cache .cache tidak bisa ditulis"
SITE_NOTE = "berkas tidak bisa ditulis ke folder situs"


def _env(**extra) -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "LINDUNGI_PDF_WORKERS": "2", **extra}


def _command(dest=None) -> list:
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--strict"]
    return command + (["-d", str(dest)] if dest is not None else [])


def _build(root: Path, dest=None, **env) -> subprocess.CompletedProcess:
    return subprocess.run(_command(dest), cwd=root, capture_output=True, text=True, env=_env(**env), timeout=300)


def _snapshot(folder: Path) -> dict:
    """Every file under `folder` with the SHA-256 of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _temporaries(*folders: Path) -> list:
    return [p for folder in folders for p in folder.rglob("*.tmp")]


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """pdf-basic built once, cold, with two workers: (project folder with its warm .cache, snapshot of the site)."""
    root = copy_site("pdf-basic", tmp_path_factory.mktemp("faults") / "ref")
    result = _build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return root, _snapshot(root / "site")


def _warm_copy(reference, dest: Path) -> Path:
    """A copy of pdf-basic with the reference build's cache (a warm rebuild)."""
    root = copy_site("pdf-basic", dest)
    shutil.copytree(reference[0] / ".cache", root / ".cache")
    return root


# --- processes ---------------------------------------------------------------------------------------------------------

def _tagged(tag: str) -> list:
    """(pid, command line) of every live (not zombie) process whose environment holds `tag`."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                if stat.read().rsplit(b")", 1)[1].split()[0] == b"Z":
                    continue
            with open(f"/proc/{entry}/environ", "rb") as environ:
                if tag.encode() not in environ.read():
                    continue
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                found.append((int(entry), cmdline.read().replace(b"\0", b" ").decode(errors="replace")))
        except (OSError, IndexError):
            continue
    return found


def _wait(condition, timeout: float, step: float = 0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return condition()


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["KILL", "TERM", "INT"])
def test_killed_during_pdfs_leaves_no_worker_and_a_rebuild_is_identical(reference, tmp_path, signum):
    """The build is killed (only the build process, not its group) while its workers render PDFs: every worker ends
    within seconds, no temporary file is left, and a rebuild gives a site byte-identical to a clean build's."""
    root = copy_site("pdf-basic", tmp_path / "src")
    tag = f"LINDUNGI_FAULT_TAG=kill-{os.getpid()}-{time.monotonic_ns()}"
    build = subprocess.Popen(_command(), cwd=root, env=_env(LINDUNGI_FAULT_TAG=tag.split("=", 1)[1]),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        workers = _wait(lambda: [p for p in _tagged(tag) if "multiprocessing" in p[1]], 120)
        assert workers, "the build never started PDF workers"
        _wait(lambda: list((root / ".cache/lindungi-pdf").glob("*.pdf")), 30)  # some PDFs done, others not
        build.send_signal(signum)
        build.wait(timeout=60)
        left = _wait(lambda: not _tagged(tag), 5) or _tagged(tag)
        assert left is True, f"processes outlived the build: {left}"
    finally:
        if build.poll() is None:
            build.kill()
        try:
            os.killpg(build.pid, signal.SIGKILL)  # only this build's own group, if anything is left to clean up
        except OSError:
            pass
    again = _build(root)
    assert again.returncode == 0, again.stderr
    assert _snapshot(root / "site") == reference[1]
    assert _temporaries(root / "site", root / ".cache") == []


def test_two_builds_of_one_folder_at_once_both_succeed(reference, tmp_path):
    """Two builds of one folder started together: both succeed (the second waits for the first, saying so), and
    the site is the clean build's."""
    root = copy_site("pdf-basic", tmp_path / "src")
    builds = [subprocess.Popen(_command(), cwd=root, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True) for _ in range(2)]
    logs = [build.communicate(timeout=300)[1] for build in builds]
    assert [build.returncode for build in builds] == [0, 0], logs
    assert sum("Menunggu pembangunan lain dari folder ini selesai" in log for log in logs) == 1
    assert _snapshot(root / "site") == reference[1]
    assert _temporaries(root / "site", root / ".cache") == []


_CONCURRENT_RENDER = """
import sys
sys.path.insert(0, sys.argv[1])
from lindungi.printing import pdf
jobs = [pdf.Job(f"d/{n}.pdf", f"<h1>Dokumen {n}</h1><p>{'isi ' * 200}</p>", f"doc {n}") for n in range(3)]
merges = [pdf.Merge("paket.pdf", tuple((f"Bagian {n}", f"d/{n}.pdf") for n in range(3)), "paket")]
report = pdf.render_all(jobs, merges, sys.argv[2], sys.argv[3], workers=1)
assert report.cache_error is None, report.cache_error
"""


def test_concurrent_runs_share_one_cache_without_collisions(tmp_path):
    """Two processes render and merge the same PDFs into one cold cache at the same moment (no lock at this level):
    both succeed with identical PDFs and leave no temporary file (they once collided on `<key>.merge.tmp`)."""
    cache = tmp_path / "cache"
    for round_ in range(2):
        shutil.rmtree(cache, ignore_errors=True)
        sites = [tmp_path / f"site-{round_}-{n}" for n in range(2)]
        runs = [subprocess.Popen([sys.executable, "-c", _CONCURRENT_RENDER, str(REPO / "hooks"), str(site), str(cache)],
                                 stderr=subprocess.PIPE, text=True) for site in sites]
        errors = [run.communicate(timeout=120)[1] for run in runs]
        assert [run.returncode for run in runs] == [0, 0], errors
        assert _snapshot(sites[0]) == _snapshot(sites[1]) and len(_snapshot(sites[0])) == 4
        assert _temporaries(cache, *sites) == []


# --- read-only and full folders ------------------------------------------------------------------------------------------

def _mounts_work() -> bool:
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", 'mount -t tmpfs -o size=64k tmpfs "$1"', "sh", "/tmp"],
                           capture_output=True)
    return probe.returncode == 0


MOUNTS = _mounts_work()


def _build_read_only_cache(root: Path) -> subprocess.CompletedProcess:
    """A build whose `.cache` cannot be written: a read-only bind mount (root, in a private mount namespace) or a
    folder without write permission (another user)."""
    cache = root / ".cache"
    cache.mkdir(exist_ok=True)
    if MOUNTS:
        script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
        return subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", str(cache), *_command()], cwd=root,
                              capture_output=True, text=True, env=_env(), timeout=300)
    if os.geteuid() == 0:
        pytest.skip("needs mount namespaces (root) or a non-root user (chmod)")
    modes = {path: path.stat().st_mode for path in [cache, *cache.rglob("*")] if path.is_dir()}
    for path in modes:
        path.chmod(0o555)
    try:
        return _build(root)
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


def test_read_only_cache_is_no_cache(reference, tmp_path):
    """With a read-only `.cache` and one module changed, the strict build succeeds with the new text, logs one INFO
    line and no warning, and leaves the cache as it was; with an empty read-only `.cache` too."""
    root = _warm_copy(reference, tmp_path / "src")
    module = root / "modules/rawat-diri/module.yml"
    module.write_text(module.read_text(encoding="utf-8").replace("Istirahat cukup", "Tidur cukup"), encoding="utf-8")
    before = _snapshot(root / ".cache")
    result = _build_read_only_cache(root)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(CACHE_NOTE) == 1, result.stderr
    assert "INFO    -  Folder cache .cache tidak bisa ditulis (Read-only file system)" in result.stderr or not MOUNTS
    assert "WARNING" not in result.stderr and "Traceback" not in result.stderr
    assert "INFO    -  PDF: 2 dibuat, 11 dari cache," in result.stderr
    assert "Tidur cukup" in "".join(p.extract_text() for p in PdfReader(root / "site/unduh/handout-rawat-diri.pdf").pages)
    assert _snapshot(root / ".cache") == before
    shutil.rmtree(root / ".cache")
    cold = _build_read_only_cache(root)
    assert cold.returncode == 0, cold.stderr
    assert cold.stderr.count(CACHE_NOTE) == 1 and "Traceback" not in cold.stderr
    assert "INFO    -  PDF: 13 dibuat, 0 dari cache," in cold.stderr
    assert list((root / ".cache").iterdir()) == []


@pytest.mark.skipif(not MOUNTS, reason="needs mount namespaces and tmpfs (root)")
def test_full_cache_is_no_cache(tmp_path):
    """`.cache` is a 64 KB tmpfs, far too small for the PDFs: the strict build succeeds with every PDF, logs one INFO
    line (no space left) and leaves no temporary file in the cache."""
    root = copy_site("pdf-basic", tmp_path / "src")
    (root / ".cache").mkdir()
    script = ('mount -t tmpfs -o size=64k tmpfs "$1" || exit 99; cache="$1"; shift; "$@"; rc=$?; '
              'find "$cache" -name "*.tmp"; exit $rc')
    result = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", str(root / ".cache"), *_command()], cwd=root,
                            capture_output=True, text=True, env=_env(), timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(CACHE_NOTE) == 1 and "(No space left on device)" in result.stderr, result.stderr
    assert "WARNING" not in result.stderr and "Traceback" not in result.stderr
    assert result.stdout.strip() == ""  # no temporary file left in the full cache
    assert len(list((root / "site").rglob("*.pdf"))) == 13


@pytest.mark.skipif(not MOUNTS, reason="needs mount namespaces and tmpfs (root)")
def test_full_site_folder_is_one_message_and_no_cut_off_pdf(reference, tmp_path):
    """The site folder is a tmpfs with room for the pages but not for all PDFs: the build ends with one clean message
    naming the PDF (no traceback), and every PDF left in the site is whole (equal to the clean build's)."""
    root = _warm_copy(reference, tmp_path / "src")
    shutil.rmtree(root / ".cache" / "lindungi-pdf")  # PDFs rendered in this build
    reference_site = reference[0] / "site"
    blocks = sum(-(-p.stat().st_size // 4096) * 4 for p in reference_site.rglob("*")
                 if p.is_file() and p.suffix not in (".pdf", ".gz"))  # gzip copies are written after the PDFs
    site, copy, log = tmp_path / "mnt", tmp_path / "copy", tmp_path / "log"
    site.mkdir()
    copy.mkdir()
    script = ('mount -t tmpfs -o size="$1"k tmpfs "$2" || exit 99; shift; site="$1"; copy="$2"; log="$3"; shift 3; '
              '"$@" -d "$site" >"$log" 2>&1; echo $? >"$log.rc"; cp -a "$site/." "$copy/"')
    run = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", str(blocks + 96), str(site), str(copy),
                          str(log), *_command()], cwd=root, env=_env(), timeout=300)
    assert run.returncode == 0
    stderr = log.read_text(encoding="utf-8")
    assert (tmp_path / "log.rc").read_text().strip() == "1", stderr
    assert "Traceback" not in stderr
    failed = [line for line in stderr.splitlines() if SITE_NOTE in line]
    assert len(failed) == 1 and "No space left on device" in failed[0] and ".pdf:" in failed[0], stderr
    written = {name: digest for name, digest in _snapshot(copy).items() if name.endswith(".pdf")}
    assert len(written) < 13
    assert ".handout-wilayah.pdf" not in " ".join(written)  # the regional bands (an intermediate file) are removed
    for name, digest in written.items():
        if reference[1].get(name) != digest:  # a handout the build had not yet stamped with its regional band
            assert name.startswith("unduh/handout-"), name
            assert len(PdfReader(copy / name, strict=True).pages) >= 1  # whole, not cut off
    assert _temporaries(copy) == []


# --- damaged and poisoned cache entries ---------------------------------------------------------------------------------

def _poison_memo(path: Path, change, reshape: tuple = ()) -> int:
    """Apply `change(value) -> value` to every entry of a memo file, keeping each entry's stored digest (an edited or
    damaged entry); the last entries get the `(text, fresh digest?)` of `reshape` instead (with a fresh digest: an
    entry that is well-formed JSON of a shape `yamlpos.pack` never writes). Returns how many entries changed."""
    data = json.loads(path.read_text(encoding="utf-8"))
    changed = 0
    for index, (key, (value, digest)) in enumerate(reversed(data["entries"].items())):
        new = reshape[index][0] if index < len(reshape) else change(value)
        if index < len(reshape) and reshape[index][1]:
            digest = entry_digest(key, new)
        if new != value:
            data["entries"][key] = [new, digest]
            changed += 1
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return changed


def test_damaged_and_poisoned_cache_entries_are_rebuilt_never_published(reference, tmp_path):
    """A cached PDF cut to 200 bytes, another replaced by a different valid PDF, poisoned rendered results and poisoned
    parsed YAML: each is dropped and made again; the site is the clean build's, twice in a row."""
    root = _warm_copy(reference, tmp_path / "src")
    pdfs = sorted((root / ".cache/lindungi-pdf").glob("*.pdf"), key=lambda p: p.stat().st_size)
    largest, small, other = pdfs[-1], pdfs[0], pdfs[1]
    largest.write_bytes(largest.read_bytes()[:200])
    small.write_bytes(other.read_bytes())
    assert _poison_memo(root / ".cache/lindungi-memo.json", lambda v: f"MEMO-POISON {v}") > 150  # quizzes, word roots
    sources = root / ".cache/lindungi-sources.json"
    assert _poison_memo(sources, lambda v: v.replace("Mengenali", "SOURCE-POISON"),
                        reshape=(("garbage{", True), ("[1, 2, 3]", True), ('[["d", 1, "a"], []]', True),
                                 ('[["l", 1, 1], []]', True), ('[["d", 1], []]', False))) > 5
    for _ in range(2):
        result = _build(root)
        assert result.returncode == 0, result.stderr
        assert _snapshot(root / "site") == reference[1]
    assert "INFO    -  PDF: 0 dibuat, 13 dari cache," in result.stderr
    assert largest.stat().st_size > 200


# --- fonts and compiled templates ---------------------------------------------------------------------------------------

def _own_hooks(root: Path) -> Path:
    """Give the project its own copy of the hooks folder (so a test may delete a bundled file), run through the old
    hook form (hooks/main.py puts its own folder first on the import path) instead of the installed plugin."""
    shutil.copytree(REPO / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("plugins: [search, lindungi]", "plugins: [search]")
    config.write_text(text + "hooks:\n  - hooks/main.py\n", encoding="utf-8")
    return root / "hooks"


def test_missing_font_is_an_error_naming_the_file_and_templates_compile_into_the_cache(tmp_path):
    """Without the bold font the build stops at once with one message naming the file; with it, the build compiles
    its templates into `.cache/jinja`, never into the (watched) hooks folder; an image the PDF may not load is a
    warning naming it and the PDF."""
    root = copy_site("pdf-basic", tmp_path / "src")
    hooks = _own_hooks(root)
    bold = hooks / "lindungi/printing/fonts/NotoSans-Bold.ttf"
    saved = bold.read_bytes()
    bold.unlink()
    missing = _build(root)
    assert missing.returncode == 1
    assert ("ERROR   -  hooks/lindungi/printing/fonts/NotoSans-Bold.ttf: berkas huruf untuk PDF tidak ada. Perbaikan: pulihkan "
            "berkas itu dari repositori (git checkout -- hooks/lindungi/printing/fonts/NotoSans-Bold.ttf).") in missing.stderr
    assert "Traceback" not in missing.stderr and not (root / "site/unduh").exists()
    bold.write_bytes(saved)
    session = root / "modules/kenali-kekerasan/bentuk-kekerasan.md"
    session.write_text(session.read_text(encoding="utf-8") + '\n<img src="https://example.org/foto.png" alt="foto">\n',
                       encoding="utf-8")
    built = _build(root)
    assert built.returncode == 1, built.stderr  # the warning fails --strict
    assert ("WARNING -  workshops/lokakarya.yml: PDF 'pelatih/paket-lokakarya/panduan-fasilitator.pdf' tidak memuat "
            "'https://example.org/foto.png': gambar, CSS dan huruf di PDF hanya boleh berupa data: URI atau berkas "
            "bawaan.") in built.stderr
    assert [p for p in hooks.rglob("*") if "jinja" in p.name] == []
    assert {p.name for p in (root / ".cache/jinja").iterdir()} == {"markdown", "pages", "print", "quiz", "theme"}
    assert all(any(folder.iterdir()) for folder in (root / ".cache/jinja").iterdir())

"""Text results kept between builds: what a rebuild with unchanged sources need not compute again. No MkDocs.

A `Memo` maps a digest of every input of a pure function (and of this package's code, templates and strings) to the
text it returned, in one JSON file. A rebuild looks results up instead of computing them: the rendered quizzes, quiz
sheets and exports, the root of each word for Indonesian search. Because the key covers all inputs a stale entry is never
hit, only missed; entries a build did not use are dropped when it saves; an unreadable or foreign file counts as
empty. JSON holds only strings, so nothing in the file can run code. Two memos per project: `output_memo` for rendered
results, `source_memo` for parsed YAML; and `page_memo`, a `FileMemo` (one file per entry, read only when looked up)
for the pages the site engine renders from Markdown.

Each entry is stored with a digest of its key and value, checked before the value is used: an entry cut short, edited
or swapped with another key's value is dropped and computed again, never served. (The digest guards against damage
and stray edits; anyone able to write the project folder can change its sources just as well.) A memo that cannot be
saved (a read-only or full folder) keeps the reason in `error` and costs only speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .files import remove_stale_temporaries, write_atomic

PACKAGE = Path(__file__).resolve().parents[1]  # the lindungi package folder
FORMAT = "lindungi-memo-2"
CACHE_DIR = ".cache"


def hash_files(digest, base: Path, folder: Path, keep: Callable[[Path], bool] = lambda path: True) -> None:
    """Feed `digest` the path (relative to `base`) and bytes of every file under `folder` that `keep` accepts, in a
    fixed order, so a renamed, added, removed or edited file changes the digest."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and keep(path):
            digest.update(f"\0{path.relative_to(base).as_posix()}\0".encode())
            digest.update(path.read_bytes())


_code: dict = {}  # the last code digest and the (path, mtime, size) of every file it was made from


def _code_file(path: Path) -> bool:
    return path.suffix != ".ttf" and "__pycache__" not in path.parts


def code_digest() -> str:
    """Hash of this package's code, templates and strings (not the bundled fonts or compiled caches). Within one
    process the files are read again only when one of them was added, removed or changed (size or time): a build
    asks three times, and `mkdocs serve` once per rebuild (a template edit there changes the digest)."""
    stamp = []
    for path in sorted(PACKAGE.rglob("*")):
        if _code_file(path):
            info = path.stat()
            stamp.append((path, info.st_mtime_ns, info.st_size, stat.S_ISREG(info.st_mode)))
    if _code.get("stamp") != stamp:
        digest = hashlib.sha256(FORMAT.encode())
        hash_files(digest, PACKAGE, PACKAGE, _code_file)
        _code.update(stamp=stamp, digest=digest.hexdigest())
    return _code["digest"]


@lru_cache(maxsize=4)
def _versions(names=("jinja2", "markupsafe", "markdown", "pyyaml", "pysastrawi")) -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in names:
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} -")
    return "|".join(found)


def whole_salt(salt: str) -> str:
    """What every memo entry depends on: the memo format, library versions, this package's code, the caller's part."""
    return f"{FORMAT}|{_versions()}|{code_digest()}|{salt}"


class Memo:
    """`get(parts, make)`: the text `make()` returns, from the file when `parts` (with the salt) were seen before."""

    def __init__(self, path: str | Path | None, salt: str = "") -> None:
        self._open(Path(path) if path else None, whole_salt(salt))

    def _open(self, path: Path | None, salt: str) -> None:
        """Read the file; `salt` is the whole salt (format, versions, code digest and the caller's part)."""
        self.path, self.salt = path, salt
        self._salt_digest = hashlib.sha256(salt.encode()).hexdigest()  # hashed once, not again for every key
        self.old = self._read()
        self.new: dict[str, str] = {}
        self.hits = 0
        self.error: OSError | None = None  # why the last save failed

    def _read(self) -> dict:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("entries"), dict):
            return {}
        return data["entries"]

    def key(self, parts) -> str:
        return _key(self._salt_digest, parts)

    def get(self, parts, make: Callable[[], str]) -> str:
        key = self.key(parts)
        if key in self.new:
            return self.new[key]
        value = _checked(key, self.old.get(key))
        if value is not None:
            self.hits += 1
        else:
            value = make()
        self.new[key] = value
        return value

    def merge(self, entries: dict) -> None:
        """Keep entries another process made with a copy of this memo (see helper.py)."""
        self.new.update(entries)

    def __reduce__(self):
        """Pickled for a helper process: the same file and salt, read afresh there, with nothing new yet."""
        return _reopen, (self.path, self.salt)

    def save(self) -> None:
        """Write the entries this build used (atomically, under a name no other process uses); nothing when they
        equal what the file holds. A folder that cannot be written only costs speed: the reason is kept in `error`."""
        if self.path is None:
            return
        if self.hits == len(self.new) and self.new.keys() == self.old.keys():
            return  # every entry was read from the file, and the file holds no other: it is what would be written
        entries = {key: [value, entry_digest(key, value)] for key, value in self.new.items()}
        if entries == self.old:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps({"format": FORMAT, "entries": entries}, ensure_ascii=False).encode())
        except OSError as err:
            self.error = err


def _key(salt_digest: str, parts) -> str:
    return hashlib.sha256(json.dumps([salt_digest, parts], ensure_ascii=False, default=str).encode()).hexdigest()[:32]


class FileMemo:
    """A memo with one file per entry (`<key>.txt`: the entry's digest on the first line, then the text) for large
    texts of which a build needs each once: a build reads only the entries it looks up and holds none of them (the
    rendered pages of a 500-module site are 13 MB of HTML; a `Memo` holding them took 44 MB). `find` and `keep` as
    `get` does in two steps; `prune` removes the entries this build did not use. Damaged entries are removed and count
    as missing; a folder that cannot be written keeps the reason in `error` and costs only speed."""

    def __init__(self, folder, salt: str = "") -> None:
        self.folder = Path(folder)
        self._salt_digest = hashlib.sha256(whole_salt(salt).encode()).hexdigest()
        self.used: set[str] = set()
        self.error: OSError | None = None
        remove_stale_temporaries(self.folder)  # left by a killed build

    def find(self, parts) -> str | None:
        key = _key(self._salt_digest, parts)
        path = self.folder / f"{key}.txt"
        try:
            digest, _, value = path.read_bytes().decode("utf-8", "surrogatepass").partition("\n")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError):
            value, digest = "", None
        if digest != entry_digest(key, value):
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        self.used.add(key)
        return value

    def keep(self, parts, value: str) -> None:
        key = _key(self._salt_digest, parts)
        if self.error is not None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.folder / f"{key}.txt",
                         f"{entry_digest(key, value)}\n{value}".encode("utf-8", "surrogatepass"))
        except OSError as err:
            self.error = err
            return
        self.used.add(key)

    def prune(self) -> None:
        """Remove the entries this build did not use (not after a build that made only part of its results)."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name.endswith(".txt") and name[:-4] not in self.used:
                with contextlib.suppress(OSError):
                    os.unlink(self.folder / name)


def entry_digest(key: str, value: str) -> str:
    """The check stored with an entry: a digest of its key and its value."""
    return hashlib.sha256(f"{key}\0{value}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _checked(key: str, entry) -> str | None:
    """The value of a stored entry `[value, digest]`, or None when the entry is missing or damaged."""
    if type(entry) is not list or len(entry) != 2:
        return None
    value, digest = entry
    if type(value) is not str or type(digest) is not str or digest != entry_digest(key, value):
        return None
    return value


def _reopen(path, salt: str) -> Memo:
    memo = Memo.__new__(Memo)
    memo._open(path, salt)
    return memo


def output_memo(root, salt: str = "") -> Memo:
    """The memo of rendered results (quizzes, sheets, exports, word roots) of the project at `root`."""
    return Memo(Path(root) / CACHE_DIR / "lindungi-memo.json", salt=salt)


def page_memo(root) -> FileMemo:
    """The memo of pages rendered from Markdown by the site engine (see adapter.py); its entries also depend on the
    engine's and the Markdown extensions' versions."""
    return FileMemo(Path(root) / CACHE_DIR / "lindungi-html",
                    salt=_versions(("mkdocs", "properdocs", "mkdocs-material", "pymdown-extensions", "pygments")))


def source_memo(root) -> Memo:
    """The memo of what the project's YAML parses to (see yamlpos.pack): kept apart from the outputs, since it is
    saved as soon as the files are read, even when the build then stops on an error."""
    return Memo(Path(root) / CACHE_DIR / "lindungi-sources.json")


def always_compute(parts, make: Callable[[], str]) -> str:
    """The stand-in for `Memo.get` when there is no memo: computes every time."""
    return make()


def remember(memo: Memo | None) -> Callable:
    """`memo.get`, or `always_compute` (for callers without a memo)."""
    return memo.get if memo is not None else always_compute

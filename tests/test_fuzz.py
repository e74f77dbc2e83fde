"""Random and hostile content never crashes the loader: only problems come back."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import copy_site
from lindungi.engine.checking import check_project
from lindungi.validation.problems import Problem

HOSTILE = ["</script><script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>", "\x00\x07\x1b", "x" * 20000,
           "{{ 7*7 }}", "${HOME}", "::: trainer", "---", "&amp;", "\u202e", "🙂" * 50, "- - -", "? a\n: b"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.sampled_from(HOSTILE),
                    st.text(alphabet=string.printable, max_size=40))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=12), inner, max_size=4)),
                      max_leaves=12)
KEYS = ["id", "title", "summary", "audience", "level", "status", "objectives", "key_points", "sessions", "quizzes",
        "handout", "sources", "reviewed", "next_review", "questions", "uses", "type", "options", "days", "items"]
documents = st.dictionaries(st.sampled_from(KEYS), values, max_size=8)


def _yaml_dump(value) -> str:
    import yaml
    return yaml.safe_dump(value, allow_unicode=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(module=documents, quiz=documents, raw=st.text(max_size=300))
def test_random_content_yields_only_problems(tmp_path_factory, module, quiz, raw):
    """Any module.yml, quiz bank and raw text give a list of problems, never an exception."""
    root = copy_site("minimal", tmp_path_factory.mktemp("fuzz"))
    (root / "modules/contoh-modul/module.yml").write_text(_yaml_dump(module), encoding="utf-8")
    (root / "quizzes/kuis-contoh.yml").write_text(_yaml_dump(quiz), encoding="utf-8")
    (root / "workshops/uji.yml").write_text(raw, encoding="utf-8")
    (root / "modules/contoh-modul/sesi-dua.md").write_text("---\n" + raw + "\n---\n" + raw, encoding="utf-8")
    project = check_project(root)
    assert all(isinstance(p, Problem) for p in project.problems)
    for problem in project.problems:
        assert problem.format("id") and problem.format("en")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.sampled_from(HOSTILE) | st.text(max_size=200))
def test_hostile_strings_in_every_text_field(tmp_path_factory, text):
    """Hostile strings in titles, prompts and bodies load without an exception."""
    root = copy_site("minimal", tmp_path_factory.mktemp("hostile"))
    module = root / "modules/contoh-modul/module.yml"
    module.write_text(module.read_text(encoding="utf-8").replace("Modul contoh", _yaml_dump(text).strip().replace("\n", " ")),
                      encoding="utf-8")
    (root / "docs/index.md").write_text(text, encoding="utf-8")
    project = check_project(root)
    assert all(isinstance(p, Problem) for p in project.problems)


# --- mutations of every sample content file ---------------------------------------------------------------------------
# Each example takes one content file of the sample sites (modules, sessions, quiz banks, workshops, pages, mkdocs.yml),
# breaks it at the byte level, in its YAML structure or in a value's type, and loads the site both ways the tools do:
# as scripts/check.py does (settings from mkdocs.yml itself) and as the build does (settings as MkDocs parsed them).
# Either way the result is a list of file:line problems, within a time bound: never an exception, never a hang.

import datetime as _dt  # noqa: E402
import signal  # noqa: E402
from pathlib import Path  # noqa: E402

import yaml  # noqa: E402

from helpers import SITES  # noqa: E402

REPO = SITES.parents[1]
CONTENT = ("modules", "quizzes", "workshops", "docs")
SAMPLES = sorted((site, path.relative_to(SITES / site).as_posix())
                 for site in ("minimal", "quiz-all-types", "pdf-basic")
                 for path in (SITES / site).rglob("*") if path.is_file())
REAL = sorted(path.relative_to(REPO).as_posix() for folder in CONTENT for path in (REPO / folder).rglob("*")
              if path.is_file() and path.suffix in (".yml", ".md") and "/." not in path.as_posix()) + ["mkdocs.yml"]
MUTANTS = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                    st.sampled_from(HOSTILE + ["", "2026-13-45", "08:00", "javascript:alert(1)", "www.contoh.id"]),
                    st.dates(min_value=_dt.date(1, 1, 1)).map(str), st.lists(st.integers(), max_size=3),
                    st.dictionaries(st.sampled_from(KEYS), st.integers(), max_size=2))
TIME_BOUND = 20  # seconds for one load of a small site, far above the usual fraction of a second


def _paths(value, prefix=()):
    """Every (path, value) inside a parsed YAML value, the root included."""
    yield prefix, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, prefix + (index,))


def _set(root, path, new):
    if not path:
        return new
    target = root
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = new
    return root


@st.composite
def mutation(draw, samples=tuple(SAMPLES)):
    """(site, file, kind, seed, new value, bytes): what `_apply` needs to break one file."""
    site, rel = draw(st.sampled_from(samples))
    kind = draw(st.sampled_from(["bytes", "insert", "truncate", "structure", "type", "nest", "delete"]))
    seed = draw(st.integers(0, 10**9))
    new_value = draw(MUTANTS)
    blob = draw(st.binary(min_size=1, max_size=12))
    return site, rel, kind, seed, new_value, blob


def _apply(data: bytes, rel: str, kind: str, seed: int, new_value, blob: bytes) -> bytes:
    import random
    rng = random.Random(seed)
    if kind in ("bytes", "insert", "truncate") or not rel.endswith((".yml", ".md")):
        at = rng.randrange(len(data) + 1)
        if kind == "truncate":
            return data[:at]
        return data[:at] + blob + data[at + (len(blob) if kind == "bytes" else 0):]
    text = data.decode("utf-8")
    front, body = text, ""
    if rel.endswith(".md"):
        parts = text.split("---\n", 2)
        if len(parts) < 3:
            return data[: len(data) // 2] + blob
        front, body = parts[1], parts[2]
    try:
        value = yaml.safe_load(front)
    except yaml.YAMLError:
        return data + blob
    paths = list(_paths(value))
    path, old = paths[rng.randrange(len(paths))]
    if kind == "type":
        value = _set(value, path, new_value)
    elif kind == "nest":
        value = _set(value, path, [{"x": old}] if rng.random() < 0.5 else {"k": [old, old]})
    elif kind == "delete" and path:
        parent = value
        for key in path[:-1]:
            parent = parent[key]
        del parent[path[-1]]
    else:  # structure: a list or mapping becomes its first item, or a scalar becomes a list of itself
        value = _set(value, path, (list(old.values())[0] if isinstance(old, dict) and old else
                                   old[0] if isinstance(old, list) and old else [old, old]))
    dumped = yaml.safe_dump(value, allow_unicode=True, sort_keys=False)
    return (f"---\n{dumped}---\n{body}" if rel.endswith(".md") else dumped).encode("utf-8")


def _build_settings(root: Path):
    """extra.lindungi as MkDocs would hand it to the build (None when MkDocs itself could not read mkdocs.yml)."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
        return None
    extra = config.get("extra") if isinstance(config, dict) else None
    return extra.get("lindungi") if isinstance(extra, dict) else None


def _timeout(signum, frame):
    raise TimeoutError(f"loading took longer than {TIME_BOUND} s")


def _load_both_ways(root: Path) -> list:
    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(TIME_BOUND)
    try:
        projects = [check_project(root)]
        extra = _build_settings(root)
        if extra is not None:
            projects.append(check_project(root, extra_settings=extra))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return projects


def _assert_messages(root: Path, projects) -> None:
    for project in projects:
        for problem in project.problems:
            assert isinstance(problem, Problem)
            assert problem.path and not problem.path.startswith("/") and problem.line >= 0
            assert (root / problem.path).exists() or (root / problem.path).is_symlink(), problem.format()
            assert problem.format("id") and problem.format("en")


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(change=mutation())
def test_mutated_sample_files_end_in_messages(tmp_path_factory, change):
    """Any mutation of any sample site's file: check and the build's loading both give file:line problems, in bounded
    time."""
    site, rel, kind, seed, new_value, blob = change
    root = copy_site(site, tmp_path_factory.mktemp("mutant"))
    path = root / rel
    path.write_bytes(_apply(path.read_bytes(), rel, kind, seed, new_value, blob))
    _assert_messages(root, _load_both_ways(root))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(change=mutation(tuple(("", rel) for rel in REAL)))
def test_mutated_real_content_ends_in_messages(tmp_path_factory, change):
    """The same for this repository's own content: every module, session, bank, workshop, page and mkdocs.yml."""
    import shutil
    _, rel, kind, seed, new_value, blob = change
    root = tmp_path_factory.mktemp("real")
    for folder in CONTENT:
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("assets", ".overrides"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    path = root / rel
    path.write_bytes(_apply(path.read_bytes(), rel, kind, seed, new_value, blob))
    _assert_messages(root, _load_both_ways(root))

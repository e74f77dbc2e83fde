"""Random and hostile content never crashes the loader: only problems come back."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import copy_site
from lindungi.checking import check_project
from lindungi.problems import Problem

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


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
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

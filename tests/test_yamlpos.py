"""The position-keeping YAML reader."""

from lindungi.validation.yamlpos import load_yaml, split_front_matter


def test_lines_of_keys_and_items():
    """Keys and list items know their 1-based line."""
    value, issues = load_yaml("a: 1\nb:\n  - x\n  - y\nc: {d: 2}\n")
    assert issues == []
    assert value.line_of("a") == 1 and value.line_of("b") == 2 and value.line_of("c") == 5
    assert value["b"].item_lines == [3, 4]


def test_duplicate_key_is_reported_with_line():
    """A key written twice is an issue, not a silent overwrite."""
    _, issues = load_yaml("a: 1\nb: 2\na: 3\n")
    assert [(i.kind, i.line, i.detail) for i in issues] == [("duplicate-key", 3, "a")]


def test_syntax_error_has_line_and_column():
    """A syntax error comes back as an issue with line and column, never an exception."""
    value, issues = load_yaml("a: 1\nb: [1, 2\nc: 3\n")
    assert value is None
    assert (issues[0].kind, issues[0].line) == ("syntax", 3)


def test_front_matter_offsets_lines():
    """Front matter lines are counted from the top of the Markdown file."""
    front, body, body_line = split_front_matter("---\ntitle: A\nsteps: []\n---\nHalo\n")
    assert (front, body, body_line) == ("title: A\nsteps: []", "Halo\n", 5)
    value, _ = load_yaml(front, first_line=2)
    assert value.line_of("steps") == 3


def test_unquoted_time_and_dates():
    """Dates stay dates; a datetime-looking string does not crash."""
    value, issues = load_yaml("d: 2026-01-02\nt: 2026-01-02 10:00:00\n")
    assert issues == []
    assert value["d"].isoformat() == "2026-01-02"
    assert value["t"] == "2026-01-02 10:00:00"


# --- parse results kept between builds (pack / unpack) --------------------------------------------------------------

import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
import yaml  # noqa: E402
from hypothesis import given, settings, strategies as st  # noqa: E402

from lindungi.engine.memo import Memo  # noqa: E402
from lindungi.validation.yamlpos import PosDict, PosList, pack, unpack  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def snapshot(value):
    """Everything a validator can see of a parsed value: types, values and every line number."""
    if isinstance(value, PosDict):
        return ("map", value.line, [(k, value.line_of(k), snapshot(v)) for k, v in value.items()])
    if isinstance(value, PosList):
        return ("list", value.line, [(value.line_of(i), snapshot(v)) for i, v in enumerate(value)])
    return (type(value).__name__, value)


def _yaml_texts():
    """The YAML of every module, bank, workshop, session front matter and mkdocs.yml here and in the test sites."""
    texts = []
    for base in (REPO, *sorted((REPO / "tests" / "sites").iterdir())):
        paths = [base / "mkdocs.yml"] + [p for folder in ("modules", "quizzes", "workshops")
                                         for p in sorted((base / folder).rglob("*")) if p.suffix in (".yml", ".md")]
        for path in paths:
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8-sig")
            if path.suffix == ".md":
                text = split_front_matter(text)[0]
            if text:
                texts.append((path.relative_to(REPO).as_posix(), text))
    return texts


TEXTS = _yaml_texts()


def test_every_yaml_file_of_the_repository_round_trips_with_its_lines():
    """Every real YAML text packs and unpacks to the same values and line numbers, at first line 1 and 2."""
    assert len(TEXTS) > 40
    for name, text in TEXTS:
        for first_line in (1, 2):
            expected = load_yaml(text, first_line)
            packed = pack(*load_yaml(text))
            assert packed, name
            value, issues = unpack(packed, first_line)
            assert snapshot(value) == snapshot(expected[0]) and issues == expected[1], name


def test_issues_and_dates_round_trip_and_odd_types_are_not_packed():
    """Duplicate-key issues and dates survive the round trip (shifted); !!binary and !!set values are not packed."""
    text = "a: 1\nb: 2026-01-02\na: [x, {y: null, 3: 1.5, true: ''}]\n"
    value, issues = unpack(pack(*load_yaml(text)), first_line=5)
    assert [(i.kind, i.line, i.detail) for i in issues] == [("duplicate-key", 7, "a")]
    assert value["b"] == datetime.date(2026, 1, 2) and value.line_of("b") == 6
    assert snapshot(value) == snapshot(load_yaml(text, 5)[0])
    assert pack(*load_yaml("a: !!binary aGFsbw==\n")) == "" and pack(*load_yaml("a: !!set {x}\n")) == ""
    assert pack(*load_yaml("a: [1, 2\n")) != ""   # a syntax error is a result too


@pytest.mark.parametrize("text", ["a: !!binary aGFsbw==\n", "a: [1, 2\n", "- 1\n- [2, {b: 3}]\n", "halo\n", ""])
def test_load_with_a_memo_equals_load_without(tmp_path, text):
    """With a cold or a warm memo, load_yaml returns what it returns without one; the second read is a hit."""
    for _ in range(2):   # a cold memo, then one that holds the result
        memo = Memo(tmp_path / "sumber.json")
        value, issues = load_yaml(text, 3, memo.get)
        expected = load_yaml(text, 3)
        assert snapshot(value) == snapshot(expected[0]) and issues == expected[1]
        memo.save()
    assert memo.hits == 1


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.text(max_size=20),
                    st.floats(allow_nan=False), st.dates(min_value=datetime.date(1900, 1, 1)))
DATA = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4), max_leaves=25)


@settings(max_examples=150, deadline=None)
@given(DATA, st.sampled_from([None, False, True]))
def test_any_yaml_round_trips(data, flow):
    """Random nested data, in block and flow style, unpacks to what parsing gives."""
    text = yaml.safe_dump({"isi": data}, allow_unicode=True, default_flow_style=flow)
    expected = load_yaml(text, 2)
    assert snapshot(unpack(pack(*load_yaml(text)), 2)[0]) == snapshot(expected[0])

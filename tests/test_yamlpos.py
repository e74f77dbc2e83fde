"""The position-keeping YAML reader."""

from lindungi.yamlpos import load_yaml, split_front_matter


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

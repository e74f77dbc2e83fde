"""Read YAML and remember where every value came from.

`load_yaml(text)` returns plain Python values in which every mapping is a `PosDict` and every list a `PosList`: both know
the line they start on and the line of each key or item, so a validator can point a program officer at the exact line.
It never raises on bad content: syntax errors and duplicate keys come back as `YamlIssue`s.

Limits (see "Batas" in the authoring guide): aliases (`*name`) are refused, because one kilobyte of nested aliases
expands to gigabytes; nesting deeper than `MAX_DEPTH` and lists or mappings longer than `MAX_ITEMS` are refused too, each
as an issue with the line of the offending node. The file size limit is the reader's (`loader.read_text_file`).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, SequenceNode

MAX_DEPTH = 20      # levels of nested lists and mappings; content needs at most 6
MAX_ITEMS = 1000    # items in one list or keys in one mapping

class PosDict(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        """The line where `key` stands, or the mapping's own line."""
        return getattr(self, "key_lines", {}).get(key, self.line)


class PosList(list):
    """A list that remembers its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        """The line of item `index`, or the list's own line."""
        lines = getattr(self, "item_lines", [])
        return lines[index] if 0 <= index < len(lines) else self.line


@dataclass(frozen=True)
class YamlIssue:
    """A syntax problem or a duplicate key, with its line and column (1-based)."""

    kind: str  # "syntax", "control-character" (detail: its hex code), "duplicate-key", "alias", "too-deep", "too-many-items"
    line: int
    column: int
    detail: str


class _LimitError(yaml.MarkedYAMLError):
    """A node beyond the limits: `kind` is "alias", "too-deep" or "too-many-items"."""

    def __init__(self, kind: str, mark, detail: str):
        super().__init__(problem=detail, problem_mark=mark)
        self.kind = kind


class _GuardedComposer:
    """The pure-Python composer, refusing aliases, deep nesting and long collections at the node that breaks a limit
    (before anything is expanded or constructed, so a hostile file costs no more than reading it)."""

    _depth = 0

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _LimitError("alias", event.start_mark, f"*{event.anchor}")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _LimitError("too-deep", self.peek_event().start_mark, str(MAX_DEPTH))
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if isinstance(node, (SequenceNode, MappingNode)) and len(node.value) > MAX_ITEMS:
            item = node.value[MAX_ITEMS]
            raise _LimitError("too-many-items", (item[0] if isinstance(item, tuple) else item).start_mark,
                              str(len(node.value)))
        return node


def _within_limits(node) -> bool:
    """True when a node graph from libyaml has no alias (a node reached twice), no nesting deeper than MAX_DEPTH and
    no collection longer than MAX_ITEMS. Iterative: a deep graph cannot exhaust the stack."""
    seen = set()
    stack = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        if id(current) in seen:
            return False
        seen.add(id(current))
        if not isinstance(current, (SequenceNode, MappingNode)):
            continue
        if depth > MAX_DEPTH or len(current.value) > MAX_ITEMS:
            return False
        for item in current.value:
            if isinstance(item, tuple):
                stack.append((item[0], depth + 1))
                stack.append((item[1], depth + 1))
            else:
                stack.append((item, depth + 1))
    return True


def _flow_depth(text: str) -> int:
    """An upper bound of the flow nesting ([ and {) in `text`, counting brackets inside quotes too. libyaml composes
    nodes recursively in C, so flow brackets nested many thousands deep would crash the process, not raise."""
    brackets = _NOT_BRACKET.sub("", text)
    if len(brackets) <= MAX_DEPTH:
        return len(brackets)
    depth = deepest = 0
    for char in brackets:
        depth = depth + 1 if char in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


class _PosConstructor:
    """Constructors that build PosDict/PosList and record duplicate keys (mixed into a pure-Python and a C loader)."""

    def __init__(self, stream):
        super().__init__(stream)
        self.issues: list[YamlIssue] = []

    def construct_pos_mapping(self, node):
        mapping = PosDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                key = str(key)
            if isinstance(key, (_dt.date, _dt.datetime)):
                key = key.isoformat()
            line = key_node.start_mark.line + 1
            if key in mapping:
                self.issues.append(YamlIssue("duplicate-key", line, key_node.start_mark.column + 1, str(key)))
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = line
        return mapping

    def construct_pos_sequence(self, node):
        items = PosList(self.construct_object(child, deep=True) for child in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items

    def construct_plain_timestamp(self, node):
        # Dates stay dates; full timestamps become plain text so validators can say what they expected.
        value = self.construct_scalar(node)
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return value


class PosLoader(_GuardedComposer, _PosConstructor, yaml.SafeLoader):
    """SafeLoader that builds PosDict/PosList and records duplicate keys."""


# The same loader on libyaml's parser: about ten times faster on valid files. Its error texts differ from the pure-Python
# parser's, so a file it rejects is parsed again by `PosLoader` for the message (see `load_yaml`).
_FastPosLoader = type("_FastPosLoader", (_PosConstructor, yaml.CSafeLoader), {}) if yaml.__with_libyaml__ else None

for _loader in (PosLoader, _FastPosLoader):
    if _loader is not None:
        _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _PosConstructor.construct_pos_mapping)
        _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _PosConstructor.construct_pos_sequence)
        _loader.add_constructor("tag:yaml.org,2002:timestamp", _PosConstructor.construct_plain_timestamp)


def _load_fast(text: str):
    """(value, issues) from libyaml, or None when it is missing or rejects `text` (the slow parser then explains why).

    Text with a tab goes to the slow parser too: libyaml accepts tabs in places where PyYAML reports them.
    Text beyond the limits goes there as well, which names the line.
    """
    if _FastPosLoader is None or "\t" in text or _flow_depth(text) > MAX_DEPTH:
        return None
    loader = None
    try:
        loader = _FastPosLoader(text)
        node = loader.get_single_node()
        if node is None:
            return None, loader.issues
        if not _within_limits(node):
            return None
        return loader.construct_document(node), loader.issues
    except (yaml.YAMLError, UnicodeError, RecursionError):
        return None
    finally:
        if loader is not None:
            loader.dispose()


def load_yaml_with(text: str, loader_class):
    """`load_yaml` with a subclass of `PosLoader` (mkdocs.yml's, which ignores MkDocs' custom tags); no memo."""
    return _parse(text, 1, loader_class)


def load_yaml(text: str, first_line: int = 1, remember=None):
    """Parse `text`; return (value, issues). Line numbers start at `first_line` (for front matter inside Markdown).
    With `remember` (`Memo.get`, see memo.py) the result for this exact text may come from an earlier build: decoding
    it is several times faster than parsing, which is most of what checking a large curriculum costs."""
    if remember is None:
        return _parse(text, first_line)
    parsed = []

    def parse_and_pack() -> str:
        parsed.append(_parse(text))
        return pack(*parsed[0])

    packed = remember(("yaml", text), parse_and_pack)
    if parsed:  # parsed just now: no need to unpack what was packed
        return _shifted(*parsed[0], first_line)
    if packed:
        try:
            return unpack(packed, first_line)
        except BadPack:  # a damaged cache entry: parse again (the memo keeps the fresh result only when it saves)
            pass
    return _parse(text, first_line)


def _parse(text: str, first_line: int = 1, loader_class=None):
    """(value, issues) of `text`; `loader_class` (a PosLoader subclass) skips the fast parser."""
    fast = _load_fast(text) if loader_class is None else None
    if fast is not None:
        value, issues = fast
        return _shifted(value, issues, first_line)
    loader = None
    try:
        loader = (loader_class or PosLoader)(text)  # the reader already rejects control characters here
        value = loader.get_single_data()
    except _LimitError as err:
        return None, [YamlIssue(err.kind, err.problem_mark.line + first_line, err.problem_mark.column + 1, err.problem)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = (mark.line + 1) if mark else 1
        column = (mark.column + 1) if mark else 1
        detail = " ".join(part for part in (err.context, err.problem) if part)
        return None, [YamlIssue("syntax", line + first_line - 1, column, detail)]
    except yaml.reader.ReaderError as err:  # a control character or invalid text
        line = text.count("\n", 0, err.position) + first_line
        column = err.position - (text.rfind("\n", 0, err.position) + 1) + 1
        return None, [YamlIssue("control-character", line, column, f"{err.character:04x}")]  # named by loader.py
    except yaml.YAMLError as err:
        return None, [YamlIssue("syntax", first_line, 1, str(err).splitlines()[0] if str(err) else "YAML")]
    except RecursionError:  # only when the interpreter's stack is already nearly used up
        return None, [YamlIssue("too-deep", first_line, 1, str(MAX_DEPTH))]
    finally:
        if loader is not None:
            loader.dispose()
    return _shifted(value, loader.issues, first_line)


# --- a parse result as JSON text, lines included ---------------------------------------------------------------
# A mapping is ["d", line, key, key line, value, ...], a list ["l", line, item line, item, ...], a date ["t", iso];
# strings, numbers, booleans and null stand for themselves. Other values (!!binary, !!set, ...) are not packed.

def pack(value, issues) -> str:
    """(value, issues) of a parse as JSON text, or "" when the value holds a type JSON cannot carry."""
    try:
        return json.dumps([_pack(value), [[i.kind, i.line, i.column, i.detail] for i in issues]], ensure_ascii=False)
    except (_Unpackable, RecursionError):
        return ""


class _Unpackable(Exception):
    pass


def _pack(value):
    kind = type(value)
    if kind is PosDict:
        packed = ["d", value.line]
        for key, item in value.items():
            packed += (key, value.line_of(key), _pack(item))
        return packed
    if kind is PosList:
        packed = ["l", value.line]
        for index, item in enumerate(value):
            packed += (value.line_of(index), _pack(item))
        return packed
    if kind is _dt.date:
        return ["t", value.isoformat()]
    if value is None or kind in (str, int, float, bool):
        return value
    raise _Unpackable(kind.__name__)


class BadPack(ValueError):
    """Text that `pack` did not write (a damaged or edited cache entry)."""


_SCALARS = (str, int, float, bool, type(None))  # what a key or a leaf may be in packed text


def unpack(text: str, first_line: int = 1):
    """The (value, issues) that `pack` wrote, with line numbers starting at `first_line`. Every part is shape-checked:
    text `pack` could not have written raises `BadPack`, never anything else."""
    try:
        value, issues = json.loads(text)
        offset = first_line - 1
        found = [YamlIssue(kind, _line(line) + offset, _line(column), detail) for kind, line, column, detail in issues]
        kinds = ("syntax", "duplicate-key", "control-character")
        if not all(issue.kind in kinds and type(issue.detail) is str for issue in found):
            raise BadPack("issue")
        return _unpack(value, offset), found
    except BadPack:
        raise
    except (ValueError, TypeError, IndexError, KeyError, RecursionError) as err:
        raise BadPack(str(err)) from None


def _line(value) -> int:
    if type(value) is not int or value < 0:
        raise BadPack("line")
    return value


def _unpack(node, offset: int):
    kind = type(node)
    if kind is not list:
        if kind not in _SCALARS:
            raise BadPack("value")
        return node
    tag = node[0]
    if tag == "d" and len(node) % 3 == 2:
        mapping = PosDict()
        mapping.line = _line(node[1]) + offset
        mapping.key_lines = lines = {}
        for index in range(2, len(node), 3):
            key = node[index]
            if type(key) not in _SCALARS or key in mapping:
                raise BadPack("key")
            lines[key] = _line(node[index + 1]) + offset
            mapping[key] = _unpack(node[index + 2], offset)
        return mapping
    if tag == "l" and len(node) % 2 == 0:
        items = PosList(_unpack(node[index], offset) for index in range(3, len(node), 2))
        items.line = _line(node[1]) + offset
        items.item_lines = [_line(line) + offset for line in node[2::2]]
        return items
    if tag == "t" and len(node) == 2 and type(node[1]) is str:
        return _dt.date.fromisoformat(node[1])
    raise BadPack("node")


def _shifted(value, issues, first_line: int):
    if first_line != 1:
        _shift_lines(value, first_line - 1)
        issues = [YamlIssue(i.kind, i.line + first_line - 1, i.column, i.detail) for i in issues]
    return value, issues


def _shift_lines(value, offset: int) -> None:
    if isinstance(value, PosDict):
        value.line += offset
        value.key_lines = {k: v + offset for k, v in value.key_lines.items()}
        for item in value.values():
            _shift_lines(item, offset)
    elif isinstance(value, PosList):
        value.line += offset
        value.item_lines = [v + offset for v in value.item_lines]
        for item in value:
            _shift_lines(item, offset)


def split_front_matter(text: str):
    """Split Markdown into (front matter text or None, body, line where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    return None, text, 1

"""Declarative shapes of content files: checked with line numbers, and exported as JSON Schema for editors.

A shape is a tree of small validators (`Str`, `Int`, `Bool`, `Date`, `Time`, `Enum`, `Id`, `ListOf`, `Obj`). Checking a
value returns the cleaned value (a `PosDict`/`PosList` keeps its lines) and adds problems to a `Collector`; a value that
fails is left out of the result so later rules see only well-typed data. Nothing here raises on bad content.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from dataclasses import dataclass, field

from ..i18n.catalogue import Joined
from .problems import Collector, Phrase, Token, phrase, quote
from .yamlpos import PosDict, PosList

ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

MAX_TEXT = 5000


@dataclass
class Ctx:
    """Where checking happens: the file (relative to the project) and the collector of problems."""

    path: str
    out: Collector


def type_token(value) -> Token:
    """The translatable word for the type of `value`."""
    if value is None:
        return Token("none")
    if isinstance(value, bool):
        return Token("bool")
    if isinstance(value, int):
        return Token("int")
    if isinstance(value, float):
        return Token("number")
    if isinstance(value, (_dt.date, _dt.datetime)):
        return Token("date")
    if isinstance(value, list):
        return Token("list")
    if isinstance(value, dict):
        return Token("mapping")
    return Token("text")


def suggest(word: str, choices) -> str | None:
    """The closest choice to a misspelt `word` (case-insensitive), if any is close."""
    lowered = {str(c).lower(): c for c in choices}
    match = difflib.get_close_matches(str(word).lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def did_you_mean(word: str, choices, fallback: str = "check-spelling", **params) -> Phrase:
    """The fix for an unknown name: "replace it with 'x'" when a choice is close, else the `fallback` phrase."""
    best = suggest(word, choices)
    return phrase("replace-with", best=best) if best is not None else phrase(fallback, **params)


class Shape:
    """Base class: `check` validates, `schema` describes for JSON Schema, `token` names the type in messages."""

    doc = ""
    token = Token("text")

    def check(self, value, ctx: Ctx, key: str, line: int):
        raise NotImplementedError

    def schema(self) -> dict:
        raise NotImplementedError

    def _wrong(self, value, ctx: Ctx, key: str, line: int):
        ctx.out.add(ctx.path, line, "wrong-type", key=key, expected=self.token, found=type_token(value))
        return None


class Str(Shape):
    """Text. Numbers written where text is expected are accepted as text (a program officer writes `ya` or `2`)."""

    def __init__(self, doc: str = "", max_len: int = MAX_TEXT, allow_empty: bool = False):
        self.doc, self.max_len, self.allow_empty = doc, max_len, allow_empty

    def check(self, value, ctx, key, line):
        if isinstance(value, bool) or value is None or isinstance(value, (list, dict, _dt.date)):
            if value is None and self.allow_empty:
                return ""
            if value is None:
                ctx.out.add(ctx.path, line, "empty-value", key=key)
                return None
            return self._wrong(value, ctx, key, line)
        text = str(value)
        if not text.strip() and not self.allow_empty:
            ctx.out.add(ctx.path, line, "empty-value", key=key)
            return None
        if len(text) > self.max_len:
            ctx.out.add(ctx.path, line, "text-too-long", key=key, maximum=self.max_len, length=len(text))
            return None
        return text

    def schema(self):
        return {"type": "string", "maxLength": self.max_len, **({"minLength": 1} if not self.allow_empty else {})}


class Url(Str):
    """An absolute web address: `https://host/...` (or `http://` when `allow_http`). A bare domain gets the address
    with https:// as its fix; `javascript:`, `data:`, `vbscript:` and every other scheme are refused in any letter
    case, and so are spaces, quotes, angle brackets and control characters (the value goes into `href`)."""

    def __init__(self, doc: str = "", max_len: int = 500, allow_http: bool = False):
        super().__init__(doc, max_len)
        self.allow_http = allow_http

    def check(self, value, ctx, key, line):
        text = super().check(value, ctx, key, line)
        if text is None:
            return None
        problem = url_problem(text.strip(), self.allow_http)
        if problem is None:
            return text.strip()
        ctx.out.add(ctx.path, line, "bad-url", key=key, value=quote(text),
                    expected=phrase("url-http" if self.allow_http else "url-https"), hint=problem)
        return None

    def schema(self):
        return {**super().schema(), "format": "uri", "pattern": "^https://" if not self.allow_http else "^https?://"}


URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
URL_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\d{1,5})?$")


def url_problem(text: str, allow_http: bool = False):
    """None for a valid absolute address, else the fix phrase (see `Url`)."""
    if not text or any(ch.isspace() or ch in "\"'<>`\\" or ord(ch) < 32 or ord(ch) == 127 for ch in text):
        return phrase("url-write-whole")
    scheme = URL_SCHEME.match(text)
    if scheme is None or (scheme.group(1).lower() not in ("http", "https") and "." in scheme.group(1)):
        host = text.split("/", 1)[0]
        if URL_HOST.match(host) and "." in host:
            return phrase("url-add-scheme", best="https://" + text + ("/" if "/" not in text else ""))
        return phrase("url-write-whole")
    name = scheme.group(1).lower()
    if name not in (("http", "https") if allow_http else ("https",)):
        if name == "http":
            return phrase("url-add-scheme", best="https://" + text[len("http://"):])
        return phrase("url-bad-scheme")
    rest = text[len(scheme.group(0)):]
    host = rest[2:].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0] if rest.startswith("//") else ""
    local = allow_http and host.split(":")[0].lower() == "localhost"  # `mkdocs serve -a localhost:8000`
    if not URL_HOST.match(host) or ("." not in host and not local) or "@" in rest.split("/", 3)[2 if rest.startswith("//") else 0]:
        return phrase("url-write-whole")
    return None


def url_host(text: str) -> str:
    """The lower-case host of an absolute address ('' when there is none)."""
    match = re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:]+)", str(text).strip())
    return match.group(1).lower().rstrip(".") if match else ""


class Int(Shape):
    token = Token("int")

    def __init__(self, doc: str = "", minimum: int = 0, maximum: int = 100000):
        self.doc, self.minimum, self.maximum = doc, minimum, maximum

    def check(self, value, ctx, key, line):
        if isinstance(value, bool) or not isinstance(value, int):
            return self._wrong(value, ctx, key, line)
        if not self.minimum <= value <= self.maximum:
            ctx.out.add(ctx.path, line, "number-range", key=key, minimum=self.minimum, maximum=self.maximum, value=value)
            return None
        return value

    def schema(self):
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


class Bool(Shape):
    token = Token("bool")

    def __init__(self, doc: str = ""):
        self.doc = doc

    def check(self, value, ctx, key, line):
        return value if isinstance(value, bool) else self._wrong(value, ctx, key, line)

    def schema(self):
        return {"type": "boolean"}


class Date(Shape):
    token = Token("date")

    def __init__(self, doc: str = ""):
        self.doc = doc

    def check(self, value, ctx, key, line):
        if isinstance(value, _dt.datetime):
            return value.date()
        if isinstance(value, _dt.date):
            return value
        if isinstance(value, str):
            try:
                return _dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        ctx.out.add(ctx.path, line, "bad-date", key=key, value=quote(value))
        return None

    def schema(self):
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


class Time(Shape):
    token = Token("time")

    def __init__(self, doc: str = ""):
        self.doc = doc

    def check(self, value, ctx, key, line):
        if isinstance(value, int) and not isinstance(value, bool):
            # YAML 1.1 reads an unquoted 08:00 as the sexagesimal number 480.
            value = f"{value // 60:02d}:{value % 60:02d}"
        if isinstance(value, str) and TIME_RE.match(value.strip()):
            return value.strip()
        ctx.out.add(ctx.path, line, "bad-time", key=key, value=quote(value))
        return None

    def schema(self):
        return {"type": "string", "pattern": TIME_RE.pattern}


class Enum(Shape):
    """One of `values`: a list, or a function giving the list at each use (a registry that may grow)."""

    def __init__(self, values, doc: str = ""):
        self._values, self.doc = (values if callable(values) else list(values)), doc

    @property
    def values(self) -> list:
        return list(self._values()) if callable(self._values) else self._values

    def check(self, value, ctx, key, line):
        if any(value == v and type(value) is type(v) for v in self.values):
            return value
        hint = did_you_mean(value, [str(v) for v in self.values], "pick-value")
        ctx.out.add(ctx.path, line, "bad-choice", key=key, allowed=[str(v) for v in self.values], value=quote(value),
                    hint=hint)
        return None

    def schema(self):
        return {"enum": self.values}


class Id(Shape):
    """A kebab-case id: lower-case letters, digits and hyphens."""

    def __init__(self, doc: str = ""):
        self.doc = doc

    def check(self, value, ctx, key, line):
        if not isinstance(value, str) or isinstance(value, bool):
            if isinstance(value, int) and not isinstance(value, bool):
                value = str(value)
            else:
                return self._wrong(value, ctx, key, line)
        if not ID_RE.match(value) or len(value) > 80:
            ctx.out.add(ctx.path, line, "bad-id", value=quote(value))
            return None
        return value

    def schema(self):
        return {"type": "string", "pattern": ID_RE.pattern, "maxLength": 80}


class ListOf(Shape):
    token = Token("list")

    def __init__(self, item: Shape, doc: str = "", min_items: int = 0, unique: bool = False, max_items: int = 0):
        self.item, self.doc, self.min_items, self.unique, self.max_items = item, doc, min_items, unique, max_items

    def check(self, value, ctx, key, line):
        if not isinstance(value, list):
            return self._wrong(value, ctx, key, line)
        if len(value) < self.min_items:
            ctx.out.add(ctx.path, line, "empty-value", key=key)
            return None
        if self.max_items and len(value) > self.max_items:
            ctx.out.add(ctx.path, line, "list-too-long", key=key, maximum=self.max_items, length=len(value))
            return None
        result = PosList()
        result.line, result.item_lines = value.line if isinstance(value, PosList) else line, []
        for index, item in enumerate(value):
            item_line = value.line_of(index) if isinstance(value, PosList) else line
            checked = self.item.check(item, ctx, f"{key}[{index + 1}]", item_line)
            if checked is not None:
                result.append(checked)
                result.item_lines.append(item_line)
        return result

    def schema(self):
        out = {"type": "array", "items": self.item.schema()}
        if self.min_items:
            out["minItems"] = self.min_items
        if self.max_items:
            out["maxItems"] = self.max_items
        return out


class OneOf(Shape):
    """Either a mapping (`mapping`, an `Obj`) or a plain value (`plain`): e.g. a material written as text or as
    `{item: ..., quantity: ...}`. The mapping form is chosen by the value's type, so messages name the right keys."""

    def __init__(self, plain: Shape, mapping: Shape, doc: str = ""):
        self.plain, self.mapping, self.doc = plain, mapping, doc

    def check(self, value, ctx, key, line):
        return (self.mapping if isinstance(value, dict) else self.plain).check(value, ctx, key, line)

    def schema(self):
        return {"anyOf": [self.plain.schema(), self.mapping.schema()]}


@dataclass
class Field:
    shape: Shape
    required: bool = False
    doc: str = ""
    default: object = None


@dataclass
class Obj(Shape):
    """A mapping with known keys. Unknown keys are errors with a "did you mean" fix."""

    fields: dict = field(default_factory=dict)
    doc: str = ""
    need_one: tuple = ()  # keys of which at least one must be present (e.g. a source's `title` or `law`)
    token = Token("mapping")

    def check(self, value, ctx, key, line):
        if not isinstance(value, dict):
            return self._wrong(value, ctx, key, line)
        result = PosDict()
        result.line = value.line if isinstance(value, PosDict) else line
        result.key_lines = {}
        misspelt = {suggest(name, self.fields) for name in value if name not in self.fields}
        for name, item in value.items():
            item_line = value.line_of(name) if isinstance(value, PosDict) else line
            spec = self.fields.get(name)
            if spec is None:
                ctx.out.add(ctx.path, item_line, "unknown-key", key=name, allowed=list(self.fields),
                            hint=did_you_mean(name, self.fields, "remove-key"))
                continue
            label = f"{key}.{name}" if key else name
            checked = spec.shape.check(item, ctx, label, item_line)
            if checked is not None:
                result[name] = checked
                result.key_lines[name] = item_line
        for name, spec in self.fields.items():
            # A misspelt required key is reported once, as the unknown key with its fix, not also as missing.
            if spec.required and name not in value and name not in misspelt:
                ctx.out.add(ctx.path, result.line, "missing-key", key=name, doc=spec.doc or name)
        if self.need_one and not any(name in value or name in misspelt for name in self.need_one):
            first = self.need_one[0]
            ctx.out.add(ctx.path, result.line, "missing-key", key=first,
                        doc=Joined((n, self.fields[n].doc) for n in self.need_one))
        return result

    def schema(self):
        return {
            "type": "object",
            "additionalProperties": False,
            "required": [n for n, f in self.fields.items() if f.required],
            "properties": {n: {**f.shape.schema(), "description": f.doc} for n, f in self.fields.items()},
            **({"anyOf": [{"required": [n]} for n in self.need_one]} if self.need_one else {}),
        }


def check_document(value, shape: Obj, ctx: Ctx, expected_words: str):
    """Check a whole file's top-level value against `shape`; empty files and wrong top-level types are named as such."""
    if value is None:
        ctx.out.add(ctx.path, 1, "empty-file", expected=expected_words)
        return None
    if not isinstance(value, dict):
        ctx.out.add(ctx.path, getattr(value, "line", 1) or 1, "top-level-type", expected=Token("mapping"),
                    found=type_token(value))
        return None
    return shape.check(value, ctx, "", value.line if isinstance(value, PosDict) else 1)

"""Typed blocks in session and page Markdown, and the learner, trainer and public views made from them.

A block opens with `::: name` (optionally a title in quotes) on a line of its own and closes with `:::`:

    ::: case "Bu Sari di puskesmas"
    Cerita kasus ...

    ::: answer
    Panduan jawaban untuk pelatih ...
    :::
    :::

Names are case-sensitive; an unknown or misspelt name is an error, never plain text. Trainer-only blocks (`trainer`,
`say`, `answer`, `safeguarding`, `adapt`) are removed from the learner and public views, not hidden with CSS.
`::: local` ... `:::` shows the configured local contacts (its body, if any, comes after them); `::: referral` ... `:::`
likewise shows the region's referral pathway (regions/<id>/region.yml). `::: quiz <id>` places
a quiz bank; it has no body and no closing line and is rendered by the quiz extension.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..validation.problems import Collector, Token, phrase, quote
from ..validation.spec import did_you_mean

OPEN_RE = re.compile(r"^:::\s*([A-Za-z][\w-]*)\s*(.*?)\s*$")
CLOSE_RE = re.compile(r"^:::\s*$")
FENCE_RE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN_RE = re.compile(r"(`+)(?:(?!\1).)+?\1")
QUIZ_RE = re.compile(r"^:::\s*quiz\s+(\S+)\s*$")



def lines_outside_code(text: str, first_line: int = 1):
    """(line number, line with its code spans blanked, original line) for each line of Markdown `text`; the blanked
    line is None inside fenced code. Placeholders and links are looked for in the blanked line only, so the authoring
    guide can show them in code; a match's position is the same in both lines."""
    fence = None
    for offset, line in enumerate(text.split("\n")):
        marker = FENCE_RE.match(line)
        if marker:
            fence = None if fence == marker.group(1) else (fence or marker.group(1))
            yield first_line + offset, None, line
        elif fence:
            yield first_line + offset, None, line
        else:
            yield first_line + offset, CODE_SPAN_RE.sub(lambda m: " " * len(m.group(0)), line), line

@dataclass(frozen=True)
class BlockType:
    name: str
    trainer_only: bool = False
    needs_body: bool = True
    closes: bool = True      # False: a one-line block with no body and no closing ':::'
    parents: tuple = ()  # if set, the block may only stand inside one of these


BLOCK_TYPES = {b.name: b for b in (
    BlockType("trainer", trainer_only=True),
    BlockType("say", trainer_only=True),
    BlockType("activity"),
    BlockType("roleplay"),
    BlockType("observer"),
    BlockType("case"),
    BlockType("answer", trainer_only=True, parents=("case", "activity", "roleplay", "discussion")),
    BlockType("discussion"),
    BlockType("keypoint"),
    BlockType("safeguarding", trainer_only=True),
    BlockType("adapt", trainer_only=True),
    BlockType("local", needs_body=False),
    BlockType("referral", needs_body=False),
    BlockType("quiz", needs_body=False, closes=False),
)}

VIEWS = ("learner", "trainer", "public")


@dataclass
class Block:
    name: str
    title: str
    line: int
    children: list = field(default_factory=list)  # strings (lines) and Blocks, in order
    closed: bool = False


def parse(text: str, path: str, out: Collector, first_line: int = 1, view: str = "learner") -> list:
    """Parse Markdown into lines and Blocks; report unknown names, unclosed and stray closers to `out`.

    `view` is where the text will appear: in `public` pages trainer-only blocks are errors, because public pages have no
    trainer view to hold them.
    """
    root: list = []
    stack: list[Block] = []
    in_fence = None
    for offset, line in enumerate(text.split("\n")):
        number = first_line + offset
        target = stack[-1].children if stack else root
        fence = FENCE_RE.match(line)
        if fence:
            marker = fence.group(1)
            in_fence = None if in_fence == marker else (in_fence or marker)
            target.append(line)
            continue
        if in_fence:
            target.append(line)
            continue
        if CLOSE_RE.match(line):
            if stack:
                block = stack.pop()
                block.closed = True
                if block.name not in BLOCK_TYPES:
                    continue
                if BLOCK_TYPES[block.name].needs_body and not _has_text(block.children):
                    out.add(path, block.line, "block-needs-body", value=quote(block.name), name=block.name)
            else:
                out.add(path, number, "block-stray-close")
            continue
        match = OPEN_RE.match(line)
        if not match:
            target.append(line)
            continue
        name, rest = match.group(1), match.group(2)
        kind = BLOCK_TYPES.get(name)
        if kind is None:
            out.add(path, number, "unknown-block", value=quote(name), allowed=list(BLOCK_TYPES),
                    hint=did_you_mean(name, BLOCK_TYPES, "block-name"))
            # Keep the structure: its closing ':::' belongs to it. Its lines are kept as plain text.
            stack.append(Block(name, _unquote(rest), number, children=target, closed=False))
            continue
        parent = stack[-1].name if stack else None
        if kind.parents and parent not in kind.parents:
            out.add(path, number, "block-misplaced", value=quote(name),
                    where=phrase("outside-blocks", blocks="/".join(kind.parents)),
                    expected=phrase("inside-blocks", blocks=", ".join(kind.parents)), found=quote(parent or "-"),
                    hint=phrase("move-into", name=name, parent=kind.parents[0]))
        if view == "public" and kind.trainer_only:
            out.add(path, number, "block-misplaced", value=quote(name), where=phrase("public-page"),
                    expected=phrase("all-readers-block"), found=quote(name), hint=phrase("move-trainer-note"))
        title = _unquote(rest)
        block = Block(name, title, number)
        target.append(block)
        if kind.closes:
            stack.append(block)
        else:
            block.closed = True
    for block in stack:
        if block.name in BLOCK_TYPES:
            out.add(path, block.line, "block-unclosed", value=quote(block.name))
    return root


def block_names(tree) -> list[str]:
    """Names of all blocks in a parsed tree, depth first."""
    names = []
    for item in tree:
        if isinstance(item, Block):
            names.append(item.name)
            names.extend(block_names(item.children))
    return names


def find_blocks(tree, name: str) -> list[Block]:
    found = []
    for item in tree:
        if isinstance(item, Block):
            if item.name == name:
                found.append(item)
            found.extend(find_blocks(item.children, name))
    return found


def render(tree, view: str, labels: dict, local_html: str, referral_html: str = "") -> str:
    """Markdown for one view. Blocks become `<div class="lp-block lp-block--NAME" markdown>` with a visible label.

    `labels` maps block names to their interface label; `local_html` is the rendered local-contacts box and
    `referral_html` the region's referral pathway.
    """
    assert view in VIEWS
    lines: list[str] = []
    for item in tree:
        if isinstance(item, str):
            lines.append(item)
            continue
        kind = BLOCK_TYPES[item.name]
        if kind.trainer_only and view != "trainer":
            continue
        if item.name == "quiz":
            lines.append(f"::: quiz {item.title}")
            continue
        if item.name in ("local", "referral"):
            lines.extend(["", local_html if item.name == "local" else referral_html, ""])
            if _has_text(item.children):
                lines.append(render(item.children, view, labels, local_html, referral_html))
            continue
        label = labels.get(item.name, item.name)
        heading = f"{label}: {item.title}" if item.title else label
        classes = f"lp-block lp-block--{item.name}" + (" lp-block--trainer-only" if kind.trainer_only else "")
        lines.append("")
        lines.append(f'<div class="{classes}" markdown>')
        lines.append(f'<p class="lp-block__label">{html.escape(heading)}</p>')
        lines.append("")
        lines.append(render(item.children, view, labels, local_html, referral_html))
        lines.append("")
        lines.append("</div>")
        lines.append("")
    return "\n".join(lines)


def plain_text(tree, include_trainer: bool = True) -> str:
    """All text of a tree without block markers (for search, handouts and tests)."""
    parts = []
    for item in tree:
        if isinstance(item, str):
            parts.append(item)
        elif include_trainer or not BLOCK_TYPES[item.name].trainer_only:
            parts.append(item.title)
            parts.append(plain_text(item.children, include_trainer))
    return "\n".join(parts)


def _has_text(children) -> bool:
    return any(isinstance(c, Block) or c.strip() for c in children)


def _unquote(rest: str) -> str:
    rest = rest.strip()
    if len(rest) >= 2 and rest[0] == rest[-1] and rest[0] in "\"'":
        return rest[1:-1]
    return rest


__all__ = ["BLOCK_TYPES", "Block", "parse", "render", "block_names", "find_blocks", "plain_text", "Token"]

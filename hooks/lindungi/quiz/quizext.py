"""`::: quiz <id>` in Markdown: a plain Python-Markdown extension (no MkDocs API), so it works under any engine that
runs Markdown extensions.

```python
ext = QuizExtension(banks=project.quizzes, ui=strings("id"))
ext.set_page(storage="opt_in")        # before each page: "none" (public pages) or "opt_in" (module pages)
html = markdown.markdown(text, extensions=[ext])
```

A line `::: quiz <id>` (outside fenced code) becomes the quiz rendered by `quizrender.render_quiz`, stored in the HTML
stash so Markdown never touches it. An unknown id is left as text: the content rules (validate.py) already reported it.

With `defer=True` the line becomes an empty slot element instead, and `fill(html)` puts the quizzes into the finished
page. A site engine calls `fill` after its search indexer has read the page, so options, feedback and explanations
never reach the search index (a learner searching must not find the answers) and the indexer does not parse them.
"""

from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from ..engine.memo import remember
from .quizrender import STORAGE_POLICIES, render_quiz

QUIZ_LINE = re.compile(r"^:::\s*quiz\s+(\S+)\s*$")
SLOT = '<div class="lpq-slot" data-lpq-slot="{bank}|{storage}"></div>'
SLOT_RE = re.compile(r'<div class="lpq-slot" data-lpq-slot="([a-z][a-z0-9-]*)\|([a-z_]+)"></div>')
FENCE = re.compile(r"^\s*(```|~~~)")


class QuizExtension(Extension):
    """Renders `::: quiz <id>` lines. One instance per build; `set_page` gives the storage policy of the next page."""

    def __init__(self, banks: dict, ui: dict, defer: bool = False, memo=None, **kwargs):
        self.banks = banks
        self.ui = ui
        self.defer = defer
        self.keep = remember(memo)  # rendered quizzes of unchanged banks from an earlier build (memo.py)
        self.storage = "none"
        self.allowed = None
        self._cache: dict = {}
        super().__init__(**kwargs)

    def set_page(self, storage: str = "none", allowed=None) -> None:
        """Storage policy for the page rendered next: "none" stores nothing and shows no storage controls. `allowed`:
        the bank ids the page's block tree places; a `::: quiz` line naming any other bank stays text (None: any)."""
        if storage not in STORAGE_POLICIES:
            raise ValueError(f"storage must be one of {STORAGE_POLICIES}, not {storage!r}")
        self.storage = storage
        self.allowed = None if allowed is None else frozenset(allowed)

    def quiz_html(self, bank_id: str, storage: str | None = None) -> str | None:
        """The rendered quiz (once per bank and storage policy), or None for an unknown bank."""
        bank = self.banks.get(bank_id)
        storage = storage or self.storage
        if bank is None or storage not in STORAGE_POLICIES:
            return None
        key = (bank_id, storage)
        if key not in self._cache:
            self._cache[key] = self.keep(("quiz", repr(bank), storage), lambda: render_quiz(bank, self.ui, storage))
        return self._cache[key]

    def placed(self, bank_id: str) -> str | None:
        """What a `::: quiz` line becomes: the quiz, or its slot when deferred; None for an unknown bank or one the
        page's block tree does not place."""
        if self.allowed is not None and bank_id not in self.allowed:
            return None
        if not self.defer:
            return self.quiz_html(bank_id)
        return SLOT.format(bank=bank_id, storage=self.storage) if bank_id in self.banks else None

    def fill(self, html: str) -> str:
        """`html` with every slot replaced by its quiz (deferred mode; a page without slots comes back unchanged)."""
        if "lpq-slot" not in html:
            return html
        return SLOT_RE.sub(lambda m: self.quiz_html(m.group(1), m.group(2)) or m.group(0), html)

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        # Before the raw-HTML preprocessor (20): our placeholder must stand as a paragraph of its own.
        md.preprocessors.register(QuizPreprocessor(md, self), "lindungi_quiz", 27)


class QuizPreprocessor(Preprocessor):
    def __init__(self, md, ext: QuizExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fence = None
        for line in lines:
            marker = FENCE.match(line)
            if marker:
                fence = None if fence == marker.group(1) else (fence or marker.group(1))
            match = None if fence or marker else QUIZ_LINE.match(line)
            html = self.ext.placed(match.group(1)) if match else None
            if html is None:
                out.append(line)
                continue
            out.extend(["", self.md.htmlStash.store(html), ""])
        return out


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's entry point)
    return QuizExtension(**kwargs)

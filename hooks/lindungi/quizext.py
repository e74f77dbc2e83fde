"""`::: quiz <id>` in Markdown: a plain Python-Markdown extension (no MkDocs API), so it works under any engine that
runs Markdown extensions.

```python
ext = QuizExtension(banks=project.quizzes, ui=strings("id"))
ext.set_page(storage="opt_in")        # before each page: "none" (public pages) or "opt_in" (module pages)
html = markdown.markdown(text, extensions=[ext])
```

A line `::: quiz <id>` (outside fenced code) becomes the quiz rendered by `quizrender.render_quiz`, stored in the HTML
stash so Markdown never touches it. An unknown id is left as text: the content rules (validate.py) already reported it.
"""

from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .quizrender import STORAGE_POLICIES, render_quiz

QUIZ_LINE = re.compile(r"^:::\s*quiz\s+(\S+)\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


class QuizExtension(Extension):
    """Renders `::: quiz <id>` lines. One instance per build; `set_page` gives the storage policy of the next page."""

    def __init__(self, banks: dict, ui: dict, **kwargs):
        self.banks = banks
        self.ui = ui
        self.storage = "none"
        self._cache: dict = {}
        super().__init__(**kwargs)

    def set_page(self, storage: str = "none") -> None:
        """Storage policy for the page rendered next: "none" stores nothing and shows no storage controls."""
        if storage not in STORAGE_POLICIES:
            raise ValueError(f"storage must be one of {STORAGE_POLICIES}, not {storage!r}")
        self.storage = storage

    def quiz_html(self, bank_id: str) -> str | None:
        bank = self.banks.get(bank_id)
        if bank is None:
            return None
        key = (bank_id, self.storage)
        if key not in self._cache:
            self._cache[key] = render_quiz(bank, self.ui, self.storage)
        return self._cache[key]

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
            html = self.ext.quiz_html(match.group(1)) if match else None
            if html is None:
                out.append(line)
                continue
            out.extend(["", self.md.htmlStash.store(html), ""])
        return out


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's entry point)
    return QuizExtension(**kwargs)

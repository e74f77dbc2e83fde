"""What a build said, told short: the summary that ends its output, and under `mkdocs serve` the page shown in the
browser after a failed rebuild. No MkDocs: the adapter feeds log records and counts in.

A `Capture` handler on the "mkdocs" logger keeps every warning and error of one build (ours carry file:line and a fix;
MkDocs' own are kept as they are), in order, so the first problem can be named again at the end.
"""

from __future__ import annotations

import html
import logging

from ..i18n.messages import note

MAX_SHOWN = 20  # problems listed on the serve error page (the terminal has them all)


class Capture(logging.Handler):
    """Warnings and errors of the current build, in the order they were logged."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[tuple[str, str]] = []  # (levelname, message)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.messages.append((record.levelname, record.getMessage().strip()))
        except Exception:  # a badly formatted record must not break the build
            pass

    def reset(self) -> None:
        self.messages = []

    @property
    def errors(self) -> int:
        return sum(1 for level, _ in self.messages if level in ("ERROR", "CRITICAL"))

    @property
    def warnings(self) -> int:
        return sum(1 for level, _ in self.messages if level == "WARNING")


def first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else ""


def summary_lines(capture: Capture, *, failed: bool, pages: int, pdfs, site: str, lang: str = "id",
                  error: str = "") -> list[str]:
    """Two to four short lines: what was made (or that nothing was), the first problem with its file:line, what to do.
    `pdfs` is a count, or a phrase when the PDFs are made later; `error` is the exception of a failed build when no
    warning or error was logged before it."""
    messages = [m for _, m in capture.messages if m]
    problems = len(messages)
    if failed:
        errors = capture.errors
        if not messages and error:
            messages, problems, errors = [first_line(error)], 1, 1
        lines = [note("summary-failed", lang, problems=problems, errors=errors, warnings=capture.warnings)]
    else:
        lines = [note("summary-done", lang, site=site, pages=pages, pdfs=pdfs, problems=problems)]
    if messages:
        lines.append(note("summary-first", lang, first=first_line(messages[0])))
        lines.append(note("summary-todo-failed" if failed else "summary-todo-warnings", lang))
    return lines


def error_page(capture: Capture, error: str, lang: str = "id") -> str:
    """A self-contained HTML page (no stylesheet, script or image to fetch) naming the problems of a failed build."""
    messages = [m for _, m in capture.messages if m] or [first_line(error) or error]
    shown = messages[:MAX_SHOWN]
    items = "\n".join(f"<li><code>{html.escape(m)}</code></li>" for m in shown)
    more = f"<p>… +{len(messages) - len(shown)}</p>" if len(messages) > len(shown) else ""
    title = html.escape(note("serve-error-title", lang))
    return f"""<!doctype html>
<html lang="{html.escape(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>{title}</title>
<style>body{{font:1rem/1.5 system-ui,sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem;color:#1d1d1d}}
h1{{font-size:1.4rem;color:#8e1b1b}}li{{margin:.6rem 0}}code{{white-space:pre-wrap;font:.9rem/1.45 monospace}}</style>
</head><body data-lp-serve-error>
<h1>{title}</h1>
<p>{html.escape(note("serve-error-intro", lang))}</p>
<ol>
{items}
</ol>
{more}
</body></html>
"""

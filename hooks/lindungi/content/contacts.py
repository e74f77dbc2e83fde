"""Help-line placeholders in Markdown: `{{ telepon sapa-129 }}` and `{{ whatsapp sapa-129 }}`. No MkDocs.

A page never types a help-line number by hand. It names a contact configured in `mkdocs.yml` (`extra.lindungi`,
`help_lines` and `local_contacts`, each with an `id`), and the build writes the number as a link that can be tapped:

```markdown
Hubungi {{ telepon darurat-112 }} atau SAPA 129 lewat WhatsApp {{ whatsapp sapa-129 }}.
```

becomes `<a class="lp-call" href="tel:112">112</a>` and `<a class="lp-call" href="https://wa.me/628111129129"
rel="noreferrer">08111-129-129</a>`: the same links the help block at the foot of every page uses
(`templates/content/call_link.html`). Placeholders in fenced code and code spans are left as they are, so the authoring
guide can show them. `check` reports an unknown kind or id, or a contact without that channel, with its file and line.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from ..engine import templating
from ..validation.problems import Collector, quote
from ..validation.spec import did_you_mean
from .blocks import lines_outside_code

# `{{ kind id }}`: anything between double braces on one line; what is inside is checked, so a typo is reported.
PLACEHOLDER_RE = re.compile(r"\{\{([^{}\n]*)\}\}")
KINDS = {"telepon": "phone", "whatsapp": "whatsapp"}  # placeholder word -> Contact field
REGION_PREFIX = "region."  # `{{ region.name }}` and the like belong to regions.py

_ENV = templating.environment("contacts")


def by_id(settings) -> dict:
    """id -> Contact for every configured contact that has an id (local contacts first)."""
    found: dict = {}
    for contact in tuple(settings.local_contacts) + tuple(settings.help_lines):
        if contact.id and contact.id not in found:
            found[contact.id] = contact
    return found


def link(contact, kind: str) -> str:
    """The tappable link for one channel (`phone` or `whatsapp`) of a contact."""
    return _ENV.get_template("content/call_link.html").render(c=contact, kind=kind).strip()


def _parse(inner: str):
    words = inner.split()
    return (words[0], words[1]) if len(words) == 2 else (None, None)


def check(text: str, path: str, first_line: int, settings, out: Collector) -> None:
    """Report every placeholder in `text` that cannot be rendered: unknown kind, unknown id, or a channel the
    contact does not have."""
    if not getattr(settings, "readable", True):
        return  # mkdocs.yml could not be read (its problem is reported): the contacts are unknown, not wrong
    known = by_id(settings)
    for number, plain, _ in lines_outside_code(text, first_line):
        if plain is None or "{{" not in plain:
            continue
        for match in PLACEHOLDER_RE.finditer(plain):
            words = match.group(1).split()
            if not words or words[0] not in KINDS:
                continue  # not a help-line placeholder: regions.Filler fills it or reports it, once
            kind, contact_id = _parse(match.group(1))
            if kind is None:  # `{{ telepon }}`: the kind without its contact id
                out.add(path, number, "contact-placeholder-bad", value=quote(match.group(0)), allowed=list(KINDS))
                continue

            contact = known.get(contact_id)
            if contact is None:
                out.add(path, number, "contact-unknown", value=quote(contact_id), allowed=sorted(known),
                        hint=did_you_mean(contact_id, known, "contact-id"))
            elif not getattr(contact, KINDS[kind]):
                out.add(path, number, "contact-no-such-channel", value=quote(contact_id), found=kind,
                        expected=[k for k, field in KINDS.items() if getattr(contact, field)])


def expand(markdown: str, settings) -> str:
    """`markdown` with every valid placeholder outside code replaced by its link (invalid ones are left as typed;
    `check` has reported them)."""
    if "{{" not in markdown:
        return markdown
    known = by_id(settings)

    def replace(match):
        kind, contact_id = _parse(match.group(1))
        contact = known.get(contact_id)
        if kind not in KINDS or contact is None or not getattr(contact, KINDS[kind]):
            return match.group(0)
        return link(contact, KINDS[kind])

    lines = []
    for _, plain, line in lines_outside_code(markdown):
        if plain is None or "{{" not in plain:
            lines.append(line)
            continue
        # Replace only matches that lie outside code spans: find them on the blanked line, splice into the original.
        pieces, last = [], 0
        for match in PLACEHOLDER_RE.finditer(plain):
            pieces += [line[last:match.start()], replace(match)]
            last = match.end()
        lines.append("".join(pieces) + line[last:])
    return "\n".join(lines)


def expand_text(text: str, settings):
    """Plain text from YAML (a key point) as Markdown: each valid placeholder becomes its link, every other part goes
    through `templating.md_text` (the one way YAML text reaches a Markdown page), keeping the spaces around links."""
    known = by_id(settings)
    pieces, last = [], 0

    def plain(part: str) -> str:
        if not part.strip():
            return " " if part else ""
        return (" " if part[0].isspace() else "") + templating.md_text(part) + (" " if part[-1].isspace() else "")

    for match in PLACEHOLDER_RE.finditer(str(text)):
        kind, contact_id = _parse(match.group(1))
        contact = known.get(contact_id)
        if kind in KINDS and contact is not None and getattr(contact, KINDS[kind]):
            pieces += [plain(text[last:match.start()]), link(contact, KINDS[kind])]
            last = match.end()
    pieces.append(plain(text[last:]))
    return Markup("".join(pieces))

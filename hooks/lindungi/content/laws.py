"""The law registry (`laws.yml`) and citations of its laws. No MkDocs.

`laws.yml` lists every law and regulation the content cites, once: its full title, number, year, status (in force,
amended by, revoked by), official address and the date someone last checked it. Content cites a law by its id:

- in `module.yml`: `sources: [{law: uu-12-2022, articles: Pasal 41}]` (title, year and url come from the registry);
- in Markdown (sessions and public pages): `[UU TPKS Pasal 41](law:uu-12-2022)`, a link the build points at the
  law's official address (`lawext.py`).

`load_laws` checks the file; `find_citations` finds the Markdown links with their lines; `validate.check_law_citations`
checks every citation against the registry.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import replace

from ..validation.problems import Collector, Token, phrase, quote
from ..validation.shapes import LAWS
from ..validation.spec import Ctx, check_document, did_you_mean
from .blocks import lines_outside_code
from .models import Law

LAWS_FILE = "laws.yml"
SCHEME = "law:"
# `[text](law:<id>)` or `[text](law:<id> "title")`; the id is checked by the rules, so take anything up to ')' or a space.
LINK_RE = re.compile(r"\[(?P<text>[^\]\n]*)\]\(\s*law:(?P<id>[^)\s]*)[^)]*\)")
# A reference-style definition `[name]: law:<id>` (used by `[text][name]` links).
DEFINITION_RE = re.compile(r"^\s{0,3}\[(?P<text>[^\]\n]+)\]:\s*<?law:(?P<id>[^>\s]*)")
URL_RE = re.compile(r"^https?://[^\s<>\"']+$")
STALE_MONTHS = 12


def load_laws(value, rel: str, out: Collector) -> dict:
    """Check the registry file's value; returns id -> Law for every entry that passed its shape checks. Reports
    duplicate ids, a status without the law that amended or revoked it, unknown `amended_by`/`revoked_by` ids and
    addresses that are not http(s)."""
    ctx = Ctx(rel, out)
    data = check_document(value, LAWS, ctx, phrase("expect-laws"))
    if data is None:
        return {}
    laws: dict = {}
    entries = data.get("laws", [])
    for index, raw in enumerate(entries):
        line = entries.line_of(index)
        if not all(key in raw for key in ("id", "title", "status", "url")):
            continue  # a missing or mistyped required key is reported already
        law_id = raw["id"]
        if law_id in laws:
            out.add(rel, raw.line_of("id"), "duplicate-id", kind=Token("law"), value=quote(law_id),
                    other=f"{rel}:{laws[law_id].line}")
            continue
        if not URL_RE.match(raw["url"].strip()):
            out.add(rel, raw.line_of("url"), "law-bad-url", value=quote(raw["url"]))
        for status, key in (("amended", "amended_by"), ("revoked", "revoked_by")):
            if raw["status"] == status and not raw.get(key):
                out.add(rel, raw.line_of("status"), "law-status-needs-ref", value=quote(law_id), status=status,
                        key=key)
        laws[law_id] = Law(id=law_id, title=raw["title"], kind=raw.get("kind", ""), number=str(raw.get("number", "")),
                           year=raw.get("year"), status=raw["status"], amended_by=tuple(raw.get("amended_by", ())),
                           revoked_by=tuple(raw.get("revoked_by", ())), url=raw["url"].strip(),
                           checked=raw.get("checked"), note=raw.get("note", ""), path=rel, line=line)
    for index, raw in enumerate(entries):
        for key in ("amended_by", "revoked_by"):
            for ref in raw.get(key, ()):
                if ref not in laws:
                    out.add(rel, raw.line_of(key), "unknown-ref", kind=Token("law"), value=quote(ref),
                            allowed=sorted(laws)[:12], hint=did_you_mean(ref, laws, "law-registry"))
    return laws


def find_citations(text: str, first_line: int = 1) -> list[tuple[str, int, str]]:
    """(law id, line, link text) of every `[text](law:<id>)` link and `[name]: law:<id>` definition in Markdown
    `text`, outside fenced code and code spans. `first_line` is the line number of the text's first line in its
    file."""
    found = []
    for number, plain, _ in lines_outside_code(text, first_line):
        if plain is None or SCHEME not in plain:
            continue
        matches = list(LINK_RE.finditer(plain)) + list(filter(None, [DEFINITION_RE.match(plain)]))
        found += [(match.group("id"), number, match.group("text")) for match in matches]
    return found


def first_heading(text: str) -> str:
    """The text of the first `# ` heading of a Markdown page, or ''."""
    for line in text.split("\n"):
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def stale_before(today: _dt.date) -> _dt.date:
    """A law last checked before this date was checked more than 12 months before `today`."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


def resolve_source(source, laws: dict):
    """A `{law: id}` source with title, year and url filled in from the registry (unchanged for other sources and
    unknown ids, which the rules report)."""
    law = laws.get(source.law) if source.law else None
    if law is None:
        return source
    title = f"{law.title}, {source.articles}" if source.articles else law.title
    return replace(source, title=title, year=law.year, url=law.url)

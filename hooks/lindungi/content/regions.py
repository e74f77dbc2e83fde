"""Regions: one folder `regions/<id>/` per regency or city, holding every regional fact. No MkDocs.

- `regions/<id>/region.yml`: names, province, offices, local contacts, address, logo, site_url, referral pathway
  (`shapes.REGION`);
- `regions/<id>/docs/`: optional pages that replace or add to the `docs/` pages at the same path;
- a logo file named by `logo:` (PNG, SVG or JPEG, recognised by its first bytes).

Shared content (docs/, modules/, quizzes/, workshops/) never names a regency: it writes placeholders such as
`{{ region.name }}`, filled from the region being built (`fill_text`, `fill_value`). `find_names` flags the literal name
of any region found in shared content.
"""

from __future__ import annotations

import base64
import html
import os
import re
from pathlib import Path

from ..validation.problems import Collector, Token, phrase, quote
from ..validation.shapes import REGION
from ..validation.spec import Ctx, check_document, did_you_mean
from ..validation.yamlpos import PosDict, PosList
from . import contacts
from .blocks import CODE_SPAN_RE, lines_outside_code
from .models import Contact, Region

REGIONS_DIR = "regions"
REGION_FILE = "region.yml"
SHARED_FOLDERS = ("docs", "modules", "quizzes", "workshops")
SHARED_SUFFIXES = (".md", ".yml", ".yaml", ".html", ".txt")
REFERRAL_ROLES = ("police", "hospital", "social", "court")

# `{{ region.name }}`; anything between double braces is a placeholder (an unknown one is an error).
PLACEHOLDER_RE = re.compile(r"\{\{\s*(.*?)\s*\}\}")

# placeholder -> (region.yml key that fills it, or "" when derived), in the order the guide lists them
PLACEHOLDERS = {
    "region.name": "name",            # Kabupaten Contoh (kind and name)
    "region.short_name": "name",      # Contoh
    "region.kind": "kind",            # Kabupaten
    "region.province": "province",
    "region.uptd": "uptd",
    "region.office": "office",
    "region.office_short": "office_short",
    "region.address": "address",
    "region.site_url": "site_url",
    "region.referral_note": "referral.note",
}

_MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))


# --- loading --------------------------------------------------------------------------------------------------------

def region_folders(root: Path) -> list[Path]:
    base = Path(root) / REGIONS_DIR
    if not base.is_dir():
        return []
    return sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def load_all(root: Path, out: Collector, read_yaml) -> tuple[dict, set]:
    """Every region under `regions/`, checked: ({id: Region}, ids of folders that could not be read).
    `read_yaml(path, rel)` parses one YAML file, reporting syntax problems (None when it could not)."""
    root = Path(root)
    regions: dict[str, Region] = {}
    broken: set = set()
    for folder in region_folders(root):
        rel = f"{REGIONS_DIR}/{folder.name}/{REGION_FILE}"
        if not (folder / REGION_FILE).is_file():
            out.add(f"{REGIONS_DIR}/{folder.name}", 0, "region-file-missing", value=quote(folder.name))
            broken.add(folder.name)
            continue
        region = build_region(read_yaml(folder / REGION_FILE, rel), rel, folder, root, out)
        if region is None:
            broken.add(folder.name)
            continue
        if region.id in regions:
            out.add(rel, region.line, "duplicate-id", kind=Token("region"), value=quote(region.id),
                    other=regions[region.id].path)
            continue
        regions[region.id] = region
    return regions, broken


def build_region(value, rel: str, folder: Path, root: Path, out: Collector) -> Region | None:
    data = check_document(value, REGION, Ctx(rel, out), phrase("expect-region"))
    if data is None or not all(k in data for k in ("kind", "name", "province", "uptd")):
        return None
    region_id = data.get("id", folder.name)
    if region_id != folder.name:
        out.add(rel, data.line_of("id"), "id-mismatch", where=Token("folder"), expected=quote(folder.name),
                value=quote(region_id))
    site_url = data.get("site_url", "")
    if site_url and not re.match(r"^https?://[^\s/]+", site_url):
        out.add(rel, data.line_of("site_url"), "region-bad-url", value=quote(site_url))
        site_url = ""
    logo = _logo(data, rel, folder, root, out)
    referral = data.get("referral", PosDict())
    places = []
    for role in REFERRAL_ROLES:
        if role in referral:
            contact = contact_of(referral[role], rel, referral.line_of(role), out, need_channel=False)
            places.append((role, contact))
    contacts = data.get("local_contacts", PosList())
    return Region(
        id=region_id, path=rel, kind=data["kind"], name=data["name"], province=data["province"], uptd=data["uptd"],
        office=data.get("office", ""), office_short=data.get("office_short", ""), address=data.get("address", ""),
        site_url=site_url, logo=logo, other_names=tuple(data.get("other_names", ())),
        local_contacts=tuple(contact_of(c, rel, contacts.line_of(i), out) for i, c in enumerate(contacts)),
        referral_note=referral.get("note", ""), referral=tuple(places), line=data.line_of("id"))


def contact_of(raw, rel: str, line: int, out: Collector, need_channel: bool = True) -> Contact:
    """A checked contact; a contact with no channel, or a number that is not a number, is reported at `line`."""
    contact = Contact(**{k: raw.get(k, "") for k in ("name", "phone", "whatsapp", "address", "hours", "note", "id")})
    if need_channel and not (contact.phone or contact.whatsapp or contact.address):
        out.add(rel, line, "contact-no-channel", value=quote(contact.name))
    for number in (contact.phone, contact.whatsapp):
        if number and not is_phone(number):
            out.add(rel, line, "bad-phone", value=quote(number))
    return contact


def is_phone(number: str) -> bool:
    stripped = number.strip()
    body = stripped[1:] if stripped.startswith("+") else stripped
    return bool(body) and all(ch.isdigit() or ch in " -" for ch in body) and any(ch.isdigit() for ch in body)


def _logo(data, rel: str, folder: Path, root: Path, out: Collector) -> str:
    """The project-relative path of the region's logo, when it names a real image file in the region's folder."""
    name = data.get("logo", "")
    if not name:
        return ""
    line = data.line_of("logo")
    path = (folder / name).resolve()
    folder_rel = folder.relative_to(root).as_posix()
    if not path.is_relative_to(folder.resolve()) or not path.is_file():
        out.add(rel, line, "region-logo-missing", value=quote(name), folder=f"{folder_rel}/")
        return ""
    head = path.read_bytes()[:512]
    if image_type(head) is None:
        found = quote(repr(head[:8])[2:-1]) if head else phrase("empty-content")
        out.add(rel, line, "region-logo-not-image", value=quote(name), found=found)
        return ""
    return path.relative_to(root.resolve()).as_posix()


def image_type(head: bytes) -> str | None:
    """The media type of an image recognised by its first bytes: PNG, JPEG, or SVG (XML text with an <svg element)."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith((b"<svg", b"<?xml", b"<!--", b"<!DOCTYPE svg")) and b"<svg" in head:
        return "image/svg+xml"
    return None


def data_uri(path: Path) -> str:
    """The file as a data: URI (for printed documents, which must not depend on where the file lies)."""
    raw = Path(path).read_bytes()
    kind = image_type(raw[:512]) or "application/octet-stream"
    return f"data:{kind};base64," + base64.b64encode(raw).decode("ascii")


# --- placeholders ---------------------------------------------------------------------------------------------------

def values(settings) -> dict:
    """Placeholder -> text for the site being built (from its region, or from mkdocs.yml when it has none)."""
    area = settings.area
    if area is None:
        return {key: "" for key in PLACEHOLDERS} | {"region.name": settings.region, "region.uptd": settings.organisation}
    return {
        "region.name": area.full_name, "region.short_name": area.name, "region.kind": area.kind,
        "region.province": area.province, "region.uptd": area.uptd, "region.office": area.office,
        "region.office_short": area.office_short, "region.address": area.address, "region.site_url": area.site_url,
        "region.referral_note": area.referral_note,
    }


class Filler:
    """Fills placeholders for one build and reports unknown or empty ones at their file and line."""

    def __init__(self, settings, out: Collector) -> None:
        # One line each (a value never moves the lines after it); Markdown gets them HTML-escaped, YAML as they are
        # (its templates escape what they show).
        self.values = {key: " ".join(str(value).split()) for key, value in values(settings).items()}
        self.area = settings.area
        self.out = out
        self.quiet = bool(settings.region_id) and settings.area is None  # an unknown region is reported once

    def line(self, text: str, rel: str, line: int, escape: bool = False) -> str:
        if "{{" not in text:
            return text
        if escape:
            return PLACEHOLDER_RE.sub(lambda m: html.escape(self._value(m.group(1), rel, line), quote=False), text)
        return PLACEHOLDER_RE.sub(lambda m: self._value(m.group(1), rel, line), text)

    def _value(self, name: str, rel: str, line: int) -> str:
        words = name.split()
        if words and words[0] in contacts.KINDS:  # a help-line placeholder: contacts.py checks it and writes the link
            return "{{ " + name + " }}"
        if name not in self.values:  # the one report of a placeholder of no known kind (contacts.py stays quiet)
            if len(words) == 2 and not name.startswith(contacts.REGION_PREFIX):  # `{{ telpon sapa-129 }}`
                self.out.add(rel, line, "contact-placeholder-bad", value=quote("{{ " + name + " }}"),
                             allowed=list(contacts.KINDS))
            else:
                forms = list(PLACEHOLDERS) + [f"{kind} <id>" for kind in contacts.KINDS]
                self.out.add(rel, line, "placeholder-unknown", value=quote("{{ " + name + " }}"),
                             allowed=forms, hint=did_you_mean(name, PLACEHOLDERS))
            return "{{ " + name + " }}"
        value = self.values[name]
        if not value and not self.quiet:
            if self.area is not None:
                where, key = self.area.path, PLACEHOLDERS[name]
            else:
                where, key = "mkdocs.yml", {"region.name": "region", "region.uptd": "organisation"}.get(name, "region_id")
            self.out.warn(rel, line, "placeholder-empty", value=quote("{{ " + name + " }}"),
                          region=quote(self.area.id if self.area else "-"), key=key, other=where)
        return value

    def text(self, text: str, rel: str, first_line: int = 1) -> str:
        """Markdown with its placeholders filled, line by line (no value holds a line break, so lines stay put).
        Fenced code blocks and code spans are left as they are: they may show the syntax itself."""
        if "{{" not in text:
            return text
        lines = []
        for number, plain, line in lines_outside_code(text, first_line):
            if plain is not None and "{{" in plain:
                line = _outside_code(line, lambda part, n=number: self.line(part, rel, n, escape=True))
            lines.append(line)
        return "\n".join(lines)

    def value(self, value, rel: str, line: int = 1):
        """A parsed YAML value with placeholders filled in every string (a copy, lines kept; the value itself when
        none of its strings holds a placeholder, as most content does)."""
        return self._filled(value, rel, line) if _has_placeholder(value) else value

    def _filled(self, value, rel: str, line: int = 1):
        if isinstance(value, str):
            return self.line(value, rel, line)
        if isinstance(value, dict):
            result = PosDict()
            result.line = getattr(value, "line", line)
            result.key_lines = dict(getattr(value, "key_lines", {}))
            for key, item in value.items():
                result[key] = self._filled(item, rel, value.line_of(key) if isinstance(value, PosDict) else line)
            return result
        if isinstance(value, list):
            result = PosList(self._filled(item, rel, value.line_of(i) if isinstance(value, PosList) else line)
                             for i, item in enumerate(value))
            result.line = getattr(value, "line", line)
            result.item_lines = list(getattr(value, "item_lines", []))
            return result
        return value


def _has_placeholder(value) -> bool:
    if isinstance(value, str):
        return "{{" in value
    if isinstance(value, dict):
        return any(_has_placeholder(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_placeholder(item) for item in value)
    return False


def _outside_code(line: str, fill) -> str:
    parts, last = [], 0
    for match in CODE_SPAN_RE.finditer(line):  # the code spans lines_outside_code blanks
        parts.append(fill(line[last:match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(fill(line[last:]))
    return "".join(parts)


# --- regional names in shared content --------------------------------------------------------------------------------

def names_of(region: Region) -> list[str]:
    """The names shared content must not hold: "Kabupaten Contoh" first, then the region's `other_names`."""
    return [region.full_name] + [n for n in region.other_names if n.strip()]


def find_names(root: Path, regions: dict, out: Collector) -> None:
    """Report every literal name of a region found in shared content (docs/, modules/, quizzes/, workshops/)."""
    # The full name in any case ("KABUPATEN CONTOH"); other names as written, so a folder name such as
    # `regions/contoh/` or the common word "contoh" is not taken for a region's name.
    patterns = [(re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE if index == 0 else 0), name, region)
                for region in regions.values() for index, name in enumerate(names_of(region))]
    if not patterns:
        return
    # One search of the whole file first: a file that holds no name (nearly every file) is not read line by line with
    # every region's patterns, so each build does not cost more for every region added under regions/.
    anywhere = re.compile("|".join(("(?i:" if pattern.flags & re.IGNORECASE else "(?:") + pattern.pattern + ")"
                                   for pattern, _, _ in patterns))
    lowered = {name.lower() for _, name, _ in patterns}
    root = Path(root)
    for folder in SHARED_FOLDERS:
        base = root / folder
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if not name.endswith(SHARED_SUFFIXES):
                    continue
                path = Path(dirpath) / name
                try:
                    text = path.read_text(encoding="utf-8-sig")
                except (UnicodeDecodeError, OSError):
                    continue
                # A plain substring test first, far quicker than the word-bounded patterns. It can only miss a name
                # where str.lower() and the patterns' case-folding differ: "İ" (two characters lower) and "Σ".
                folded = text.lower()
                if not any(name in folded for name in lowered) and not any(c in text for c in "\u0130\u03a3"):
                    continue
                if not anywhere.search(text):
                    continue
                rel = path.relative_to(root).as_posix()
                for number, line in enumerate(text.split("\n"), start=1):
                    for pattern, found, region in patterns:
                        if pattern.search(line):
                            hint = "{{ region.name }}" if found == region.full_name else "{{ region.short_name }}"
                            out.add(rel, number, "region-name-in-shared", value=quote(found), other=region.path,
                                    hint=quote(hint), folder=region.folder)
